import type { Anchor } from '@shared/schemas/anchor';
import type { PartialDate } from '@shared/schemas/partialDate';
import {
  CitationSchema,
  CommentSchema,
  EventSchema,
  type Citation,
  type Comment,
  type Event,
  type ReviewState,
  type Source,
  type Verification,
} from '@shared/schemas/records';
import {
  formatPartialDate,
  normalizeTimeZone,
  partialDateFromInstant,
  sortKeysOf,
} from '@shared/domain/partialDate';
import { resolveTextAnchor } from '@shared/domain/textAnchor';
import { canonicalJson } from '@shared/domain/canonicalJson';
import { sha256Hex } from '@shared/domain/hashing';
import { VERIFICATION_LABELS } from '@shared/domain/timeline/evidence';
import { clip, newId, nowIso, type CaseStore, type LogActivity } from './caseStore';
import { quoteOf } from './mentionRepository';

/** What the event form and the timeline change on an event. */
export interface EventFields {
  title: string;
  date: PartialDate;
  /** ProseMirror JSON of the description, or undefined for none. */
  description?: unknown;
  entityIds?: string[];
  tags?: string[];
  verification?: Verification;
}

/** A passage to cite, as selected in a source. */
export interface NewCitation {
  sourceId: string;
  anchor: Anchor;
  /** The id to give the citation, when it must be known before it is stored (a citation mark). */
  id?: string;
}

/** What surrounds a passage about to be cited: text before it, and when its source was made. */
export interface CitedContext {
  /** Up to 600 characters just before the passage (in the same text or message). */
  before: string;
  /** When the message or source itself was made, as it states it. */
  reference?: PartialDate;
  /** "the message’s date", "the source’s date". */
  referenceLabel: string;
}

/** Why a change is made: directly, or by undoing or redoing an earlier one. */
export interface ChangeOptions {
  via?: 'undo' | 'redo';
}

/** What an update changed: the fields before and after, to undo or redo it. */
export interface EventChange {
  before: Partial<EventFields>;
  after: Partial<EventFields>;
}

/** Everything a deleted event took with it, to put it back exactly. */
export interface EventSnapshot {
  event: Event;
  citations: Citation[];
  comments: Comment[];
}

/** The first citations of an event and how many it has (see EventRepository.citationSummaries). */
export interface CitationSummary {
  count: number;
  citations: { citation: Citation; sourceTitle: string | undefined; health: CitationHealth }[];
}

/** Whether a citation's quote can still be found in its source. */
export type CitationHealth =
  | 'ok'
  /** Found again after the text changed (by its quote). */
  | 'moved'
  /** The quote is no longer in the source's current text. */
  | 'missing'
  /** The cited source is no longer in the case. */
  | 'no-source'
  /** Not a text quote (a region, a whole message): nothing to resolve. */
  | 'not-text';

const CHANGEABLE = [
  'title',
  'date',
  'description',
  'entityIds',
  'tags',
  'verification',
] as const satisfies readonly (keyof EventFields)[];

/** The longest description kept, in characters of its JSON (about a novel's length of text). */
export const MAX_DESCRIPTION_JSON = 2_000_000;

function prefix(options: ChangeOptions | undefined): string {
  return options?.via === 'undo' ? 'Undo: ' : options?.via === 'redo' ? 'Redo: ' : '';
}

function via(options: ChangeOptions | undefined): Record<string, unknown> {
  return options?.via ? { via: options.via } : {};
}

/** A log-sized stand-in for a description: its length and hash, never the whole text. */
function describeDescription(value: unknown): unknown {
  if (value === undefined) return null;
  const json = canonicalJson(value);
  return { chars: json.length, sha256: sha256Hex(json) };
}

function checkDescription(value: unknown): void {
  if (value === undefined) return;
  const json = JSON.stringify(value);
  if (json.length > MAX_DESCRIPTION_JSON) {
    throw new RangeError(
      `The description is too long (${json.length.toLocaleString('en-GB')} characters stored, at most ${MAX_DESCRIPTION_JSON.toLocaleString('en-GB')}). Keep long material as a source and cite it.`,
    );
  }
}

function tidyTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))].map((t) =>
    t.slice(0, 60),
  );
}

function citationSummary(source: Pick<Source, 'title'> | undefined, anchor: Anchor): string {
  const what =
    quoteOf(anchor) ?? (anchor.type === 'region' ? 'an image region' : 'a whole message');
  return `“${clip(what, 60)}” from “${clip(source?.title ?? 'a source', 60)}”`;
}

/** A new event from the fields a reporter gave, stamped with when and by whom. */
function newEvent(fields: EventFields, at: string, actor: string): Event {
  return EventSchema.parse({
    id: newId(),
    title: fields.title.replace(/\s+/g, ' ').trim(),
    date: fields.date,
    ...sortKeysOf(fields.date),
    description: fields.description,
    verification: fields.verification ?? 'unverified',
    review: 'open',
    tags: tidyTags(fields.tags ?? []),
    entityIds: [...new Set(fields.entityIds ?? [])],
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
  });
}

/** The events of a case's timeline, the citations that back them and the comments on them. */
export class EventRepository {
  constructor(private readonly store: CaseStore) {}

  get(id: string): Promise<Event | undefined> {
    return this.store.db.events.get(id);
  }

  /** Every event in date order (start of the interval, then its end). */
  async listInDateOrder(): Promise<Event[]> {
    const events = await this.store.db.events.toArray();
    return events.sort((a, b) => a.sortStart - b.sortStart || a.sortEnd - b.sortEnd);
  }

  /** The first events in date order, for painting the list before the rest has loaded. */
  firstInDateOrder(limit: number): Promise<Event[]> {
    return this.store.db.events.orderBy('sortStart').limit(limit).toArray();
  }

  /** How many events the case has. */
  count(): Promise<number> {
    return this.store.db.events.count();
  }

  /** The citations of one event, oldest first; `limit` keeps huge lists short. */
  async citationsOf(eventId: string, limit = Infinity): Promise<Citation[]> {
    const list = await this.store.db.citations.where('eventId').equals(eventId).toArray();
    list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return Number.isFinite(limit) ? list.slice(0, limit) : list;
  }

  /**
   * What the timeline's cards show of the evidence of several events, read in one go: each event's
   * first citations (oldest first), how many it has, the titles of their sources and whether any
   * of those quotes can no longer be found.
   */
  async citationSummaries(
    eventIds: readonly string[],
    perEvent: number,
  ): Promise<Map<string, CitationSummary>> {
    const { db } = this.store;
    const byEvent = new Map<string, Citation[]>(eventIds.map((id) => [id, []]));
    for (const citation of await db.citations.where('eventId').anyOf(eventIds).toArray())
      byEvent.get(citation.eventId)?.push(citation);
    const shown: Citation[] = [];
    const firsts = new Map<string, Citation[]>();
    for (const [eventId, list] of byEvent) {
      list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      const first = list.slice(0, perEvent);
      firsts.set(eventId, first);
      shown.push(...first);
    }
    const sources = await db.sources.bulkGet([...new Set(shown.map((c) => c.sourceId))]);
    const titles = new Map(
      sources.filter((s): s is Source => Boolean(s)).map((s) => [s.id, s.title]),
    );
    const health = await this.checkCitations(shown);
    const out = new Map<string, CitationSummary>();
    for (const [eventId, list] of byEvent) {
      const first = firsts.get(eventId) ?? [];
      out.set(eventId, {
        count: list.length,
        citations: first.map((citation) => ({
          citation,
          sourceTitle: titles.get(citation.sourceId),
          health: health.get(citation.id) ?? 'ok',
        })),
      });
    }
    return out;
  }

  /** How many citations an event has. */
  citationCount(eventId: string): Promise<number> {
    return this.store.db.citations.where('eventId').equals(eventId).count();
  }

