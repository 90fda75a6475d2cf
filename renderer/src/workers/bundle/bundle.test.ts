// @vitest-environment node
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { createTextAnchor } from '@shared/domain/textAnchor';
import { parsePartialDate } from '@shared/domain/partialDate';
import { verifyActivityChain, type ActivityEntry } from '@shared/domain/activityLog';
import { BUNDLE_TABLES } from '@shared/domain/bundle/tables';
import type { BundleManifest } from '@shared/domain/bundle/manifest';
import { CatalogDb } from '../../db/catalogDb';
import {
  CASE_DB_PREFIX,
  CaseDb,
  CaseStore,
  CatalogRepository,
  openCase,
  type CaseRepositories,
} from '../../db';
import {
  BundleCaseWriter,
  CASE_SCHEMA_VERSION,
  logCaseExport,
  removeUnfinishedBundleCases,
} from '../../db/bundleCases';
import { writeCaseBundle } from './writeBundle';
import { createCaseFromBundle, inspectBundle, openBundleAsCase, verifyBundle } from './readBundle';
import { BundleCancelled, BundleError } from './bundleError';
import { sha256OfBytes } from './hashing';

const reporter = () => 'Ana Reporter';
const MEMO = 'On 14 April 2020 Minister Grace Oduya met the directors of Halvorsen Ltd.';
// A PNG signature and a few bytes: enough for a stored (not deflated) original.
const PNG = new Uint8Array([
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  ...Array.from({ length: 300 }, (_, i) => (i * 37) % 256),
]);

async function hex(bytes: Uint8Array) {
  return sha256OfBytes(bytes);
}

