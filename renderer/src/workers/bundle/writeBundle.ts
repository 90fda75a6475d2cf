import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { IndexableType } from 'dexie';
import { verifyActivityChain, type ActivityEntry } from '@shared/domain/activityLog';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  CHUNK_BYTES,
  CHUNK_RECORDS,
  DEFAULT_BUNDLE_LIMITS,
  MANIFEST_ENTRY,
  MAX_BUNDLE_BYTES,
  isAlreadyCompressed,
  originalEntryName,
  tableEntryName,
} from '@shared/domain/bundle/format';
import type { BundleManifest, ManifestEntry } from '@shared/domain/bundle/manifest';
import {
  BUNDLE_TABLES,
  DERIVED_META_KEYS,
  describeRecordIssues,
  notPlainJson,
  type BundleTableSpec,
} from '@shared/domain/bundle/tables';
import type { Case } from '@shared/schemas/records';
import { CASEFILE_VERSION } from '@shared/version';
import type { CaseDb, Original } from '../../db/caseDb';
import { CASE_SCHEMA_VERSION } from '../../db/bundleCases';
import { BundleCancelled, BundleError, type BundleProgress } from './bundleError';
import { sha256OfBytes } from './hashing';

/** Where the bundle's bytes go, in order; it may take its time (backpressure). */
export type BundleSink = (chunk: Uint8Array) => Promise<void>;

export interface WriteBundleOptions {
  /** The case as the catalog has it (name, description, who created it). */
  caseRecord: Case;
  /** Who is exporting (the local profile name). */
  actor: string;
  sink: BundleSink;
  onProgress?: (progress: BundleProgress) => void;
  cancelled?: () => boolean;
  now?: () => Date;
}

/** What was written. */
export interface WrittenBundle {
  manifest: BundleManifest;
  /** The SHA-256 of manifest.json: the bundle's fingerprint. */
  manifestSha256: string;
  /** The bundle's size in bytes. */
  bytes: number;
}

/** Records read from a table at a time. */
const PAGE = 2_000;
/** Bytes handed to the zip at a time, so its output can be drained (and memory stays flat). */
const PUSH = 1024 * 1024;

/**
 * Writes a case as a bundle (see shared/domain/bundle/format.ts) into `sink`, streaming: tables
 * are read 2,000 records at a time and written as NDJSON chunks, originals one at a time, so
 * neither the case nor the bundle is ever whole in memory.
 *
 * The case must not change while it is read (the export reads in many transactions): the log's
 * head is read before and after, and since every change to a case appends to its log, a different
 * head means something changed and the export is refused with a request to try again. Every
 * record is checked against its schema and every original against its SHA-256 on the way out, so
 * a bundle that Casefile writes is one that Casefile will open.
 */
