import MiniSearch, { type SearchResult as LibraryResult } from 'minisearch';
import type { ActivityEntry } from '@shared/domain/activityLog';
import type { Entity, Event, Message, Source, SourceKind } from '@shared/schemas/records';
import { sortKeysOf } from '@shared/domain/partialDate';
import { STOP_WORDS, termsOf } from '@shared/domain/search/tokens';
import {
  parseQuery,
  typosAllowed,
  usesPrefix,
  type ParsedQuery,
} from '@shared/domain/search/query';
import { containsPhrases, makeSnippet, type Snippet } from '@shared/domain/search/snippet';
import { plainTextOf } from '../../editor/prosemirrorJson';
import type { CaseDb } from '../../db/caseDb';
import { SearchIndexStore } from '../../db/searchIndexStore';

/** What kind of thing a search document is. */
export type DocKind = 'text' | 'message' | 'title' | 'event' | 'entity';

/** What the index knows about each document besides its words. */
export interface DocMeta {
  /** `m:<message>`, `t:<source>:<offset>`, `s:<source>`, `e:<event>` or `n:<entity>`. */
  key: string;
  kind: DocKind;
  sourceId?: string;
  sourceKind?: SourceKind;
  messageId?: string;
  eventId?: string;
  entityId?: string;
  /** For text chunks: where the chunk starts and ends in the source's text. */
  start?: number;
  end?: number;
  sender?: string;
  /** Milliseconds (UTC) of the start and end of when it was sent or dated. */
  date?: number;
  dateEnd?: number;
  /** Events and entities keep their own searchable text (they are few and small). */
  text?: string;
  label?: string;
}

/** Filters a search can take, all optional. */
export interface SearchFilters {
  kinds?: SourceKind[];
  sender?: string;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  from?: string;
  to?: string;
  entityId?: string;
  tag?: string;
}

/** One hit, ready to show. */
export interface SearchHit {
  id: string;
  kind: DocKind;
  score: number;
  sourceId?: string;
  messageId?: string;
  eventId?: string;
  entityId?: string;
  sender?: string;
  date?: number;
  snippet: Snippet;
  /** Where to open the source: offsets in its text, or in the message's text. */
  focus?: { start: number; end: number };
}

/** Hits of one source (or the events, or the entities), best first. */
export interface SearchGroup {
  key: string;
  kind: 'source' | 'events' | 'entities';
  label: string;
  sourceKind?: SourceKind;
  total: number;
  hits: SearchHit[];
}

/** The answer to a query. */
export interface SearchResponse {
  query: string;
  groups: SearchGroup[];
  total: number;
  /** Milliseconds in the search library itself, and in the whole search. */
  libraryMs: number;
  totalMs: number;
  /** Why nothing was searched, or what was left out of the query. */
  notice?: string;
}

/** What the filters can offer. */
export interface SearchFacets {
  senders: string[];
  tags: string[];
  kinds: SourceKind[];
}

/** Where the index stands, for a progress line. */
export interface IndexStatus {
  state: 'empty' | 'loading' | 'building' | 'ready';
  documents: number;
  done?: number;
  total?: number;
  lastSeq: number;
  /** How the last open went, in milliseconds: reading the saved index, loading it, catching up. */
  opened?: { readMs: number; loadMs: number; catchUpMs: number; built: boolean };
}

/** Bumped when the way documents are indexed changes: older saved indexes are rebuilt. */
export const INDEX_FORMAT = 2;
/** Text is indexed in passages of about this many characters, so hits land near their words. */
export const CHUNK_LENGTH = 2_000;
const MESSAGE_BATCH = 5_000;
const HITS_PER_GROUP = 4;
const MAX_GROUPS = 25;
const PHRASE_CHECKS = 400;

const tokenizeField = (text: string) => termsOf(text);
const processTerm = (term: string) => (STOP_WORDS.has(term) ? null : term);

function libraryOptions() {
  return {
    idField: 'id',
    fields: ['text', 'title'],
    storeFields: [],
    tokenize: tokenizeField,
    processTerm,
    searchOptions: {
      // Query words arrive folded and split already.
      tokenize: (query: string) => query.split(' ').filter(Boolean),
      processTerm: (term: string) => term,
    },
  };
}

/** The library's options for a parsed query (shared with the benchmark's raw timing). */
export function libraryQueryOptions(
  filter?: (result: LibraryResult) => boolean,
): Parameters<MiniSearch['search']>[1] {
  return {
    combineWith: 'AND',
    prefix: (term: string) => usesPrefix(term),
    fuzzy: (term: string) => typosAllowed(term),
    boost: { title: 2 },
    weights: { fuzzy: 0.3, prefix: 0.6 },
    ...(filter ? { filter } : {}),
  };
}

