import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ActivityEntry } from '@shared/domain/activityLog';
import type {
  Citation,
  Comment,
  Entity,
  EntityMerge,
  Event,
  Mention,
  Message,
  Note,
  Source,
  Suggestion,
  Tag,
  TextRevision,
} from '@shared/schemas/records';

/** The untouched bytes of a source, under the source's id. */
export interface Original {
  sourceId: string;
  sha256: string;
  bytes: Blob;
}

/** A small key-value record for per-case settings and caches (such as a saved search index). */
export interface CaseMeta {
  key: string;
  value: unknown;
}

/** A text the reporter never wants suggested again as an entity ("Always ignore"). */
export interface IgnoredTerm {
  /** The normalised text (case- and diacritic-folded). */
  term: string;
  createdAt: string;
  createdBy: string;
}

/** The prefix of every case database's name; the rest is the case id. */
export const CASE_DB_PREFIX = 'casefile-case-';

/** The IndexedDB name of a case's database. */
export function caseDbName(caseId: string): string {
  return `${CASE_DB_PREFIX}${caseId}`;
}

/**
 * One case's database. Every case has its own IndexedDB database, so that deleting a case really
 * deletes its data, a case can be exported or encrypted on its own, and a fault in one case cannot
 * spill into another (see docs/data-model.md).
 *
 * Every schema version stays in this class. A shipped version is never edited: a change is a new
 * `version(n)` whose upgrade calls a pure, tested transform from shared/domain/migrations.
 */
export class CaseDb extends Dexie {
  sources!: EntityTable<Source, 'id'>;
  originals!: Table<Original, string>;
  texts!: EntityTable<TextRevision, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  entities!: EntityTable<Entity, 'id'>;
  mentions!: EntityTable<Mention, 'id'>;
  events!: EntityTable<Event, 'id'>;
  citations!: EntityTable<Citation, 'id'>;
  comments!: EntityTable<Comment, 'id'>;
  activity!: Table<ActivityEntry, number>;
  ignoredTerms!: Table<IgnoredTerm, string>;
  meta!: Table<CaseMeta, string>;
  suggestions!: EntityTable<Suggestion, 'id'>;
  merges!: EntityTable<EntityMerge, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  tags!: Table<Tag, string>;

  constructor(
    readonly caseId: string,
    options?: ConstructorParameters<typeof Dexie>[1],
  ) {
    super(caseDbName(caseId), options);

    // Version 1: the whole model the first releases need (GUIDE.md: design ahead, then add).
    this.version(1).stores({
      sources: 'id, &sha256, kind, parentId, importedAt',
      originals: 'sourceId, sha256',
      texts: 'id, sourceId, [sourceId+revision]',
      messages: 'id, sourceId, [sourceId+seq], sender, sentAt',
      entities: 'id, name, type, *aliases, *tags, mergedInto',
      mentions: 'id, entityId, sourceId, status, [entityId+status], [sourceId+status]',
      events: 'id, sortStart, *tags, *entityIds, verification, review',
      citations: 'id, eventId, sourceId',
      comments: 'id, eventId, createdAt',
      activity: 'seq, at, recordId, recordType',
      ignoredTerms: 'term',
      meta: 'key',
    });

    // Version 3 (entities and search): suggestions to review, and merges kept for undo.
    this.version(3).stores({
      suggestions: 'id, &key, sourceId, status, [status+term], *entityIds',
      merges: 'id, survivorId, mergedId',
    });

    // Version 4 (timeline): case notes pages, and tag colours (events keep tag names in `tags`).
    this.version(4).stores({
      notes: 'id, updatedAt',
      tags: 'name',
    });
  }
}
