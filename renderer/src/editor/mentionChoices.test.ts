import { describe, expect, it } from 'vitest';
import type { Entity } from '@shared/schemas/records';
import { entityMentionChoices } from './mentionChoices';

const entity = (id: string, name: string, aliases: string[] = []) =>
  ({ id, name, aliases, type: 'person' }) as unknown as Entity;

describe('entityMentionChoices', () => {
  it('matches names and aliases without case or accents, eight at most', () => {
    const people = [entity('a', 'Grace Oduya', ['Minister Oduya']), entity('b', 'Per Hansen')];
    expect(entityMentionChoices(people, 'odu')).toEqual([
      { id: 'a', label: 'Grace Oduya', type: 'Person' },
    ]);
    expect(entityMentionChoices(people, 'MINISTER').map((c) => c.id)).toEqual(['a']);
    expect(entityMentionChoices([entity('c', 'Đorđe Petrović')], 'petrovic')).toHaveLength(1);
    const many = Array.from({ length: 12 }, (_, i) => entity(String(i), `Name ${i}`));
    expect(entityMentionChoices(many, '')).toHaveLength(8);
    expect(entityMentionChoices(undefined, 'x')).toEqual([]);
  });
});
