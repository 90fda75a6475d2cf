import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { proxy, type Remote } from 'comlink';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import type { SearchWorkerApi } from '../../workers/searchWorker';
import type {
  IndexStatus,
  SearchFacets,
  SearchFilters,
  SearchResponse,
} from '../../workers/search/caseSearchIndex';
import { paths } from '../../navigation/paths';
import { whenScreenReady } from '../../ui';
import { useCase } from '../cases';
import { startSearchWorker } from './searchClient';

interface SearchApi {
  status: IndexStatus | undefined;
  /** Changes whenever the case changes, so that shown results can be asked for again. */
  revision: number;
  search(query: string, filters: SearchFilters): Promise<SearchResponse>;
  facets(): Promise<SearchFacets>;
  /** The query and filters of the search screen, kept while the case is open. */
  query: string;
  filters: SearchFilters;
  setQuery(query: string): void;
  setFilters(filters: SearchFilters): void;
  /** Asks the search box to take the focus (counts up on every request). */
  focusRequest: number;
  focusSearch(): void;
}

const SearchContext = createContext<SearchApi | null>(null);

/**
 * Runs the search index of the open case in a worker. The index follows the case through the
 * activity log: whenever the log's newest entry changes (a change made here, in the import
 * worker or in another window: Dexie's live queries see them all), the worker reads the new
 * entries and indexes what they touched.
 */
export function SearchProvider({ children }: { children: ReactNode }) {
  const { record, repos } = useCase();
  const [, navigate] = useLocation();
  const [status, setStatus] = useState<IndexStatus>();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const worker = useRef<{ api: Remote<SearchWorkerApi>; opened: Promise<unknown> } | null>(null);
  const [ready, setReady] = useState<{ api: Remote<SearchWorkerApi>; opened: Promise<unknown> }>();

  // The worker starts once the open screen has painted (it reads the whole saved index), or at
  // once when a search is asked for before then.
  const start = useRef<() => { api: Remote<SearchWorkerApi>; opened: Promise<unknown> }>(null);
  useEffect(() => {
    let handle:
      { api: Remote<SearchWorkerApi>; opened: Promise<unknown>; stop(): void } | undefined;
    const startNow = () => {
      if (handle) return handle;
      const { api, stop } = startSearchWorker();
      const opened = api.open(record.id, proxy(setStatus)).catch((error: unknown) => {
        console.warn('The search index could not be opened', error);
      });
      const current = { api, opened, stop };
      handle = current;
      worker.current = current;
      void opened.then(() => {
        if (worker.current === current) setReady(current);
      });
      return current;
    };
    start.current = startNow;
    const cancel = whenScreenReady(startNow);
    return () => {
      cancel();
      start.current = null;
      worker.current = null;
      if (handle) {
        const { api, stop } = handle;
        void api.close().finally(stop);
      }
    };
  }, [record.id]);

  const lastSeq = useLiveQuery(() => repos.activity.lastSeq(), [repos]);
  useEffect(() => {
    if (lastSeq === undefined || !ready) return;
    void ready.api.sync().catch(() => undefined);
  }, [lastSeq, ready]);

  const search = useCallback(async (q: string, f: SearchFilters) => {
    const current = worker.current ?? start.current?.();
    if (!current) throw new Error('Search is not ready.');
    await current.opened;
    return current.api.search(q, f);
  }, []);
  const facets = useCallback(async () => {
    const current = worker.current ?? start.current?.();
    if (!current) return { senders: [], tags: [], kinds: [] };
    await current.opened;
    return current.api.facets();
  }, []);
  const focusSearch = useCallback(() => {
    setFocusRequest((n) => n + 1);
    navigate(paths.search(record.id));
  }, [navigate, record.id]);

  const value = useMemo<SearchApi>(
    () => ({
      status,
      revision: status?.lastSeq ?? 0,
      search,
      facets,
      query,
      filters,
      setQuery,
      setFilters,
      focusRequest,
      focusSearch,
    }),
    [status, search, facets, query, filters, focusRequest, focusSearch],
  );
  return <SearchContext.Provider value={value}>{children}</SearchContext.Provider>;
}

/** Search in the open case; must be used below {@link SearchProvider}. */
export function useSearch(): SearchApi {
  const api = useContext(SearchContext);
  if (!api) throw new Error('useSearch needs a SearchProvider above it.');
  return api;
}

/** Whether a key press is typing into a field (where "/" is a slash, not a shortcut). */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.getAttribute('role') === 'textbox'
  );
}

/** Ctrl+K (⌘K on a Mac) anywhere, or "/" outside a text field, goes to the search box. */
export function useSearchShortcut(): void {
  const { focusSearch } = useSearch();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const combo =
        (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !typingInto(event.target);
      if (!combo && !slash) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      focusSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusSearch]);
}