/** Splits a long text into passages at line breaks (or spaces), each at most about CHUNK_LENGTH. */
export function chunkText(text: string): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_LENGTH);
    if (end < text.length) {
      const window = text.slice(start + CHUNK_LENGTH / 2, end);
      const breakAt = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
      if (breakAt >= 0) end = start + CHUNK_LENGTH / 2 + breakAt + 1;
    }
    chunks.push({ start, end });
    start = end;
  }
  return chunks;
}

function dayStart(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t;
}

const yieldToQueries = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The search index of one case, kept in a worker: sources' current text (in passages), chat
 * messages and emails, OCR text, source titles, events and entities, in MiniSearch.
 *
 * It follows the case through the activity log: every change to a case is logged in the same
 * transaction as the change itself, so the entries after the index's `lastSeq` say exactly which
 * sources, events and entities to index again, whichever window or worker made them. The index
 * is saved in the case's `meta` table with its `lastSeq`, so that opening a case loads it and
 * catches up on the log instead of reading every record again.
 */
export class CaseSearchIndex {
  private index = new MiniSearch<{ id: number; text: string; title: string }>(libraryOptions());
  /** Documents by their number in the library (holes where documents were removed). */
  private docs: (DocMeta | undefined)[] = [];
  private byKey = new Map<string, number>();
  private docsBySource = new Map<string, Set<string>>();
  private lastSeq = 0;
  private state: IndexStatus['state'] = 'empty';
  private progress: { done: number; total: number } | undefined;
  private opened: IndexStatus['opened'];
  private syncing: Promise<void> | undefined;
  private syncAgain = false;
  private dirtySinceSave = false;
  private allowedCache = new Map<string, Promise<Allowed>>();
  private textCache = new Map<string, string>();
  private readonly store: SearchIndexStore;

  constructor(
    private readonly db: CaseDb,
    private readonly onStatus: (status: IndexStatus) => void = () => {},
  ) {
    this.store = new SearchIndexStore(db);
  }

  /** The library's index itself (for the benchmark's raw timings). */
  get library(): MiniSearch {
    return this.index as unknown as MiniSearch;
  }

  status(): IndexStatus {
    return {
      state: this.state,
      documents: this.byKey.size,
      lastSeq: this.lastSeq,
      ...(this.progress ?? {}),
      ...(this.opened ? { opened: this.opened } : {}),
    };
  }

  private report(): void {
    this.onStatus(this.status());
  }

  /**
   * Makes the index usable: loads the saved one and catches up on the log, or builds it from the
   * records when there is none (or it is of an older format, or does not add up).
   */
  async open(): Promise<void> {
    this.state = 'loading';
    this.report();
    let started = performance.now();
    const saved = await this.store.load().catch(() => undefined);
    const readMs = performance.now() - started;
    if (saved && saved.format === INDEX_FORMAT) {
      try {
        started = performance.now();
        this.index = MiniSearch.loadJSON(saved.index, libraryOptions());
        this.docs = unpackDocs(saved.docs);
        this.byKey.clear();
        this.docsBySource.clear();
        this.docs.forEach((meta, number) => {
          if (!meta) return;
          this.byKey.set(meta.key, number);
          if (meta.sourceId) this.bySource(meta.sourceId).add(meta.key);
        });
        this.lastSeq = saved.lastSeq;
        const loadMs = performance.now() - started;
        this.state = 'ready';
        started = performance.now();
        await this.sync();
        this.opened = { readMs, loadMs, catchUpMs: performance.now() - started, built: false };
        this.report();
        // A safety net: if the counts do not add up (a change written without a log entry), rebuild.
        const messages = this.docs.filter((d) => d?.kind === 'message').length;
        if (messages !== (await this.db.messages.count())) await this.rebuild();
        return;
      } catch {
        // A damaged saved index is rebuilt below.
      }
    }
    started = performance.now();
    await this.rebuild();
    this.opened = { readMs, loadMs: performance.now() - started, catchUpMs: 0, built: true };
  }

