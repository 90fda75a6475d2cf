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

/** Recognises the text of an image already in the case (one imported without OCR). */
export function recognizeImageText(
  caseId: string,
  actor: string,
  sourceId: string,
): Promise<{ ok: true; words: number } | { ok: false; reason: string }> {
  return getImportWorker().recognizeSource(caseId, actor, sourceId);
}
