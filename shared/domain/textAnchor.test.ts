import { describe, expect, it } from 'vitest';
import {
  contextAround,
  createTextAnchor,
  EmptySelectionError,
  reanchor,
  resolveTextAnchor,
  trimRange,
} from './textAnchor';

const TEXT =
  'The ministry paid Halvorsen Ltd twice. Minutes later, Halvorsen Ltd wrote back to the ministry, ' +
  'and the ministry replied that Halvorsen Ltd would be paid in April.';

describe('createTextAnchor', () => {
  it('keeps position, quote and context', () => {
    const start = TEXT.indexOf('Halvorsen Ltd wrote');
    const anchor = createTextAnchor(TEXT, start, start + 'Halvorsen Ltd'.length, {
      revisionId: 'r1',
    });
    expect(anchor.position).toEqual({ start, end: start + 13 });
    expect(anchor.quote.exact).toBe('Halvorsen Ltd');
    expect(anchor.quote.prefix.endsWith('Minutes later, ')).toBe(true);
    expect(anchor.quote.suffix.startsWith(' wrote back')).toBe(true);
    expect(anchor.revisionId).toBe('r1');
  });

  it('trims whitespace off the ends of a selection', () => {
    const start = TEXT.indexOf(' Minutes');
    const anchor = createTextAnchor(TEXT, start, start + 9);
    expect(anchor.quote.exact).toBe('Minutes');
  });

  it('refuses a selection that spans nothing', () => {
    expect(() => createTextAnchor(TEXT, 5, 5)).toThrow(EmptySelectionError);
    expect(() => createTextAnchor('a   b', 1, 4)).toThrow(/covers no text/);
    expect(() => createTextAnchor('', 0, 0)).toThrow(EmptySelectionError);
  });

  it('accepts reversed ranges', () => {
    expect(trimRange('hello world', 11, 6)).toEqual({ start: 6, end: 11 });
  });
});

describe('resolveTextAnchor', () => {
  const second = TEXT.indexOf('Halvorsen Ltd wrote');
  const anchor = createTextAnchor(TEXT, second, second + 13);

  it('finds an unchanged passage at its position', () => {
    expect(resolveTextAnchor(TEXT, anchor)).toEqual({
      start: second,
      end: second + 13,
      match: 'position',
    });
  });

  it('finds the right occurrence by its context after text before it changed', () => {
    const changed = `[Page 1]\n${TEXT.replace('twice', 'two times over')}`;
    const found = resolveTextAnchor(changed, anchor);
    expect(found?.match).toBe('quote');
    expect(changed.slice(found!.start, found!.start + 30)).toBe('Halvorsen Ltd wrote back to th');
  });

  it('prefers context over nearness', () => {
    // Both remaining occurrences are equally far; only the one with the old suffix is right.
    const changed = TEXT.replace(
      'Minutes later, Halvorsen Ltd wrote',
      'Minutes later, they wrote. Halvorsen Ltd wrote',
    );
    const found = resolveTextAnchor(changed, anchor);
    expect(changed.slice(found!.end, found!.end + 6)).toBe(' wrote');
    expect(changed.slice(found!.start - 7, found!.start)).toBe('wrote. ');
  });

  it('finds a quote whose words were corrected, approximately', () => {
    const ocr = 'Payment approved by the Minlstry of Flnance on 3 March.';
    const start = ocr.indexOf('Minlstry of Flnance');
    const ocrAnchor = createTextAnchor(ocr, start, start + 'Minlstry of Flnance'.length);
    const corrected = 'Payment approved by the Ministry of Finance on 3 March.';
    const found = resolveTextAnchor(corrected, ocrAnchor);
    expect(found?.match).toBe('approximate');
    expect(corrected.slice(found!.start, found!.end)).toBe('Ministry of Finance');
  });

  it('reports a passage that is gone', () => {
    const gone = TEXT.replaceAll('Halvorsen Ltd', 'the supplier');
    expect(resolveTextAnchor(gone, anchor)).toBeNull();
  });

  it('does not match short quotes approximately', () => {
    const short = createTextAnchor('paid in April', 8, 13);
    expect(resolveTextAnchor('paid in March', short)).toBeNull();
  });

  it('copes with a huge text', () => {
    const big = 'lorem ipsum '.repeat(200_000) + TEXT;
    const at = big.indexOf('Halvorsen Ltd wrote');
    const bigAnchor = createTextAnchor(big, at, at + 13);
    const shifted = `inserted ${big}`;
    const found = resolveTextAnchor(shifted, bigAnchor);
    expect(found).toMatchObject({ start: at + 9, match: 'quote' });
  });
});

describe('reanchor', () => {
  it('moves an anchor onto a new revision with the quote as it now reads', () => {
    const ocr = 'Signed by Elizabeth Kanter, CEO';
    const anchor = createTextAnchor(ocr, 10, 26, { revisionId: 'r1' });
    const moved = reanchor(`Page 2\n${ocr}`, anchor, 'r2');
    expect(moved?.anchor).toMatchObject({ revisionId: 'r2', position: { start: 17, end: 33 } });
    expect(moved?.anchor.quote.exact).toBe('Elizabeth Kanter');
    expect(reanchor('nothing here at all', anchor, 'r3')).toBeNull();
  });
});

describe('contextAround', () => {
  it('shows a few words either side', () => {
    const start = TEXT.indexOf('wrote back');
    const context = contextAround(TEXT, start, start + 10, 20);
    expect(context.passage).toBe('wrote back');
    expect(context.before.startsWith('…')).toBe(true);
    expect(context.after.endsWith('…')).toBe(true);
  });
});
