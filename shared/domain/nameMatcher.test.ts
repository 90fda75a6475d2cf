import { describe, expect, it } from 'vitest';
import { NameMatcher } from './nameMatcher';
import { foldTerm, foldWithOffsets } from './textFold';

const find = (names: [string, string][], text: string) =>
  new NameMatcher(names.map(([id, name]) => ({ id, name })))
    .find(text)
    .map((hit) => ({ text: text.slice(hit.start, hit.end), ids: hit.ids }));

describe('foldWithOffsets', () => {
  it('folds case, diacritics, spaces and zero-width characters, keeping offsets', () => {
    const text = 'Élysée\u00a0 Palace\u200b!';
    const folded = foldWithOffsets(text);
    expect(folded.text).toBe('elysee palace!');
    const at = folded.text.indexOf('palace');
    expect(text.slice(folded.starts[at], folded.ends[at + 5])).toBe('Palace');
    expect(foldTerm('  ＡＣＭＥ  ﬁnance ')).toBe('acme finance');
  });

  it('keeps astral characters whole', () => {
    const text = 'a😀b';
    const folded = foldWithOffsets(text);
    expect(folded.text).toBe('a😀b');
    expect(Array.from(folded.starts)).toEqual([0, 1, 1, 3]);
  });
});

describe('NameMatcher', () => {
  it('finds every name and alias in one pass, case- and diacritic-insensitively', () => {
    const hits = find(
      [
        ['k', 'Elizabeth Kanter'],
        ['k', 'Kanter'],
        ['z', 'Zoë Müller'],
      ],
      'ELIZABETH KANTER met zoe muller; later Kanter left.',
    );
    expect(hits).toEqual([
      { text: 'ELIZABETH KANTER', ids: ['k'] },
      { text: 'zoe muller', ids: ['z'] },
      { text: 'Kanter', ids: ['k'] },
    ]);
  });

  it('respects word boundaries but finds names in possessives and hyphenated words', () => {
    const hits = find(
      [
        ['b', 'Beijing'],
        ['k', 'Kanter'],
      ],
      "Kanterson; Kanter's Beijing-based, xBeijing",
    );
    expect(hits.map((h) => h.text)).toEqual(['Kanter', 'Beijing']);
  });

  it('matches a name written with a no-break space or a zero-width character', () => {
    expect(find([['g', 'Grace Oduya']], 'Minister Grace\u00a0Oduya said')).toHaveLength(1);
    expect(find([['g', 'Grace\u00a0Oduya']], 'Minister Grace Oduya said')).toHaveLength(1);
    expect(find([['g', 'Grace Oduya']], 'Minister Gra\u200bce Oduya said')).toEqual([
      { text: 'Gra\u200bce Oduya', ids: ['g'] },
    ]);
    expect(find([['g', 'Grace Oduya']], 'Grace\n  Oduya')).toHaveLength(1);
  });

  it('prefers the longest of overlapping names and reports shared names together', () => {
    const hits = find(
      [
        ['m', 'Ministry of Transport'],
        ['t', 'Transport'],
        ['a', 'John Smith'],
        ['b', 'John Smith'],
      ],
      'the Ministry of Transport and Transport; John Smith',
    );
    expect(hits).toEqual([
      { text: 'Ministry of Transport', ids: ['m'] },
      { text: 'Transport', ids: ['t'] },
      { text: 'John Smith', ids: ['a', 'b'] },
    ]);
  });

  it('finds names in text without spaces, in right-to-left text and next to emoji', () => {
    expect(find([['c', '北京']], '他在北京工作')).toEqual([{ text: '北京', ids: ['c'] }]);
    expect(find([['r', 'محمد']], 'قال محمد اليوم')).toEqual([{ text: 'محمد', ids: ['r'] }]);
    expect(find([['k', 'Kanter']], '👉Kanter👈')).toEqual([{ text: 'Kanter', ids: ['k'] }]);
  });

  it('handles overlapping patterns through failure links', () => {
    const hits = find(
      [
        ['1', 'he said'],
        ['2', 'she'],
        ['3', 'his'],
        ['4', 'hers'],
      ],
      'ushers she said his',
    );
    expect(hits.map((h) => h.text)).toEqual(['she', 'his']);
  });

  it('ignores one-letter names and empty input', () => {
    expect(find([['x', 'X']], 'x marks the spot')).toEqual([]);
    expect(new NameMatcher([]).find('anything')).toEqual([]);
  });
});
