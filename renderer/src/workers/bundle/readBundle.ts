import type { ZipEntry } from '@shared/domain/archive/zip';
import { verifyActivityChain, type ActivityEntry } from '@shared/domain/activityLog';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  DEFAULT_BUNDLE_LIMITS,
  bundledCaseName,
  parseBundleEntryName,
  type BundleLimits,
} from '@shared/domain/bundle/format';
import {
  BundleManifestSchema,
  type BundleManifest,
  type ManifestEntry,
} from '@shared/domain/bundle/manifest';
import {
  BUNDLE_TABLES,
  CASE_META_KEY,
  DERIVED_META_KEYS,
  bundleTable,
  describeRecordIssues,
  type BundleTableSpec,
  type BundledOriginal,
} from '@shared/domain/bundle/tables';
import { migrateRecord, type StoredRecord } from '@shared/domain/migrations';
import type { Case } from '@shared/schemas/records';
import { BundleCaseWriter, CASE_SCHEMA_VERSION, withBundleLock } from '../../db/bundleCases';
import type { CatalogDb } from '../../db/catalogDb';
import { BundleCancelled, BundleError, type BundleProgress } from './bundleError';
import { incrementalSha256, sha256OfBlob, sha256OfBytes } from './hashing';
import { readBlobZipDirectory, readWholeEntry, entryDataRange, streamEntry } from './zipReader';

const MB = 1024 * 1024;

/** A bundle whose table of contents and manifest have been read and checked. */
export interface InspectedBundle {
  file: Blob;
  manifest: BundleManifest;
  /** The SHA-256 of manifest.json: the bundle's fingerprint. */
  manifestSha256: string;
  /** Every entry but the manifest, by name, with what the manifest says of it. */
  entries: Map<string, { zip: ZipEntry; declared: ManifestEntry }>;
}

/** A bundle every byte of which has been checked; ready to become a case. */
export interface VerifiedBundle extends InspectedBundle {
  /** The table chunks in the order they are written back. */
  tables: { spec: BundleTableSpec; chunks: string[] }[];
  /** Each original, with the entry holding its bytes. */
  originals: BundledOriginal[];
}

export interface BundleJobOptions {
  onProgress?: (progress: BundleProgress) => void;
  cancelled?: () => boolean;
  limits?: BundleLimits;
}

/**
 * Reads a bundle's table of contents and its manifest, and checks them against each other and
 * against the limits, before a single record is read: the entry names (only `manifest.json`,
 * `tables/<table>/<nnnnn>.ndjson` and `originals/<sha256>`; anything else, `../` included, is
 * refused), the manifest's shape and versions, that the archive holds exactly the entries the
 * manifest lists with the sizes it gives, and that no entry inflates more than a bundle can.
 */
