/// <reference lib="webworker" />
import { expose } from 'comlink';
import { parseQuery } from '@shared/domain/search/query';
import { CaseDb } from '../db/caseDb';
import {
  CaseSearchIndex,
  libraryQueryOptions,
  type IndexStatus,
  type SearchFacets,
  type SearchFilters,
  type SearchResponse,
} from './search/caseSearchIndex';

let db: CaseDb | undefined;
let index: CaseSearchIndex | undefined;
let opened: Promise<void> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** Saves the index a little after the last change, so a burst of changes is saved once. */
function scheduleSave(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void index
      ?.save()
      .catch((error: unknown) => console.warn('Could not save the search index', error));
  }, 3_000);
}

async function ready(): Promise<CaseSearchIndex> {
  await opened;
  if (!index) throw new Error('No case is open for searching.');
  return index;
}

const api = {
  /** Opens a case's index (loading the saved one, or building it); resolves when it is usable. */
  async open(caseId: string, onStatus?: (status: IndexStatus) => void): Promise<IndexStatus> {
    if (saveTimer) clearTimeout(saveTimer);
    await index?.save().catch(() => false);
    db?.close();
    db = new CaseDb(caseId);
    const current = new CaseSearchIndex(db, (status) => onStatus?.(status));
    index = current;
    opened = current.open();
    await opened;
    scheduleSave();
    return current.status();
  },
  async search(query: string, filters: SearchFilters = {}): Promise<SearchResponse> {
    return (await ready()).search(query, filters);
  },
  async facets(): Promise<SearchFacets> {
    return (await ready()).facets();
  },
  /** Catches up on changes written since (by any window or worker). */
  async sync(): Promise<IndexStatus> {
    const current = await ready();
    await current.sync();
    scheduleSave();
    return current.status();
  },
  status(): IndexStatus | undefined {
    return index?.status();
  },
  async saveNow(): Promise<boolean> {
    return (await ready()).save();
  },
  async rebuild(): Promise<IndexStatus> {
    const current = await ready();
    await current.rebuild();
    scheduleSave();
    return current.status();
  },
  /**
   * Times queries inside the worker (benchmarks): the whole search, the library's part of it, and
   * the library alone on the same words with no filter, grouping or snippets.
   */
  async timeQueries(
    queries: string[],
    filters: SearchFilters = {},
  ): Promise<{ ms: number; libraryMs: number; rawMs: number; hits: number }[]> {
    const current = await ready();
    const out: { ms: number; libraryMs: number; rawMs: number; hits: number }[] = [];
    for (const query of queries) {
      const started = performance.now();
      const response = await current.search(query, filters);
      const ms = performance.now() - started;
      const parsed = parseQuery(query);
      const rawStarted = performance.now();
      if (!parsed.empty) current.library.search(parsed.terms.join(' '), libraryQueryOptions());
      const rawMs = performance.now() - rawStarted;
      out.push({ ms, libraryMs: response.libraryMs, rawMs, hits: response.total });
    }
    return out;
  },
  close(): void {
    if (saveTimer) clearTimeout(saveTimer);
    db?.close();
    db = undefined;
    index = undefined;
  },
};

/** The search worker's interface, as seen through Comlink. */
export type SearchWorkerApi = typeof api;

expose(api);
