import type {
  Entity,
  EntityMerge,
  EntityType,
  Event,
  Mention,
  Message,
  Source,
} from '@shared/schemas/records';
import { buildEntityProfile, messageOf, type EntityProfile } from '@shared/domain/entityProfile';
import { EntityMergeSchema, EntitySchema } from '@shared/schemas/records';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { clip, newId, nowIso, type CaseStore } from './caseStore';

/** What can be changed on an entity. Sources are never touched by any of it. */
export interface EntityChanges {
  name?: string;
  type?: EntityType;
  aliases?: string[];
  /** ProseMirror JSON, or undefined to clear. */
  description?: unknown;
  identifiers?: { kind: string; value: string }[];
  tags?: string[];
}

/** Everything the entity page shows. */
export interface EntityPage {
  mentions: Mention[];
  sources: Map<string, Source>;
  /** The messages the mentions are in. */
  messages: Map<string, Message>;
  profile: EntityProfile;
  /** Events that name the entity, or cite a passage where it is tagged, by date. */
  events: { event: Event; names: boolean; cites: boolean }[];
  coOccurring: { entity: Entity; count: number }[];
}

/** Cleans a list of names or tags: trimmed, single-spaced, no empties, no repeats (folded). */
export function cleanList(values: readonly string[], except: readonly string[] = []): string[] {
  const seen = new Set(except.map(foldName));
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.replace(/\s+/g, ' ').trim().slice(0, 500);
    const key = foldName(value);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

function cleanIdentifiers(values: readonly { kind: string; value: string }[]) {
  const seen = new Set<string>();
  const out: { kind: string; value: string }[] = [];
  for (const item of values) {
    const kind = item.kind.replace(/\s+/g, ' ').trim().slice(0, 100);
    const value = item.value.trim().slice(0, 500);
    const key = `${foldName(kind)}\u0000${foldName(value)}`;
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: kind || 'Identifier', value });
  }
  return out;
}

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

  /**
   * Entities with their confirmed mention counts, most mentioned first, then by name. One count
   * request per entity, in one transaction: IndexedDB counts an index range without handing the
   * keys over, whereas reading the `[entityId+status]` keys takes a cursor step per mention
   * (seconds for 50,000).
   */
  async listWithCounts(): Promise<EntityWithCount[]> {
    const { db } = this.store;
    return db.transaction('r', db.entities, db.mentions, async () => {
      const entities = await this.list();
      const counts = await Promise.all(
        entities.map((entity) =>
          db.mentions.where('[entityId+status]').equals([entity.id, 'confirmed']).count(),
        ),
      );
      return entities
        .map((entity, i) => ({ entity, mentionCount: counts[i] ?? 0 }))
        .sort(
          (a, b) =>
            b.mentionCount - a.mentionCount ||
            a.entity.name.localeCompare(b.entity.name, undefined, { sensitivity: 'base' }),
        );
    });
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

  /**
   * Changes an entity: its name, type, aliases, description, identifiers or tags. Sources are never
   * touched: renaming changes how the entity is listed, not what any source says.
   */
  async update(id: string, changes: EntityChanges): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.entities], async (log) => {
      const entity = await db.entities.get(id);
      if (!entity) throw new Error('That entity is no longer in this case.');
      const name =
        changes.name !== undefined ? changes.name.replace(/\s+/g, ' ').trim() : entity.name;
      const next = EntitySchema.parse({
        ...entity,
        name,
        ...(changes.type !== undefined ? { type: changes.type } : {}),
        ...(changes.aliases !== undefined ? { aliases: cleanList(changes.aliases, [name]) } : {}),
        ...('description' in changes ? { description: changes.description } : {}),
        ...(changes.identifiers !== undefined
          ? { identifiers: cleanIdentifiers(changes.identifiers) }
          : {}),
        ...(changes.tags !== undefined ? { tags: cleanList(changes.tags) } : {}),
        updatedAt: nowIso(),
      });
      if ('description' in changes && changes.description === undefined) delete next.description;
      const fields = ['name', 'type', 'aliases', 'description', 'identifiers', 'tags'] as const;
      const changed = fields.filter(
        (key) => JSON.stringify(entity[key]) !== JSON.stringify(next[key]),
      );
      if (changed.length === 0) return;
      await db.entities.put(next);
      await log({
        action: 'entity.update',
        recordType: 'entity',
        recordId: id,
        summary:
          next.name !== entity.name
            ? `Renamed entity “${clip(entity.name)}” to “${clip(next.name)}”`
            : changed.length === 1 && changed[0] === 'type'
              ? `Changed “${clip(entity.name)}” to ${entityTypeLabel(next.type).toLowerCase()}`
              : `Edited entity “${clip(next.name)}” (${changed.join(', ')})`,
        details: Object.fromEntries(
          changed.map((key) => [key, { before: entity[key], after: next[key] }]),
        ),
      });
    });
  }

  /** Gathers the entity page: mentions, their sources and messages, dates, events, neighbours. */
  async page(entityId: string): Promise<EntityPage> {
    const { db } = this.store;
    const mentions = await db.mentions
      .where('[entityId+status]')
      .equals([entityId, 'confirmed'])
      .toArray();
    const sourceIds = [...new Set(mentions.map((m) => m.sourceId))];
    const messageIds = [
      ...new Set(mentions.map((m) => messageOf(m.anchor)).filter((id): id is string => !!id)),
    ];
    const [sourceList, messageList, sourceMentions, citations, named] = await Promise.all([
      db.sources.bulkGet(sourceIds),
      db.messages.bulkGet(messageIds),
      db.mentions.where('sourceId').anyOf(sourceIds).toArray(),
      db.citations.where('sourceId').anyOf(sourceIds).toArray(),
      db.events.where('entityIds').equals(entityId).toArray(),
    ]);
    const sources = new Map(
      sourceList.filter((s): s is Source => Boolean(s)).map((s) => [s.id, s]),
    );
    const messages = new Map(
      messageList.filter((m): m is Message => Boolean(m)).map((m) => [m.id, m]),
    );
    const profile = buildEntityProfile({
      entityId,
      mentions,
      sourceMentions: sourceMentions.filter((m) => m.status === 'confirmed'),
      messageTimes: new Map([...messages.values()].map((m) => [m.id, m.sentAt])),
      sourceDates: new Map([...sources.values()].map((s) => [s.id, s.sourceDate])),
      citations,
    });
    const citing = new Set(profile.citingEventIds);
    const namedIds = new Set(named.map((e) => e.id));
    const extra = (
      await db.events.bulkGet(profile.citingEventIds.filter((id) => !namedIds.has(id)))
    ).filter((e): e is Event => Boolean(e));
    const events = [...named, ...extra]
      .sort((a, b) => a.sortStart - b.sortStart || a.sortEnd - b.sortEnd)
      .map((event) => ({ event, names: namedIds.has(event.id), cites: citing.has(event.id) }));
    const neighbours = await db.entities.bulkGet(profile.coOccurring.map((c) => c.entityId));
    const coOccurring = profile.coOccurring
      .map((c, index) => ({ entity: neighbours[index], count: c.count }))
      .filter((c): c is { entity: Entity; count: number } =>
        Boolean(c.entity && !c.entity.mergedInto),
      )
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
    return { mentions, sources, messages, profile, events, coOccurring };
  }

  /** Every tag used on an entity, by how often, then by name. */
  async listTags(): Promise<{ tag: string; count: number }[]> {
    const counts = new Map<string, number>();
    for (const entity of await this.list()) {
      for (const tag of entity.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([tag, count]) => ({ tag, count }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** The entity a merged entity now lives in (following merges of merges), or itself. */
  async resolve(id: string): Promise<Entity | undefined> {
    let entity = await this.get(id);
    for (let hops = 0; entity?.mergedInto && hops < 100; hops += 1) {
      entity = await this.get(entity.mergedInto);
    }
    return entity;
  }

  /** Merges that moved other entities into this one and have not been undone, newest first. */
  async mergesInto(
    survivorId: string,
  ): Promise<{ merge: EntityMerge; merged: Entity | undefined }[]> {
    const { db } = this.store;
    const merges = (await db.merges.where('survivorId').equals(survivorId).toArray())
      .filter((m) => !m.undoneAt)
      .sort((a, b) => b.at.localeCompare(a.at));
    const merged = await db.entities.bulkGet(merges.map((m) => m.mergedId));
    return merges.map((merge, index) => ({ merge, merged: merged[index] }));
  }

  /**
   * Merges `mergedId` into `survivorId`: the merged entity's mentions, suggestions and event links
   * move to the survivor, which gains its name and aliases as aliases, and its identifiers and tags.
   * The merged entity stays, marked `mergedInto`, and a merge record keeps what moved, so that
   * {@link undoMerge} can put everything back. Returns the merge record.
   */
  async merge(survivorId: string, mergedId: string): Promise<EntityMerge> {
    if (survivorId === mergedId) throw new Error('An entity cannot be merged into itself.');
    const { db } = this.store;
    return this.store.write(
      [db.entities, db.mentions, db.events, db.suggestions, db.merges],
      async (log) => {
        const [survivor, merged] = await Promise.all([
          db.entities.get(survivorId),
          db.entities.get(mergedId),
        ]);
        if (!survivor || survivor.mergedInto)
          throw new Error('The entity to merge into is no longer in this case.');
        if (!merged || merged.mergedInto)
          throw new Error('The entity to merge is no longer in this case.');
        const at = nowIso();

        const mentionIds = await db.mentions.where('entityId').equals(mergedId).primaryKeys();
        for (const id of mentionIds) await db.mentions.update(id, { entityId: survivorId });

        const suggestions = await db.suggestions.where('entityIds').equals(mergedId).toArray();
        for (const suggestion of suggestions) {
          const ids = (suggestion.entityIds ?? []).map((e) => (e === mergedId ? survivorId : e));
          await db.suggestions.update(suggestion.id, { entityIds: [...new Set(ids)] });
        }

        const events = await db.events.where('entityIds').equals(mergedId).toArray();
        for (const event of events) {
          const ids = [...new Set(event.entityIds.map((e) => (e === mergedId ? survivorId : e)))];
          await db.events.update(event.id, { entityIds: ids });
        }

        const addedAliases = cleanList(
          [merged.name, ...merged.aliases],
          [survivor.name, ...survivor.aliases],
        );
        const haveIds = new Set(survivor.identifiers.map((i) => `${i.kind}\u0000${i.value}`));
        const addedIdentifiers = merged.identifiers.filter(
          (i) => !haveIds.has(`${i.kind}\u0000${i.value}`),
        );
        const addedTags = cleanList(merged.tags, survivor.tags);
        await db.entities.put({
          ...survivor,
          aliases: [...survivor.aliases, ...addedAliases],
          identifiers: [...survivor.identifiers, ...addedIdentifiers],
          tags: [...survivor.tags, ...addedTags],
          updatedAt: at,
        });
        await db.entities.put({ ...merged, mergedInto: survivorId, updatedAt: at });

        const record = EntityMergeSchema.parse({
          id: newId(),
          survivorId,
          mergedId,
          at,
          by: this.store.actor,
          mentionIds,
          suggestionIds: suggestions.map((s) => s.id),
          addedAliases,
          addedIdentifiers,
          addedTags,
          events: events.map((e) => ({ eventId: e.id, before: e.entityIds })),
        });
        await db.merges.add(record);
        await log({
          action: 'entity.merge',
          recordType: 'entity',
          recordId: survivorId,
          summary: `Merged “${clip(merged.name)}” into “${clip(survivor.name)}” (${mentionIds.length} mention${mentionIds.length === 1 ? '' : 's'}, ${events.length} event${events.length === 1 ? '' : 's'})`,
          details: {
            mergeId: record.id,
            mergedId,
            mentionIds,
            addedAliases,
            events: record.events,
          },
        });
        return record;
      },
    );
  }

  /**
   * Undoes a merge: the mentions, suggestions and event links that moved go back to the merged
   * entity, the survivor loses exactly the aliases, identifiers and tags it gained, and the merged
   * entity is listed again. Changes made to the survivor since the merge are kept.
   */
  async undoMerge(mergeId: string): Promise<void> {
    const { db } = this.store;
    await this.store.write(
      [db.entities, db.mentions, db.events, db.suggestions, db.merges],
      async (log) => {
        const record = await db.merges.get(mergeId);
        if (!record) throw new Error('That merge is not recorded in this case.');
        if (record.undoneAt) return;
        const [survivor, merged] = await Promise.all([
          db.entities.get(record.survivorId),
          db.entities.get(record.mergedId),
        ]);
        if (!survivor || !merged)
          throw new Error('An entity of that merge is no longer in this case.');
        if (merged.mergedInto !== record.survivorId)
          throw new Error('That merge cannot be undone: the merged entity has changed since.');
        if (survivor.mergedInto)
          throw new Error(
            `Undo the merge of “${survivor.name}” first: it was merged into another entity since.`,
          );
        const at = nowIso();

        for (const id of record.mentionIds) {
          const mention = await db.mentions.get(id);
          if (mention && mention.entityId === record.survivorId)
            await db.mentions.update(id, { entityId: record.mergedId });
        }
        for (const id of record.suggestionIds) {
          const suggestion = await db.suggestions.get(id);
          if (!suggestion?.entityIds) continue;
          const ids = suggestion.entityIds.filter((e) => e !== record.survivorId);
          await db.suggestions.update(id, { entityIds: [...ids, record.mergedId] });
        }
        for (const { eventId, before } of record.events) {
          const event = await db.events.get(eventId);
          if (!event) continue;
          const afterMerge = new Set(
            before.map((e) => (e === record.mergedId ? record.survivorId : e)),
          );
          const now = new Set(event.entityIds);
          const untouched =
            now.size === afterMerge.size && [...now].every((e) => afterMerge.has(e));
          let ids: string[];
          if (untouched) ids = before;
          else {
            // The event was edited since: put the merged entity back, keep the other changes.
            ids = event.entityIds.filter(
              (e) => e !== record.survivorId || before.includes(record.survivorId),
            );
            if (!ids.includes(record.mergedId)) ids.push(record.mergedId);
          }
          await db.events.update(eventId, { entityIds: ids });
        }

        const drop = (list: string[], added: string[]) => {
          const gone = new Set(added.map(foldName));
          return list.filter((v) => !gone.has(foldName(v)));
        };
        const addedIds = new Set(record.addedIdentifiers.map((i) => `${i.kind}\u0000${i.value}`));
        await db.entities.put({
          ...survivor,
          aliases: drop(survivor.aliases, record.addedAliases),
          identifiers: survivor.identifiers.filter(
            (i) => !addedIds.has(`${i.kind}\u0000${i.value}`),
          ),
          tags: drop(survivor.tags, record.addedTags),
          updatedAt: at,
        });
        const restored: Entity = { ...merged, updatedAt: at };
        delete restored.mergedInto;
        await db.entities.put(restored);
        await db.merges.update(mergeId, { undoneAt: at, undoneBy: this.store.actor });
        await log({
          action: 'entity.merge.undo',
          recordType: 'entity',
          recordId: record.survivorId,
          summary: `Undid the merge of “${clip(merged.name)}” into “${clip(survivor.name)}”`,
          details: { mergeId, mergedId: record.mergedId },
        });
      },
    );
  }
}
