import { Inflate, strFromU8 } from 'fflate';

/**
 * Reading zip archives (WhatsApp and Slack exports, DOCX files, archives of screenshots) without
 * trusting them. Sizes are read from the central directory and checked against the limits below
 * before anything is inflated; while inflating, the bytes that come out are counted and the entry
 * is abandoned as soon as it produces more than it declared or more than the limits allow (headers
 * can lie). Entry names are only ever labels: they are checked, and a name that tries to leave the
 * archive (`../../x`) or is absolute (`/etc/x`, `C:\x`) is refused, never used.
 */

/** The limits an archive must stay within. Documented in docs/import.md. */
export interface ZipLimits {
  /** Most entries in one archive. */
  maxEntries: number;
  /** Largest single entry once inflated, in bytes. */
  maxEntryBytes: number;
  /** Largest total of all entries once inflated, in bytes. */
  maxTotalBytes: number;
  /** Highest inflated-to-compressed ratio for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (tiny files compress absurdly well). */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 250,
  ratioFloorBytes: 1024 * 1024,
};

/** One entry of the central directory. */
export interface ZipEntry {
  /** The name exactly as stored (for messages; never used as a path). */
  rawName: string;
  /** The cleaned relative name (`folder/file.txt`), or undefined when the name is unsafe. */
  name: string | undefined;
  /** Why the name was refused. */
  unsafeReason?: string;
  directory: boolean;
  encrypted: boolean;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };
export type ZipEntryResult = { ok: true; data: Uint8Array } | { ok: false; reason: string };

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) =>
  ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

const MB = 1024 * 1024;

/** True when the bytes are well-formed UTF-8 (many zip tools write UTF-8 names without the flag). */
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const extra = byte < 0x80 ? 0 : byte >= 0xc2 && byte < 0xe0 ? 1 : byte >= 0xe0 && byte < 0xf0 ? 2 : byte >= 0xf0 && byte < 0xf5 ? 3 : -1;
    if (extra < 0) return false;
    for (let k = 1; k <= extra; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/**
 * Checks an entry name: the cleaned relative path, or the reason it is refused. Backslashes count
 * as separators (Windows tools write them); `.` segments and doubled slashes are dropped.
 */
export function safeEntryName(raw: string): { name: string } | { reason: string } {
  for (let i = 0; i < raw.length; i += 1) {
    if (raw.charCodeAt(i) < 0x20) return { reason: 'its name contains control characters' };
  }
  const slashed = raw.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed) || slashed.startsWith('//')) {
    return { reason: 'its name is an absolute path' };
  }
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..')) {
    return { reason: 'its name climbs out of the archive (“..”)' };
  }
  if (parts.length === 0) return { reason: 'it has no name' };
  return { name: parts.join('/') };
}

/** Where the end-of-central-directory record starts in `b` (the end of an archive), or -1. */
export function findEndOfDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= stop; at -= 1) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && b[at + 2] === 0x05 && b[at + 3] === 0x06) return at;
  }
  return -1;
}

/** True when the bytes start like a zip archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/** Reads the central directory: every entry's name, sizes and where its data starts. */
export function readZipDirectory(b: Uint8Array): ZipDirectoryResult {
  const eocd = findEndOfDirectory(b);
  if (eocd < 0) {
    return {
      ok: false,
      reason:
        'This zip archive is damaged or truncated (its table of contents is missing), so none of it was imported.',
    };
  }
  let count = u16(b, eocd + 10);
  let directorySize = u32(b, eocd + 12);
  let directoryOffset = u32(b, eocd + 16);
  if (directoryOffset === 0xffffffff || count === 0xffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(b, locator) === 0x07064b50) {
      const record = u64(b, locator + 8);
      if (u32(b, record) === 0x06064b50) {
        count = u64(b, record + 32);
        directorySize = u64(b, record + 40);
        directoryOffset = u64(b, record + 48);
      }
    }
  }
  if (directoryOffset + directorySize > b.length) {
    return {
      ok: false,
      reason:
        'This zip archive is truncated (its table of contents points past its end), so none of it was imported.',
    };
  }
  return parseDirectoryEntries(b, directoryOffset, count);
}

/**
 * Parses `count` central-directory records starting at `start` in `b` (the whole archive, or just
 * its directory read on its own: offsets in the records are always from the archive's start).
 */
