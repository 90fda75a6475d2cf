import { ActivityRepository } from './activityRepository';
import { CaseDb } from './caseDb';
import { CaseStore } from './caseStore';
import { EntityRepository } from './entityRepository';
import { EventRepository } from './eventRepository';
import { MentionRepository } from './mentionRepository';
import { NoteRepository } from './noteRepository';
import { TagRepository } from './tagRepository';
import { SourceRepository } from './sourceRepository';
import { SuggestionRepository } from './suggestionRepository';

export { CaseDb, caseDbName, CASE_DB_PREFIX } from './caseDb';
export { CatalogDb, CATALOG_DB_NAME } from './catalogDb';
export { SearchIndexStore, SEARCH_INDEX_KEY, type SavedSearchIndex } from './searchIndexStore';
export {
  TimelineColumnsStore,
  TIMELINE_COLUMNS_KEY,
  type SavedTimelineColumns,
} from './timelineColumnsStore';
export { CatalogRepository, type Profile } from './catalogRepository';
export { CaseStore, clip, newId, nowIso } from './caseStore';
export type {
  AddSourceOutcome,
  AddTreeOutcome,
  CorrectionOutcome,
  NewSource,
  NewSourceTree,
  DeletionImpact,
} from './sourceRepository';
export type { EntityWithCount, EntityChanges, EntityPage } from './entityRepository';
export type { SuggestionGroup, FoundInSource, AcceptTarget } from './suggestionRepository';
export { suggestionKey } from './suggestionRepository';
export { quoteOf } from './mentionRepository';
export { sameAnchor } from '@shared/domain/anchorOverlap';
export type {
  CitationHealth,
  CitationSummary,
  ChangeOptions,
  CitedContext,
  EventChange,
  EventFields,
  EventSnapshot,
  NewCitation,
} from './eventRepository';
export { MAX_DESCRIPTION_JSON, dateOfSentAt } from './eventRepository';
export { CASE_NOTES_ID, MAX_NOTE_JSON } from './noteRepository';
export { defaultTagColor, type TagInUse } from './tagRepository';
export {
  ActivityRepository,
  EntityRepository,
  EventRepository,
  MentionRepository,
  NoteRepository,
  SourceRepository,
  SuggestionRepository,
  TagRepository,
};

/** The repositories of one open case. Components reach the database only through these. */
export interface CaseRepositories {
  caseId: string;
  store: CaseStore;
  sources: SourceRepository;
  entities: EntityRepository;
  mentions: MentionRepository;
  events: EventRepository;
  activity: ActivityRepository;
  suggestions: SuggestionRepository;
  notes: NoteRepository;
  tags: TagRepository;
  /** Closes the case's database connection. */
  close(): void;
}

/** Opens a case: its database and a repository for each kind of record. */
export function openCase(caseId: string, actor: () => string): CaseRepositories {
  const store = new CaseStore(new CaseDb(caseId), actor);
  return {
    caseId,
    store,
    sources: new SourceRepository(store),
    entities: new EntityRepository(store),
    mentions: new MentionRepository(store),
    events: new EventRepository(store),
    activity: new ActivityRepository(store),
    suggestions: new SuggestionRepository(store),
    notes: new NoteRepository(store),
    tags: new TagRepository(store),
    close: () => store.db.close(),
  };
}