export async function writeCaseBundle(
  db: CaseDb,
  options: WriteBundleOptions,
): Promise<WrittenBundle> {
  const { caseRecord, actor, sink } = options;
  const cancelled = options.cancelled ?? (() => false);
  const exportedAt = (options.now ?? (() => new Date()))();
  const headBefore = await db.activity.orderBy('seq').last();

  // Sizes first: a bundle over 4 GiB cannot be written (no ZIP64), and it is better said now.
  let originalBytes = 0;
  await db.originals.each((original) => {
    originalBytes += original.bytes.size;
  });
  if (originalBytes > MAX_BUNDLE_BYTES) {
    throw new BundleError(
      `The originals of this case add up to ${(originalBytes / 1024 ** 3).toFixed(1)} GB; a bundle can hold up to ${(MAX_BUNDLE_BYTES / 1024 ** 3).toFixed(1)} GB for now (the zip writer has no ZIP64). Nothing was written.`,
    );
  }
  const recordCounts: Record<string, number> = {};
  for (const spec of BUNDLE_TABLES) recordCounts[spec.name] = await db.table(spec.name).count();
  const totalRecords = Object.values(recordCounts).reduce((a, b) => a + b, 0);
  const total = totalRecords + originalBytes;
  let done = 0;
  const progress = (stage: string) => options.onProgress?.({ stage, done, total });

  // The zip's output is queued by fflate's callback and drained into the sink after each push.
  const queue: Uint8Array[] = [];
  let zipError: Error | undefined;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) zipError = error;
    else queue.push(chunk);
  });
  const drain = async () => {
    if (zipError) throw new BundleError(`The bundle could not be compressed: ${zipError.message}`);
    while (queue.length) {
      const chunk = queue.shift() as Uint8Array;
      written += chunk.length;
      if (written > MAX_BUNDLE_BYTES + 64 * 1024 * 1024) {
        throw new BundleError('The bundle grew past 4 GB, more than a bundle can hold for now.');
      }
      await sink(chunk);
    }
    if (cancelled()) throw new BundleCancelled();
  };
  const entries: ManifestEntry[] = [];
  const addEntry = async (
    name: string,
    bytes: Uint8Array,
    compress: boolean,
    extra?: { records: number },
  ) => {
    const file = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    file.mtime = exportedAt;
    zip.add(file);
    if (bytes.length === 0) file.push(bytes, true);
    for (let at = 0; at < bytes.length; at += PUSH) {
      file.push(bytes.subarray(at, at + PUSH), at + PUSH >= bytes.length);
      await drain();
    }
    await drain();
    entries.push({ name, size: bytes.length, sha256: await sha256OfBytes(bytes), ...extra });
  };

  const encoder = new TextEncoder();
  const sources = new Map<string, { mediaType: string; title: string }>();
  const activity: ActivityEntry[] = [];
  const counts: Record<string, number> = {};

  for (const spec of BUNDLE_TABLES) {
    progress(`Writing ${spec.name}`);
    let chunk: string[] = [];
    let chunkBytes = 0;
    let chunkIndex = 0;
    let count = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      chunkIndex += 1;
      const text = `${chunk.join('\n')}\n`;
      const records = chunk.length;
      chunk = [];
      chunkBytes = 0;
      await addEntry(tableEntryName(spec.name, chunkIndex), encoder.encode(text), true, {
        records,
      });
    };
    for await (const page of pages(db, spec)) {
      for (const stored of page) {
        const record = toBundled(spec, stored);
        done += 1;
        if (record === undefined) continue;
        checkRecord(spec, record);
        if (spec.name === 'sources') {
          const source = record as { id: string; mediaType: string; title: string };
          sources.set(source.id, { mediaType: source.mediaType, title: source.title });
        }
        if (spec.name === 'activity') activity.push(record as unknown as ActivityEntry);
        const line = JSON.stringify(record);
        if (line.length > DEFAULT_BUNDLE_LIMITS.maxRecordBytes) {
          throw new BundleError(
            `A record of ${spec.name} (${keyOf(spec, record)}) is larger than a bundle can carry (${Math.round(line.length / 1024 / 1024)} MB).`,
          );
        }
        chunk.push(line);
        chunkBytes += line.length;
        count += 1;
        if (chunk.length >= CHUNK_RECORDS || chunkBytes >= CHUNK_BYTES) await flush();
      }
      progress(`Writing ${spec.name}`);
      if (cancelled()) throw new BundleCancelled();
    }
    await flush();
    counts[spec.name] = count;
  }

  const chain = verifyActivityChain(activity);
  if (!chain.ok) {
    throw new BundleError(
      `The activity log of this case does not verify (entry ${chain.brokenAt}: ${chain.reason}). A bundle of it would be refused when opened, so none was written.`,
    );
  }

  // Originals, one at a time, each checked against the SHA-256 it was imported with.
  const seen = new Set<string>();
  for await (const page of pages(db, { name: 'originals', key: 'sourceId' } as BundleTableSpec)) {
    for (const original of page as unknown as Original[]) {
      if (seen.has(original.sha256)) continue;
      seen.add(original.sha256);
      const source = sources.get(original.sourceId);
      progress(`Writing the original of “${source?.title ?? original.sourceId}”`);
      const bytes = new Uint8Array(await original.bytes.arrayBuffer());
      const actual = await sha256OfBytes(bytes);
      if (actual !== original.sha256) {
        throw new BundleError(
          `The stored original of “${source?.title ?? original.sourceId}” no longer matches the SHA-256 it was imported with (${original.sha256.slice(0, 12)}…, now ${actual.slice(0, 12)}…). Nothing was exported; this copy of the case is damaged.`,
        );
      }
      const compress = !isAlreadyCompressed(source?.mediaType ?? 'application/octet-stream');
      await addEntry(originalEntryName(original.sha256), bytes, compress);
      done += bytes.length;
    }
  }

  const headAfter = await db.activity.orderBy('seq').last();
  if (
    headAfter?.hash !== headBefore?.hash ||
    chain.lastHash !== (headAfter?.hash ?? chain.lastHash)
  ) {
    throw new BundleError(
      'The case changed while it was being exported (an import or an edit finished meanwhile), so the bundle would not be one consistent copy. Nothing was kept; export again.',
    );
  }

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    app: { name: 'Casefile', version: CASEFILE_VERSION },
    schemaVersion: CASE_SCHEMA_VERSION,
    case: {
      id: caseRecord.id,
      name: caseRecord.name,
      description: caseRecord.description,
      createdAt: caseRecord.createdAt,
      createdBy: caseRecord.createdBy,
    },
    exportedAt: exportedAt.toISOString(),
    exportedBy: actor,
    counts: { records: counts, originals: seen.size, originalBytes },
    activity: { length: chain.count, headHash: chain.lastHash },
    entries,
  };
  const manifestBytes = encoder.encode(`${JSON.stringify(manifest, null, 1)}\n`);
  const manifestSha256 = await sha256OfBytes(manifestBytes);
  const manifestFile = new ZipDeflate(MANIFEST_ENTRY, { level: 6 });
  manifestFile.mtime = exportedAt;
  zip.add(manifestFile);
  manifestFile.push(manifestBytes, true);
  zip.end();
  await drain();
  progress('Done');
  return { manifest, manifestSha256, bytes: written };
}

