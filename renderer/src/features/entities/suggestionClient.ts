import { wrap, type Remote } from 'comlink';
import type { SuggestionWorkerApi } from '../../workers/suggestionWorker';

/** Starts a suggestion worker for one open case; `stop` ends it. */
export function startSuggestionWorker(): { api: Remote<SuggestionWorkerApi>; stop: () => void } {
  const worker = new Worker(new URL('../../workers/suggestionWorker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-suggestions',
  });
  return { api: wrap<SuggestionWorkerApi>(worker), stop: () => worker.terminate() };
}
