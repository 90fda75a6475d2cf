import type { Anchor } from '@shared/schemas/anchor';
import type { EntityType, Mention, Suggestion } from '@shared/schemas/records';
import { EntitySchema, MentionSchema, SuggestionSchema } from '@shared/schemas/records';
import { entityTypeLabel, foldName } from '@shared/domain/entityTypes';
import { foldTerm } from '@shared/domain/textFold';
import type { FoundName } from '@shared/domain/suggest/types';
import { clip, newId, nowIso, type CaseStore } from './caseStore';
import { sameAnchor, textAnchorsOverlap as overlapping } from '@shared/domain/anchorOverlap';

/** One group of the review queue: the suggestions that found the same words. */
export interface SuggestionGroup {
  term: string;
  count: number;
  /** One suggestion of the group, for its text, type and origin. */
  sample: Suggestion;
}

/** A passage found in a source by a suggester, ready to store. */
export interface FoundInSource {
  anchor: Anchor;
  found: FoundName;
}

/** Who accepted suggestions become mentions of. */
export type AcceptTarget = { entityId: string } | { name: string; type: EntityType };

/** The key that makes a passage suggested once: source, message or page, and span. */
/**
 * The part of a suggestion's key that names where it is (the source and the message or page), so
 * that the suggestions of one message are one key range.
 */
function scopePrefix(sourceId: string, anchor: Anchor): string {
  const key = suggestionKey(sourceId, anchor);
  if (anchor.type !== 'text') return key;
  return key.slice(0, key.lastIndexOf('|', key.lastIndexOf('|') - 1) + 1);
}

export function suggestionKey(sourceId: string, anchor: Anchor): string {
  if (anchor.type === 'text') {
    const scope = anchor.scope;
    return `${sourceId}|${scope?.messageId ?? ''}|${scope?.page ?? ''}|${anchor.position.start}|${anchor.position.end}`;
  }
  if (anchor.type === 'message') return `${sourceId}|${anchor.messageId}|message`;
  return `${sourceId}|region|${JSON.stringify(anchor.regions)}`;
}

/**
 * The review queue of suggested entities. Suggestions are stored apart from mentions, so that
 * counts, readers and events only ever see what the reporter confirmed; accepting one makes a
 * confirmed mention, rejecting one keeps it as rejected so it is never suggested again, and
 * "Always ignore" stores the words in `ignoredTerms` so that no suggester offers them again.
 */
export class SuggestionRepository {
  constructor(private readonly store: CaseStore) {}

  get(id: string): Promise<Suggestion | undefined> {
    return this.store.db.suggestions.get(id);
  }

  /** How many suggestions wait for review. */
  countOpen(): Promise<number> {
    return this.store.db.suggestions.where('status').equals('open').count();
  }

  /** Open suggestions grouped by the words they found, largest groups first. */
  async openGroups(limit = 200): Promise<{ groups: SuggestionGroup[]; totalGroups: number }> {
    const { db } = this.store;
    const keys = (await db.suggestions
      .where('[status+term]')
      .between(['open', ''], ['open', '\uffff'])
      .keys()) as unknown as [string, string][];
    const counts = new Map<string, number>();
    for (const [, term] of keys) counts.set(term, (counts.get(term) ?? 0) + 1);
    const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const groups: SuggestionGroup[] = [];
    for (const [term, count] of ordered.slice(0, limit)) {
      const sample = await db.suggestions.where('[status+term]').equals(['open', term]).first();
      if (sample) groups.push({ term, count, sample });
    }
    return { groups, totalGroups: ordered.length };
  }

  /** The open suggestions of one group, in source order. */
  openInGroup(term: string, limit = 1000): Promise<Suggestion[]> {
    return this.store.db.suggestions
      .where('[status+term]')
      .equals(['open', term])
      .limit(limit)
      .toArray();
  }

  /** Open suggestions in one source. */
  openInSource(sourceId: string): Promise<Suggestion[]> {
    return this.store.db.suggestions
      .where('sourceId')
      .equals(sourceId)
      .filter((s) => s.status === 'open')
      .toArray();
  }

  /** The folded terms the reporter chose to always ignore. */
  async ignoredTerms(): Promise<Set<string>> {
    return new Set(await this.store.db.ignoredTerms.toCollection().primaryKeys());
  }