export async function inspectBundle(
  file: Blob,
  options: BundleJobOptions = {},
): Promise<InspectedBundle> {
  const limits = options.limits ?? DEFAULT_BUNDLE_LIMITS;
  const directory = await readBlobZipDirectory(file, limits);
  const byName = new Map<string, ZipEntry>();
  let manifestEntry: ZipEntry | undefined;
  let total = 0;
  for (const entry of directory) {
    const parsed = parseBundleEntryName(entry.rawName);
    if (!parsed || entry.directory) {
      throw new BundleError(
        `This bundle holds an entry named “${clipName(entry.rawName)}”, which no Casefile bundle has${entry.unsafeReason ? ` (${entry.unsafeReason})` : ''}. It was refused without unpacking anything.`,
      );
    }
    if (byName.has(entry.rawName) || (parsed.kind === 'manifest' && manifestEntry)) {
      throw new BundleError(`This bundle holds “${entry.rawName}” twice: it was altered.`);
    }
    if (entry.encrypted)
      throw new BundleError(`“${entry.rawName}” is encrypted; bundles never are.`);
    const limit =
      parsed.kind === 'manifest'
        ? limits.maxManifestBytes
        : parsed.kind === 'table'
          ? limits.maxTableChunkBytes
          : Number.POSITIVE_INFINITY;
    if (entry.size > limit) {
      throw new BundleError(
        parsed.kind === 'manifest'
          ? `This bundle’s manifest would be ${Math.round(entry.size / MB)} MB, far more than any manifest (at most ${Math.round(limits.maxManifestBytes / MB)} MB): it was refused without reading it.`
          : `“${entry.rawName}” would inflate to ${Math.round(entry.size / MB)} MB, more than a chunk of records can be (${Math.round(limit / MB)} MB): it looks like a zip bomb, so nothing was opened.`,
      );
    }
    if (
      entry.size > limits.ratioFloorBytes &&
      entry.size > entry.compressedSize * limits.maxRatio
    ) {
      throw new BundleError(
        `“${entry.rawName}” is compressed more than ${limits.maxRatio} to 1 (${Math.round(entry.size / MB)} MB from ${Math.max(1, Math.round(entry.compressedSize / 1024))} KB): it looks like a zip bomb, so nothing was opened.`,
      );
    }
    total += entry.size;
    if (parsed.kind === 'manifest') manifestEntry = entry;
    else byName.set(entry.rawName, entry);
  }
  if (total > limits.maxTotalBytes) {
    throw new BundleError(
      `This bundle would unpack to ${Math.round(total / MB).toLocaleString('en-GB')} MB, more than Casefile opens (${Math.round(limits.maxTotalBytes / MB).toLocaleString('en-GB')} MB).`,
    );
  }
  if (!manifestEntry) {
    throw new BundleError(
      'This file has no manifest.json, so it is not a Casefile bundle (or it was cut short).',
    );
  }

  const manifestBytes = await readWholeEntry(file, manifestEntry);
  const manifestSha256 = await sha256OfBytes(manifestBytes);
  const manifest = readManifest(manifestBytes);

  const entries = new Map<string, { zip: ZipEntry; declared: ManifestEntry }>();
  for (const declared of manifest.entries) {
    const zip = byName.get(declared.name);
    if (!zip) {
      throw new BundleError(
        `The manifest lists “${declared.name}”, but the bundle does not hold it: entries were removed.`,
      );
    }
    if (entries.has(declared.name)) {
      throw new BundleError(`The manifest lists “${declared.name}” twice.`);
    }
    if (zip.size !== declared.size) {
      throw new BundleError(
        `“${declared.name}” holds ${zip.size.toLocaleString('en-GB')} bytes, but the manifest says ${declared.size.toLocaleString('en-GB')}: the bundle was altered.`,
      );
    }
    const parsed = parseBundleEntryName(declared.name);
    if (parsed?.kind === 'table' && !bundleTable(parsed.table)) {
      throw new BundleError(
        `This bundle holds a table this Casefile does not know (“${parsed.table}”).`,
      );
    }
    if (parsed?.kind === 'original' && parsed.sha256 !== declared.sha256) {
      throw new BundleError(
        `The manifest gives “${declared.name}” another SHA-256 than its name: the bundle was altered.`,
      );
    }
    entries.set(declared.name, { zip, declared });
  }
  for (const name of byName.keys()) {
    if (!entries.has(name)) {
      throw new BundleError(
        `The bundle holds “${clipName(name)}”, which its manifest does not list: something was added to it.`,
      );
    }
  }
  return { file, manifest, manifestSha256, entries };
}

function clipName(name: string): string {
  return name.length > 120 ? `${name.slice(0, 119)}…` : name;
}

/** Parses and checks manifest.json, with a clear word for bundles of a newer Casefile. */
function readManifest(bytes: Uint8Array): BundleManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BundleError('This bundle’s manifest.json is not valid JSON: it is damaged.');
  }
  const loose = (json ?? {}) as {
    format?: unknown;
    formatVersion?: unknown;
    schemaVersion?: unknown;
    app?: { version?: unknown };
  };
  if (loose.format !== BUNDLE_FORMAT) {
    throw new BundleError(
      'This file is a zip archive but not a Casefile bundle (its manifest names no Casefile format).',
    );
  }
  const made =
    typeof loose.app?.version === 'string' ? ` (made by Casefile ${loose.app.version})` : '';
  if (typeof loose.formatVersion === 'number' && loose.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      `This bundle is in format ${loose.formatVersion}${made}; this Casefile reads format ${BUNDLE_FORMAT_VERSION} and older. Update Casefile to open it.`,
    );
  }
  if (typeof loose.schemaVersion === 'number' && loose.schemaVersion > CASE_SCHEMA_VERSION) {
    throw new BundleError(
      `This bundle’s records are of case schema version ${loose.schemaVersion}${made}; this Casefile knows versions up to ${CASE_SCHEMA_VERSION}, and would lose what it does not understand. Update Casefile to open it.`,
    );
  }
  const parsed = BundleManifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new BundleError(
      `This bundle’s manifest is not what a Casefile manifest looks like: ${describeRecordIssues(parsed.error.issues)}.`,
    );
  }
  return parsed.data;
}

