import type { Anchor } from '@shared/schemas/anchor';
import { anchorKey, textAnchorsOverlap as overlapping } from '@shared/domain/anchorOverlap';
import type { Mention } from '@shared/schemas/records';
import { MentionSchema } from '@shared/schemas/records';
import { clip, newId, nowIso, type CaseStore } from './caseStore';

/** Where entities are named in the sources. */
export class MentionRepository {
  constructor(private readonly store: CaseStore) {}

  /** Confirmed mentions in one source. */
  forSource(sourceId: string): Promise<Mention[]> {
    return this.store.db.mentions
      .where('[sourceId+status]')
      .equals([sourceId, 'confirmed'])
      .toArray();
  }

  /** Confirmed mentions of one entity. */
  forEntity(entityId: string): Promise<Mention[]> {
    return this.store.db.mentions
      .where('[entityId+status]')
      .equals([entityId, 'confirmed'])
      .toArray();
  }

  /**
   * Tags a passage of a source as naming an entity. A passage tagged twice with the same entity
   * keeps one mention.
   */
  async create(input: { entityId: string; sourceId: string; anchor: Anchor }): Promise<Mention> {
    const { db } = this.store;
    return this.store.write([db.mentions, db.entities, db.sources, db.suggestions], async (log) => {
      const [entity, source] = await Promise.all([
        db.entities.get(input.entityId),
        db.sources.get(input.sourceId),
      ]);
      if (!entity) throw new Error('That entity is no longer in this case.');
      if (!source) throw new Error('That source is no longer in this case.');
      const key = anchorKey(input.anchor);
      const existing = await db.mentions
        .where('[sourceId+status]')
        .equals([input.sourceId, 'confirmed'])
        .filter((m) => m.entityId === input.entityId && anchorKey(m.anchor) === key)
        .first();
      if (existing) return existing;
      const mention = MentionSchema.parse({
        id: newId(),
        entityId: input.entityId,
        sourceId: input.sourceId,
        anchor: input.anchor,
        status: 'confirmed',
        origin: 'manual',
        createdAt: nowIso(),
        createdBy: this.store.actor,
      });
      await db.mentions.add(mention);
      // Tagging a passage by hand settles what was suggested there.
      const settled = (
        await db.suggestions.where('sourceId').equals(input.sourceId).toArray()
      ).filter((s) => s.status === 'open' && overlapping(s.anchor, input.anchor));
      for (const suggestion of settled) {
        await db.suggestions.update(suggestion.id, {
          status: 'accepted',
          decidedAt: mention.createdAt,
          decidedBy: this.store.actor,
          mentionId: mention.id,
        });
      }
      await log({
        action: 'mention.create',
        recordType: 'mention',
        recordId: mention.id,
        summary: `Tagged “${clip(quoteOf(input.anchor) ?? entity.name, 60)}” as ${clip(entity.name, 60)} in “${clip(source.title, 60)}”`,
        details: { entityId: entity.id, sourceId: source.id, anchor: input.anchor },
      });
      return mention;
    });
  }