  /**
   * Stores what a suggester found in one source, leaving out passages already suggested (open,
   * rejected or accepted: a rejected passage never comes back), passages already tagged, and
   * ignored terms. An open suggestion found again as a known entity's name is upgraded to point
   * at that entity. Returns how many were added.
   */
  async addFound(sourceId: string, items: readonly FoundInSource[]): Promise<number> {
    if (items.length === 0) return 0;
    const { db } = this.store;
    return this.store.write(
      [db.suggestions, db.mentions, db.ignoredTerms, db.sources],
      async (log) => {
        const source = await db.sources.get(sourceId);
        if (!source) return 0;
        // Only the suggestions in the messages (or pages) these items are in: a chat of 100,000
        // messages gathers tens of thousands of suggestions, and reading them all for every batch
        // would make the pass quadratic.
        const scopes = [...new Set(items.map(({ anchor }) => scopePrefix(sourceId, anchor)))];
        const [existing, mentions, ignored] = await Promise.all([
          db.suggestions.where('key').startsWithAnyOf(scopes).toArray(),
          db.mentions.where('[sourceId+status]').equals([sourceId, 'confirmed']).toArray(),
          db.ignoredTerms.toCollection().primaryKeys(),
        ]);
        const byKey = new Map(existing.map((s) => [s.key, s]));
        const inScope = new Map<string, Suggestion[]>();
        for (const e of existing) {
          const prefix = scopePrefix(sourceId, e.anchor);
          const list = inScope.get(prefix);
          if (list) list.push(e);
          else inScope.set(prefix, [e]);
        }
        const mentionsInScope = new Map<string, Mention[]>();
        for (const m of mentions) {
          const prefix = scopePrefix(sourceId, m.anchor);
          const list = mentionsInScope.get(prefix);
          if (list) list.push(m);
          else mentionsInScope.set(prefix, [m]);
        }
        const ignoredSet = new Set(ignored);
        const at = nowIso();
        const added: Suggestion[] = [];
        for (const { anchor, found } of items) {
          const term = foldTerm(found.text).slice(0, 500);
          if (!term || ignoredSet.has(term)) continue;
          const key = suggestionKey(sourceId, anchor);
          const prefix = scopePrefix(sourceId, anchor);
          const tagged = (mentionsInScope.get(prefix) ?? []).some(
            (m) => m.status === 'confirmed' && overlapping(m.anchor, anchor),
          );
          const had = byKey.get(key);
          if (had) {
            if (had.status !== 'open' || tagged) continue;
            if (found.origin === 'known-entity' && had.origin !== 'known-entity') {
              await db.suggestions.update(had.id, {
                origin: 'known-entity',
                entityIds: found.entityIds ?? [],
                type: found.type,
              });
            } else if (found.entityIds?.some((id) => !had.entityIds?.includes(id))) {
              await db.suggestions.update(had.id, {
                entityIds: [...new Set([...(had.entityIds ?? []), ...found.entityIds])],
              });
            }
            continue;
          }
          if (tagged) continue;
          // Inside a longer passage already suggested ("Kanter" in "Liz Kanter"): that one stands.
          if (
            (inScope.get(prefix) ?? []).some(
              (e) => e.key !== key && containsAnchor(e.anchor, anchor),
            )
          )
            continue;
          const suggestion = SuggestionSchema.parse({
            id: newId(),
            key,
            sourceId,
            anchor,
            text: found.text.slice(0, 500),
            term,
            type: found.type,
            origin: found.origin,
            ...(found.entityIds ? { entityIds: found.entityIds } : {}),
            status: 'open',
            createdAt: at,
          });
          byKey.set(key, suggestion);
          added.push(suggestion);
        }
        if (added.length === 0) return 0;
        await db.suggestions.bulkAdd(added);
        await log({
          action: 'suggestion.add',
          recordType: 'suggestion',
          recordId: sourceId,
          summary: `Suggested ${added.length} possible entit${added.length === 1 ? 'y' : 'ies'} in “${clip(source.title, 60)}”`,
          details: { sourceId, count: added.length },
        });
        return added.length;
      },
    );
  }

  /**
   * Accepts suggestions: each becomes a confirmed mention of the target entity (an existing one,
   * or one created with the given name and type, or found by that name). Returns the entity id.
   */
  async accept(ids: readonly string[], target: AcceptTarget): Promise<string> {
    const { db } = this.store;
    return this.store.write([db.suggestions, db.mentions, db.entities], async (log) => {
      const at = nowIso();
      const actor = this.store.actor;
      let entityId: string;
      let entityName: string;
      if ('entityId' in target) {
        const entity = await db.entities.get(target.entityId);
        if (!entity || entity.mergedInto) throw new Error('That entity is no longer in this case.');
        entityId = entity.id;
        entityName = entity.name;
      } else {
        const folded = foldName(target.name);
        const all = await db.entities.toArray();
        const same = all.find(
          (e) =>
            !e.mergedInto &&
            e.type === target.type &&
            (foldName(e.name) === folded || e.aliases.some((a) => foldName(a) === folded)),
        );
        if (same) {
          entityId = same.id;
          entityName = same.name;
        } else {
          const entity = EntitySchema.parse({
            id: newId(),
            name: target.name.replace(/\s+/g, ' ').trim(),
            type: target.type,
            aliases: [],
            identifiers: [],
            tags: [],
            createdAt: at,
            createdBy: actor,
            updatedAt: at,
          });
          await db.entities.add(entity);
          await log({
            action: 'entity.create',
            recordType: 'entity',
            recordId: entity.id,
            summary: `Created ${entityTypeLabel(entity.type).toLowerCase()} “${clip(entity.name)}” from a suggestion`,
            details: { name: entity.name, type: entity.type },
          });
          entityId = entity.id;
          entityName = entity.name;
        }
      }
      const suggestions = (await db.suggestions.bulkGet([...ids])).filter(
        (s): s is Suggestion => Boolean(s) && s?.status === 'open',
      );
      const mentions: Mention[] = [];
      for (const suggestion of suggestions) {
        const already = await db.mentions
          .where('[entityId+status]')
          .equals([entityId, 'confirmed'])
          .filter(
            (m) => m.sourceId === suggestion.sourceId && sameAnchor(m.anchor, suggestion.anchor),
          )
          .first();
        const mention =
          already ??
          MentionSchema.parse({
            id: newId(),
            entityId,
            sourceId: suggestion.sourceId,
            anchor: suggestion.anchor,
            status: 'confirmed',
            origin: suggestion.origin,
            createdAt: at,
            createdBy: actor,
          });
        if (!already) mentions.push(mention);
        await db.suggestions.update(suggestion.id, {
          status: 'accepted',
          decidedAt: at,
          decidedBy: actor,
          mentionId: mention.id,
        });
      }
      if (mentions.length > 0) await db.mentions.bulkAdd(mentions);
      if (suggestions.length > 0) {
        await log({
          action: 'suggestion.accept',
          recordType: 'entity',
          recordId: entityId,
          summary: `Accepted ${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'} of “${clip(suggestions[0]?.text ?? '', 60)}” as ${clip(entityName, 60)}`,
          details: {
            suggestionIds: suggestions.map((s) => s.id),
            mentionIds: mentions.map((m) => m.id),
          },
        });
      }
      return entityId;
    });
  }