/** Counts work done, for the progress bar. */
class Progress {
  done = 0;
  constructor(
    readonly total: number,
    private readonly report?: (progress: BundleProgress) => void,
  ) {}
  tell(stage: string, add = 0) {
    this.done += add;
    this.report?.({ stage, done: this.done, total: this.total });
  }
}

/** The chunks of each table, in order, checked to run 00001, 00002… without a gap. */
function tablePlan(inspected: InspectedBundle): { spec: BundleTableSpec; chunks: string[] }[] {
  const byTable = new Map<string, { index: number; name: string }[]>();
  for (const name of inspected.entries.keys()) {
    const parsed = parseBundleEntryName(name);
    if (parsed?.kind !== 'table') continue;
    const list = byTable.get(parsed.table) ?? [];
    list.push({ index: parsed.index, name });
    byTable.set(parsed.table, list);
  }
  return BUNDLE_TABLES.map((spec) => {
    const chunks = (byTable.get(spec.name) ?? []).sort((a, b) => a.index - b.index);
    chunks.forEach((chunk, i) => {
      if (chunk.index !== i + 1) {
        throw new BundleError(
          `Records of ${spec.name} are missing from this bundle (chunk ${i + 1}).`,
        );
      }
    });
    return { spec, chunks: chunks.map((chunk) => chunk.name) };
  });
}

/**
 * Reads one chunk of a table: checks its SHA-256 against the manifest and its record count,
 * parses each line, brings records of an older schema up to this one (the same transforms as the
 * database's upgrades) and checks each against its table's schema. `onRecord` gets each record.
 */
async function readTableChunk(
  inspected: InspectedBundle,
  name: string,
  spec: BundleTableSpec,
  onRecord: (record: StoredRecord) => void,
): Promise<number> {
  const item = inspected.entries.get(name);
  if (!item) throw new BundleError(`“${name}” is missing.`);
  const bytes = await readWholeEntry(inspected.file, item.zip);
  const sha256 = await sha256OfBytes(bytes);
  if (sha256 !== item.declared.sha256) {
    throw new BundleError(
      `“${name}” was changed after the bundle was made: its SHA-256 is not the one in the manifest.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError(`“${name}” is not UTF-8 text: it is damaged.`);
  }
  const lines = text.split('\n');
  if (lines.pop() !== '')
    throw new BundleError(`“${name}” is cut short (its last line has no end).`);
  if (item.declared.records !== undefined && lines.length !== item.declared.records) {
    throw new BundleError(
      `“${name}” holds ${lines.length} records, but the manifest says ${item.declared.records}.`,
    );
  }
  const fromVersion = inspected.manifest.schemaVersion;
  lines.forEach((line, index) => {
    const where = `“${name}”, line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BundleError(`${where} is not valid JSON.`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new BundleError(`${where} is not a record.`);
    }
    const migrated = migrateRecord(
      spec.name,
      value as StoredRecord,
      fromVersion,
      CASE_SCHEMA_VERSION,
    );
    if (migrated === undefined) return;
    const parsed = spec.schema.safeParse(migrated);
    const key = JSON.stringify((migrated as Record<string, unknown>)[spec.key] ?? null);
    if (!parsed.success) {
      throw new BundleError(
        `${where} (${spec.name} ${spec.key} ${key}) does not fit the ${spec.name} schema: ${describeRecordIssues(parsed.error.issues)}.`,
      );
    }
    onRecord(migrated);
  });
  return bytes.length;
}

/**
 * Checks every byte of an inspected bundle before anything is written: each table chunk's SHA-256,
 * each record against its schema (errors name the entry, the line and the field), unique keys,
 * the record counts against the manifest, the activity log's hash chain and its head against the
 * manifest, and every original: one per listed source original, with the SHA-256 and size its
 * source record gives.
 */