  /** Reads every record again and replaces the index. */
  async rebuild(): Promise<void> {
    const { db } = this;
    this.state = 'building';
    const seqAtStart = (await db.activity.orderBy('seq').last())?.seq ?? 0;
    const fresh = new CaseSearchIndex(db);
    const total = (await db.sources.count()) + (await db.messages.count());
    this.progress = { done: 0, total };
    this.report();
    const sources = await db.sources.toArray();
    for (const source of sources) {
      await fresh.addSourceText(source);
      this.progress.done += 1;
    }
    const kinds = new Map(sources.map((s) => [s.id, s]));
    const readAfter = (key: string | undefined): Promise<Message[]> =>
      key === undefined
        ? db.messages.orderBy(':id').limit(MESSAGE_BATCH).toArray()
        : db.messages.where(':id').above(key).limit(MESSAGE_BATCH).toArray();
    // Reading and indexing overlap: the next batch is asked of IndexedDB before this one is
    // indexed, so the database reads it while this thread builds.
    let next = readAfter(undefined);
    for (;;) {
      const batch = await next;
      if (batch.length === 0) break;
      next = readAfter(batch[batch.length - 1]?.id);
      fresh.addMessages(batch, kinds);
      this.progress.done += batch.length;
      this.report();
      await yieldToQueries();
    }
    const [events, entities] = await Promise.all([db.events.toArray(), db.entities.toArray()]);
    for (const event of events) fresh.addEvent(event);
    for (const entity of entities) fresh.addEntity(entity);
    this.index = fresh.index;
    this.docs = fresh.docs;
    this.byKey = fresh.byKey;
    this.docsBySource = fresh.docsBySource;
    this.lastSeq = seqAtStart;
    this.allowedCache.clear();
    this.textCache.clear();
    this.progress = undefined;
    this.state = 'ready';
    this.dirtySinceSave = true;
    this.report();
    // Anything written while the build ran is in the log after seqAtStart.
    await this.sync();
  }

  private bySource(sourceId: string): Set<string> {
    let set = this.docsBySource.get(sourceId);
    if (!set) {
      set = new Set();
      this.docsBySource.set(sourceId, set);
    }
    return set;
  }

  private put(key: string, meta: Omit<DocMeta, 'key'>, text: string, title = ''): void {
    let number = this.byKey.get(key);
    if (number === undefined) {
      number = this.docs.length;
      this.byKey.set(key, number);
    } else {
      this.index.discard(number);
    }
    this.index.add({ id: number, text, title });
    this.docs[number] = { ...meta, key };
    if (meta.sourceId) this.bySource(meta.sourceId).add(key);
  }

  private drop(key: string): void {
    const number = this.byKey.get(key);
    if (number === undefined) return;
    const meta = this.docs[number];
    this.index.discard(number);
    this.docs[number] = undefined;
    this.byKey.delete(key);
    if (meta?.sourceId) this.docsBySource.get(meta.sourceId)?.delete(key);
  }

  private meta(key: string): DocMeta | undefined {
    const number = this.byKey.get(key);
    return number === undefined ? undefined : this.docs[number];
  }

  /** Indexes a source's title and its current text (in passages). */
  private async addSourceText(source: Source): Promise<void> {
    const date = source.sourceDate ? sortKeysOf(source.sourceDate) : undefined;
    const base: Omit<DocMeta, 'key'> = {
      kind: 'title',
      sourceId: source.id,
      sourceKind: source.kind,
      label: source.title,
      ...(date ? { date: date.sortStart, dateEnd: date.sortEnd } : {}),
    };
    this.put(`s:${source.id}`, base, source.fileName ?? '', source.title);
    if (!source.currentRevisionId) return;
    const revision = await this.db.texts.get(source.currentRevisionId);
    if (!revision) return;
    this.textCache.delete(source.id);
    for (const chunk of chunkText(revision.text)) {
      this.put(
        `t:${source.id}:${chunk.start}`,
        { ...base, kind: 'text', start: chunk.start, end: chunk.end },
        revision.text.slice(chunk.start, chunk.end),
      );
    }
  }

  private addMessages(messages: readonly Message[], sources: Map<string, Source>): void {
    for (const message of messages) {
      const source = sources.get(message.sourceId);
      const date = message.sentAt ? Date.parse(message.sentAt) : NaN;
      const meta: Omit<DocMeta, 'key'> = {
        kind: 'message',
        sourceId: message.sourceId,
        messageId: message.id,
        ...(source ? { sourceKind: source.kind, label: source.title } : {}),
        ...(message.sender ? { sender: message.sender } : {}),
        ...(Number.isNaN(date) ? {} : { date, dateEnd: date }),
      };
      this.put(`m:${message.id}`, meta, message.text, message.sender ?? '');
    }
  }