  /** Rejects suggestions: they stay stored as rejected so that they are never suggested again. */
  async reject(ids: readonly string[]): Promise<number> {
    const { db } = this.store;
    return this.store.write([db.suggestions], async (log) => {
      const at = nowIso();
      const actor = this.store.actor;
      const open = (await db.suggestions.bulkGet([...ids])).filter(
        (s): s is Suggestion => Boolean(s) && s?.status === 'open',
      );
      if (open.length === 0) return 0;
      await db.suggestions.bulkUpdate(
        open.map((s) => ({
          key: s.id,
          changes: { status: 'rejected' as const, decidedAt: at, decidedBy: actor },
        })),
      );
      await log({
        action: 'suggestion.reject',
        recordType: 'suggestion',
        recordId: open[0]?.sourceId ?? '',
        summary: `Rejected ${open.length} suggestion${open.length === 1 ? '' : 's'} of “${clip(open[0]?.text ?? '', 60)}”`,
        details: { suggestionIds: open.map((s) => s.id) },
      });
      return open.length;
    });
  }

  /** Rejects every open suggestion of a group at once. */
  async rejectGroup(term: string): Promise<number> {
    const ids = await this.store.db.suggestions
      .where('[status+term]')
      .equals(['open', term])
      .primaryKeys();
    return this.reject(ids);
  }

  /** Accepts every open suggestion of a group at once. */
  async acceptGroup(term: string, target: AcceptTarget): Promise<string> {
    const ids = await this.store.db.suggestions
      .where('[status+term]')
      .equals(['open', term])
      .primaryKeys();
    return this.accept(ids, target);
  }

  /**
   * "Always ignore": the words are never suggested again in this case, and every open suggestion
   * of them leaves the queue.
   */
  async ignoreTerm(term: string): Promise<number> {
    const { db } = this.store;
    const folded = foldTerm(term);
    if (!folded) return 0;
    return this.store.write([db.suggestions, db.ignoredTerms], async (log) => {
      const at = nowIso();
      const actor = this.store.actor;
      await db.ignoredTerms.put({ term: folded, createdAt: at, createdBy: actor });
      const open = await db.suggestions
        .where('[status+term]')
        .equals(['open', folded])
        .primaryKeys();
      await db.suggestions.bulkUpdate(
        open.map((id) => ({
          key: id,
          changes: { status: 'ignored' as const, decidedAt: at, decidedBy: actor },
        })),
      );
      await log({
        action: 'suggestion.ignore',
        recordType: 'suggestion',
        recordId: folded,
        summary: `Always ignore “${clip(folded, 60)}” as an entity (${open.length} suggestion${open.length === 1 ? '' : 's'} removed)`,
        details: { term: folded, count: open.length },
      });
      return open.length;
    });
  }

  /** Stops ignoring a term: it may be suggested again by later passes. */
  async unignoreTerm(term: string): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.ignoredTerms], async (log) => {
      await db.ignoredTerms.delete(term);
      await log({
        action: 'suggestion.unignore',
        recordType: 'suggestion',
        recordId: term,
        summary: `Stopped ignoring “${clip(term, 60)}”`,
        details: { term },
      });
    });
  }
}

/** Whether `outer` covers all of `inner` and more (in the same message or page). */
function containsAnchor(outer: Anchor, inner: Anchor): boolean {
  if (outer.type !== 'text' || inner.type !== 'text' || !overlapping(outer, inner)) return false;
  const o = outer.position;
  const i = inner.position;
  return o.start <= i.start && o.end >= i.end && o.end - o.start > i.end - i.start;
}