export async function verifyBundle(
  inspected: InspectedBundle,
  options: BundleJobOptions = {},
): Promise<VerifiedBundle> {
  const cancelled = options.cancelled ?? (() => false);
  const { manifest } = inspected;
  const total = [...inspected.entries.values()].reduce((sum, item) => sum + item.zip.size, 0);
  const progress = new Progress(total, options.onProgress);
  const tables = tablePlan(inspected);

  const sources = new Map<string, { sha256: string; size: number; title: string }>();
  const sourceHashes = new Set<string>();
  const originals: BundledOriginal[] = [];
  const activity: ActivityEntry[] = [];
  for (const { spec, chunks } of tables) {
    const keys = new Set<unknown>();
    let count = 0;
    for (const name of chunks) {
      if (cancelled()) throw new BundleCancelled();
      progress.tell(`Checking ${spec.name}`);
      const size = await readTableChunk(inspected, name, spec, (record) => {
        const key = record[spec.key];
        if (keys.has(key)) {
          throw new BundleError(
            `Two records of ${spec.name} have the same ${spec.key} (${JSON.stringify(key)}): the bundle was altered.`,
          );
        }
        keys.add(key);
        count += 1;
        if (spec.name === 'sources') {
          const source = record as { id: string; sha256: string; size: number; title: string };
          if (sourceHashes.has(source.sha256)) {
            throw new BundleError(
              `Two sources have the same SHA-256 (${source.sha256.slice(0, 12)}…).`,
            );
          }
          sourceHashes.add(source.sha256);
          sources.set(source.id, source);
        } else if (spec.name === 'originals') {
          originals.push(record as unknown as BundledOriginal);
        } else if (spec.name === 'activity') {
          activity.push(record as unknown as ActivityEntry);
        }
      });
      progress.tell(`Checking ${spec.name}`, size);
    }
    const declared = manifest.counts.records[spec.name] ?? 0;
    if (manifest.schemaVersion === CASE_SCHEMA_VERSION && count !== declared) {
      throw new BundleError(
        `The bundle holds ${count} records of ${spec.name}, but its manifest says ${declared}.`,
      );
    }
  }
  for (const table of Object.keys(manifest.counts.records)) {
    if (!bundleTable(table))
      throw new BundleError(
        `The manifest counts a table this Casefile does not know (“${table}”).`,
      );
  }

  // The log: an unbroken chain, ending where the manifest says it ended.
  activity.sort((a, b) => a.seq - b.seq);
  const chain = verifyActivityChain(activity);
  if (!chain.ok) {
    throw new BundleError(
      `The activity log in this bundle is broken at entry ${chain.brokenAt}: ${chain.reason} The bundle was altered after it was made.`,
    );
  }
  if (chain.count !== manifest.activity.length || chain.lastHash !== manifest.activity.headHash) {
    throw new BundleError(
      `The activity log in this bundle has ${chain.count} entries ending in ${chain.lastHash.slice(0, 12)}…, but the manifest says ${manifest.activity.length} ending in ${manifest.activity.headHash.slice(0, 12)}…: entries were removed or added.`,
    );
  }

  // Originals: each listed, each matching its source, each entry's bytes hashing to its name.
  const referenced = new Set<string>();
  for (const original of originals) {
    const source = sources.get(original.sourceId);
    if (!source) {
      throw new BundleError(
        `An original belongs to a source that is not in the bundle (${original.sourceId}).`,
      );
    }
    if (source.sha256 !== original.sha256 || source.size !== original.size) {
      throw new BundleError(
        `The original of “${source.title}” is listed with another SHA-256 or size than its source record gives.`,
      );
    }
    const name = `originals/${original.sha256}`;
    const item = inspected.entries.get(name);
    if (!item)
      throw new BundleError(`The original of “${source.title}” is missing from the bundle.`);
    if (item.zip.size !== source.size) {
      throw new BundleError(
        `The original of “${source.title}” has ${item.zip.size} bytes; its source says ${source.size}.`,
      );
    }
    referenced.add(name);
  }
  const checkedOriginals = new Set<string>();
  for (const original of originals) {
    const name = `originals/${original.sha256}`;
    if (checkedOriginals.has(name)) continue;
    checkedOriginals.add(name);
    if (cancelled()) throw new BundleCancelled();
    const item = inspected.entries.get(name);
    if (!item) continue;
    const title = sources.get(original.sourceId)?.title ?? original.sourceId;
    progress.tell(`Checking the original of “${title}”`);
    const actual = await hashEntry(inspected.file, item.zip, cancelled);
    if (actual !== original.sha256) {
      throw new BundleError(
        `The original of “${title}” was changed: its SHA-256 is ${actual.slice(0, 16)}…, but the source was imported with ${original.sha256.slice(0, 16)}…. The bundle was refused.`,
      );
    }
    progress.tell(`Checking the original of “${title}”`, item.zip.size);
  }
  for (const name of inspected.entries.keys()) {
    if (name.startsWith('originals/') && !referenced.has(name)) {
      throw new BundleError(`The bundle holds an original no source has (“${name}”).`);
    }
  }
  return { ...inspected, tables, originals };
}

