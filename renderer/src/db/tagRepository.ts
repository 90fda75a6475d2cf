import { TagSchema, type Tag, type TagColor } from '@shared/schemas/records';
import { TagColorSchema } from '@shared/schemas/records';
import { nowIso, type CaseStore } from './caseStore';

/** A tag in use on events, with its colour (grey until one is chosen) and how many events carry it. */
export interface TagInUse {
  name: string;
  color: TagColor;
  count: number;
}

/** The colour a tag gets when none was chosen: picked from its name, so it stays the same. */
export function defaultTagColor(name: string): TagColor {
  const colors = TagColorSchema.options.filter((c) => c !== 'grey');
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return colors[hash % colors.length] ?? 'blue';
}

/**
 * Tags of a case. Events keep tag names in `event.tags` (indexed); this table only remembers the
 * colour chosen for a name.
 */
export class TagRepository {
  constructor(private readonly store: CaseStore) {}

  /** Every tag used on an event or given a colour, by name. */
  async list(): Promise<TagInUse[]> {
    const { db } = this.store;
    const [stored, names] = await Promise.all([
      db.tags.toArray(),
      db.events.orderBy('tags').uniqueKeys(),
    ]);
    const colors = new Map(stored.map((t) => [t.name, t.color]));
    const all = new Set([...(names as string[]), ...colors.keys()]);
    const counted = await Promise.all(
      [...all].map(async (name) => ({
        name,
        color: colors.get(name) ?? defaultTagColor(name),
        count: await db.events.where('tags').equals(name).count(),
      })),
    );
    return counted.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The colour of each tag that has one stored. */
  async colors(): Promise<Map<string, TagColor>> {
    const stored = await this.store.db.tags.toArray();
    return new Map(stored.map((t) => [t.name, t.color]));
  }

  /** Sets the colour a tag is drawn in. */
  async setColor(name: string, color: TagColor): Promise<Tag> {
    const { db } = this.store;
    return this.store.write([db.tags], async (log) => {
      const before = await db.tags.get(name);
      const at = nowIso();
      const tag = TagSchema.parse({
        name,
        color,
        createdAt: before?.createdAt ?? at,
        createdBy: before?.createdBy ?? this.store.actor,
        updatedAt: at,
      });
      if (before?.color === color) return before;
      await db.tags.put(tag);
      await log({
        action: 'tag.update',
        recordType: 'tag',
        recordId: name,
        summary: `Coloured the tag #${name} ${color}`,
        details: { before: before?.color ?? defaultTagColor(name), after: color },
      });
      return tag;
    });
  }
}
