import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

test('a bad batch: each bad file is refused with its reason, the rest imports, nothing stored changes', async ({
  page,
  cases,
  sources,
}) => {
  await cases.open();
  await cases.create('Bad input');
  const caseId = caseIdFromUrl(page);
  await sources.importFiles([
    { name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('Already here.') },
  ]);
  const before = await readStore(page, `casefile-case-${caseId}`, 'sources');

  const latin1 = Buffer.from([
    ...Buffer.from('Le minist', 'latin1'),
    0xe8,
    ...Buffer.from('re a pay', 'latin1'),
    0xe9,
    ...Buffer.from(' 40 000 ', 'latin1'),
    0x80,
    ...Buffer.from(' ', 'latin1'),
    0xe0,
    ...Buffer.from(' Halvorsen.', 'latin1'),
  ]);
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('Überweisung an Halvorsen — 12 000 €', 'utf16le'),
  ]);
  const utf16NoBom = Buffer.from('Plain UTF-16 without a mark', 'utf16le');

  await sources.importFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    {
      name: 'binary.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]),
    },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: latin1 },
    { name: 'utf16.txt', mimeType: 'text/plain', buffer: utf16 },
    { name: 'utf16-nobom.txt', mimeType: 'text/plain', buffer: utf16NoBom },
    { name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from('Already here.') },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
  ]);

  await expect(sources.result('empty.txt')).toContainText('The file is empty (0 bytes)');
  await expect(sources.result('binary.txt')).toContainText('binary data (NUL bytes)');
  await expect(sources.result('latin1.txt')).toContainText('Imported');
  await expect(sources.result('latin1.txt')).toContainText('read as Windows-1252');
  await expect(sources.result('utf16.txt')).toContainText('Imported');
  await expect(sources.result('utf16-nobom.txt')).toContainText('Imported');
  await expect(sources.result('again.txt')).toContainText('Already in this case as “first”');
  // Four bytes of a JPEG header: images are imported now, and this one is cut off.
  await expect(sources.result('photo.jpg')).toContainText('JPEG file is truncated');
  await expect(sources.tray()).toContainText('3 imported · 1 already in this case · 3 failed');

  // The duplicate links to the source already in the case.
  await sources.result('again.txt').getByRole('link', { name: '“first”' }).click();
  await expect(page.getByRole('article', { name: 'first' })).toBeVisible();

  // Decoded text is right, and the assumption is shown on the source.
  await sources.open('latin1');
  await expect(page.getByRole('document', { name: 'Text of latin1' })).toContainText(
    'Le ministère a payé 40 000 € à Halvorsen.',
  );
  await expect(page.getByRole('article', { name: 'latin1' })).toContainText(
    'WINDOWS-1252 (assumed)',
  );
  await sources.open('utf16');
  await expect(page.getByRole('document', { name: 'Text of utf16', exact: true })).toContainText(
    'Überweisung an Halvorsen — 12 000 €',
  );
  await sources.open('utf16-nobom');
  await expect(page.getByRole('document', { name: 'Text of utf16-nobom' })).toContainText(
    'Plain UTF-16 without a mark',
  );

  // Nothing that was already stored changed.
  const after = await readStore<{ id: string }>(page, `casefile-case-${caseId}`, 'sources');
  for (const source of before) expect(after).toContainEqual(source);
  expect(after).toHaveLength(4);
});

test('HTML with scripts, event handlers and javascript: links is shown as text and nothing runs', async ({
  page,
  cases,
  sources,
}) => {
  await cases.open();
  await cases.create('Hostile HTML');
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const html = `<!doctype html><html><head><title>Leaked page</title>
    <script>window.__pwned = true; alert('script ran')</script>
    <style>body { background: url(https://tracker.example/bg.png) }</style></head>
    <body onload="window.__pwned = true">
      <h1>Quarterly payments</h1>
      <p>Paid to <a href="javascript:window.__pwned=true">Halvorsen Ltd</a> on 3 March.</p>
      <img src="https://tracker.example/pixel.gif" onerror="window.__pwned = true; alert(1)" alt="chart">
      <iframe src="https://tracker.example/frame"></iframe>
      <p>Approved by &lt;the minister&gt; &amp; staff.</p>
    </body></html>`;
  await sources.importFiles([
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) },
  ]);
  await expect(sources.result('page.html')).toContainText('Imported');
  await sources.open('Leaked page');
  const text = page.getByRole('document', { name: 'Text of Leaked page' });
  await expect(text).toContainText('Quarterly payments');
  await expect(text).toContainText('Paid to Halvorsen Ltd on 3 March.');
  await expect(text).toContainText('Approved by <the minister> & staff.');
  await expect(text).not.toContainText('__pwned');
  await expect(page.getByRole('article', { name: 'Leaked page' })).toContainText(
    'contains scripts or script links',
  );
  await expect(page.locator('iframe, img[src*="tracker"]')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toBe(0);
  // The original is kept byte for byte.
  const stored = await readStore<{ sha256: string }>(
    page,
    `casefile-case-${caseIdFromUrl(page)}`,
    'sources',
  );
  expect(stored[0]?.sha256).toBe(sha256(html));
});

test('a selection that spans nothing gets a clear message instead of a tag or an event', async ({
  page,
  cases,
  sources,
  reader,
}) => {
  await cases.open();
  await cases.create('Empty selections');
  await sources.pasteText('Short note', 'Only a line.\n\n\n\nAnd another.');
  await page.getByRole('button', { name: 'Tag entity' }).click();
  await expect(
    page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: 'Select the words' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Add event' }).click();
  await expect(page.getByText('Select the passage that backs the event first')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Whitespace only: the blank lines between the two paragraphs.
  await reader.text().evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const at = node.data.indexOf('\n\n');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 3);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await expect(page.getByText(/3 characters selected/)).toBeVisible();
  await page.getByRole('button', { name: 'Tag entity' }).click();
  await expect(page.getByText('The selection covers no text.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a 50 MB text file imports and the reader stays light', async ({
  page,
  cases,
  sources,
}, testInfo) => {
  test.setTimeout(180_000);
  const line =
    'Ledger entry: payment to Halvorsen Ltd approved by the Ministry of Transport, reference 0000000.\n';
  const lines = Math.ceil((50 * 1024 * 1024) / line.length);
  const body = Buffer.from(`${line.repeat(lines - 1)}LAST LINE OF THE LEDGER\n`);
  const path = testInfo.outputPath('ledger.txt');
  await writeFile(path, body);

  await cases.open();
  await cases.create('Big file');
  await sources.importFiles([path]);
  await expect(sources.result('ledger.txt')).toContainText('Imported');
  await sources.open('ledger');
  const text = page.getByRole('document', { name: 'Text of ledger' });
  await expect(text).toContainText('Ledger entry: payment to Halvorsen Ltd');
  // Only the blocks near the viewport are in the page, not 50 MB of text.
  const rendered = await text.evaluate((root) => root.textContent?.length ?? 0);
  expect(rendered).toBeLessThan(200_000);
  // The end of the text is reachable.
  await text.evaluate((root) => root.scrollTo(0, root.scrollHeight));
  await expect(text).toContainText('LAST LINE OF THE LEDGER');
  await expect(page.getByRole('article', { name: 'ledger' })).toContainText(
    `${(body.length / 1024 / 1024).toFixed(0)} MB`,
  );
});