/** The SHA-256 of an entry's content, streamed (stored entries are hashed by the platform). */
async function hashEntry(file: Blob, entry: ZipEntry, cancelled: () => boolean): Promise<string> {
  if (entry.method === 0 && entry.compressedSize === entry.size) {
    const { start, end } = await entryDataRange(file, entry);
    return sha256OfBlob(file.slice(start, end));
  }
  const hash = incrementalSha256();
  await streamEntry(file, entry, (chunk) => hash.update(chunk), cancelled);
  if (cancelled()) throw new BundleCancelled();
  return hash.hex();
}

/** Who opens the bundle, and under which name the file came. */
export interface CreateCaseOptions extends BundleJobOptions {
  actor: string;
  fileName: string;
  /** The new case's id (random by default). */
  caseId?: string;
  now?: () => Date;
  catalog?: CatalogDb;
  /** Bytes free for this origin, when the platform says; the bundle must fit. */
  storageFree?: () => Promise<number | undefined>;
}

/** Records written per transaction. */
const WRITE_BATCH = 5_000;
/** Original bytes written per transaction. */
const ORIGINALS_BATCH_BYTES = 64 * MB;

/**
 * Writes a verified bundle into a new case (a new id, a name that says it came from a bundle):
 * every record exactly as it was (the activity log's entries unchanged, so their chain still
 * verifies), every original, then the `case.import-bundle` entry chained after the bundle's log,
 * then the catalog entry. Records are written in transactions of 5,000 and originals of 64 MB;
 * should anything fail part-way (a full disk, a cancel), the new case's database is deleted whole.
 * Chunks are read and hashed again as they are written, so a file changed between the check and
 * the copy is caught.
 */
