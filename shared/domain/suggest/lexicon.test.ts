import { describe, expect, it } from 'vitest';
import { looksCommon, plain, senseOf } from './lexicon';

describe('plain', () => {
  it('folds case and accents, and letters that do not decompose', () => {
    expect(plain('Ákos Vörös')).toBe('akos voros');
    expect(plain('Paweł Søren Đorđe Straße Yıldız')).toBe('pawel soren dorde strasse yildiz');
  });
});

describe('senseOf', () => {
  it('knows given names of many languages, family names written first, places and nationalities', () => {
    expect(senseOf('Dragana').givenName).toBe(true);
    expect(senseOf('Tunde').givenName).toBe(true);
    expect(senseOf('Zhao').familyFirst).toBe(true);
    expect(senseOf('Britain')).toMatchObject({ place: true, majorPlace: true });
    expect(senseOf('Serbian').demonym).toBe(true);
    expect(senseOf('however').common).toBe(true);
    expect(senseOf('Kanter')).toMatchObject({ givenName: false, place: false, common: false });
  });
});

describe('looksCommon', () => {
  it('reads common English endings, not names', () => {
    expect(
      ['Investigators', 'Settlements', 'Reviewed', 'Internal', 'Metadata'].map(looksCommon),
    ).toEqual([true, true, true, true, false]);
    expect(['Kanter', 'Petrović', 'Jamal', 'Halvorsen'].map(looksCommon)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
