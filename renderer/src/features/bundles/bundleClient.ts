import { errorMessage } from '@shared/domain/errorMessage';
import { proxy, wrap, type Remote } from 'comlink';
import { BUNDLE_MEDIA_TYPE, bundleFileName } from '@shared/domain/bundle/format';
import type { Case } from '@shared/schemas/records';
import { CaseDb, CaseStore } from '../../db';
import { logCaseExport } from '../../db/bundleCases';
import { getHost } from '../../platform';
import type { BundleWorkerApi } from '../../workers/bundleWorker';
import type { BundleProgress } from '../../workers/bundle/bundleError';

export type { BundleProgress };
export type { BundleSummary } from '../../workers/bundleWorker';

let worker: Remote<BundleWorkerApi> | undefined;

/** The bundle worker, started on first use and kept for the session. */
export function getBundleWorker(): Remote<BundleWorkerApi> {
  if (!worker) {
    const instance = new Worker(new URL('../../workers/bundleWorker.ts', import.meta.url), {
      type: 'module',
      name: 'casefile-bundles',
    });
    worker = wrap<BundleWorkerApi>(instance);
  }
  return worker;
}

let lastJob = 0;

/** A job number, so that a job can be cancelled. */
export function nextBundleJob(): number {
  lastJob += 1;
  return lastJob;
}

/** What became of an export. */
export type ExportResult =
  | {
      status: 'saved';
      fileName: string;
      location?: string;
      manifestSha256: string;
      bytes: number;
    }
  | { status: 'not-started' }
  | { status: 'cancelled' }
  | { status: 'failed'; reason: string };

/**
 * Exports a case as a bundle: asks the Host where to save (a save dialog in the desktop app, a
 * download in a browser), lets the worker write the bundle into it piece by piece, and when the
 * file is complete logs `case.export` with the bundle's fingerprint. A failed or cancelled export
 * leaves no file and no log entry.
 */
export async function exportCaseBundle(
  caseRecord: Case,
  actor: string,
  jobId: number,
  onProgress: (progress: BundleProgress) => void,
): Promise<ExportResult> {
  const fileName = bundleFileName(caseRecord.name);
  const stream = await getHost().openSaveStream({
    suggestedName: fileName,
    mediaType: BUNDLE_MEDIA_TYPE,
  });
  if (!stream) return { status: 'not-started' };
  let outcome;
  try {
    outcome = await getBundleWorker().exportCase(
      jobId,
      caseRecord.id,
      actor,
      proxy((piece: Uint8Array) => stream.write(piece)),
      proxy(onProgress),
    );
  } catch (cause) {
    await stream.abort();
    throw cause;
  }
  if (!outcome.ok) {
    await stream.abort();
    return outcome.cancelled
      ? { status: 'cancelled' }
      : { status: 'failed', reason: outcome.reason };
  }
  let saved;
  try {
    saved = await stream.close();
  } catch (cause) {
    return { status: 'failed', reason: errorMessage(cause) };
  }
  const db = new CaseDb(caseRecord.id);
  try {
    await logCaseExport(new CaseStore(db, () => actor), caseRecord.id, {
      fileName: outcome.fileName,
      ...(saved.location ? { location: saved.location } : {}),
      manifestSha256: outcome.manifestSha256,
      bytes: outcome.bytes,
      formatVersion: outcome.formatVersion,
      activity: outcome.activity,
      counts: outcome.counts,
    });
  } finally {
    db.close();
  }
  return {
    status: 'saved',
    fileName: outcome.fileName,
    ...(saved.location ? { location: saved.location } : {}),
    manifestSha256: outcome.manifestSha256,
    bytes: outcome.bytes,
  };
}

/** Stops an export or an opening. */
export function cancelBundleJob(jobId: number): void {
  void getBundleWorker().cancel(jobId);
}
