import { describe, expect, it } from 'vitest';
import { findNamedEntities } from './ner';
import { suggestNames, matcherFor } from './index';

const names = (text: string) => findNamedEntities(text).map((f) => [f.text, f.type]);

describe('findNamedEntities', () => {
  it('leaves titles and possessives out and types by suffix and head word', () => {
    expect(
      names(
        "Finance Minister Grace Oduya met Halvorsen Ltd. officials. Oduya's aide called the Ministry of Transport.",
      ),
    ).toEqual([
      ['Grace Oduya', 'person'],
      ['Halvorsen Ltd.', 'company'],
      ['Oduya', 'person'],
      ['Ministry of Transport', 'public-body'],
    ]);
  });

  it('finds short forms, places before a hyphen and acronyms in brackets', () => {
    const found = names(
      'Elizabeth Kanter runs a Beijing-based fund. Kanter told the Securities and Exchange Commission (SEC) that the SEC was wrong.',
    );
    expect(found).toContainEqual(['Kanter', 'person']);
    expect(found).toContainEqual(['Beijing', 'location']);
    expect(found).toContainEqual(['Securities and Exchange Commission', 'public-body']);
    expect(found.filter(([text]) => text === 'SEC')).toHaveLength(2);
  });

  it('splits names joined by "and" and keeps a person apart from the firm after "of"', () => {
    expect(names('Rachel Tan of Drew & Napier visited Ghana and Togo.')).toEqual([
      ['Rachel Tan', 'person'],
      ['Drew & Napier', 'company'],
      ['Ghana', 'location'],
      ['Togo', 'location'],
    ]);
  });

  it('survives text with no names, emoji, RTL and CJK', () => {
    expect(names('')).toEqual([]);
    expect(names('ok 👍 see you at 5')).toEqual([]);
    expect(() => findNamedEntities('قال محمد اليوم 他在北京工作 \u200b\u00a0')).not.toThrow();
  });
});

describe('suggestNames', () => {
  it('prefers known entities over patterns and NER, and leaves ignored terms out', () => {
    const matcher = matcherFor([
      { id: 'k', name: 'Elizabeth Kanter', aliases: ['E. Kanter'], type: 'person' },
    ]);
    const found = suggestNames('Elizabeth Kanter (e.kanter@acme.com) met Tunde Bakare in Lagos.', {
      matcher,
      typeOf: () => 'person',
      ner: true,
      ignored: new Set(['lagos']),
    });
    expect(found.map((f) => [f.text, f.origin])).toEqual([
      ['Elizabeth Kanter', 'known-entity'],
      ['e.kanter@acme.com', 'pattern'],
      ['Tunde Bakare', 'ner'],
    ]);
    expect(found[0]?.entityIds).toEqual(['k']);
  });

  it('suggests a longer name around a known alias whole, keeping the known entity as a choice', () => {
    const matcher = matcherFor([
      { id: 'k', name: 'Elizabeth Kanter', aliases: ['Kanter'], type: 'person' },
    ]);
    const found = suggestNames('Liz Kanter signed. Kanter sent it.', {
      matcher,
      typeOf: () => 'person',
      ner: true,
    });
    expect(found.map((f) => [f.text, f.origin, f.entityIds])).toEqual([
      ['Liz Kanter', 'ner', ['k']],
      ['Kanter', 'known-entity', ['k']],
    ]);
  });
});
