/**
 * Test support (Node only): where the sample corpus is (../shared/corpus beside the repository),
 * reading its files, and unzipping its zips with node:zlib so the tests need no zip library.
 * Type-checked by tsconfig.node.json; never part of the app.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

/**
 * The corpus folder: ../shared/corpus relative to the repository root, or CASEFILE_CORPUS_DIR
 * (set it to a missing folder to see the tests skip).
 */
export const CORPUS_DIR =
  process.env.CASEFILE_CORPUS_DIR ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/corpus');

/** Whether the corpus is here; when it is not, says so once (the tests that need it skip). */
export function corpusAvailable(what: string): boolean {
  const present = existsSync(CORPUS_DIR);
  if (!present) {
    console.warn(`Skipping the ${what} corpus tests: the sample corpus is not at ${CORPUS_DIR}.`);
  }
  return present;
}

/** A corpus file as UTF-8 text. */
export function corpusText(path: string): string {
  return readFileSync(join(CORPUS_DIR, path), 'utf8');
}

/** A corpus file's bytes. */
export function corpusBytes(path: string): Buffer {
  return readFileSync(join(CORPUS_DIR, path));
}

/** Every corpus file under a folder whose name matches, as paths relative to the corpus. */
export function corpusFiles(folder: string, pattern: RegExp): string[] {
  const root = join(CORPUS_DIR, folder);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(name)) out.push(relative(CORPUS_DIR, full));
    }
  };
  walk(root);
  return out;
}

/** The entries of a zip (stored or deflated), path → bytes, read from its central directory. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i -= 1) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new Error('not a zip: no end of central directory');
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n += 1) {
    if (bytes.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    if (!name.endsWith('/'))
      entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The text entries of a zip decoded as UTF-8 (the rest left out), as the import hands them over. */
export function zipTextEntries(
  zip: Map<string, Buffer>,
  which: (path: string) => boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, data] of zip) if (which(path)) out.set(path, data.toString('utf8'));
  return out;
}