export function parseDirectoryEntries(
  b: Uint8Array,
  start: number,
  count: number,
): ZipDirectoryResult {
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) {
      return { ok: false, reason: 'This zip archive’s table of contents is damaged.' };
    }
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let size = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localHeaderOffset = u32(b, at + 42);
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    const utf8 = (flags & 0x800) !== 0 || isUtf8(nameBytes);
    const rawName = strFromU8(nameBytes, !utf8);
    // Zip64: the real sizes live in an extra field when the 32-bit ones are saturated.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(b, extra);
      const length = u16(b, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = u64(b, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, field);
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, field);
      }
      extra += 4 + length;
    }
    const checked = safeEntryName(rawName);
    entries.push({
      rawName,
      name: 'name' in checked ? checked.name : undefined,
      ...('reason' in checked ? { unsafeReason: checked.reason } : {}),
      directory: rawName.endsWith('/') || rawName.endsWith('\\'),
      encrypted: (flags & 0x1) !== 0,
      method,
      compressedSize,
      size,
      localHeaderOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/**
 * Checks the directory against the limits before anything is inflated: the number of entries,
 * each entry's declared size and compression ratio, and the total.
 */
export function checkZipLimits(
  entries: readonly ZipEntry[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { ok: true } | { ok: false; reason: string } {
  if (entries.length > limits.maxEntries) {
    return {
      ok: false,
      reason: `This archive holds ${entries.length.toLocaleString('en-GB')} files; Casefile opens archives of up to ${limits.maxEntries.toLocaleString('en-GB')}.`,
    };
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.directory) continue;
    total += entry.size;
    if (entry.size > limits.maxEntryBytes) {
      return {
        ok: false,
        reason: `“${entry.rawName}” in this archive would inflate to ${Math.round(entry.size / MB).toLocaleString('en-GB')} MB, more than the ${limits.maxEntryBytes / MB} MB Casefile allows for one file: it looks like a zip bomb, so nothing was imported.`,
      };
    }
    if (
      entry.size > limits.ratioFloorBytes &&
      entry.size > entry.compressedSize * limits.maxRatio
    ) {
      return {
        ok: false,
        reason: `“${entry.rawName}” in this archive is compressed more than ${limits.maxRatio} to 1 (${Math.round(entry.size / MB).toLocaleString('en-GB')} MB from ${Math.max(1, Math.round(entry.compressedSize / 1024)).toLocaleString('en-GB')} KB): it looks like a zip bomb, so nothing was imported.`,
      };
    }
  }
  if (total > limits.maxTotalBytes) {
    return {
      ok: false,
      reason: `This archive would inflate to ${Math.round(total / MB).toLocaleString('en-GB')} MB, more than the ${limits.maxTotalBytes / MB} MB Casefile unpacks from one archive: it looks like a zip bomb, so nothing was imported.`,
    };
  }
  return { ok: true };
}

class InflateLimitError extends Error {}

/**
 * Inflates one entry, counting the bytes as they come out: more than the entry declared, or more
 * than the per-entry limit, stops it at once.
 */
export function extractZipEntry(
  b: Uint8Array,
  entry: ZipEntry,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntryResult {
  const label = `“${entry.rawName}”`;
  if (entry.encrypted) return { ok: false, reason: `${label} is encrypted; Casefile cannot open it.` };
  const at = entry.localHeaderOffset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) {
    return { ok: false, reason: `${label} is damaged in the archive (no local header).` };
  }
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) return { ok: false, reason: `${label} is cut short: the archive is truncated.` };
  const compressed = b.subarray(start, end);
  const allowed = Math.min(entry.size, limits.maxEntryBytes);
  if (entry.method === 0) {
    if (compressed.length !== entry.size) {
      return { ok: false, reason: `${label} is damaged: its stored size does not match.` };
    }
    return { ok: true, data: compressed.slice() };
  }
  if (entry.method !== 8) {
    return {
      ok: false,
      reason: `${label} uses a compression method (${entry.method}) Casefile does not read.`,
    };
  }
  // Chunks are kept as they come rather than allocating the declared size up front: a header
  // that lies about a huge size must not cost that memory.
  const chunks: Uint8Array[] = [];
  let written = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > allowed) {
      throw new InflateLimitError();
    }
    chunks.push(chunk);
    written += chunk.length;
    if (final) finished = true;
  });
  try {
    const step = 64 * 1024;
    for (let offset = 0; offset < compressed.length; offset += step) {
      const last = offset + step >= compressed.length;
      inflater.push(compressed.subarray(offset, offset + step), last);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (cause) {
    if (cause instanceof InflateLimitError) {
      return {
        ok: false,
        reason: `${label} inflates to more than it declares (${entry.size.toLocaleString('en-GB')} bytes) or than Casefile allows: the archive lies about its contents (a zip bomb?), so it was stopped.`,
      };
    }
    return { ok: false, reason: `${label} is damaged and cannot be inflated.` };
  }
  if (!finished || written !== entry.size) {
    return { ok: false, reason: `${label} is damaged: it inflates to a different size than it declares.` };
  }
  if (chunks.length === 1) return { ok: true, data: chunks[0] as Uint8Array };
  const out = new Uint8Array(written);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, data: out };
}

/** Entries that are noise from the operating system that made the archive, not material. */
export function isSystemEntry(name: string): boolean {
  return (
    name.startsWith('__MACOSX/') ||
    /(^|\/)\.DS_Store$/.test(name) ||
    /(^|\/)Thumbs\.db$/i.test(name) ||
    /(^|\/)desktop\.ini$/i.test(name) ||
    /(^|\/)\._/.test(name)
  );
}

/** The last segment of a cleaned entry name. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
