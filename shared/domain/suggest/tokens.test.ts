import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens';

const starts = (text: string) =>
  tokenize(text)
    .filter((t) => t.sentenceStart)
    .map((t) => t.text);

describe('tokenize', () => {
  it('keeps offsets, leaves a possessive out and marks it', () => {
    const text = "Kanter's firm and the Democrats' plan";
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'Kanter',
      'firm',
      'and',
      'the',
      'Democrats',
      'plan',
    ]);
    expect(tokens.filter((t) => t.possessive).map((t) => t.text)).toEqual(['Kanter', 'Democrats']);
  });

  it('reads dotted abbreviations, A/S and accents as one word, folded to plain letters', () => {
    const tokens = tokenize('Medikon d.o.o. and Nordic A/S met in the U.S. with Ákos Vörös');
    expect(tokens.map((t) => t.text)).toContain('d.o.o.');
    expect(tokens.map((t) => t.text)).toContain('A/S');
    expect(tokens.map((t) => t.text)).toContain('U.S.');
    expect(tokens.find((t) => t.text === 'Vörös')?.key).toBe('voros');
  });

  it('starts sentences after full stops, not after abbreviations and initials', () => {
    expect(starts('Mr. Lim met J. van der Berg. The Co. Ltd. said no. Sen. Lee agreed.')).toEqual([
      'Mr',
      'The',
      'Sen',
    ]);
    // "U.S." ends a sentence when a word that opens sentences follows it.
    expect(
      starts('It was banned in the U.S. The firm left the U.S. Department of Commerce.'),
    ).toEqual(['It', 'The']);
  });

  it('starts sentences at lines, after colons, quotes, dashes and list markers', () => {
    expect(
      starts('Subject: Lady Amina\nhe said "We won" — Kanter\n(a) Legal risk\n2. BACKGROUND'),
    ).toEqual(['Subject', 'Lady', 'he', 'We', 'Kanter', 'Legal', 'BACKGROUND']);
  });

  it('marks headlines written in capitals, and the shape of each word', () => {
    const tokens = tokenize('HOW GULFSTAR MOVED THE OIL\nThe OFAC list, iPhone and 2023');
    expect(tokens.filter((t) => t.capsLine).map((t) => t.text)).toEqual([
      'HOW',
      'GULFSTAR',
      'MOVED',
      'THE',
      'OIL',
    ]);
    expect(tokens.slice(5).map((t) => t.shape)).toEqual([
      'title',
      'caps',
      'lower',
      'mixed',
      'lower',
      'number',
    ]);
  });
});
