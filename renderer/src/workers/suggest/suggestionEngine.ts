import type { ActivityEntry } from '@shared/domain/activityLog';
import type { Entity, EntityType, Message, Source } from '@shared/schemas/records';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { suggestNames, matcherFor, NameFinder, type KnownEntity } from '@shared/domain/suggest';
import type { NameMatcher } from '@shared/domain/nameMatcher';
import type { CaseRepositories, FoundInSource } from '../../db';

/** Where the engine keeps how far it has read the activity log (a derived marker, not case data). */
export const SUGGESTIONS_JOURNAL_KEY = 'suggestions-journal';
// Messages are read and their suggestions stored 2,000 at a time: each stored batch is one
// IndexedDB transaction, and fewer, larger ones halved the time to store a chat's suggestions
// (bench/ner-speed.bench.mjs); pausing still takes effect within a second or two.
const MESSAGE_BATCH = 2_000;
/** Named-entity recognition reads at most this much of one text (a few ms a kilobyte). */
export const NER_TEXT_LIMIT = 2_000_000;

/** What the engine is doing, for a progress line. */
export interface SuggestionProgress {
  state: 'idle' | 'working' | 'paused';
  /** The source being read, and how far into its messages. */
  sourceTitle?: string;
  done?: number;
  total?: number;
  /** Sources (and entity name passes) waiting. */
  queued?: number;
}

const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Finds entities to suggest in a case, in a worker, and stores them in the review queue.
 *
 * Like the search index, it follows the activity log: every imported or corrected source is read
 * for known entities' names, patterns and names found by NER; every entity created or given a new
 * name or alias is looked for in every source of the case (one pass over each text for all the
 * changed names). How far it has read the log is kept in the case's `meta` table, so work left
 * when the case was closed (or paused) is picked up when it is opened again.
 */
export class SuggestionEngine {
  private lastSeq = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private paused = false;
  private progress: SuggestionProgress = { state: 'idle' };

  constructor(
    private readonly repos: CaseRepositories,
    private readonly onProgress: (progress: SuggestionProgress) => void = () => {},
    private readonly options: { ner?: boolean } = {},
  ) {}

  private report(next: SuggestionProgress): void {
    this.progress = next;
    this.onProgress(next);
  }

  status(): SuggestionProgress {
    return this.progress;
  }

  async open(): Promise<void> {
    const row = await this.repos.store.db.meta.get(SUGGESTIONS_JOURNAL_KEY);
    this.lastSeq = (row?.value as { lastSeq?: number } | undefined)?.lastSeq ?? 0;
  }

  /** Stops after the current batch; {@link resume} goes on where it stopped. */
  pause(): void {
    this.paused = true;
    this.report({ ...this.progress, state: 'paused' });
  }

  resume(): Promise<void> {
    this.paused = false;
    return this.sync();
  }

