import { wrap, type Remote } from 'comlink';
import type { SearchWorkerApi } from '../../workers/searchWorker';

/** Starts a search worker for one open case; `stop` ends it. */
export function startSearchWorker(): { api: Remote<SearchWorkerApi>; stop: () => void } {
  const worker = new Worker(new URL('../../workers/searchWorker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-search',
  });
  return { api: wrap<SearchWorkerApi>(worker), stop: () => worker.terminate() };
}
