import { wrap, type Remote } from 'comlink';
import type { ImportWorkerApi } from '../../workers/importWorker';

let worker: Remote<ImportWorkerApi> | undefined;

/** The import worker, started on first use and kept for the session. */
export function getImportWorker(): Remote<ImportWorkerApi> {
  if (!worker) {
    const instance = new Worker(new URL('../../workers/importWorker.ts', import.meta.url), {
      type: 'module',
      name: 'casefile-import',
    });
    worker = wrap<ImportWorkerApi>(instance);
  }
  return worker;
}
