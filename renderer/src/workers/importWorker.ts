/// <reference lib="webworker" />
import { errorMessage } from '@shared/domain/errorMessage';
import { expose } from 'comlink';
import { openCase, type CaseRepositories } from '../db';
import type { SourceOrigin } from '@shared/schemas/records';
import { prepareFile } from './import/prepareFile';
import { ocrPool } from './import/ocr';
import { prepareImage } from './import/prepareImage';

/** One file (or pasted text) handed to the import worker. */
export interface ImportRequest {
  caseId: string;
  actor: string;
  /** The bytes; a File keeps its name and type. */
  blob: Blob;
  name: string;
  mediaType: string;
  origin: SourceOrigin;
  /** For pasted text: the title the reporter gave it. */
  title?: string;
  provenance?: string;
  /** The batch this file belongs to, so that cancelling the batch stops it. */
  batchId?: number;
  /** False skips text recognition of images (benchmarks of storage alone). */
  ocr?: boolean;
}

/** What became of one file. */
export type ImportResult =
  | {
      status: 'imported';
      sourceId: string;
      title: string;
      warnings: string[];
      /** Short facts for the tray: "12 words recognised", "3 attachments". */
      notes: string[];
    }
  | { status: 'duplicate'; sourceId: string; title: string }
  | { status: 'failed'; reason: string }
  | { status: 'cancelled' };

/** Progress reports from inside one file's import. */
export type StageListener = (stage: string) => void;

const cases = new Map<string, { repos: CaseRepositories; actor: { name: string } }>();
const cancelledBatches = new Set<number>();

function repositoriesFor(caseId: string, actorName: string): CaseRepositories {
  let entry = cases.get(caseId);
  if (!entry || entry.repos.store.db.hasBeenClosed()) {
    entry?.repos.close();
    const actor = { name: actorName };
    entry = { repos: openCase(caseId, () => actor.name), actor };
    cases.set(caseId, entry);
  }
  entry.actor.name = actorName;
  return entry.repos;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Hashes, reads and stores one file, off the main thread. The hash is taken from the bytes as they
 * arrived, before anything else looks at them; a file already in the case is reported, not read
 * again. Everything made from the file (its text, messages, the files inside it) is stored in one
 * transaction at the end, so a failure or a cancel leaves nothing half-written.
 */
async function importFile(request: ImportRequest, onStage?: StageListener): Promise<ImportResult> {
  const batch = request.batchId;
  const cancelled = () => batch !== undefined && cancelledBatches.has(batch);
  const stage = (text: string) => {
    void Promise.resolve(onStage?.(text)).catch(() => undefined);
  };
  try {
    if (cancelled()) return { status: 'cancelled' };
    stage('Hashing');
    const bytes = new Uint8Array(await request.blob.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const repos = repositoriesFor(request.caseId, request.actor);
    const existing = await repos.sources.findBySha256(sha256);
    if (existing) return { status: 'duplicate', sourceId: existing.id, title: existing.title };
    if (cancelled()) return { status: 'cancelled' };

    const prepared = await prepareFile(
      {
        name: request.name,
        mediaType: request.mediaType,
        bytes,
        sha256,
        origin: request.origin,
        ...(request.title ? { title: request.title } : {}),
        ...(request.provenance ? { provenance: request.provenance } : {}),
      },
      { cancelled, stage, sha256: sha256Hex, ocr: request.ocr !== false },
    );
    if (!prepared.ok) {
      return prepared.cancelled
        ? { status: 'cancelled' }
        : { status: 'failed', reason: prepared.reason };
    }
    if (cancelled()) return { status: 'cancelled' };
    stage('Storing');
    const outcome = await repos.sources.addTree(prepared.tree);
    if (outcome.status === 'duplicate') {
      return { status: 'duplicate', sourceId: outcome.existing.id, title: outcome.existing.title };
    }
    const notes = [...prepared.notes];
    if (outcome.duplicateChildren.length) {
      notes.push(
        `${outcome.duplicateChildren.length} file${outcome.duplicateChildren.length === 1 ? '' : 's'} inside already in this case (linked, not stored again)`,
      );
    }
    return {
      status: 'imported',
      sourceId: outcome.source.id,
      title: outcome.source.title,
      warnings: outcome.source.warnings,
      notes,
    };
  } catch (cause) {
    const message = errorMessage(cause);
    return { status: 'failed', reason: `Could not import this file: ${message}` };
  }
}

/** Stops a batch: files not yet stored are dropped, what was stored stays. */
function cancelBatch(batchId: number): void {
  cancelledBatches.add(batchId);
}

/** Recognises the text of an image source already in the case, as a new revision. */
async function recognizeSource(
  caseId: string,
  actor: string,
  sourceId: string,
): Promise<{ ok: true; words: number } | { ok: false; reason: string }> {
  try {
    const repos = repositoriesFor(caseId, actor);
    const source = await repos.sources.get(sourceId);
    if (!source || source.kind !== 'image')
      return { ok: false, reason: 'This source is not an image.' };
    const blob = await repos.sources.original(sourceId);
    if (!blob) return { ok: false, reason: 'The original of this source is missing.' };
    const prepared = await prepareImage(new Uint8Array(await blob.arrayBuffer()));
    if (!prepared.ok) return prepared;
    const ocr = await ocrPool().recognize(prepared.image.ocrInput);
    await repos.sources.addOcrRevision(sourceId, {
      text: ocr.text,
      words: ocr.words,
      engine: 'tesseract.js 7, English (LSTM)',
    });
    return { ok: true, words: ocr.words.length };
  } catch (cause) {
    return { ok: false, reason: errorMessage(cause) };
  }
}

const api = { importFile, cancelBatch, recognizeSource };

/** The import worker's interface, as seen through Comlink. */
export type ImportWorkerApi = typeof api;

expose(api);