  /**
   * Tags many passages at once (accepting a batch of suggestions, a bulk import), in one
   * transaction with one log entry per mention. Passages already tagged with the same entity are
   * skipped. Returns the mentions created.
   */
  async createMany(
    inputs: { entityId: string; sourceId: string; anchor: Anchor }[],
  ): Promise<Mention[]> {
    const { db } = this.store;
    if (inputs.length === 0) return [];
    return this.store.write([db.mentions, db.entities, db.sources, db.suggestions], async (log) => {
      const entityIds = [...new Set(inputs.map((i) => i.entityId))];
      const sourceIds = [...new Set(inputs.map((i) => i.sourceId))];
      const [entityList, sourceList, existing] = await Promise.all([
        db.entities.bulkGet(entityIds),
        db.sources.bulkGet(sourceIds),
        db.mentions.where('sourceId').anyOf(sourceIds).toArray(),
      ]);
      const entities = new Map(entityList.filter(Boolean).map((e) => [e!.id, e!]));
      const sources = new Map(sourceList.filter(Boolean).map((s) => [s!.id, s!]));
      const taken = new Set(
        existing
          .filter((m) => m.status === 'confirmed')
          .map((m) => `${m.entityId}|${m.sourceId}|${anchorKey(m.anchor)}`),
      );
      const at = nowIso();
      const created: Mention[] = [];
      for (const input of inputs) {
        const entity = entities.get(input.entityId);
        const source = sources.get(input.sourceId);
        if (!entity) throw new Error('That entity is no longer in this case.');
        if (!source) throw new Error('That source is no longer in this case.');
        const key = `${input.entityId}|${input.sourceId}|${anchorKey(input.anchor)}`;
        if (taken.has(key)) continue;
        taken.add(key);
        const mention = MentionSchema.parse({
          id: newId(),
          entityId: input.entityId,
          sourceId: input.sourceId,
          anchor: input.anchor,
          status: 'confirmed',
          origin: 'manual',
          createdAt: at,
          createdBy: this.store.actor,
        });
        created.push(mention);
        await log({
          action: 'mention.create',
          recordType: 'mention',
          recordId: mention.id,
          summary: `Tagged “${clip(quoteOf(input.anchor) ?? entity.name, 60)}” as ${clip(entity.name, 60)} in “${clip(source.title, 60)}”`,
          details: { entityId: entity.id, sourceId: source.id, anchor: input.anchor },
        });
      }
      await db.mentions.bulkAdd(created);
      // Tagging passages settles what was suggested there.
      for (const sourceId of sourceIds) {
        const mine = created.filter((m) => m.sourceId === sourceId);
        if (mine.length === 0) continue;
        const open = (await db.suggestions.where('sourceId').equals(sourceId).toArray()).filter(
          (s) => s.status === 'open',
        );
        for (const suggestion of open) {
          const mention = mine.find((m) => overlapping(m.anchor, suggestion.anchor));
          if (!mention) continue;
          await db.suggestions.update(suggestion.id, {
            status: 'accepted',
            decidedAt: at,
            decidedBy: this.store.actor,
            mentionId: mention.id,
          });
        }
      }
      return created;
    });
  }

  /**
   * Moves a mention to another entity (the words were tagged as the wrong person, say). The source
   * is untouched; the log keeps where the mention was.
   */
  async move(id: string, toEntityId: string): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.mentions, db.entities], async (log) => {
      const mention = await db.mentions.get(id);
      if (!mention) throw new Error('That mention is no longer in this case.');
      if (mention.entityId === toEntityId) return;
      const [from, to] = await Promise.all([
        db.entities.get(mention.entityId),
        db.entities.get(toEntityId),
      ]);
      if (!to || to.mergedInto) throw new Error('That entity is no longer in this case.');
      await db.mentions.update(id, { entityId: toEntityId });
      await log({
        action: 'mention.move',
        recordType: 'mention',
        recordId: id,
        summary: `Moved the tag “${clip(quoteOf(mention.anchor) ?? '', 60)}” from ${clip(from?.name ?? 'an entity', 60)} to ${clip(to.name, 60)}`,
        details: {
          sourceId: mention.sourceId,
          before: { entityId: mention.entityId },
          after: { entityId: toEntityId },
        },
      });
    });
  }

  /** Every confirmed mention in the case (for co-occurrence and search filters). */
  allConfirmed(): Promise<Mention[]> {
    return this.store.db.mentions.where('status').equals('confirmed').toArray();
  }

  /** Removes a mention (the entity stays). */
  async remove(id: string): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.mentions, db.entities], async (log) => {
      const mention = await db.mentions.get(id);
      if (!mention) return;
      const entity = await db.entities.get(mention.entityId);
      await db.mentions.delete(id);
      await log({
        action: 'mention.delete',
        recordType: 'mention',
        recordId: id,
        summary: `Removed the tag “${clip(quoteOf(mention.anchor) ?? '', 60)}” from ${clip(entity?.name ?? 'an entity', 60)}`,
        details: { entityId: mention.entityId, sourceId: mention.sourceId, anchor: mention.anchor },
      });
    });
  }
}

/** The quoted text of an anchor, when it has one. */
export function quoteOf(anchor: Anchor): string | undefined {
  return anchor.type === 'text' ? anchor.quote.exact : undefined;
}