  /** All citations grouped by event. */
  async citationsByEvent(): Promise<Map<string, Citation[]>> {
    const all = await this.store.db.citations.toArray();
    const grouped = new Map<string, Citation[]>();
    for (const citation of all) {
      const list = grouped.get(citation.eventId);
      if (list) list.push(citation);
      else grouped.set(citation.eventId, [citation]);
    }
    return grouped;
  }

  /** Citations that quote one source. */
  citationsOfSource(sourceId: string): Promise<Citation[]> {
    return this.store.db.citations.where('sourceId').equals(sourceId).toArray();
  }

  /** The comments on one event, oldest first. */
  commentsOf(eventId: string): Promise<Comment[]> {
    return this.store.db.comments.where('eventId').equals(eventId).sortBy('createdAt');
  }

  /** Creates an event backed by the given citations, all in one transaction. */
  async create(fields: EventFields, citations: NewCitation[] = []): Promise<Event> {
    return (await this.createWithCitations(fields, citations)).event;
  }

  /** Like {@link create}, returning the citations too (for undo). */
  async createWithCitations(
    fields: EventFields,
    citations: NewCitation[] = [],
    options?: ChangeOptions,
  ): Promise<{ event: Event; citations: Citation[] }> {
    const { db } = this.store;
    checkDescription(fields.description);
    const at = nowIso();
    const actor = this.store.actor;
    const event = newEvent(fields, at, actor);
    const added = await this.store.write([db.events, db.citations, db.sources], async (log) => {
      await db.events.add(event);
      await log({
        action: 'event.create',
        recordType: 'event',
        recordId: event.id,
        summary: `${prefix(options)}Added event “${clip(event.title)}” (${formatPartialDate(event.date)})`,
        details: {
          title: event.title,
          date: event.date,
          entityIds: event.entityIds,
          ...via(options),
        },
      });
      return this.addCitationsInside(event, citations, at, actor, log, options);
    });
    return { event, citations: added };
  }

  /**
   * Creates many events in one transaction per chunk, each with its own activity entry: for
   * imports and for seeding benchmarks, where one transaction per event would take minutes.
   */
  async bulkCreate(list: EventFields[], chunkSize = 5_000): Promise<number> {
    const { db } = this.store;
    let written = 0;
    for (let from = 0; from < list.length; from += chunkSize) {
      const at = nowIso();
      const actor = this.store.actor;
      const events = list.slice(from, from + chunkSize).map((fields) => {
        checkDescription(fields.description);
        return newEvent(fields, at, actor);
      });
      await this.store.write([db.events], async (_log, logMany) => {
        await db.events.bulkAdd(events);
        await logMany(
          events.map((event) => ({
            action: 'event.create',
            recordType: 'event' as const,
            recordId: event.id,
            summary: `Added event “${clip(event.title)}” (${formatPartialDate(event.date)})`,
            details: { title: event.title, date: event.date, entityIds: event.entityIds },
          })),
        );
      });
      written += events.length;
    }
    return written;
  }