  /** Reads the log entries written since the last pass and does the work they call for. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        if (this.paused) break;
        await this.pass();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
      if (!this.paused) this.report({ state: 'idle' });
    });
    return this.running;
  }

  private async saveJournal(seq: number): Promise<void> {
    this.lastSeq = seq;
    await this.repos.store.db.meta.put({ key: SUGGESTIONS_JOURNAL_KEY, value: { lastSeq: seq } });
  }

  private async pass(): Promise<void> {
    const { db } = this.repos.store;
    const entries: ActivityEntry[] = await db.activity.where('seq').above(this.lastSeq).toArray();
    if (entries.length === 0) return;
    const sources: string[] = [];
    const entities = new Set<string>();
    for (const entry of entries) {
      const details = (entry.details ?? {}) as Record<string, unknown>;
      if (entry.recordType === 'source') {
        if (['source.rename', 'source.provenance', 'source.delete'].includes(entry.action))
          continue;
        if (!sources.includes(entry.recordId)) sources.push(entry.recordId);
      } else if (entry.recordType === 'text' && typeof details.sourceId === 'string') {
        if (!sources.includes(details.sourceId)) sources.push(details.sourceId);
      } else if (entry.recordType === 'entity') {
        const nameChanged =
          entry.action === 'entity.create' ||
          entry.action === 'entity.merge.undo' ||
          (entry.action === 'entity.update' && ('name' in details || 'aliases' in details));
        if (nameChanged) entities.add(entry.recordId);
        if (entry.action === 'entity.merge.undo' && typeof details.mergedId === 'string')
          entities.add(details.mergedId);
      }
    }
    const lastSeq = (entries[entries.length - 1] as ActivityEntry).seq;
    const all = await this.knownEntities();
    const typeOf = (id: string) => all.types.get(id);
    const ignored = await this.repos.suggestions.ignoredTerms();
    let queued = sources.length + (entities.size > 0 ? 1 : 0);
    for (const sourceId of sources) {
      if (this.paused) return;
      await this.analyseSource(sourceId, all.matcher, typeOf, ignored, all.known, queued - 1, true);
      queued -= 1;
    }
    if (entities.size > 0) {
      const changed = all.entities.filter((e) => entities.has(e.id));
      if (changed.length > 0) {
        const matcher = matcherFor(changed);
        const skip = new Set(sources);
        const everySource = await db.sources.toCollection().primaryKeys();
        for (const sourceId of everySource) {
          if (this.paused) return;
          if (skip.has(sourceId)) continue;
          await this.analyseSource(sourceId, matcher, typeOf, ignored, [], 0, false);
        }
      }
    }
    if (!this.paused) await this.saveJournal(lastSeq);
  }

  private async knownEntities(): Promise<{
    entities: KnownEntity[];
    matcher: NameMatcher;
    types: Map<string, EntityType>;
    known: { name: string; type: EntityType }[];
  }> {
    const list: Entity[] = await this.repos.entities.list();
    const entities = list.map((e) => ({
      id: e.id,
      name: e.name,
      aliases: e.aliases,
      type: e.type,
    }));
    return {
      entities,
      matcher: matcherFor(entities),
      types: new Map(list.map((e) => [e.id, e.type])),
      known: list.flatMap((e) => [e.name, ...e.aliases].map((name) => ({ name, type: e.type }))),
    };
  }

  /**
   * Reads one source (its current text and its messages) and stores what it finds.
   * `full` runs patterns and NER too; otherwise only the matcher's names are looked for.
   */
  async analyseSource(
    sourceId: string,
    matcher: NameMatcher,
    typeOf: (id: string) => EntityType | undefined,
    ignored: ReadonlySet<string>,
    known: readonly { name: string; type: EntityType }[],
    queued: number,
    full: boolean,
  ): Promise<number> {
    const { db } = this.repos.store;
    const source: Source | undefined = await db.sources.get(sourceId);
    if (!source) return 0;
    const ner = full && this.options.ner !== false;
    const options = { matcher, typeOf, ignored, patterns: full, ner: false, knownNames: known };
    let added = 0;
    const total = await db.messages.where('sourceId').equals(sourceId).count();
    this.report({ state: 'working', sourceTitle: source.title, done: 0, total, queued });
    if (source.currentRevisionId) {
      const revision = await db.texts.get(source.currentRevisionId);
      if (revision && revision.text) {
        const text = revision.text;
        // NER reads the first NER_TEXT_LIMIT characters (cut at a line break); the rest gets
        // known names and patterns only.
        let cut = text.length;
        if (text.length > NER_TEXT_LIMIT) {
          const lineBreak = text.lastIndexOf('\n', NER_TEXT_LIMIT);
          cut = lineBreak > NER_TEXT_LIMIT / 2 ? lineBreak + 1 : NER_TEXT_LIMIT;
        }
        const names = new NameFinder(known);
        const found = suggestNames(text.slice(0, cut), { ...options, ner, names });
        if (cut < text.length) {
          for (const f of suggestNames(text.slice(cut), { ...options, ner: false }))
            found.push({ ...f, start: f.start + cut, end: f.end + cut });
        }
        const items: FoundInSource[] = found.map((f) => ({
          found: f,
          anchor: createTextAnchor(text, f.start, f.end, { revisionId: revision.id }),
        }));
        added += await this.repos.suggestions.addFound(sourceId, items);
      }
    }
    let lastSeq: number | undefined;
    let done = 0;
    // One name finder for the whole chat: it knows the participants and remembers the names of
    // earlier messages ("Kanter" after "Elizabeth Kanter", "karim" after "Karim").
    const names = ner ? new NameFinder(known) : undefined;
    const senders = new Set<string>();
    for (;;) {
      if (this.paused) break;
      const batch: Message[] = await (lastSeq === undefined
        ? db.messages
            .where('[sourceId+seq]')
            .between([sourceId, -Infinity], [sourceId, Infinity])
            .limit(MESSAGE_BATCH)
            .toArray()
        : db.messages
            .where('[sourceId+seq]')
            .between([sourceId, lastSeq], [sourceId, Infinity], false, true)
            .limit(MESSAGE_BATCH)
            .toArray());
      if (batch.length === 0) break;
      const items: FoundInSource[] = [];
      for (const message of batch) {
        if (!message.text) continue;
        if (names && message.sender && !senders.has(message.sender)) {
          senders.add(message.sender);
          names.addParticipant(message.sender);
        }
        for (const f of suggestNames(message.text, { ...options, ner, names })) {
          items.push({
            found: f,
            anchor: createTextAnchor(message.text, f.start, f.end, {
              scope: { messageId: message.id },
            }),
          });
        }
      }
      added += await this.repos.suggestions.addFound(sourceId, items);
      done += batch.length;
      lastSeq = batch[batch.length - 1]?.seq;
      this.report({ state: 'working', sourceTitle: source.title, done, total, queued });
      await yieldNow();
    }
    return added;
  }
}
