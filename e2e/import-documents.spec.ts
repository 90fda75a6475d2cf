import { open, writeFile } from 'node:fs/promises';
import { strToU8, zipSync } from 'fflate';
import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { textPdf, whitePng } from './support/files';

function docx(paragraphs: string[], creator: string): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
      'docProps/core.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Board minutes</dc:title><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy></cp:coreProperties>`,
      ),
    }),
  );
}

test('a PDF is read page by page and a citation knows its page; a Word document is read with its author flagged', async ({
  page,
  cases,
  sources,
  reader,
}) => {
  test.setTimeout(120_000);
  await cases.open();
  await cases.create('Documents');
  const caseId = caseIdFromUrl(page);
  await sources.importFiles([
    {
      name: 'contract.pdf',
      mimeType: 'application/pdf',
      buffer: textPdf(['Harbour lease between the Port Authority and Halvorsen Ltd.', 'Signed on 3 March 2020 by Grace Oduya.'], {
        title: 'Harbour lease',
        author: 'Legal Office',
      }),
    },
    { name: 'minutes.docx', mimeType: 'application/octet-stream', buffer: docx(['Board minutes, 2 May 2020.', 'The board approved the payment to Halvorsen Ltd.'], 'Per Hansen') },
  ]);
  await expect(sources.result('contract.pdf')).toContainText('Imported · 2 pages');
  await expect(sources.result('minutes.docx')).toContainText('Imported');

  await sources.open('Harbour lease');
  const text = reader.text();
  await expect(text).toContainText('Harbour lease between the Port Authority and Halvorsen Ltd.');
  await expect(text).toContainText('Signed on 3 March 2020 by Grace Oduya.');
  await expect(text.locator('[data-page-label="Page 2"]')).toHaveCount(1);
  await reader.addEvent('Signed on 3 March 2020', { title: 'Lease signed', date: '3 March 2020' });
  const citations = await readStore<{ anchor: { scope?: { page?: number }; quote: { exact: string } } }>(page, `casefile-case-${caseId}`, 'citations');
  expect(citations[0]?.anchor).toMatchObject({ scope: { page: 2 }, quote: { exact: 'Signed on 3 March 2020' } });
  const texts = await readStore<{ pageStarts?: number[] }>(page, `casefile-case-${caseId}`, 'texts');
  expect(texts.find((t) => t.pageStarts)?.pageStarts).toHaveLength(2);
  await expect(page.getByRole('article', { name: 'Harbour lease' })).toContainText('identifying metadata');

  await sources.open('Board minutes');
  await expect(reader.text()).toContainText('The board approved the payment to Halvorsen Ltd.');
  await expect(page.getByRole('note', { name: 'Identifying metadata' })).toContainText('Per Hansen');
});

/** A zip whose headers say its one entry is 1,000 bytes, while it inflates to 3 MB. */
function lyingZip(): Buffer {
  const zip = Buffer.from(zipSync({ 'big.bin': new Uint8Array(3 * 1024 * 1024) }));
  zip.writeUInt32LE(1000, 22); // local header
  const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(1000, central + 24);
  return zip;
}