  private addEvent(event: Event): void {
    const description = plainTextOf(event.description, 20_000);
    this.put(
      `e:${event.id}`,
      {
        kind: 'event',
        eventId: event.id,
        date: event.sortStart,
        dateEnd: event.sortEnd,
        label: event.title,
        text: [event.title, description].filter(Boolean).join('\n'),
      },
      [description, event.tags.join(' ')].join('\n'),
      event.title,
    );
  }

  private addEntity(entity: Entity): void {
    if (entity.mergedInto) {
      this.drop(`n:${entity.id}`);
      return;
    }
    const names = [entity.name, ...entity.aliases].join('\n');
    const rest = [
      ...entity.identifiers.map((i) => i.value),
      entity.tags.join(' '),
      plainTextOf(entity.description, 20_000),
    ].join('\n');
    this.put(
      `n:${entity.id}`,
      { kind: 'entity', entityId: entity.id, label: entity.name, text: `${names}\n${rest}` },
      rest,
      names,
    );
  }

  /** Indexes one source again: its title, text and messages (or removes it when it is gone). */
  private async reindexSource(sourceId: string, titleOnly = false): Promise<void> {
    const source = await this.db.sources.get(sourceId);
    if (titleOnly && source) {
      const id = `s:${source.id}`;
      const meta = this.meta(id);
      if (meta) this.put(id, { ...meta, label: source.title }, source.fileName ?? '', source.title);
      for (const docId of this.docsBySource.get(sourceId) ?? []) {
        const doc = this.meta(docId);
        if (doc) doc.label = source.title;
      }
      return;
    }
    for (const id of [...(this.docsBySource.get(sourceId) ?? [])]) this.drop(id);
    this.docsBySource.delete(sourceId);
    this.textCache.delete(sourceId);
    if (!source) return;
    await this.addSourceText(source);
    const sources = new Map([[source.id, source]]);
    let lastSeq: number | undefined;
    for (;;) {
      const batch = await (lastSeq === undefined
        ? this.db.messages
            .where('[sourceId+seq]')
            .between([sourceId, -Infinity], [sourceId, Infinity])
            .limit(MESSAGE_BATCH)
            .toArray()
        : this.db.messages
            .where('[sourceId+seq]')
            .between([sourceId, lastSeq], [sourceId, Infinity], false, true)
            .limit(MESSAGE_BATCH)
            .toArray());
      if (batch.length === 0) break;
      this.addMessages(batch, sources);
      lastSeq = batch[batch.length - 1]?.seq;
      await yieldToQueries();
    }
  }

