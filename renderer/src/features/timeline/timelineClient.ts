import { wrap, type Remote } from 'comlink';
import type { TimelineWorkerApi } from '../../workers/timelineWorker';

/** Starts a timeline worker for one open case; `stop` ends it. */
export function startTimelineWorker(): { api: Remote<TimelineWorkerApi>; stop: () => void } {
  const worker = new Worker(new URL('../../workers/timelineWorker.ts', import.meta.url), {
    type: 'module',
    name: 'casefile-timeline',
  });
  return { api: wrap<TimelineWorkerApi>(worker), stop: () => worker.terminate() };
}
