import { Inflate } from 'fflate';
import {
  findEndOfDirectory,
  parseDirectoryEntries,
  type ZipEntry,
} from '@shared/domain/archive/zip';
import type { BundleLimits } from '@shared/domain/bundle/format';
import { BundleError } from './bundleError';

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) =>
  ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) +
  (b[at + 3] ?? 0) * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

async function readRange(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

const DAMAGED =
  'This file is not a complete Casefile bundle: its zip table of contents is missing or cut short (was the file truncated while it was copied?).';

/**
 * Reads a zip archive's table of contents from a Blob without reading the rest: the end record
 * from the last 64 KB, then the central directory alone. Every size is checked against the
 * limits before it is read.
 */
export async function readBlobZipDirectory(file: Blob, limits: BundleLimits): Promise<ZipEntry[]> {
  if (file.size < 22) throw new BundleError(DAMAGED);
  const tailStart = Math.max(0, file.size - 22 - 0xffff);
  const tail = await readRange(file, tailStart, file.size);
  const eocd = findEndOfDirectory(tail);
  if (eocd < 0) throw new BundleError(DAMAGED);
  let count = u16(tail, eocd + 10);
  let size = u32(tail, eocd + 12);
  let offset = u32(tail, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff || size === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(tail, locator) !== 0x07064b50) throw new BundleError(DAMAGED);
    const recordAt = u64(tail, locator + 8);
    if (recordAt + 56 > file.size) throw new BundleError(DAMAGED);
    const record = await readRange(file, recordAt, recordAt + 56);
    if (u32(record, 0) !== 0x06064b50) throw new BundleError(DAMAGED);
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (count > limits.maxEntries) {
    throw new BundleError(
      `This bundle lists ${count.toLocaleString('en-GB')} entries; Casefile opens bundles of up to ${limits.maxEntries.toLocaleString('en-GB')}.`,
    );
  }
  if (size > limits.maxDirectoryBytes) {
    throw new BundleError(
      `This bundle’s table of contents is ${Math.round(size / 1024 / 1024)} MB, more than Casefile reads (${Math.round(limits.maxDirectoryBytes / 1024 / 1024)} MB).`,
    );
  }
  if (offset + size > file.size) throw new BundleError(DAMAGED);
  const directory = await readRange(file, offset, offset + size);
  const parsed = parseDirectoryEntries(directory, 0, count);
  if (!parsed.ok) throw new BundleError(`${DAMAGED} (${parsed.reason})`);
  return parsed.entries;
}

/** Where an entry's data lies in the file, checked against its local header. */
export async function entryDataRange(
  file: Blob,
  entry: ZipEntry,
): Promise<{ start: number; end: number }> {
  const at = entry.localHeaderOffset;
  if (at + 30 > file.size) throw new BundleError(`“${entry.rawName}” is cut short: ${DAMAGED}`);
  const header = await readRange(file, at, at + 30);
  if (u32(header, 0) !== 0x04034b50) {
    throw new BundleError(`“${entry.rawName}” is damaged in the bundle (its header is missing).`);
  }
  const nameLength = u16(header, 26);
  const extraLength = u16(header, 28);
  const nameBytes = await readRange(file, at + 30, at + 30 + nameLength);
  if (new TextDecoder().decode(nameBytes) !== entry.rawName) {
    throw new BundleError(
      `“${entry.rawName}” is named differently in its own header than in the table of contents: the bundle was altered.`,
    );
  }
  const start = at + 30 + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > file.size) throw new BundleError(`“${entry.rawName}” is cut short: ${DAMAGED}`);
  return { start, end };
}

const STEP = 1024 * 1024;

/**
 * Reads one entry's content in pieces, inflating as it goes, and hands each piece to `onData`.
 * It stops at once when the entry gives more bytes than it declares (headers can lie: a zip bomb),
 * and checks that it gives exactly as many.
 */
export async function streamEntry(
  file: Blob,
  entry: ZipEntry,
  onData: (chunk: Uint8Array) => void | Promise<void>,
  cancelled: () => boolean = () => false,
): Promise<void> {
  const label = `“${entry.rawName}”`;
  if (entry.encrypted) throw new BundleError(`${label} is encrypted; bundles never are.`);
  const { start, end } = await entryDataRange(file, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) {
      throw new BundleError(
        `${label} is damaged: its stored size does not match its declared size.`,
      );
    }
    for (let at = start; at < end; at += STEP) {
      if (cancelled()) return;
      await onData(await readRange(file, at, Math.min(end, at + STEP)));
    }
    return;
  }
  if (entry.method !== 8) {
    throw new BundleError(
      `${label} uses a compression method (${entry.method}) bundles never use.`,
    );
  }
  let produced = 0;
  let finished = false;
  let overflow = false;
  const pending: Uint8Array[] = [];
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > entry.size) {
      overflow = true;
      return;
    }
    pending.push(chunk);
    if (final) finished = true;
  });
  const tooBig = () =>
    new BundleError(
      `${label} inflates to more than the ${entry.size.toLocaleString('en-GB')} bytes it declares: the bundle lies about its contents (a zip bomb?), so it was stopped.`,
    );
  try {
    if (start === end) inflater.push(new Uint8Array(0), true);
    for (let at = start; at < end; at += STEP) {
      if (cancelled()) return;
      const slice = await readRange(file, at, Math.min(end, at + STEP));
      // Feed the compressed slice in small steps so that a bomb is caught after a few MB at most.
      for (let offset = 0; offset < slice.length; offset += 64 * 1024) {
        inflater.push(slice.subarray(offset, offset + 64 * 1024), at + offset + 64 * 1024 >= end);
        if (overflow) throw tooBig();
        while (pending.length) await onData(pending.shift() as Uint8Array);
      }
    }
  } catch (cause) {
    if (cause instanceof BundleError) throw cause;
    throw new BundleError(`${label} is damaged and cannot be inflated.`);
  }
  if (!finished || produced !== entry.size) {
    throw new BundleError(
      `${label} is damaged: it inflates to ${produced.toLocaleString('en-GB')} bytes, not the ${entry.size.toLocaleString('en-GB')} it declares.`,
    );
  }
}

/** Reads a whole (small) entry into memory. */
export async function readWholeEntry(file: Blob, entry: ZipEntry): Promise<Uint8Array> {
  const out = new Uint8Array(entry.size);
  let at = 0;
  await streamEntry(file, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}