test('zip archives: contents become sources, bombs and escaping names are refused before anything is written', async ({
  page,
  cases,
  sources,
}) => {
  test.setTimeout(120_000);
  await cases.open();
  await cases.create('Archives');
  const caseId = caseIdFromUrl(page);
  const bomb = Buffer.from(zipSync({ 'zeros.bin': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }));
  const slip = Buffer.from(
    zipSync({
      '../../evil.txt': strToU8('I want out'),
      '/etc/cron.d/x': strToU8('absolute'),
      'C:\\Windows\\x.txt': strToU8('drive'),
      'notes/fine.txt': strToU8('A harmless note about Halvorsen Ltd.'),
      '__MACOSX/notes/._fine.txt': strToU8('apple double'),
    }),
  );
  const folder = Buffer.from(
    zipSync({
      'scans/blank.png': whitePng(200, 100),
      'scans/minutes.docx': docx(['Minutes inside an archive.'], 'Anonymous'),
      'scans/readme.md': strToU8('# Readme\n\nFiles from the harbour office.'),
    }),
  );
  await sources.importFiles([
    { name: 'bomb.zip', mimeType: 'application/zip', buffer: bomb },
    { name: 'slip.zip', mimeType: 'application/zip', buffer: slip },
    { name: 'office.zip', mimeType: 'application/zip', buffer: folder },
    { name: 'broken.zip', mimeType: 'application/zip', buffer: folder.subarray(0, folder.length - 40) },
    { name: 'liar.zip', mimeType: 'application/zip', buffer: lyingZip() },
  ]);
  await expect(sources.result('liar.zip')).toContainText('lies about its contents');
  await expect(sources.result('bomb.zip')).toContainText('zip bomb');
  await expect(sources.result('broken.zip')).toContainText('truncated');
  await expect(sources.result('slip.zip')).toContainText('Imported · 1 file taken out');
  await expect(sources.result('office.zip')).toContainText('Imported · 3 files taken out');

  const stored = await readStore<{ id: string; title: string; fileName?: string; parentId?: string; kind: string; warnings: string[] }>(
    page,
    `casefile-case-${caseId}`,
    'sources',
  );
  expect(stored.map((s) => s.fileName ?? s.title).sort()).toEqual(
    ['blank.png', 'fine.txt', 'minutes.docx', 'office.zip', 'readme.md', 'slip.zip'].sort(),
  );
  // Nothing was stored under, or named after, an escaping path.
  expect(stored.some((s) => /evil|cron|Windows/.test(`${s.title} ${s.fileName}`))).toBe(false);
  const slipSource = stored.find((s) => s.fileName === 'slip.zip');
  expect(slipSource?.warnings.join(' ')).toMatch(/3 files in this archive were not taken out.*\.\.\/\.\.\/evil\.txt/);
  const office = stored.find((s) => s.fileName === 'office.zip');
  expect(stored.filter((s) => s.parentId === office?.id).map((s) => s.kind).sort()).toEqual(['docx', 'image', 'markdown']);

  await sources.open('slip');
  await expect(page.getByRole('article', { name: 'slip' })).toContainText('would reach outside the archive');
  await expect(page.getByRole('region', { name: 'File metadata' })).toContainText('Files inside');
});

test('JSON: malformed, too large and unknown layouts are refused with the reason', async ({ page, cases, sources }, testInfo) => {
  test.setTimeout(240_000);
  await cases.open();
  await cases.create('JSON');
  const caseId = caseIdFromUrl(page);
  // 300 MB of JSON, written to disk in pieces (a buffer that size cannot go through the picker).
  const big = testInfo.outputPath('huge.json');
  const handle = await open(big, 'w');
  const row = Buffer.from(`${JSON.stringify({ from: 'Ana', text: 'x'.repeat(200) })},`);
  const rows = Math.ceil((300 * 1024 * 1024) / row.length);
  await handle.write('[');
  const block = Buffer.concat(Array.from({ length: 1000 }, () => row));
  for (let i = 0; i < rows; i += 1000) await handle.write(block);
  await handle.write('{}]');
  await handle.close();
  const small = (name: string, content: string) => {
    const path = testInfo.outputPath(name);
    return writeFile(path, content).then(() => path);
  };
  await sources.importFiles([
    await small('broken.json', '{"messages": [ {"text": "unterminated" '),
    await small('unknown.json', JSON.stringify({ foo: [{ bar: 1 }] })),
    big,
  ]);
  await expect(sources.result('broken.json')).toContainText('This JSON file is malformed');
  await expect(sources.result('unknown.json')).toContainText('does not look like a chat export Casefile knows');
  await expect(sources.result('unknown.json')).toContainText('Telegram Desktop JSON');
  await expect(sources.result('huge.json')).toContainText('Casefile reads JSON files of up to 200 MB');
  expect(await readStore(page, `casefile-case-${caseId}`, 'sources')).toHaveLength(0);
});