/** Reads a table in pages by primary key. */
async function* pages(
  db: CaseDb,
  spec: BundleTableSpec,
): AsyncGenerator<Record<string, unknown>[]> {
  const table = db.table(spec.name);
  let last: IndexableType | undefined;
  for (;;) {
    const page = (
      last === undefined
        ? await table.orderBy(':id').limit(PAGE).toArray()
        : await table.where(':id').above(last).limit(PAGE).toArray()
    ) as Record<string, unknown>[];
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1]?.[spec.key] as IndexableType;
    if (page.length < PAGE) return;
  }
}

/** The record as the bundle carries it, or undefined to leave it out. */
function toBundled(
  spec: BundleTableSpec,
  stored: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (spec.name === 'originals') {
    const original = stored as unknown as Original;
    return { sourceId: original.sourceId, sha256: original.sha256, size: original.bytes.size };
  }
  if (spec.name === 'meta' && DERIVED_META_KEYS.has(String(stored.key))) return undefined;
  return stored;
}

function keyOf(spec: BundleTableSpec, record: Record<string, unknown>): string {
  return `${spec.key} ${JSON.stringify(record[spec.key])}`;
}

/** Refuses a record that would not survive JSON or would not pass its schema when opened. */
function checkRecord(spec: BundleTableSpec, record: Record<string, unknown>): void {
  const notJson = notPlainJson(record);
  if (notJson) {
    throw new BundleError(
      `A record of ${spec.name} (${keyOf(spec, record)}) cannot be written as it is: ${notJson}.`,
    );
  }
  const parsed = spec.schema.safeParse(record);
  if (!parsed.success) {
    throw new BundleError(
      `A record of ${spec.name} (${keyOf(spec, record)}) does not fit its schema, so the bundle could not be opened: ${describeRecordIssues(parsed.error.issues)}.`,
    );
  }
}