  /**
   * Creates many events with their citations in one transaction (a bulk import, a benchmark),
   * logging each event and citation as {@link create} does.
   */
  async createMany(items: { fields: EventFields; citations?: NewCitation[] }[]): Promise<Event[]> {
    const { db } = this.store;
    const at = nowIso();
    const actor = this.store.actor;
    const events = items.map(({ fields }) => newEvent(fields, at, actor));
    await this.store.write([db.events, db.citations, db.sources], async (log) => {
      const sourceIds = [
        ...new Set(items.flatMap((item) => (item.citations ?? []).map((c) => c.sourceId))),
      ];
      const sources = new Map(
        (await db.sources.bulkGet(sourceIds)).filter(Boolean).map((s) => [s!.id, s!]),
      );
      const citations: Citation[] = [];
      for (const [index, event] of events.entries()) {
        await log({
          action: 'event.create',
          recordType: 'event',
          recordId: event.id,
          summary: `Added event “${clip(event.title)}” (${formatPartialDate(event.date)})`,
          details: { title: event.title, date: event.date, entityIds: event.entityIds },
        });
        for (const input of items[index]?.citations ?? []) {
          const source = sources.get(input.sourceId);
          if (!source) throw new Error('A cited source is no longer in this case.');
          const citation = CitationSchema.parse({
            id: newId(),
            eventId: event.id,
            sourceId: source.id,
            sourceSha256: source.sha256,
            anchor: input.anchor,
            createdAt: at,
            createdBy: actor,
          });
          citations.push(citation);
          await log({
            action: 'citation.create',
            recordType: 'citation',
            recordId: citation.id,
            summary: `Cited “${clip(quoteOf(input.anchor) ?? source.title, 60)}” from “${clip(source.title, 60)}” for “${clip(event.title, 60)}”`,
            details: {
              eventId: event.id,
              sourceId: source.id,
              sourceSha256: source.sha256,
              anchor: input.anchor,
            },
          });
        }
      }
      await db.events.bulkAdd(events);
      await db.citations.bulkAdd(citations);
    });
    return events;
  }

  private async addCitationsInside(
    event: Event,
    inputs: NewCitation[],
    at: string,
    actor: string,
    log: LogActivity,
    options?: ChangeOptions,
  ): Promise<Citation[]> {
    const { db } = this.store;
    const added: Citation[] = [];
    const sources = new Map<string, Source>();
    for (const input of inputs) {
      let source = sources.get(input.sourceId);
      if (!source) {
        source = await db.sources.get(input.sourceId);
        if (!source) throw new Error('A cited source is no longer in this case.');
        sources.set(source.id, source);
      }
      const citation = CitationSchema.parse({
        id: input.id ?? newId(),
        eventId: event.id,
        sourceId: source.id,
        sourceSha256: source.sha256,
        anchor: input.anchor,
        createdAt: at,
        createdBy: actor,
      });
      added.push(citation);
      await log({
        action: 'citation.create',
        recordType: 'citation',
        recordId: citation.id,
        summary: `${prefix(options)}Cited ${citationSummary(source, input.anchor)} for “${clip(event.title, 60)}”`,
        details: {
          eventId: event.id,
          sourceId: source.id,
          sourceSha256: source.sha256,
          anchor: input.anchor,
          ...via(options),
        },
      });
    }
    await db.citations.bulkAdd(added);
    return added;
  }

  /** Adds citations to an existing event (a passage selected in a source). */
  async addCitations(
    eventId: string,
    inputs: NewCitation[],
    options?: ChangeOptions,
  ): Promise<Citation[]> {
    const { db } = this.store;
    const at = nowIso();
    const actor = this.store.actor;
    return this.store.write([db.events, db.citations, db.sources], async (log) => {
      const event = await db.events.get(eventId);
      if (!event) throw new Error('That event is no longer in this case.');
      const added = await this.addCitationsInside(event, inputs, at, actor, log, options);
      await db.events.update(eventId, { updatedAt: at });
      return added;
    });
  }

  /** Removes citations from their event; returns them as they were, to put back. */
  async removeCitations(ids: string[], options?: ChangeOptions): Promise<Citation[]> {
    const { db } = this.store;
    return this.store.write([db.events, db.citations, db.sources], async (log) => {
      const found = (await db.citations.bulkGet(ids)).filter((c): c is Citation => Boolean(c));
      await db.citations.bulkDelete(found.map((c) => c.id));
      for (const citation of found) {
        const [event, source] = await Promise.all([
          db.events.get(citation.eventId),
          db.sources.get(citation.sourceId),
        ]);
        await log({
          action: 'citation.delete',
          recordType: 'citation',
          recordId: citation.id,
          summary: `${prefix(options)}Removed the citation ${citationSummary(source, citation.anchor)} from “${clip(event?.title ?? 'an event', 60)}”`,
          details: {
            eventId: citation.eventId,
            sourceId: citation.sourceId,
            sourceSha256: citation.sourceSha256,
            anchor: citation.anchor,
            ...via(options),
          },
        });
      }
      return found;
    });
  }

