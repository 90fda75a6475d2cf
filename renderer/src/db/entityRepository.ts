import type { Entity, EntityType } from '@shared/schemas/records';
import { EntitySchema } from '@shared/schemas/records';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { clip, newId, nowIso, type CaseStore } from './caseStore';

/** An entity with how often it is mentioned (confirmed mentions only). */
export interface EntityWithCount {
  entity: Entity;
  mentionCount: number;
}

/** The people, organisations, places and accounts of a case. */
export class EntityRepository {
  constructor(private readonly store: CaseStore) {}

  get(id: string): Promise<Entity | undefined> {
    return this.store.db.entities.get(id);
  }

  /** All entities that have not been merged away, by name. */
  async list(): Promise<Entity[]> {
    const all = await this.store.db.entities.orderBy('name').toArray();
    return all.filter((entity) => !entity.mergedInto);
  }

  /** Entities with their confirmed mention counts, most mentioned first, then by name. */
  async listWithCounts(): Promise<EntityWithCount[]> {
    const { db } = this.store;
    const [entities, keys] = await Promise.all([
      this.list(),
      db.mentions
        .where('[entityId+status]')
        .between(['', 'confirmed'], ['\uffff', 'confirmed'])
        .keys(),
    ]);
    const counts = new Map<string, number>();
    // The compound index yields [entityId, status] keys; count only the confirmed ones.
    for (const key of keys as unknown as [string, string][]) {
      if (key[1] === 'confirmed') counts.set(key[0], (counts.get(key[0]) ?? 0) + 1);
    }
    return entities
      .map((entity) => ({ entity, mentionCount: counts.get(entity.id) ?? 0 }))
      .sort(
        (a, b) =>
          b.mentionCount - a.mentionCount ||
          a.entity.name.localeCompare(b.entity.name, undefined, { sensitivity: 'base' }),
      );
  }

  /** The entity whose name or alias folds to the same text as `name`, if any. */
  async findByName(name: string): Promise<Entity | undefined> {
    const folded = foldName(name);
    if (!folded) return undefined;
    const all = await this.list();
    return all.find(
      (entity) =>
        foldName(entity.name) === folded ||
        entity.aliases.some((alias) => foldName(alias) === folded),
    );
  }

  /** Creates an entity. Names are checked, not de-duplicated: two people can share a name. */
  async create(input: { name: string; type: EntityType; aliases?: string[] }): Promise<Entity> {
    const { db } = this.store;
    const at = nowIso();
    const entity = EntitySchema.parse({
      id: newId(),
      name: input.name.replace(/\s+/g, ' ').trim(),
      type: input.type,
      aliases: input.aliases ?? [],
      identifiers: [],
      tags: [],
      createdAt: at,
      createdBy: this.store.actor,
      updatedAt: at,
    });
    await this.store.write([db.entities], async (log) => {
      await db.entities.add(entity);
      await log({
        action: 'entity.create',
        recordType: 'entity',
        recordId: entity.id,
        summary: `Created ${entityTypeLabel(entity.type).toLowerCase()} “${clip(entity.name)}”`,
        details: { name: entity.name, type: entity.type },
      });
    });
    return entity;
  }

  /** Renames an entity or changes its type. Sources are never touched. */
  async update(id: string, changes: { name?: string; type?: EntityType }): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.entities], async (log) => {
      const entity = await db.entities.get(id);
      if (!entity) throw new Error('That entity is no longer in this case.');
      const next = EntitySchema.parse({
        ...entity,
        ...(changes.name !== undefined ? { name: changes.name.replace(/\s+/g, ' ').trim() } : {}),
        ...(changes.type !== undefined ? { type: changes.type } : {}),
        updatedAt: nowIso(),
      });
      if (next.name === entity.name && next.type === entity.type) return;
      await db.entities.put(next);
      await log({
        action: 'entity.update',
        recordType: 'entity',
        recordId: id,
        summary:
          next.name !== entity.name
            ? `Renamed entity “${clip(entity.name)}” to “${clip(next.name)}”`
            : `Changed “${clip(entity.name)}” to ${entityTypeLabel(next.type).toLowerCase()}`,
        details: {
          before: { name: entity.name, type: entity.type },
          after: { name: next.name, type: next.type },
        },
      });
    });
  }
}