  /**
   * Catches up on the activity log: indexes again whatever the entries after `lastSeq` touched.
   * Calls made while a catch-up runs are folded into one more pass after it.
   */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    const run = async () => {
      do {
        this.syncAgain = false;
        await this.catchUp();
      } while (this.syncAgain);
    };
    this.syncing = run().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    const entries: ActivityEntry[] = await this.db.activity
      .where('seq')
      .above(this.lastSeq)
      .toArray();
    if (entries.length === 0) return;
    const sources = new Map<string, boolean>(); // id → title only
    const events = new Set<string>();
    const entities = new Set<string>();
    let filtersChanged = false;
    for (const entry of entries) {
      const details = (entry.details ?? {}) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const markSource = (id: string | undefined, titleOnly = false) => {
        if (!id) return;
        sources.set(id, (sources.get(id) ?? true) && titleOnly);
      };
      switch (entry.recordType) {
        case 'source':
          if (entry.action === 'source.provenance') break;
          markSource(entry.recordId, entry.action === 'source.rename');
          break;
        case 'text': {
          const sourceId =
            str(details.sourceId) ?? (await this.db.texts.get(entry.recordId))?.sourceId;
          markSource(sourceId);
          break;
        }
        case 'event':
          events.add(entry.recordId);
          filtersChanged = true;
          break;
        case 'entity':
          entities.add(entry.recordId);
          if (str(details.mergedId)) entities.add(str(details.mergedId) as string);
          filtersChanged = true;
          break;
        case 'mention':
        case 'suggestion':
        case 'citation':
          filtersChanged = true;
          break;
        case 'case':
        case 'comment':
          break;
        default: {
          // A kind of record this index does not know yet: find what it belongs to.
          const id = entry.recordId;
          if (str(details.sourceId)) markSource(str(details.sourceId));
          else if (await this.db.sources.get(id)) markSource(id);
          else {
            const message = await this.db.messages.get(id);
            if (message) markSource(message.sourceId);
            else if (str(details.eventId)) events.add(str(details.eventId) as string);
          }
        }
      }
    }
    for (const [id, titleOnly] of sources) await this.reindexSource(id, titleOnly);
    for (const id of events) {
      const event = await this.db.events.get(id);
      if (event) this.addEvent(event);
      else this.drop(`e:${id}`);
    }
    for (const id of entities) {
      const entity = await this.db.entities.get(id);
      if (entity) this.addEntity(entity);
      else this.drop(`n:${id}`);
    }
    if (filtersChanged || sources.size > 0) this.allowedCache.clear();
    this.lastSeq = (entries[entries.length - 1] as ActivityEntry).seq;
    this.dirtySinceSave = true;
    this.report();
  }

  /** Saves the index when it has changed since it was last saved. */
  async save(): Promise<boolean> {
    if (!this.dirtySinceSave || this.state !== 'ready') return false;
    const lastSeq = this.lastSeq;
    const index = JSON.stringify(this.index);
    const docs = JSON.stringify(packDocs(this.docs));
    this.dirtySinceSave = false;
    await this.store.save({
      format: INDEX_FORMAT,
      lastSeq,
      savedAt: new Date().toISOString(),
      index,
      docs,
    });
    if (this.lastSeq !== lastSeq) this.dirtySinceSave = true;
    return true;
  }

  /** Senders, tags and source kinds to filter by. */
  async facets(): Promise<SearchFacets> {
    const senders = (await this.db.messages.orderBy('sender').uniqueKeys()) as string[];
    const tags = new Set<string>();
    for (const entity of await this.db.entities.toArray())
      if (!entity.mergedInto) entity.tags.forEach((t) => tags.add(t));
    for (const key of (await this.db.events.orderBy('tags').uniqueKeys()) as string[])
      tags.add(key);
    const kinds = new Set<SourceKind>();
    for (const meta of this.docs)
      if (meta?.kind === 'title' && meta.sourceKind) kinds.add(meta.sourceKind);
    return {
      senders: senders.filter(Boolean).slice(0, 2_000),
      tags: [...tags].sort((a, b) => a.localeCompare(b)),
      kinds: [...kinds].sort(),
    };
  }

  /** What an entity or tag filter lets through. */
  private allowed(filters: SearchFilters): Promise<Allowed> | undefined {
    if (!filters.entityId && !filters.tag) return undefined;
    const key = `${filters.entityId ?? ''}\u0000${filters.tag ?? ''}`;
    let found = this.allowedCache.get(key);
    if (!found) {
      found = this.computeAllowed(filters);
      this.allowedCache.set(key, found);
    }
    return found;
  }

  private async computeAllowed(filters: SearchFilters): Promise<Allowed> {
    const { db } = this;
    let entityIds: string[] = [];
    if (filters.entityId) entityIds = [filters.entityId];
    if (filters.tag) {
      const tagged = (await db.entities.where('tags').equals(filters.tag).toArray())
        .filter((e) => !e.mergedInto)
        .map((e) => e.id);
      entityIds = filters.entityId ? entityIds.filter((id) => tagged.includes(id)) : tagged;
    }
    const allowed: Allowed = {
      entities: new Set(entityIds),
      events: new Set(),
      messages: new Set(),
      sources: new Set(),
      ranges: new Map(),
    };
    if (entityIds.length > 0) {
      const mentions = await db.mentions.where('entityId').anyOf(entityIds).toArray();
      for (const mention of mentions) {
        if (mention.status !== 'confirmed') continue;
        allowed.sources.add(mention.sourceId);
        const anchor = mention.anchor;
        if (anchor.type === 'message') allowed.messages.add(anchor.messageId);
        else if (anchor.type === 'text' && anchor.scope?.messageId)
          allowed.messages.add(anchor.scope.messageId);
        else if (anchor.type === 'text') {
          const list = allowed.ranges.get(mention.sourceId) ?? [];
          list.push(anchor.position.start);
          allowed.ranges.set(mention.sourceId, list);
        }
      }
      for (const event of await db.events.where('entityIds').anyOf(entityIds).toArray())
        allowed.events.add(event.id);
    }
    if (filters.tag && !filters.entityId) {
      for (const event of await db.events.where('tags').equals(filters.tag).toArray())
        allowed.events.add(event.id);
    }
    return allowed;
  }

  /** Answers a query. */
  async search(
    input: string,
    filters: SearchFilters = {},
    maxGroups = MAX_GROUPS,
  ): Promise<SearchResponse> {
    const started = performance.now();
    const parsed = parseQuery(input);
    const empty: SearchResponse = { query: input, groups: [], total: 0, libraryMs: 0, totalMs: 0 };
    if (parsed.empty) {
      return {
        ...empty,
        notice: input.trim()
          ? 'Nothing to search for: type a word of at least one letter or digit (very common words such as “the” are not indexed).'
          : undefined,
        totalMs: performance.now() - started,
      } as SearchResponse;
    }
    const allowedPromise = this.allowed(filters);
    const filter = this.filterFor(filters, allowedPromise ? await allowedPromise : undefined);
    const libraryStarted = performance.now();
    let results = this.index.search(parsed.terms.join(' '), libraryQueryOptions(filter));
    const libraryMs = performance.now() - libraryStarted;
    let capped = false;
    if (parsed.phrases.length > 0) {
      capped = results.length > PHRASE_CHECKS;
      const checked: LibraryResult[] = [];
      for (const result of results.slice(0, PHRASE_CHECKS)) {
        const text = await this.textOf(result.id as number);
        if (text !== undefined && containsPhrases(text, parsed.phrases)) checked.push(result);
      }
      results = checked;
    }
    const groups = await this.group(results, parsed, maxGroups);
    const notes: string[] = [];
    if (parsed.truncated) notes.push('The query was long: only its first words were searched.');
    if (capped) notes.push(`Phrases were checked in the best ${PHRASE_CHECKS} results only.`);
    return {
      query: input,
      groups,
      total: results.length,
      libraryMs,
      totalMs: performance.now() - started,
      ...(notes.length ? { notice: notes.join(' ') } : {}),
    };
  }

  /** The filters as a test on each result of the library (undefined when there are none). */
  private filterFor(
    filters: SearchFilters,
    allowed: Allowed | undefined,
  ): ((result: LibraryResult) => boolean) | undefined {
    const kinds = filters.kinds && filters.kinds.length > 0 ? new Set(filters.kinds) : undefined;
    const from = dayStart(filters.from);
    const toDay = dayStart(filters.to);
    const to = toDay === undefined ? undefined : toDay + 86_400_000;
    const sender = filters.sender || undefined;
    if (!kinds && from === undefined && to === undefined && !sender && !allowed) return undefined;
    return (result) => {
      const meta = this.docs[result.id as number];
      if (!meta) return false;
      if (kinds && (!meta.sourceKind || !kinds.has(meta.sourceKind))) return false;
      if (sender && meta.sender !== sender) return false;
      if (from !== undefined || to !== undefined) {
        if (meta.date === undefined) return false;
        const end = meta.dateEnd ?? meta.date;
        if (from !== undefined && end < from) return false;
        if (to !== undefined && meta.date >= to) return false;
      }
      if (allowed) {
        switch (meta.kind) {
          case 'entity':
            return allowed.entities.has(meta.entityId as string);
          case 'event':
            return allowed.events.has(meta.eventId as string);
          case 'message':
            return allowed.messages.has(meta.messageId as string);
          case 'title':
            return allowed.sources.has(meta.sourceId as string);
          case 'text': {
            const starts = allowed.ranges.get(meta.sourceId as string);
            const lo = meta.start ?? 0;
            const hi = meta.end ?? Infinity;
            return Boolean(starts?.some((start) => start >= lo && start < hi));
          }
        }
      }
      return true;
    };
  }

  private async group(
    results: LibraryResult[],
    parsed: ParsedQuery,
    maxGroups: number,
  ): Promise<SearchGroup[]> {
    const groups = new Map<string, SearchGroup>();
    const shown: { hit: SearchHit; meta: DocMeta; number: number }[] = [];
    for (const result of results) {
      const number = result.id as number;
      const meta = this.docs[number];
      if (!meta) continue;
      const id = meta.key;
      const key =
        meta.kind === 'event'
          ? 'events'
          : meta.kind === 'entity'
            ? 'entities'
            : (meta.sourceId as string);
      let group = groups.get(key);
      if (!group) {
        if (groups.size >= maxGroups) continue;
        group = {
          key,
          kind: meta.kind === 'event' ? 'events' : meta.kind === 'entity' ? 'entities' : 'source',
          label:
            meta.kind === 'event'
              ? 'Timeline events'
              : meta.kind === 'entity'
                ? 'Entities'
                : (meta.label ?? 'Untitled source'),
          ...(meta.sourceKind ? { sourceKind: meta.sourceKind } : {}),
          total: 0,
          hits: [],
        };
        groups.set(key, group);
      }
      group.total += 1;
      if (group.hits.length >= HITS_PER_GROUP) continue;
      const hit: SearchHit = {
        id,
        kind: meta.kind,
        score: result.score,
        ...(meta.sourceId ? { sourceId: meta.sourceId } : {}),
        ...(meta.messageId ? { messageId: meta.messageId } : {}),
        ...(meta.eventId ? { eventId: meta.eventId } : {}),
        ...(meta.entityId ? { entityId: meta.entityId } : {}),
        ...(meta.sender ? { sender: meta.sender } : {}),
        ...(meta.date !== undefined ? { date: meta.date } : {}),
        snippet: { text: '', highlights: [] },
      };
      group.hits.push(hit);
      shown.push({ hit, meta, number });
    }
    await this.prefetch(shown.map((s) => s.hit.id));
    for (const { hit, meta, number } of shown) {
      const text = (await this.textOf(number)) ?? '';
      if (meta.kind === 'text') {
        const offset = meta.start ?? 0;
        const snippet = makeSnippet(text, parsed.terms, parsed.phrases);
        hit.snippet = snippet;
        if (snippet.hit)
          hit.focus = { start: snippet.hit.start + offset, end: snippet.hit.end + offset };
      } else {
        hit.snippet = makeSnippet(text, parsed.terms, parsed.phrases);
        if (meta.kind === 'message' && hit.snippet.hit) hit.focus = hit.snippet.hit;
      }
    }
    return [...groups.values()];
  }

  /** Loads the texts of many documents at once: messages in one read, source texts in two. */
  private async prefetch(ids: readonly string[]): Promise<void> {
    const messageIds = ids
      .filter((id) => id.startsWith('m:') && !this.textCache.has(id))
      .map((id) => id.slice(2));
    if (messageIds.length > 0) {
      const messages = await this.db.messages.bulkGet(messageIds);
      messages.forEach((message, index) => {
        if (message) this.remember(`m:${messageIds[index]}`, message.text);
      });
    }
    const sourceIds = [
      ...new Set(
        ids
          .filter((id) => id.startsWith('t:'))
          .map((id) => this.meta(id)?.sourceId)
          .filter((id): id is string => Boolean(id) && !this.textCache.has(id as string)),
      ),
    ];
    if (sourceIds.length > 0) {
      const sources = await this.db.sources.bulkGet(sourceIds);
      const revisionIds = sources.map((source) => source?.currentRevisionId ?? '');
      const revisions = await this.db.texts.bulkGet(revisionIds.filter(Boolean));
      const byId = new Map(revisions.filter(Boolean).map((r) => [r!.id, r!.text]));
      sourceIds.forEach((sourceId, index) => {
        this.remember(sourceId, byId.get(revisionIds[index] as string) ?? '');
      });
    }
  }

  private remember(key: string, text: string): void {
    if (this.textCache.size > 2_000) {
      const first = this.textCache.keys().next().value;
      if (first !== undefined) this.textCache.delete(first);
    }
    this.textCache.set(key, text);
  }

  /** The text of one document (a passage of a source, a message, an event, an entity). */
  private async textOf(number: number): Promise<string | undefined> {
    const meta = this.docs[number];
    if (!meta) return undefined;
    const id = meta.key;
    if (meta.text !== undefined) return meta.text;
    if (meta.kind === 'title') return meta.label;
    if (meta.kind === 'message') {
      const cached = this.textCache.get(id);
      if (cached !== undefined) return cached;
      const message = await this.db.messages.get(meta.messageId as string);
      if (message) this.remember(id, message.text);
      return message?.text;
    }
    const sourceId = meta.sourceId as string;
    let whole = this.textCache.get(sourceId);
    if (whole === undefined) {
      const source = await this.db.sources.get(sourceId);
      const revision = source?.currentRevisionId
        ? await this.db.texts.get(source.currentRevisionId)
        : undefined;
      whole = revision?.text ?? '';
      this.remember(sourceId, whole);
    }
    return whole.slice(meta.start ?? 0, meta.end ?? whole.length);
  }
}

