/**
 * The Casefile bundle: one case in one file, `<case name>.casefile`, a zip archive holding
 *
 * - `tables/<table>/<nnnnn>.ndjson`: the records of each table of the case database, one JSON
 *   object per line, in chunks (so a table of 100,000 messages is never one string in memory);
 * - `originals/<sha256>`: the untouched bytes of every source, named by their SHA-256;
 * - `manifest.json` (written last): what the bundle is, who made it and when, how many records of
 *   each kind it holds, the SHA-256 and size of every other entry, and the head of the activity
 *   log.
 *
 * See docs/data-model.md, "Case bundles".
 */

/** The `format` every manifest names. */
export const BUNDLE_FORMAT = 'casefile-bundle';

/** The version of the layout this Casefile writes and the newest it reads. */
export const BUNDLE_FORMAT_VERSION = 1;

/** The file name extension of a bundle. */
export const BUNDLE_EXTENSION = '.casefile';

/** The media type a bundle is saved with (it is a zip archive). */
export const BUNDLE_MEDIA_TYPE = 'application/zip';

/** The manifest's entry name. */
export const MANIFEST_ENTRY = 'manifest.json';

/** The entry holding chunk `index` (from 1) of a table. */
export function tableEntryName(table: string, index: number): string {
  return `tables/${table}/${String(index).padStart(5, '0')}.ndjson`;
}

/** The entry holding the original with this SHA-256. */
export function originalEntryName(sha256: string): string {
  return `originals/${sha256}`;
}

/** What an entry name says it holds; anything else is not part of a bundle. */
export type BundleEntryName =
  | { kind: 'manifest' }
  | { kind: 'table'; table: string; index: number }
  | { kind: 'original'; sha256: string };

const TABLE_ENTRY = /^tables\/([a-zA-Z][a-zA-Z0-9]{0,39})\/(\d{5})\.ndjson$/;
const ORIGINAL_ENTRY = /^originals\/([0-9a-f]{64})$/;

/**
 * Reads an entry name. Only the three shapes above are accepted, exactly (no `..`, no leading
 * slash, no backslashes, no other folders): a name that does not fit is refused, never used.
 */
export function parseBundleEntryName(name: string): BundleEntryName | undefined {
  if (name === MANIFEST_ENTRY) return { kind: 'manifest' };
  const table = TABLE_ENTRY.exec(name);
  if (table?.[1] && table[2]) {
    const index = Number(table[2]);
    return index >= 1 ? { kind: 'table', table: table[1], index } : undefined;
  }
  const original = ORIGINAL_ENTRY.exec(name);
  if (original?.[1]) return { kind: 'original', sha256: original[1] };
  return undefined;
}

/** The limits a bundle must stay within before anything in it is inflated or stored. */
export interface BundleLimits {
  /** Most entries in the archive. */
  maxEntries: number;
  /** Largest central directory, in bytes. */
  maxDirectoryBytes: number;
  /** Largest manifest, in bytes (inflated). */
  maxManifestBytes: number;
  /** Largest chunk of a table, in bytes (inflated). */
  maxTableChunkBytes: number;
  /** Largest single record line, in bytes. */
  maxRecordBytes: number;
  /** Highest inflated-to-compressed ratio for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest total of all entries once inflated, in bytes. */
  maxTotalBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 500_000,
  maxDirectoryBytes: 128 * MB,
  maxManifestBytes: 32 * MB,
  maxTableChunkBytes: 64 * MB,
  maxRecordBytes: 16 * MB,
  maxRatio: 200,
  ratioFloorBytes: MB,
  maxTotalBytes: 64 * 1024 * MB,
};

/**
 * How big a table chunk the writer makes: it closes a chunk after this many records or bytes of
 * JSON, whichever comes first (well inside the reader's limit).
 */
export const CHUNK_RECORDS = 10_000;
export const CHUNK_BYTES = 8 * MB;

/**
 * fflate writes no ZIP64 records, so offsets and sizes must stay below 4 GiB. The writer refuses a
 * case whose bundle would not fit, before it writes anything, and stops if it gets there anyway.
 */
export const MAX_BUNDLE_BYTES = 4 * 1024 * MB - 64 * MB;

/**
 * Media types whose bytes are already compressed (images, audio, video, archives, office files,
 * PDFs): their originals are stored in the zip as they are. Anything else is deflated.
 */
export function isAlreadyCompressed(mediaType: string): boolean {
  const type = mediaType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (/^(image|audio|video)\//.test(type)) {
    return !/^image\/(svg\+xml|bmp|x-ms-bmp|tiff|x-portable-\w+)$/.test(type);
  }
  return /^application\/(zip|x-zip-compressed|gzip|x-gzip|x-7z-compressed|x-rar-compressed|vnd\.rar|x-bzip2|x-xz|zstd|pdf|epub\+zip|vnd\.openxmlformats-officedocument\..+|vnd\.oasis\.opendocument\..+|vnd\.ms-outlook)$/.test(
    type,
  );
}

/** `Harbour contracts.casefile`: the file name a bundle of a case is offered under. */
export function bundleFileName(caseName: string): string {
  const cleaned = caseName
    // Characters file systems refuse, and control characters, become underscores.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return `${cleaned || 'Case'}${BUNDLE_EXTENSION}`;
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * The name of a case opened from a bundle: the original name and the day the bundle was made,
 * "Harbour contracts (from bundle, 28 Nov 2026)", so an editor with two snapshots can tell them
 * apart and nobody mistakes the copy for the reporter's own case.
 */
export function bundledCaseName(caseName: string, exportedAt: string): string {
  const time = Date.parse(exportedAt);
  const day = Number.isNaN(time) ? exportedAt.slice(0, 10) : DAY.format(time);
  const suffix = ` (from bundle, ${day})`;
  const room = 200 - suffix.length;
  const name = caseName.length > room ? `${caseName.slice(0, room - 1).trimEnd()}…` : caseName;
  return `${name}${suffix}`;
}

/** A SHA-256 shown to people: the first 32 hex digits in groups of four. */
export function fingerprint(sha256: string): string {
  return (sha256.slice(0, 32).match(/.{1,4}/g) ?? []).join(' ');
}
