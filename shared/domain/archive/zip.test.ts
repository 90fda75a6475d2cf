import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import {
  checkZipLimits,
  extractZipEntry,
  isSystemEntry,
  looksLikeZip,
  readZipDirectory,
  safeEntryName,
  type ZipEntry,
} from './zip';

function entries(bytes: Uint8Array): ZipEntry[] {
  const read = readZipDirectory(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.entries;
}

/** Overwrites the declared uncompressed size of the first entry in both headers. */
function patchDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  view.setUint32(22, size, true); // local header
  for (let at = out.length - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, size, true);
      break;
    }
  }
  return out;
}

describe('zip reading', () => {
  it('lists and inflates entries, stored and deflated', () => {
    const zip = zipSync({
      '_chat.txt': strToU8('[20.06.19, 15:58:47] Ana: hello\n'.repeat(50)),
      'media/photo.jpg': [new Uint8Array([1, 2, 3]), { level: 0 }],
    });
    expect(looksLikeZip(zip)).toBe(true);
    const list = entries(zip);
    expect(list.map((e) => e.name)).toEqual(['_chat.txt', 'media/photo.jpg']);
    const chat = extractZipEntry(zip, list[0] as ZipEntry);
    expect(chat.ok && new TextDecoder().decode(chat.data).startsWith('[20.06.19')).toBe(true);
    expect(extractZipEntry(zip, list[1] as ZipEntry)).toEqual({
      ok: true,
      data: new Uint8Array([1, 2, 3]),
    });
    expect(checkZipLimits(list)).toEqual({ ok: true });
  });

  it('refuses names that climb out or are absolute, and never uses them', () => {
    expect(safeEntryName('../../x')).toEqual({ reason: expect.stringMatching(/climbs out/) });
    expect(safeEntryName('a/../../b')).toMatchObject({ reason: expect.any(String) });
    expect(safeEntryName('..\\..\\windows\\x')).toMatchObject({ reason: expect.any(String) });
    expect(safeEntryName('/etc/passwd')).toEqual({ reason: expect.stringMatching(/absolute/) });
    expect(safeEntryName('C:\\Users\\x')).toEqual({ reason: expect.stringMatching(/absolute/) });
    expect(safeEntryName('./media//photo.jpg')).toEqual({ name: 'media/photo.jpg' });
    const zip = zipSync({ '../../evil.txt': strToU8('x'), '/abs.txt': strToU8('y') });
    const list = entries(zip);
    expect(list.map((e) => [e.rawName, e.name])).toEqual([
      ['../../evil.txt', undefined],
      ['/abs.txt', undefined],
    ]);
  });

  it('refuses a zip bomb from the directory, before inflating', () => {
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    const list = entries(bomb);
    expect((list[0] as ZipEntry).size).toBe(4 * 1024 * 1024);
    const checked = checkZipLimits(list);
    expect(checked).toEqual({ ok: false, reason: expect.stringMatching(/zip bomb/) });
    const tiny = { maxEntries: 10, maxEntryBytes: 1024, maxTotalBytes: 4096, maxRatio: 250, ratioFloorBytes: 1 << 30 };
    expect(checkZipLimits(list, tiny)).toEqual({
      ok: false,
      reason: expect.stringMatching(/more than the .* MB Casefile allows for one file/),
    });
  });

  it('stops inflating an entry that produces more than its header declared', () => {
    const zip = patchDeclaredSize(zipSync({ 'liar.txt': new Uint8Array(3 * 1024 * 1024) }), 1000);
    const list = entries(zip);
    expect((list[0] as ZipEntry).size).toBe(1000);
    expect(checkZipLimits(list)).toEqual({ ok: true }); // the header looks harmless
    expect(extractZipEntry(zip, list[0] as ZipEntry)).toEqual({
      ok: false,
      reason: expect.stringMatching(/lies about its contents/),
    });
  });

  it('says when an archive is truncated or not a zip', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello') });
    expect(readZipDirectory(zip.subarray(0, zip.length - 30))).toMatchObject({ ok: false });
    expect(readZipDirectory(strToU8('not a zip at all'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/damaged or truncated/),
    });
  });

  it('knows operating-system noise', () => {
    expect(isSystemEntry('__MACOSX/._photo.jpg')).toBe(true);
    expect(isSystemEntry('folder/.DS_Store')).toBe(true);
    expect(isSystemEntry('_chat.txt')).toBe(false);
  });
});
