import { describe, expect, it } from 'vitest';
import { parseQuery, MAX_QUERY_TERMS } from './query';
import { containsPhrases, makeSnippet, termMatches } from './snippet';
import { tokenize } from './tokens';

describe('tokenize', () => {
  it('folds words and keeps their offsets, one token per CJK character', () => {
    const text = 'Élysée’s 40,000 北京 café\u00a0x';
    expect(tokenize(text).map((t) => [t.term, text.slice(t.start, t.end)])).toEqual([
      ['elysee', 'Élysée'],
      ['s', 's'],
      ['40', '40'],
      ['000', '000'],
      ['北', '北'],
      ['京', '京'],
      ['cafe', 'café'],
      ['x', 'x'],
    ]);
  });
});

describe('parseQuery', () => {
  it('reads words and quoted phrases and leaves stop words out of the lookup', () => {
    expect(parseQuery('"Ministry of Transport" payment the')).toEqual({
      terms: ['ministry', 'transport', 'payment'],
      phrases: [['ministry', 'of', 'transport']],
      truncated: false,
      empty: false,
    });
  });

  it('treats regex and index syntax as plain text and never throws', () => {
    for (const q of ['.*', '(a|b', 'a:b', 'x~2', '\\', '+-!', '"unclosed', '[]{}^$', '*kant*']) {
      expect(() => parseQuery(q)).not.toThrow();
    }
    expect(parseQuery('*kant*').terms).toEqual(['kant']);
    expect(parseQuery('!!! 👍 the').empty).toBe(true);
  });

  it('cuts very long queries', () => {
    const long = parseQuery('word '.repeat(2_000));
    expect(long.truncated).toBe(true);
    expect(long.terms).toEqual(['word']);
    const many = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}x`).join(' '));
    expect(many.terms).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('snippets', () => {
  it('matches exactly, by prefix and with one typo', () => {
    expect(termMatches('kanter', 'kanter')).toBe(true);
    expect(termMatches('kanter', 'kan')).toBe(true);
    expect(termMatches('kanter', 'kamter')).toBe(true);
    expect(termMatches('kanter', 'kxmter')).toBe(false);
    expect(termMatches('ka', 'k')).toBe(false);
    expect(termMatches('2021', '2020')).toBe(false);
  });

  it('marks matching words around the first hit', () => {
    const text = `${'Lorem ipsum dolor. '.repeat(20)}Then Kanter paid the Ministry of Transport. ${'More. '.repeat(40)}`;
    const snippet = makeSnippet(text, ['kanter', 'transport'], [['ministry', 'of', 'transport']]);
    const marked = snippet.highlights.map(([s, e]) => snippet.text.slice(s, e));
    expect(marked).toEqual(['Kanter', 'Ministry of Transport']);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(text.slice(snippet.hit!.start, snippet.hit!.end)).toBe('Kanter');
  });

  it('checks phrases in order', () => {
    expect(
      containsPhrases('paid the Ministry of Transport', [['ministry', 'of', 'transport']]),
    ).toBe(true);
    expect(containsPhrases('Transport Ministry of', [['ministry', 'of', 'transport']])).toBe(false);
  });

  it('keeps emoji whole and copes with RTL and CJK', () => {
    const snippet = makeSnippet('😀😀 محمد قال 北京', ['محمد', '北']);
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['محمد', '北']);
  });
});

describe('termsOf', () => {
  it('gives the same words on the quick ASCII path as the full tokenizer', async () => {
    const { termsOf } = await import('./tokens');
    for (const text of [
      '  Hello, World! 40,000 x-ray  ',
      'A.B.C',
      '',
      '!!!',
      "Kanter's fee\tpaid\n",
    ]) {
      expect(termsOf(text)).toEqual(tokenize(text).map((t) => t.term));
    }
  });
});