  /** Puts removed citations back, with their ids (undo of a removal). */
  async restoreCitations(citations: Citation[], options?: ChangeOptions): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.events, db.citations, db.sources], async (log) => {
      for (const citation of citations) {
        const event = await db.events.get(citation.eventId);
        if (!event) throw new Error('The event of that citation is no longer in this case.');
        const source = await db.sources.get(citation.sourceId);
        await log({
          action: 'citation.restore',
          recordType: 'citation',
          recordId: citation.id,
          summary: `${prefix(options)}Cited ${citationSummary(source, citation.anchor)} for “${clip(event.title, 60)}” again`,
          details: {
            eventId: citation.eventId,
            sourceId: citation.sourceId,
            sourceSha256: citation.sourceSha256,
            anchor: citation.anchor,
            ...via(options),
          },
        });
      }
      await db.citations.bulkPut(citations.map((c) => CitationSchema.parse(c)));
    });
  }

  /** Changes an event's fields; returns what changed, to undo or redo it. */
  async update(
    id: string,
    fields: Partial<EventFields>,
    options?: ChangeOptions,
  ): Promise<EventChange> {
    const { db } = this.store;
    if ('description' in fields) checkDescription(fields.description);
    return this.store.write([db.events], async (log) => {
      const event = await db.events.get(id);
      if (!event) throw new Error('That event is no longer in this case.');
      const next = EventSchema.parse({
        ...event,
        ...(fields.title !== undefined ? { title: fields.title.replace(/\s+/g, ' ').trim() } : {}),
        ...(fields.date !== undefined ? { date: fields.date, ...sortKeysOf(fields.date) } : {}),
        ...('description' in fields ? { description: fields.description } : {}),
        ...(fields.entityIds !== undefined ? { entityIds: [...new Set(fields.entityIds)] } : {}),
        ...(fields.tags !== undefined ? { tags: tidyTags(fields.tags) } : {}),
        ...(fields.verification !== undefined ? { verification: fields.verification } : {}),
        updatedAt: nowIso(),
      });
      const changed = CHANGEABLE.filter(
        (key) => key in fields && JSON.stringify(event[key]) !== JSON.stringify(next[key]),
      );
      const change: EventChange = { before: {}, after: {} };
      if (changed.length === 0) return change;
      for (const key of changed) {
        (change.before as Record<string, unknown>)[key] = event[key];
        (change.after as Record<string, unknown>)[key] = next[key];
      }
      await db.events.put(next);
      const verb =
        changed.length === 1 && changed[0] === 'verification'
          ? `Marked “${clip(next.title)}” ${VERIFICATION_LABELS[next.verification].toLowerCase()}`
          : changed.length === 1 && changed[0] === 'tags'
            ? `Tagged “${clip(next.title)}” ${next.tags.length ? next.tags.map((t) => `#${t}`).join(' ') : '(no tags)'}`
            : `Edited event “${clip(next.title)}” (${changed.join(', ')})`;
      await log({
        action: 'event.update',
        recordType: 'event',
        recordId: id,
        summary: `${prefix(options)}${verb}`,
        details: {
          ...Object.fromEntries(
            changed.map((key) =>
              key === 'description'
                ? [
                    key,
                    {
                      before: describeDescription(event.description),
                      after: describeDescription(next.description),
                    },
                  ]
                : [key, { before: event[key] ?? null, after: next[key] ?? null }],
            ),
          ),
          ...via(options),
        },
      });
      return change;
    });
  }

  /** Deletes an event with its citations and comments; returns them, to put back. */
  async remove(id: string, options?: ChangeOptions): Promise<EventSnapshot | undefined> {
    const { db } = this.store;
    return this.store.write([db.events, db.citations, db.comments], async (log) => {
      const event = await db.events.get(id);
      if (!event) return undefined;
      const citations = await db.citations.where('eventId').equals(id).toArray();
      const comments = await db.comments.where('eventId').equals(id).toArray();
      await db.citations.bulkDelete(citations.map((c) => c.id));
      await db.comments.bulkDelete(comments.map((c) => c.id));
      await db.events.delete(id);
      const { description, ...rest } = event;
      await log({
        action: 'event.delete',
        recordType: 'event',
        recordId: id,
        summary: `${prefix(options)}Deleted event “${clip(event.title)}” and its ${citations.length} citation${citations.length === 1 ? '' : 's'}`,
        details: {
          event: { ...rest, description: describeDescription(description) },
          citationIds: citations.map((c) => c.id),
          commentIds: comments.map((c) => c.id),
          ...via(options),
        },
      });
      return { event, citations, comments };
    });
  }

  /** Puts a deleted event back with its citations and comments, under the same ids. */
  async restore(snapshot: EventSnapshot, options?: ChangeOptions): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.events, db.citations, db.comments], async (log) => {
      if (await db.events.get(snapshot.event.id)) return;
      await db.events.add(EventSchema.parse(snapshot.event));
      await db.citations.bulkPut(snapshot.citations);
      await db.comments.bulkPut(snapshot.comments);
      await log({
        action: 'event.restore',
        recordType: 'event',
        recordId: snapshot.event.id,
        summary: `${prefix(options)}Put back event “${clip(snapshot.event.title)}” with ${snapshot.citations.length} citation${snapshot.citations.length === 1 ? '' : 's'}`,
        details: {
          title: snapshot.event.title,
          date: snapshot.event.date,
          citationIds: snapshot.citations.map((c) => c.id),
          commentIds: snapshot.comments.map((c) => c.id),
          ...via(options),
        },
      });
    });
  }

  /** An editor's decision on an event: approved, questioned, or open again. */
  async setReview(id: string, review: ReviewState): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.events], async (log) => {
      const event = await db.events.get(id);
      if (!event) throw new Error('That event is no longer in this case.');
      if (event.review === review) return;
      await db.events.update(id, { review, updatedAt: nowIso() });
      const verb =
        review === 'approved' ? 'Approved' : review === 'questioned' ? 'Questioned' : 'Reopened';
      await log({
        action: 'event.review',
        recordType: 'event',
        recordId: id,
        summary: `${verb} “${clip(event.title)}”`,
        details: { before: event.review, after: review },
      });
    });
  }

  /** Adds a comment to an event, signed with the profile name. */
  async addComment(eventId: string, body: string): Promise<Comment> {
    const { db } = this.store;
    const text = body.trim();
    if (!text) throw new Error('Write something before posting a comment.');
    if (text.length > 20_000) {
      throw new RangeError(
        `A comment can be at most 20,000 characters; this one has ${text.length.toLocaleString('en-GB')}.`,
      );
    }
    return this.store.write([db.events, db.comments], async (log) => {
      const event = await db.events.get(eventId);
      if (!event) throw new Error('That event is no longer in this case.');
      const comment = CommentSchema.parse({
        id: newId(),
        eventId,
        author: this.store.actor,
        body: text,
        createdAt: nowIso(),
      });
      await db.comments.add(comment);
      await log({
        action: 'comment.create',
        recordType: 'comment',
        recordId: comment.id,
        summary: `Commented on “${clip(event.title, 60)}”: “${clip(text, 80)}”`,
        details: { eventId, body: text },
      });
      return comment;
    });
  }

  /** The text before a passage and the date of its source or message, for date suggestions. */
  async citedContext(citation: NewCitation): Promise<CitedContext> {
    const { db } = this.store;
    const source = await db.sources.get(citation.sourceId);
    const { anchor } = citation;
    const messageId =
      anchor.type === 'message'
        ? anchor.messageId
        : anchor.type === 'text'
          ? anchor.scope?.messageId
          : undefined;
    if (messageId) {
      const message = await db.messages.get(messageId);
      const reference = message?.sentAt ? dateOfSentAt(message.sentAt) : undefined;
      const before =
        message && anchor.type === 'text'
          ? message.text.slice(Math.max(0, anchor.position.start - 600), anchor.position.start)
          : '';
      return {
        before,
        ...(reference ? { reference } : source?.sourceDate ? { reference: source.sourceDate } : {}),
        referenceLabel: reference ? 'the message’s date' : 'the source’s date',
      };
    }
    let before = '';
    if (anchor.type === 'text' && source) {
      const revisionId = anchor.revisionId ?? source.currentRevisionId;
      const revision = revisionId ? await db.texts.get(revisionId) : undefined;
      if (revision) {
        before = revision.text.slice(
          Math.max(0, anchor.position.start - 600),
          anchor.position.start,
        );
      }
    }
    return {
      before,
      ...(source?.sourceDate ? { reference: source.sourceDate } : {}),
      referenceLabel: 'the source’s date',
    };
  }

  /**
   * Whether each citation's quote still stands in its source's current text (or in its message),
   * found by position, by its quote, or approximately; 'missing' when a correction removed it.
   */
  async checkCitations(citations: readonly Citation[]): Promise<Map<string, CitationHealth>> {
    const { db } = this.store;
    const health = new Map<string, CitationHealth>();
    const texts = new Map<string, { id?: string; text: string } | null>();
    const textOf = async (citation: Citation, messageId: string | undefined) => {
      const key = messageId ? `m:${messageId}` : `s:${citation.sourceId}`;
      if (texts.has(key)) return texts.get(key) ?? null;
      let value: { id?: string; text: string } | null = null;
      if (messageId) {
        const message = await db.messages.get(messageId);
        value = message ? { text: message.text } : null;
      } else {
        const source = await db.sources.get(citation.sourceId);
        const revision = source?.currentRevisionId
          ? await db.texts.get(source.currentRevisionId)
          : undefined;
        value = revision ? { id: revision.id, text: revision.text } : null;
      }
      texts.set(key, value);
      return value;
    };
    const sourceIds = [...new Set(citations.map((c) => c.sourceId))];
    const present = new Set(
      (await db.sources.bulkGet(sourceIds)).filter(Boolean).map((s) => (s as Source).id),
    );
    for (const citation of citations) {
      if (!present.has(citation.sourceId)) {
        health.set(citation.id, 'no-source');
        continue;
      }
      const { anchor } = citation;
      if (anchor.type !== 'text') {
        health.set(citation.id, 'not-text');
        continue;
      }
      const text = await textOf(citation, anchor.scope?.messageId);
      if (!text) {
        health.set(citation.id, 'missing');
        continue;
      }
      const { start, end } = anchor.position;
      if (text.text.slice(start, end) === anchor.quote.exact) {
        health.set(citation.id, 'ok');
        continue;
      }
      health.set(citation.id, resolveTextAnchor(text.text, anchor) ? 'moved' : 'missing');
    }
    return health;
  }
}

/**
 * The date of a message as its export states it: an ISO time with an offset keeps that offset; one
 * without is the local time of the source, whatever that was.
 */
export function dateOfSentAt(sentAt: string): PartialDate | undefined {
  const zone = /(Z|[+-]\d{2}:?\d{2})$/i.exec(sentAt.trim());
  if (zone?.[1]) {
    return partialDateFromInstant(sentAt, normalizeTimeZone(zone[1]) ?? 'UTC');
  }
  const wall = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(sentAt.trim());
  if (!wall) return undefined;
  const [year, month, day, hour, minute] = wall.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59)
    return undefined;
  return { start: { year, month, day, hour, minute }, approximate: false };
}