/** What an entity or tag filter lets through. */
interface Allowed {
  entities: Set<string>;
  events: Set<string>;
  messages: Set<string>;
  sources: Set<string>;
  /** Start offsets of mentions in each source's text. */
  ranges: Map<string, number[]>;
}

/**
 * The saved form of the documents' metadata: a small table of sources and senders, and one short
 * row per document, so that the saved index stays compact and quick to read back.
 */
interface PackedDocs {
  /** [id, kind, title, date, date end] */
  sources: [string, SourceKind | null, string | null, number | null, number | null][];
  senders: string[];
  rows: (unknown[] | null)[];
}

const KINDS: DocKind[] = ['message', 'text', 'title', 'event', 'entity'];

function packDocs(docs: readonly (DocMeta | undefined)[]): PackedDocs {
  const sources: PackedDocs['sources'] = [];
  const sourceIndex = new Map<string, number>();
  const senders: string[] = [];
  const senderIndex = new Map<string, number>();
  const sourceOf = (meta: DocMeta): number => {
    if (!meta.sourceId) return -1;
    let index = sourceIndex.get(meta.sourceId);
    if (index === undefined) {
      index = sources.length;
      sourceIndex.set(meta.sourceId, index);
      sources.push([meta.sourceId, meta.sourceKind ?? null, meta.label ?? null, null, null]);
    }
    const row = sources[index] as PackedDocs['sources'][number];
    // A source's own date travels with its title and text rows (a message has its own).
    if (meta.kind !== 'message') {
      row[3] = meta.date ?? null;
      row[4] = meta.dateEnd ?? null;
    }
    return index;
  };
  const senderOf = (sender: string | undefined): number => {
    if (sender === undefined) return -1;
    let index = senderIndex.get(sender);
    if (index === undefined) {
      index = senders.length;
      senderIndex.set(sender, index);
      senders.push(sender);
    }
    return index;
  };
  const rows = docs.map((meta): unknown[] | null => {
    if (!meta) return null;
    const kind = KINDS.indexOf(meta.kind);
    switch (meta.kind) {
      case 'message':
        return [kind, meta.messageId, sourceOf(meta), senderOf(meta.sender), meta.date ?? null];
      case 'text':
        return [kind, sourceOf(meta), meta.start ?? 0, meta.end ?? 0];
      case 'title':
        return [kind, sourceOf(meta)];
      case 'event':
        return [
          kind,
          meta.eventId,
          meta.date ?? null,
          meta.dateEnd ?? null,
          meta.label ?? '',
          meta.text ?? '',
        ];
      case 'entity':
        return [kind, meta.entityId, meta.label ?? '', meta.text ?? ''];
    }
    return null;
  });
  return { sources, senders, rows };
}