export async function createCaseFromBundle(
  verified: VerifiedBundle,
  options: CreateCaseOptions,
): Promise<Case> {
  const cancelled = options.cancelled ?? (() => false);
  const now = (options.now ?? (() => new Date()))().toISOString();
  const caseId = options.caseId ?? crypto.randomUUID();
  const { manifest } = verified;
  const total = [...verified.entries.values()].reduce((sum, item) => sum + item.zip.size, 0);
  const free = await (options.storageFree ?? browserStorageFree)();
  if (free !== undefined && free < total * 1.1) {
    throw new BundleError(
      `This bundle needs about ${Math.round(total / MB).toLocaleString('en-GB')} MB of space, and Casefile may use only ${Math.round(free / MB).toLocaleString('en-GB')} MB more on this computer. Free some disk space and try again.`,
    );
  }
  return withBundleLock(caseId, async () => {
    const writer = await BundleCaseWriter.begin(caseId, now);
    const progress = new Progress(total, options.onProgress);
    try {
      for (const { spec, chunks } of verified.tables) {
        for (const name of chunks) {
          if (cancelled()) throw new BundleCancelled();
          progress.tell(`Storing ${spec.name}`);
          let batch: StoredRecord[] = [];
          const pending: StoredRecord[][] = [];
          const size = await readTableChunk(verified, name, spec, (record) => {
            if (spec.name === 'originals') return;
            if (spec.name === 'meta') {
              const key = String(record.key);
              if (key === CASE_META_KEY || DERIVED_META_KEYS.has(key)) return;
            }
            batch.push(record);
            if (batch.length >= WRITE_BATCH) {
              pending.push(batch);
              batch = [];
            }
          });
          pending.push(batch);
          for (const records of pending) await writer.addRecords(spec.name, records);
          progress.tell(`Storing ${spec.name}`, size);
        }
      }

      let batch: { sourceId: string; sha256: string; bytes: Blob }[] = [];
      let batchBytes = 0;
      for (const original of verified.originals) {
        if (cancelled()) throw new BundleCancelled();
        const item = verified.entries.get(`originals/${original.sha256}`);
        if (!item) throw new BundleError('An original went missing while the bundle was opened.');
        progress.tell('Storing the originals');
        const bytes = await originalBlob(verified.file, item.zip, original.sha256);
        batch.push({ sourceId: original.sourceId, sha256: original.sha256, bytes });
        batchBytes += bytes.size;
        progress.tell('Storing the originals', item.zip.size);
        if (batchBytes >= ORIGINALS_BATCH_BYTES) {
          await writer.addOriginals(batch);
          batch = [];
          batchBytes = 0;
        }
      }
      await writer.addOriginals(batch);
      if (cancelled()) throw new BundleCancelled();

      const record: Case = {
        id: caseId,
        name: bundledCaseName(manifest.case.name, manifest.exportedAt),
        description: manifest.case.description,
        createdAt: now,
        updatedAt: now,
        createdBy: manifest.case.createdBy,
        fromBundle: {
          fileName: options.fileName.slice(0, 1_000),
          manifestSha256: verified.manifestSha256,
          originalCaseId: manifest.case.id,
          exportedAt: manifest.exportedAt,
          exportedBy: manifest.exportedBy,
          openedAt: now,
          openedBy: options.actor,
        },
      };
      return await writer.finish(
        record,
        options.actor,
        {
          action: 'case.import-bundle',
          recordType: 'case',
          recordId: caseId,
          summary: `Opened the bundle “${options.fileName}” of “${manifest.case.name}” (exported by ${manifest.exportedBy}) as a new case`,
          details: {
            fileName: options.fileName,
            manifestSha256: verified.manifestSha256,
            formatVersion: manifest.formatVersion,
            schemaVersion: manifest.schemaVersion,
            madeBy: `${manifest.app.name} ${manifest.app.version}`,
            originalCase: { id: manifest.case.id, name: manifest.case.name },
            exportedAt: manifest.exportedAt,
            exportedBy: manifest.exportedBy,
            openedBy: options.actor,
            activity: manifest.activity,
            counts: { ...manifest.counts.records, originals: manifest.counts.originals },
          },
        },
        options.catalog,
      );
    } catch (cause) {
      await writer.abandon();
      throw cause;
    }
  });
}

/**
 * The Blob to store for an original: a stored entry is a slice of the bundle file (the browser
 * copies it into IndexedDB without it passing through this code); a deflated one is inflated and
 * hashed again.
 */
async function originalBlob(file: Blob, entry: ZipEntry, sha256: string): Promise<Blob> {
  if (entry.method === 0 && entry.compressedSize === entry.size) {
    const { start, end } = await entryDataRange(file, entry);
    return file.slice(start, end);
  }
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const hash = incrementalSha256();
  await streamEntry(file, entry, (chunk) => {
    hash.update(chunk);
    parts.push(chunk as Uint8Array<ArrayBuffer>);
  });
  if (hash.hex() !== sha256) {
    throw new BundleError(
      'An original changed while the bundle was being opened; nothing was kept.',
    );
  }
  return new Blob(parts);
}

async function browserStorageFree(): Promise<number | undefined> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return undefined;
  const { quota, usage } = await storage.estimate();
  return quota === undefined || usage === undefined ? undefined : quota - usage;
}

/** Inspects, verifies and opens a bundle as a new case: nothing is written unless all of it checks. */
export async function openBundleAsCase(file: Blob, options: CreateCaseOptions): Promise<Case> {
  const inspected = await inspectBundle(file, options);
  const verified = await verifyBundle(inspected, options);
  return createCaseFromBundle(verified, options);
}
