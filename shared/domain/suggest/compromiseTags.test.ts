import { describe, expect, it } from 'vitest';
import { compromiseStats, sentenceTags } from './compromiseTags';
import { NameFinder } from './ner';

describe('sentenceTags', () => {
  it('tags the word at an offset, reading only its sentence, and caches the sentence', () => {
    const text = 'It rained. Yesterday John Smith met the mayor in Paris. Nothing else.';
    const at = (word: string) => {
      const start = text.indexOf(word);
      return sentenceTags(text, start, start + word.length);
    };
    const before = compromiseStats.sentences;
    expect(at('John')?.has('Person')).toBe(true);
    expect(at('Paris')?.has('Place')).toBe(true);
    // Both words are in one sentence: compromise read it once.
    expect(compromiseStats.sentences - before).toBe(1);
    expect(at('nowhere')).toBeUndefined();
  });
});

describe('the name finder asks compromise', () => {
  it('only about what its own evidence leaves undecided', () => {
    const before = compromiseStats.sentences;
    // Decided by a title and a suffix: compromise is not asked.
    new NameFinder().find('Minister Grace Oduya met Halvorsen Ltd. in Lagos.');
    expect(compromiseStats.sentences).toBe(before);
    // Two capitalised words with no other evidence: compromise reads the sentence.
    new NameFinder().find('Yesterday Vekra Tolund arrived.');
    expect(compromiseStats.sentences).toBeGreaterThan(before);
  });
});
