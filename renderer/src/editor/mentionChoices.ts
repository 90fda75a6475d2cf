import type { Entity } from '@shared/schemas/records';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import type { MentionChoice } from './entityMention';

/**
 * What the `@` menu offers for what was typed: the first eight entities whose name or an alias
 * contains it, case- and accent-insensitively (all of them, the first eight, for nothing typed).
 */
export function entityMentionChoices(
  entities: readonly Entity[] | undefined,
  query: string,
): MentionChoice[] {
  const folded = foldName(query);
  return (entities ?? [])
    .filter(
      (e) =>
        !folded ||
        foldName(e.name).includes(folded) ||
        e.aliases.some((a) => foldName(a).includes(folded)),
    )
    .slice(0, 8)
    .map((e) => ({ id: e.id, label: e.name, type: entityTypeLabel(e.type) }));
}