function date(text: string) {
  const parsed = parsePartialDate(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.date;
}

/** A small case with a text and an image source, a chat of messages, an entity, an event, a comment. */
async function buildCase(): Promise<{
  caseId: string;
  repos: CaseRepositories;
  catalog: CatalogRepository;
}> {
  const catalog = new CatalogRepository();
  const record = await catalog.createCase(
    { name: 'Harbour contracts', description: 'Port tenders' },
    reporter(),
    (id) => new CaseStore(new CaseDb(id), reporter),
  );
  const repos = openCase(record.id, reporter);
  const memoBytes = strToU8(MEMO);
  const memo = await repos.sources.add({
    kind: 'text',
    title: 'memo.txt',
    fileName: 'memo.txt',
    mediaType: 'text/plain',
    sha256: await hex(memoBytes),
    origin: 'file',
    bytes: new Blob([memoBytes]),
    text: MEMO,
  });
  if (memo.status !== 'imported') throw new Error('memo not imported');
  const image = await repos.sources.add({
    kind: 'image',
    title: 'screenshot.png',
    fileName: 'screenshot.png',
    mediaType: 'image/png',
    sha256: await hex(PNG),
    origin: 'file',
    bytes: new Blob([PNG]),
    text: 'Recognised words',
    textKind: 'ocr',
  });
  if (image.status !== 'imported') throw new Error('image not imported');
  const chatText = '[20/06/2019, 15:58:57] Loris: Welcome\n[20/06/2019, 15:59:10] Emily: Hi';
  const chatBytes = strToU8(chatText);
  await repos.sources.addTree({
    source: {
      kind: 'chat',
      title: 'WhatsApp chat',
      fileName: 'chat.txt',
      mediaType: 'text/plain',
      sha256: await hex(chatBytes),
      origin: 'file',
      bytes: new Blob([chatBytes]),
    },
    messages: [
      { seq: 0, sender: 'Loris', text: 'Welcome', sentAt: '2019-06-20T15:58:57' },
      { seq: 1, sender: 'Emily', text: 'Hi', sentAt: '2019-06-20T15:59:10' },
    ],
  });
  const entity = await repos.entities.create({ name: 'Grace Oduya', type: 'person' });
  await repos.mentions.create({
    entityId: entity.id,
    sourceId: memo.source.id,
    anchor: createTextAnchor(MEMO, MEMO.indexOf('Grace'), MEMO.indexOf('Grace') + 11),
  });
  const event = await repos.events.create(
    { title: 'Oduya meets Halvorsen', date: date('14 April 2020'), entityIds: [entity.id] },
    [{ sourceId: memo.source.id, anchor: createTextAnchor(MEMO, 0, 16) }],
  );
  await repos.events.addComment(event.id, 'Check with the registry.');
  return { caseId: record.id, repos, catalog };
}

async function exportCase(
  caseId: string,
): Promise<{ blob: Blob; manifest: BundleManifest; manifestSha256: string; bytes: Uint8Array }> {
  const catalog = new CatalogRepository();
  const record = await catalog.getCase(caseId);
  if (!record) throw new Error('no case');
  const db = new CaseDb(caseId);
  const chunks: Uint8Array[] = [];
  try {
    const written = await writeCaseBundle(db, {
      caseRecord: record,
      actor: 'Ana Reporter',
      sink: async (chunk) => {
        chunks.push(chunk.slice());
      },
      now: () => new Date('2026-11-28T10:00:00Z'),
    });
    const bytes = new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
    expect(bytes.length).toBe(written.bytes);
    return {
      blob: new Blob([bytes]),
      manifest: written.manifest,
      manifestSha256: written.manifestSha256,
      bytes,
    };
  } finally {
    db.close();
  }
}

async function caseDatabases(): Promise<string[]> {
  return (await indexedDB.databases())
    .map((d) => d.name ?? '')
    .filter((n) => n.startsWith(CASE_DB_PREFIX))
    .sort();
}

async function allRecords(caseId: string): Promise<Record<string, unknown[]>> {
  const db = new CaseDb(caseId);
  try {
    const out: Record<string, unknown[]> = {};
    for (const spec of BUNDLE_TABLES) out[spec.name] = await db.table(spec.name).toArray();
    return out;
  } finally {
    db.close();
  }
}

/** Rewrites a bundle: `edit` changes its files; the zip is written again (originals stored). */
function rebuild(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Blob {
  const files = unzipSync(bytes);
  edit(files);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    zippable[name] = [data, { level: name.startsWith('originals/') ? 0 : 6 }];
  }
  return blobOf(zipSync(zippable));
}

function readManifest(files: Record<string, Uint8Array>): BundleManifest {
  return JSON.parse(strFromU8(files['manifest.json']!)) as BundleManifest;
}

function writeManifest(files: Record<string, Uint8Array>, manifest: BundleManifest) {
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
}

/** Puts the SHA-256 (and size) of an edited entry into the manifest, as a careful forger would. */
async function reseal(files: Record<string, Uint8Array>, name: string) {
  const manifest = readManifest(files);
  const entry = manifest.entries.find((e) => e.name === name)!;
  entry.sha256 = await hex(files[name]!);
  entry.size = files[name]!.length;
  writeManifest(files, manifest);
}

function tableLines(files: Record<string, Uint8Array>, name: string): Record<string, unknown>[] {
  return strFromU8(files[name]!)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function setTableLines(files: Record<string, Uint8Array>, name: string, lines: unknown[]) {
  files[name] = strToU8(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
}

async function expectRefused(blob: Blob, reason: RegExp) {
  const before = await caseDatabases();
  const catalogBefore = await new CatalogDb().cases.count();
  const opening = openBundleAsCase(blob, { actor: 'Ed Editor', fileName: 'x.casefile' });
  await expect(opening).rejects.toBeInstanceOf(BundleError);
  await expect(opening).rejects.toThrow(reason);
  expect(await caseDatabases()).toEqual(before);
  expect(await new CatalogDb().cases.count()).toBe(catalogBefore);
}

describe('bundle writer and reader', () => {
  it('round-trips a case into a new case with every record, original and log entry, plus the import entry', async () => {
    const { caseId, repos } = await buildCase();
    repos.close();
    const { blob, manifest, manifestSha256 } = await exportCase(caseId);
    expect(manifest.format).toBe('casefile-bundle');
    expect(manifest.schemaVersion).toBe(CASE_SCHEMA_VERSION);
    expect(manifest.case).toMatchObject({
      id: caseId,
      name: 'Harbour contracts',
      description: 'Port tenders',
    });
    expect(manifest.counts.records).toMatchObject({
      sources: 3,
      messages: 2,
      events: 1,
      comments: 1,
      mentions: 1,
    });
    expect(manifest.counts.originals).toBe(3);
    expect(manifest.entries.map((e) => e.name)).toContain(`originals/${await hex(PNG)}`);

    const opened = await openBundleAsCase(blob, {
      actor: 'Ed Editor',
      fileName: 'Harbour contracts.casefile',
      now: () => new Date('2026-11-30T09:00:00Z'),
    });
    expect(opened.id).not.toBe(caseId);
    expect(opened.name).toBe('Harbour contracts (from bundle, 28 Nov 2026)');
    expect(opened.fromBundle).toMatchObject({
      manifestSha256,
      originalCaseId: caseId,
      exportedBy: 'Ana Reporter',
      openedBy: 'Ed Editor',
    });
    expect(await new CatalogRepository().getCase(opened.id)).toEqual(opened);

    const original = await allRecords(caseId);
    const copy = await allRecords(opened.id);
    for (const spec of BUNDLE_TABLES) {
      if (spec.name === 'originals' || spec.name === 'meta' || spec.name === 'activity') continue;
      expect(copy[spec.name], spec.name).toEqual(original[spec.name]);
    }
    // Originals: same bytes, same hashes.
    const db = new CaseDb(opened.id);
    try {
      for (const o of original.originals as { sourceId: string; sha256: string; bytes: Blob }[]) {
        const stored = await db.originals.get(o.sourceId);
        expect(stored?.sha256).toBe(o.sha256);
        expect(await hex(new Uint8Array(await stored!.bytes.arrayBuffer()))).toBe(o.sha256);
      }
      // The log: the reporter's entries unchanged, then the import, chained after them.
      const log = (await db.activity.orderBy('seq').toArray()) as ActivityEntry[];
      expect(log.slice(0, -1)).toEqual(original.activity);
      const last = log[log.length - 1]!;
      expect(last).toMatchObject({
        action: 'case.import-bundle',
        actor: 'Ed Editor',
        recordId: opened.id,
      });
      expect(last.details).toMatchObject({
        manifestSha256,
        fileName: 'Harbour contracts.casefile',
        openedBy: 'Ed Editor',
      });
      expect(verifyActivityChain(log)).toMatchObject({ ok: true, count: log.length });
      expect((await db.meta.get('case'))?.value).toMatchObject({ id: opened.id });
    } finally {
      db.close();
    }

    // An editor's comment in the opened case is logged under their name and keeps the chain.
    const editor = openCase(opened.id, () => 'Ed Editor');
    const event = (await editor.events.listInDateOrder())[0]!;
    await editor.events.addComment(
      event.id,
      'Approved for publication once the registry confirms.',
    );
    await editor.events.setReview(event.id, 'approved');
    const [latest] = await editor.activity.latest(1);
    expect(latest?.actor).toBe('Ed Editor');
    expect((await editor.activity.verify()).ok).toBe(true);
    editor.close();
  });

  it('logs the export with the fingerprint, after the head the bundle holds', async () => {
    const { caseId, repos } = await buildCase();
    const { manifest, manifestSha256 } = await exportCase(caseId);
    await logCaseExport(repos.store, caseId, {
      fileName: 'Harbour contracts.casefile',
      manifestSha256,
      bytes: 1234,
      formatVersion: manifest.formatVersion,
      activity: manifest.activity,
      counts: manifest.counts.records,
    });
    const [entry] = await repos.activity.latest(1);
    expect(entry).toMatchObject({ action: 'case.export', details: { manifestSha256 } });
    expect(entry?.prevHash).toBe(manifest.activity.headHash);
    expect((await repos.activity.verify()).ok).toBe(true);
    repos.close();
  });

  it('opening the same bundle twice makes two cases, each with its own id', async () => {
    const { caseId, repos } = await buildCase();
    repos.close();
    const { blob } = await exportCase(caseId);
    const a = await openBundleAsCase(blob, { actor: 'Ed', fileName: 'a.casefile' });
    const b = await openBundleAsCase(blob, { actor: 'Ed', fileName: 'a.casefile' });
    expect(a.id).not.toBe(b.id);
    expect(a.fromBundle?.manifestSha256).toBe(b.fromBundle?.manifestSha256);
  });

  it('opens a bundle of an older schema version through the (currently empty) migrations', async () => {
    const { caseId, repos } = await buildCase();
    repos.close();
    const { bytes } = await exportCase(caseId);
    const older = rebuild(bytes, (files) => {
      const manifest = readManifest(files);
      manifest.schemaVersion = 3;
      writeManifest(files, manifest);
    });
    const opened = await openBundleAsCase(older, { actor: 'Ed', fileName: 'old.casefile' });
    expect((await allRecords(opened.id)).events).toHaveLength(1);
  });

  it('refuses an export of a case whose stored original no longer matches its hash', async () => {
    const { caseId, repos } = await buildCase();
    const [first] = await repos.store.db.originals.toArray();
    await repos.store.db.originals.put({ ...first!, bytes: new Blob([strToU8('tampered')]) });
    repos.close();
    await expect(exportCase(caseId)).rejects.toThrow(/no longer matches the SHA-256/);
  });

  it('deletes the half-written case when opening is cancelled part-way', async () => {
    const { caseId, repos } = await buildCase();
    repos.close();
    const { blob } = await exportCase(caseId);
    const before = await caseDatabases();
    const inspected = await inspectBundle(blob);
    const verified = await verifyBundle(inspected);
    let calls = 0;
    await expect(
      createCaseFromBundle(verified, {
        actor: 'Ed',
        fileName: 'x.casefile',
        cancelled: () => (calls += 1) > 4,
      }),
    ).rejects.toBeInstanceOf(BundleCancelled);
    expect(await caseDatabases()).toEqual(before);
  });

  it('removes a case database left unfinished by a Casefile that stopped mid-way', async () => {
    const writer = await BundleCaseWriter.begin('left-behind', new Date().toISOString());
    await writer.addRecords('events', []);
    writer.db.close();
    expect(await caseDatabases()).toContain(`${CASE_DB_PREFIX}left-behind`);
    expect(await removeUnfinishedBundleCases()).toEqual(['left-behind']);
    expect(await caseDatabases()).not.toContain(`${CASE_DB_PREFIX}left-behind`);
  });

  it('keeps its table list and schema version in step with the case database', async () => {
    const db = new CaseDb('schema-check');
    await db.open();
    expect(db.verno).toBe(CASE_SCHEMA_VERSION);
    const tables = db.tables.map((t) => [t.name, t.schema.primKey.keyPath]).sort();
    expect(BUNDLE_TABLES.map((t) => [t.name, t.key]).sort()).toEqual(tables);
    db.close();
    await Dexie.delete(db.name);
  });
});

describe('damaged and tampered bundles are refused, leaving nothing behind', () => {
  async function exported() {
    const { caseId, repos } = await buildCase();
    repos.close();
    return exportCase(caseId);
  }

  it('a truncated file', async () => {
    const { bytes } = await exported();
    await expectRefused(
      blobOf(bytes.slice(0, bytes.length - 200)),
      /not a complete Casefile bundle/,
    );
    await expectRefused(blobOf(bytes.slice(0, 10)), /not a complete Casefile bundle/);
  });

  it('a file that is not a zip at all', async () => {
    await expectRefused(blobOf(strToU8('hello '.repeat(100))), /not a complete Casefile bundle/);
  });

  it('one changed byte in an original', async () => {
    const { bytes } = await exported();
    const name = `originals/${await hex(PNG)}`;
    const blob = rebuild(bytes, (files) => {
      const data = files[name]!;
      data[20] = (data[20] ?? 0) ^ 0xff;
    });
    await expectRefused(blob, /The original of “screenshot\.png” was changed/);
  });

  it('a changed byte in the stored original inside the file as written', async () => {
    const { bytes } = await exported();
    // Find the PNG's bytes in the archive (stored, so they appear as they are) and flip one.
    const at = indexOf(bytes, PNG.subarray(0, 40));
    expect(at).toBeGreaterThan(0);
    const copy = bytes.slice();
    copy[at + 30] = (copy[at + 30] ?? 0) ^ 0x01;
    await expectRefused(blobOf(copy), /The original of “screenshot\.png” was changed/);
  });

  it('an edited record (the manifest left as it was)', async () => {
    const { bytes } = await exported();
    const blob = rebuild(bytes, (files) => {
      const name = 'tables/events/00001.ndjson';
      const [event] = tableLines(files, name);
      // The same length, so that only the SHA-256 can tell.
      setTableLines(files, name, [
        { ...event, title: String(event!.title).replace('Oduya', 'Adeyo') },
      ]);
    });
    await expectRefused(
      blob,
      /“tables\/events\/00001\.ndjson” was changed after the bundle was made/,
    );
  });

  it('an edited record resealed in the manifest that no longer fits its schema (the error names the path)', async () => {
    const { bytes } = await exported();
    const name = 'tables/events/00001.ndjson';
    const files = unzipSync(bytes);
    const [event] = tableLines(files, name);
    setTableLines(files, name, [{ ...event, verification: 'beyond doubt' }]);
    await reseal(files, name);
    await expectRefused(
      blobOf(zipSyncAll(files)),
      /line 1 \(events id ".+"\) does not fit the events schema: verification: /,
    );
  });

  it('an edited log entry, even with the manifest resealed (the hash chain breaks)', async () => {
    const { bytes } = await exported();
    const name = 'tables/activity/00001.ndjson';
    const files = unzipSync(bytes);
    const lines = tableLines(files, name);
    lines[1] = { ...lines[1], actor: 'Someone else' };
    setTableLines(files, name, lines);
    await reseal(files, name);
    await expectRefused(
      blobOf(zipSyncAll(files)),
      /activity log in this bundle is broken at entry 2: Entry 2 was changed/,
    );
  });

  it('log entries removed from the end, with the manifest resealed (the head no longer matches)', async () => {
    const { bytes } = await exported();
    const name = 'tables/activity/00001.ndjson';
    const files = unzipSync(bytes);
    const lines = tableLines(files, name);
    setTableLines(files, name, lines.slice(0, -1));
    await reseal(files, name);
    const manifest = readManifest(files);
    manifest.entries.find((e) => e.name === name)!.records = lines.length - 1;
    manifest.counts.records.activity = lines.length - 1;
    writeManifest(files, manifest);
    await expectRefused(blobOf(zipSyncAll(files)), /entries were removed or added/);
  });

  it('an entry whose name climbs out of the archive, or is absolute, or is unexpected', async () => {
    const { bytes } = await exported();
    for (const evil of [
      '../../evil.txt',
      '/etc/passwd',
      'C:\\x',
      'tables/../../x.ndjson',
      'notes.txt',
    ]) {
      const blob = rebuild(bytes, (files) => {
        files[evil] = strToU8('x');
      });
      await expectRefused(blob, /which no Casefile bundle has/);
    }
  });

  it('a zip bomb: an entry compressed beyond any real ratio is refused before it is inflated', async () => {
    const { bytes } = await exported();
    const files = unzipSync(bytes);
    const name = 'tables/comments/00002.ndjson';
    files[name] = new Uint8Array(60 * 1024 * 1024); // zeros: deflates ~1000 to 1
    await expectRefused(blobOf(zipSyncAll(files)), /looks like a zip bomb/);
  });

  it('a zip bomb whose headers lie about the size is stopped while inflating', async () => {
    const { bytes } = await exported();
    const files = unzipSync(bytes);
    const name = 'tables/comments/00001.ndjson';
    const real = files[name]!;
    const padded = new Uint8Array(real.length + 500_000);
    padded.set(real);
    padded.fill(0x20, real.length); // spaces after the record
    files[name] = padded;
    // The manifest and the directory both claim the original size.
    const zip = zipSyncAll(files);
    patchDirectorySize(zip, name, real.length);
    await expectRefused(blobOf(zip), /inflates to more than the \d+ bytes it declares/);
  });

  it('a huge manifest is refused without being read', async () => {
    const { bytes } = await exported();
    const files = unzipSync(bytes);
    files['manifest.json'] = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    await expectRefused(blobOf(zipSync(files, { level: 1 })), /manifest would be 40 MB/);
  });

  it('a manifest that is not a Casefile manifest, or is of a newer format or schema', async () => {
    const { bytes } = await exported();
    await expectRefused(
      rebuild(bytes, (files) => {
        files['manifest.json'] = strToU8('{"hello":1}');
      }),
      /not a Casefile bundle/,
    );
    await expectRefused(
      rebuild(bytes, (files) => {
        writeManifest(files, { ...readManifest(files), formatVersion: 2 });
      }),
      /format 2 .*Update Casefile/,
    );
    await expectRefused(
      rebuild(bytes, (files) => {
        writeManifest(files, { ...readManifest(files), schemaVersion: CASE_SCHEMA_VERSION + 1 });
      }),
      /schema version 5.*Update Casefile/,
    );
    await expectRefused(
      rebuild(bytes, (files) => {
        const manifest = readManifest(files) as BundleManifest & { extra?: string };
        writeManifest(files, { ...manifest, extra: 'x' } as BundleManifest);
      }),
      /manifest is not what a Casefile manifest looks like/,
    );
  });

  it('an entry removed, or one added that the manifest does not list', async () => {
    const { bytes } = await exported();
    await expectRefused(
      rebuild(bytes, (files) => {
        delete files['tables/comments/00001.ndjson'];
      }),
      /does not hold it: entries were removed/,
    );
    await expectRefused(
      rebuild(bytes, (files) => {
        files['tables/comments/00002.ndjson'] = strToU8('{}\n');
      }),
      /which its manifest does not list/,
    );
  });

  it('an original that belongs to no source, or a source whose original is swapped', async () => {
    const { bytes } = await exported();
    const other = strToU8('another file');
    const otherName = `originals/${await hex(other)}`;
    const files = unzipSync(bytes);
    files[otherName] = other;
    const manifest = readManifest(files);
    manifest.entries.push({ name: otherName, size: other.length, sha256: await hex(other) });
    writeManifest(files, manifest);
    await expectRefused(blobOf(zipSyncAll(files)), /an original no source has/);
  });
});

function zipSyncAll(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    zippable[name] = [data, { level: name.startsWith('originals/') ? 0 : 6 }];
  }
  return zipSync(zippable);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Writes `size` as the uncompressed size of `name` in the central directory (a lying header). */
function patchDirectorySize(zip: Uint8Array, name: string, size: number) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const target = strToU8(name);
  for (let at = 0; at + 46 < zip.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const entryName = zip.subarray(at + 46, at + 46 + length);
    if (entryName.length === target.length && entryName.every((b, i) => b === target[i])) {
      view.setUint32(at + 24, size, true);
    }
  }
}

function blobOf(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}
