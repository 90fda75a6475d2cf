/// <reference lib="webworker" />
import { expose } from 'comlink';
import { openCase, type CaseRepositories } from '../db';
import type { SourceOrigin } from '@shared/schemas/records';
import { prepareTextSource } from './import/prepareTextSource';

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
}

/** What became of one file. */
export type ImportResult =
  | { status: 'imported'; sourceId: string; title: string; warnings: string[] }
  | { status: 'duplicate'; sourceId: string; title: string }
  | { status: 'failed'; reason: string };

const cases = new Map<string, { repos: CaseRepositories; actor: { name: string } }>();

function repositoriesFor(caseId: string, actorName: string): CaseRepositories {
  let entry = cases.get(caseId);
  if (!entry || !entry.repos.store.db.isOpen()) {
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
 * arrived, before anything else looks at them.
 */
async function importFile(request: ImportRequest): Promise<ImportResult> {
  try {
    const bytes = new Uint8Array(await request.blob.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    const repos = repositoriesFor(request.caseId, request.actor);
    const existing = await repos.sources.findBySha256(sha256);
    if (existing) return { status: 'duplicate', sourceId: existing.id, title: existing.title };

    const read = prepareTextSource(request.name, request.mediaType, bytes);
    if (!read.ok) return { status: 'failed', reason: read.reason };
    const { prepared } = read;
    const outcome = await repos.sources.add({
      kind: prepared.kind,
      title: request.title?.trim() || prepared.title,
      ...(request.origin === 'paste' ? {} : { fileName: request.name }),
      mediaType: prepared.mediaType,
      sha256,
      origin: request.origin,
      bytes: new Blob([bytes], { type: prepared.mediaType }),
      text: prepared.text,
      encoding: prepared.encoding,
      warnings: prepared.warnings,
      ...(request.provenance ? { provenance: request.provenance } : {}),
      ...(prepared.metadata ? { metadata: prepared.metadata } : {}),
    });
    if (outcome.status === 'duplicate') {
      return { status: 'duplicate', sourceId: outcome.existing.id, title: outcome.existing.title };
    }
    return {
      status: 'imported',
      sourceId: outcome.source.id,
      title: outcome.source.title,
      warnings: prepared.warnings,
    };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { status: 'failed', reason: `Could not import this file: ${message}` };
  }
}

const api = { importFile };

/** The import worker's interface, as seen through Comlink. */
export type ImportWorkerApi = typeof api;

expose(api);
