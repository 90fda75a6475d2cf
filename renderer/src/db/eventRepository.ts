import type { Anchor } from '@shared/schemas/anchor';
import type { PartialDate } from '@shared/schemas/partialDate';
import { CitationSchema, EventSchema, type Citation, type Event } from '@shared/schemas/records';
import { formatPartialDate, sortKeysOf } from '@shared/domain/partialDate';
import { clip, newId, nowIso, type CaseStore } from './caseStore';
import { quoteOf } from './mentionRepository';

/** What the event form provides. */
export interface EventFields {
  title: string;
  date: PartialDate;
  /** ProseMirror JSON of the description, or undefined for none. */
  description?: unknown;
  entityIds?: string[];
}

/** A passage to cite, as selected in a source. */
export interface NewCitation {
  sourceId: string;
  anchor: Anchor;
}

/** The events of a case's timeline and the citations that back them. */
export class EventRepository {
  constructor(private readonly store: CaseStore) {}

  get(id: string): Promise<Event | undefined> {
    return this.store.db.events.get(id);
  }

  /** Every event in date order (start of the interval, then its end). */
  async listInDateOrder(): Promise<Event[]> {
    const events = await this.store.db.events.orderBy('sortStart').toArray();
    // orderBy sorts by start only; a stable second pass orders equal starts by their end.
    return events.sort((a, b) => a.sortStart - b.sortStart || a.sortEnd - b.sortEnd);
  }

  /** The citations of one event, oldest first. */
  async citationsOf(eventId: string): Promise<Citation[]> {
    const list = await this.store.db.citations.where('eventId').equals(eventId).toArray();
    return list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** All citations grouped by event, for drawing the timeline. */
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

  /** Creates an event backed by the given citations, all in one transaction. */
  async create(fields: EventFields, citations: NewCitation[] = []): Promise<Event> {
    const { db } = this.store;
    const at = nowIso();
    const actor = this.store.actor;
    const event = EventSchema.parse({
      id: newId(),
      title: fields.title.replace(/\s+/g, ' ').trim(),
      date: fields.date,
      ...sortKeysOf(fields.date),
      description: fields.description,
      verification: 'unverified',
      review: 'open',
      tags: [],
      entityIds: [...new Set(fields.entityIds ?? [])],
      createdAt: at,
      createdBy: actor,
      updatedAt: at,
    });
    await this.store.write([db.events, db.citations, db.sources], async (log) => {
      await db.events.add(event);
      await log({
        action: 'event.create',
        recordType: 'event',
        recordId: event.id,
        summary: `Added event “${clip(event.title)}” (${formatPartialDate(event.date)})`,
        details: { title: event.title, date: event.date, entityIds: event.entityIds },
      });
      for (const input of citations) {
        const source = await db.sources.get(input.sourceId);
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
        await db.citations.add(citation);
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
    });
    return event;
  }

  /**
   * Creates many events with their citations in one transaction (a bulk import, a benchmark),
   * logging each event and citation as {@link create} does.
   */
  async createMany(items: { fields: EventFields; citations?: NewCitation[] }[]): Promise<Event[]> {
    const { db } = this.store;
    const at = nowIso();
    const actor = this.store.actor;
    const events = items.map(({ fields }) =>
      EventSchema.parse({
        id: newId(),
        title: fields.title.replace(/\s+/g, ' ').trim(),
        date: fields.date,
        ...sortKeysOf(fields.date),
        description: fields.description,
        verification: 'unverified',
        review: 'open',
        tags: [],
        entityIds: [...new Set(fields.entityIds ?? [])],
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
      }),
    );
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

  /** Changes an event's title, date, description or linked entities. */
  async update(id: string, fields: Partial<EventFields>): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.events], async (log) => {
      const event = await db.events.get(id);
      if (!event) throw new Error('That event is no longer in this case.');
      const next = EventSchema.parse({
        ...event,
        ...(fields.title !== undefined ? { title: fields.title.replace(/\s+/g, ' ').trim() } : {}),
        ...(fields.date !== undefined ? { date: fields.date, ...sortKeysOf(fields.date) } : {}),
        ...('description' in fields ? { description: fields.description } : {}),
        ...(fields.entityIds !== undefined ? { entityIds: [...new Set(fields.entityIds)] } : {}),
        updatedAt: nowIso(),
      });
      await db.events.put(next);
      const changed = (['title', 'date', 'description', 'entityIds'] as const).filter(
        (key) => JSON.stringify(event[key]) !== JSON.stringify(next[key]),
      );
      if (changed.length === 0) return;
      await log({
        action: 'event.update',
        recordType: 'event',
        recordId: id,
        summary: `Edited event “${clip(next.title)}” (${changed.join(', ')})`,
        details: Object.fromEntries(
          changed.map((key) => [key, { before: event[key], after: next[key] }]),
        ),
      });
    });
  }

  /** Deletes an event with its citations and comments. */
  async remove(id: string): Promise<void> {
    const { db } = this.store;
    await this.store.write([db.events, db.citations, db.comments], async (log) => {
      const event = await db.events.get(id);
      if (!event) return;
      const citationIds = await db.citations.where('eventId').equals(id).primaryKeys();
      await db.citations.bulkDelete(citationIds);
      await db.comments.where('eventId').equals(id).delete();
      await db.events.delete(id);
      await log({
        action: 'event.delete',
        recordType: 'event',
        recordId: id,
        summary: `Deleted event “${clip(event.title)}” and its ${citationIds.length} citation${citationIds.length === 1 ? '' : 's'}`,
        details: { event },
      });
    });
  }
}
