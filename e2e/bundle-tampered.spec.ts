import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { test, expect } from './support/fixtures';
import { databaseNames } from './support/storage';
import { BundlePage } from './pages/BundlePage';

const MEMO = 'Minister Grace Oduya met the directors of Halvorsen Ltd at the harbour office.';

type Files = Record<string, Uint8Array>;

function zipAll(files: Files): Buffer {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    zippable[name] = [data, { level: name.startsWith('originals/') ? 0 : 6 }];
  }
  return Buffer.from(zipSync(zippable));
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Gives an edited entry its new SHA-256 and size in the manifest, as a careful forger would. */
function reseal(files: Files, name: string) {
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
    entries: { name: string; sha256: string; size: number; records?: number }[];
    counts: { records: Record<string, number> };
  };
  const entry = manifest.entries.find((e) => e.name === name)!;
  entry.sha256 = sha256(files[name]!);
  entry.size = files[name]!.length;
  const records = strFromU8(files[name]!).split('\n').filter(Boolean).length;
  const table = name.split('/')[1]!;
  manifest.counts.records[table] =
    (manifest.counts.records[table] ?? 0) - (entry.records ?? 0) + records;
  entry.records = records;
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
}

test('damaged and tampered bundles are refused with the reason, and leave nothing behind', async ({
  page,
  cases,
  sources,
  reader,
}, testInfo) => {
  test.setTimeout(180_000);
  await cases.open('Ana Reporter');
  await cases.create('Harbour contracts');
  await sources.pasteText('Memo', MEMO);
  const dialog = await reader.openEventDialog('Minister Grace Oduya met the directors');
  await dialog.getByLabel('Title').fill('Oduya meets Halvorsen');
  await dialog.getByLabel('Date', { exact: true }).fill('April 2020');
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();

  // Exported from the case list this time.
  await page
    .getByRole('navigation', { name: 'Case' })
    .getByRole('link', { name: /Casefile/ })
    .click();
  await cases.list().getByRole('button', { name: 'Export Harbour contracts' }).click();
  const bundles = new BundlePage(page);
  const path = testInfo.outputPath('Harbour contracts.casefile');
  await bundles.confirmExport(path);
  const good = readFileSync(path);
  const files = () => unzipSync(new Uint8Array(good));
  const originalName = Object.keys(files()).find((n) => n.startsWith('originals/'))!;

  const databasesBefore = (await databaseNames(page)).sort();
  const casesBefore = await cases.list().getByRole('listitem').count();

  const tampered: { label: string; bytes: Buffer; reason: RegExp }[] = [
    {
      label: 'truncated',
      bytes: good.subarray(0, Math.floor(good.length * 0.7)),
      reason: /not a complete Casefile bundle/,
    },
    (() => {
      const f = files();
      const data = f[originalName]!;
      data[5] = (data[5] ?? 0) ^ 0x20;
      return {
        label: 'changed byte in an original',
        bytes: zipAll(f),
        reason: /The original of “Memo” was changed/,
      };
    })(),
    (() => {
      const f = files();
      const name = 'tables/events/00001.ndjson';
      f[name] = strToU8(strFromU8(f[name]!).replace('Oduya meets', 'Adeyo meets'));
      return {
        label: 'edited record',
        bytes: zipAll(f),
        reason: /“tables\/events\/00001\.ndjson” was changed after the bundle was made/,
      };
    })(),
    (() => {
      const f = files();
      const name = 'tables/activity/00001.ndjson';
      const lines = strFromU8(f[name]!).split('\n').filter(Boolean);
      lines.splice(1, 1);
      f[name] = strToU8(`${lines.join('\n')}\n`);
      reseal(f, name);
      return {
        label: 'broken chain',
        bytes: zipAll(f),
        reason: /activity log in this bundle is broken at entry 2/,
      };
    })(),
    (() => {
      const f = files();
      f['../../escape.txt'] = strToU8('x');
      return {
        label: 'path-escaping entry',
        bytes: zipAll(f),
        reason: /which no Casefile bundle has/,
      };
    })(),
    (() => {
      const f = files();
      f['manifest.json'] = new Uint8Array(40 * 1024 * 1024).fill(0x20);
      return {
        label: 'huge manifest',
        bytes: Buffer.from(zipSync(f, { level: 1 })),
        reason: /manifest would be 40 MB/,
      };
    })(),
  ];

  for (const { label, bytes, reason } of tampered) {
    await bundles.choose({ name: `${label}.casefile`, mimeType: 'application/zip', buffer: bytes });
    // What the table of contents and the manifest show is refused at once; the rest when the
    // bundle is checked through on "Open as new case".
    const openButton = bundles.openDialog().getByRole('button', { name: 'Open as new case' });
    if (await openButton.isVisible()) await openButton.click();
    expect(await bundles.refusal(), label).toMatch(reason);
    await expect(bundles.openDialog()).toContainText('Nothing from it was added to Casefile');
    await bundles.openDialog().getByRole('button', { name: 'Close' }).click();
    await expect(bundles.openDialog()).toBeHidden();
    expect((await databaseNames(page)).sort(), label).toEqual(databasesBefore);
    await expect(cases.list().getByRole('listitem')).toHaveCount(casesBefore);
  }

  // The edited record resealed in the manifest passes the hashes but fails its schema, named.
  const f = files();
  const name = 'tables/events/00001.ndjson';
  f[name] = strToU8(
    strFromU8(f[name]!).replace('"verification":"unverified"', '"verification":"certain"'),
  );
  reseal(f, name);
  await bundles.choose({ name: 'schema.casefile', mimeType: 'application/zip', buffer: zipAll(f) });
  await bundles.openDialog().getByRole('button', { name: 'Open as new case' }).click();
  expect(await bundles.refusal()).toMatch(
    /line 1 \(events id ".+"\) does not fit the events schema: verification:/,
  );
  await bundles.openDialog().getByRole('button', { name: 'Close' }).click();
  expect((await databaseNames(page)).sort()).toEqual(databasesBefore);

  // And the good bundle still opens.
  await bundles.choose(path);
  await bundles.openDialog().getByRole('button', { name: 'Open as new case' }).click();
  await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('article', { name: 'Oduya meets Halvorsen' })).toBeVisible();
});
