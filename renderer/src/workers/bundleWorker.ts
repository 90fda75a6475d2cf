/// <reference lib="webworker" />
import { errorMessage } from '@shared/domain/errorMessage';
import { expose, transfer } from 'comlink';
import { bundleFileName, BUNDLE_FORMAT_VERSION } from '@shared/domain/bundle/format';
import { CaseDb } from '../db/caseDb';
import { CatalogDb } from '../db/catalogDb';
import { removeUnfinishedBundleCases } from '../db/bundleCases';
import { BundleCancelled, BundleError, type BundleProgress } from './bundle/bundleError';
import { writeCaseBundle } from './bundle/writeBundle';
import { createCaseFromBundle, inspectBundle, verifyBundle } from './bundle/readBundle';

/** Pieces handed to the page are gathered to this size first (fewer messages, fewer IPC calls). */
const SINK_PIECE = 4 * 1024 * 1024;

const cancelledJobs = new Set<number>();

/** What an export made, for the page to log and show. */
export interface ExportOutcome {
  ok: true;
  fileName: string;
  manifestSha256: string;
  bytes: number;
  formatVersion: number;
  activity: { length: number; headHash: string };
  counts: Record<string, number>;
}

export type Failure = { ok: false; reason: string; cancelled?: boolean };

function failure(cause: unknown): Failure {
  if (cause instanceof BundleCancelled) return { ok: false, reason: 'Cancelled.', cancelled: true };
  if (cause instanceof BundleError) return { ok: false, reason: cause.message };
  const detail = errorMessage(cause);
  return { ok: false, reason: `Something went wrong: ${detail}` };
}

/**
 * Writes the case as a bundle, handing the bytes to `sink` (the page, which saves them through the
 * Host) in pieces of 4 MB. Reads run in this worker, so the window stays responsive.
 */
async function exportCase(
  jobId: number,
  caseId: string,
  actor: string,
  sink: (piece: Uint8Array) => Promise<void>,
  onProgress: (progress: BundleProgress) => void,
): Promise<ExportOutcome | Failure> {
  const catalog = new CatalogDb();
  const db = new CaseDb(caseId);
  try {
    const caseRecord = await catalog.cases.get(caseId);
    if (!caseRecord) return { ok: false, reason: 'That case is no longer on this computer.' };
    let gathered: Uint8Array[] = [];
    let gatheredBytes = 0;
    const send = async () => {
      if (gatheredBytes === 0) return;
      const piece = new Uint8Array(gatheredBytes);
      let at = 0;
      for (const part of gathered) {
        piece.set(part, at);
        at += part.length;
      }
      gathered = [];
      gatheredBytes = 0;
      await sink(transfer(piece, [piece.buffer]));
    };
    const written = await writeCaseBundle(db, {
      caseRecord,
      actor,
      // fflate's pieces may be views into buffers it (or an original) still uses: copy them.
      sink: async (chunk) => {
        gathered.push(chunk.slice());
        gatheredBytes += chunk.length;
        if (gatheredBytes >= SINK_PIECE) await send();
      },
      onProgress: (progress) => void Promise.resolve(onProgress(progress)).catch(() => undefined),
      cancelled: () => cancelledJobs.has(jobId),
    });
    await send();
    return {
      ok: true,
      fileName: bundleFileName(caseRecord.name),
      manifestSha256: written.manifestSha256,
      bytes: written.bytes,
      formatVersion: BUNDLE_FORMAT_VERSION,
      activity: written.manifest.activity,
      counts: { ...written.manifest.counts.records, originals: written.manifest.counts.originals },
    };
  } catch (cause) {
    return failure(cause);
  } finally {
    db.close();
    catalog.close();
    cancelledJobs.delete(jobId);
  }
}

/** What a bundle says about itself, read before anything is checked in depth. */
export interface BundleSummary {
  ok: true;
  manifestSha256: string;
  caseName: string;
  description: string;
  exportedAt: string;
  exportedBy: string;
  madeBy: string;
  counts: Record<string, number>;
  originalBytes: number;
  /** Cases on this computer already opened from this very bundle. */
  openedBefore: { id: string; name: string; openedAt: string }[];
}

/** Reads a bundle's manifest (checking its table of contents), and finds earlier openings of it. */
async function inspect(file: Blob): Promise<BundleSummary | Failure> {
  const catalog = new CatalogDb();
  try {
    const inspected = await inspectBundle(file);
    const { manifest } = inspected;
    const openedBefore = (await catalog.cases.toArray())
      .filter((c) => c.fromBundle?.manifestSha256 === inspected.manifestSha256)
      .map((c) => ({ id: c.id, name: c.name, openedAt: c.fromBundle?.openedAt ?? c.createdAt }));
    return {
      ok: true,
      manifestSha256: inspected.manifestSha256,
      caseName: manifest.case.name,
      description: manifest.case.description,
      exportedAt: manifest.exportedAt,
      exportedBy: manifest.exportedBy,
      madeBy: `${manifest.app.name} ${manifest.app.version}`,
      counts: manifest.counts.records,
      originalBytes: manifest.counts.originalBytes,
      openedBefore,
    };
  } catch (cause) {
    return failure(cause);
  } finally {
    catalog.close();
  }
}

/** Checks every byte of a bundle and, only when all of it holds, opens it as a new case. */
async function openBundle(
  jobId: number,
  file: Blob,
  fileName: string,
  actor: string,
  onProgress: (progress: BundleProgress) => void,
): Promise<{ ok: true; caseId: string; name: string; activityLength: number } | Failure> {
  const cancelled = () => cancelledJobs.has(jobId);
  // Two passes over the same bytes (check, then store): the bar runs 0-50 % and 50-100 %.
  const report = (phase: 0 | 1) => (progress: BundleProgress) =>
    void Promise.resolve(
      onProgress({
        stage: progress.stage,
        done: phase * progress.total + progress.done,
        total: 2 * progress.total,
      }),
    ).catch(() => undefined);
  try {
    await removeUnfinishedBundleCases();
    const inspected = await inspectBundle(file);
    const verified = await verifyBundle(inspected, { cancelled, onProgress: report(0) });
    const record = await createCaseFromBundle(verified, {
      actor,
      fileName,
      cancelled,
      onProgress: report(1),
    });
    return {
      ok: true,
      caseId: record.id,
      name: record.name,
      activityLength: inspected.manifest.activity.length + 1,
    };
  } catch (cause) {
    return failure(cause);
  } finally {
    cancelledJobs.delete(jobId);
  }
}

/** Stops a running export or opening; whatever it wrote is removed. */
function cancel(jobId: number): void {
  cancelledJobs.add(jobId);
}

const api = { exportCase, inspect, openBundle, cancel };

/** The bundle worker's interface, as seen through Comlink. */
export type BundleWorkerApi = typeof api;

expose(api);
