import type { CaseDb } from './caseDb';

/** The key under which a case keeps its saved search index in the `meta` table. */
export const SEARCH_INDEX_KEY = 'search-index';

/** A saved search index: enough to answer queries at once when the case is opened again. */
export interface SavedSearchIndex {
  /** Changes when the way documents are indexed changes; an old format is rebuilt. */
  format: number;
  /** The last activity-log entry whose changes the index holds. */
  lastSeq: number;
  savedAt: string;
  /** The library's own serialisation of the index. */
  index: string;
  /** What each indexed document is (JSON of [id, meta] pairs). */
  docs: string;
}

/**
 * The saved search index. It is a cache derived from the case's records (rebuilt from them at any
 * time), not part of the case: writing it adds nothing to the activity log, and an export can
 * leave it out.
 */
export class SearchIndexStore {
  constructor(private readonly db: CaseDb) {}

  async load(): Promise<SavedSearchIndex | undefined> {
    const row = await this.db.meta.get(SEARCH_INDEX_KEY);
    return row?.value as SavedSearchIndex | undefined;
  }

  async save(saved: SavedSearchIndex): Promise<void> {
    await this.db.meta.put({ key: SEARCH_INDEX_KEY, value: saved });
  }

  async clear(): Promise<void> {
    await this.db.meta.delete(SEARCH_INDEX_KEY);
  }
}