function unpackDocs(json: string): (DocMeta | undefined)[] {
  const packed = JSON.parse(json) as PackedDocs;
  const bases = packed.sources.map(([sourceId, sourceKind, label, date, dateEnd]) => ({
    sourceId,
    ...(sourceKind ? { sourceKind } : {}),
    ...(label !== null ? { label } : {}),
    ...(date !== null ? { date } : {}),
    ...(dateEnd !== null ? { dateEnd } : {}),
  }));
  return packed.rows.map((row): DocMeta | undefined => {
    if (!row) return undefined;
    const kind = KINDS[row[0] as number];
    switch (kind) {
      case 'message': {
        const [, messageId, sourceIndex, senderIndex, date] = row as [
          number,
          string,
          number,
          number,
          number | null,
        ];
        const base = bases[sourceIndex];
        const sender = senderIndex >= 0 ? packed.senders[senderIndex] : undefined;
        return {
          key: `m:${messageId}`,
          kind,
          messageId,
          ...(base
            ? {
                sourceId: base.sourceId,
                ...(base.sourceKind ? { sourceKind: base.sourceKind } : {}),
                ...(base.label !== undefined ? { label: base.label } : {}),
              }
            : {}),
          ...(sender !== undefined ? { sender } : {}),
          ...(date !== null ? { date, dateEnd: date } : {}),
        };
      }
      case 'text': {
        const [, sourceIndex, start, end] = row as [number, number, number, number];
        const base = bases[sourceIndex];
        return { ...base, key: `t:${base?.sourceId}:${start}`, kind, start, end };
      }
      case 'title': {
        const base = bases[row[1] as number];
        return { ...base, key: `s:${base?.sourceId}`, kind };
      }
      case 'event': {
        const [, eventId, date, dateEnd, label, text] = row as [
          number,
          string,
          number | null,
          number | null,
          string,
          string,
        ];
        return {
          key: `e:${eventId}`,
          kind,
          eventId,
          label,
          text,
          ...(date !== null ? { date } : {}),
          ...(dateEnd !== null ? { dateEnd } : {}),
        };
      }
      case 'entity': {
        const [, entityId, label, text] = row as [number, string, string, string];
        return { key: `n:${entityId}`, kind, entityId, label, text };
      }
    }
    return undefined;
  });
}
