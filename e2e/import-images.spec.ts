import { test, expect } from './support/fixtures';
import { caseIdFromUrl, hashOfStoredOriginal, readStore } from './support/storage';
import { dragSelect } from './support/selection';
import { corpusFile, hasCorpus, jpegWithIdentifyingExif, NO_CORPUS, whitePng } from './support/files';
import { createHash } from 'node:crypto';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface StoredRevision {
  id: string;
  sourceId: string;
  revision: number;
  kind: string;
  text: string;
  basedOn?: string;
  words?: { start: number; end: number; x: number; y: number; width: number; height: number; confidence: number }[];
}

test.describe('screenshots and photos', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  test('a screenshot is recognised on this machine, tagged with its image region, corrected, and kept after a reload', async ({
    page,
    cases,
    sources,
    reader,
    nav,
  }) => {
    test.setTimeout(180_000);
    await cases.open();
    await cases.create('Screenshots');
    const caseId = caseIdFromUrl(page);
    const png = corpusFile('ocr/tesseract.js/testocr.png');
    await sources.importFiles([
      { name: 'testocr.png', mimeType: 'image/png', buffer: png },
      { name: 'simple-90.jpg', mimeType: 'image/jpeg', buffer: corpusFile('ocr/tesseract.js/simple-90.jpg') },
    ]);
    await expect(sources.result('testocr.png')).toContainText(/Imported · \d+ words recognised/);
    await expect(sources.result('simple-90.jpg')).toContainText('Imported');

    await sources.open('testocr');
    const recognized = page.getByRole('region', { name: 'Recognized text' });
    await expect(recognized).toContainText('The quick brown dog jumped over the');
    // The words lie over the image as a selectable layer (drawn once the image has loaded).
    const layer = page.getByTestId('ocr-layer');
    await expect.poll(() => layer.locator('.ocr-word').count()).toBeGreaterThan(40);
    await expect(page.getByRole('img', { name: 'Original of testocr' })).toBeVisible();

    // Select in the text beside the image: the tag records the image region too.
    await reader.tag('quick brown dog', { name: 'Quick brown dog', type: 'Other' });
    // Select on the image itself: a word of the layer.
    await dragSelect(page, layer, 'format.');
    await expect(page.getByText(/characters selected/)).toBeVisible();
    await page.getByRole('button', { name: 'Tag entity' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag entity' });
    await expect(dialog.getByRole('blockquote').or(dialog.locator('blockquote'))).toContainText('format.');
    await dialog.getByRole('combobox', { name: 'Entity' }).fill('File format');
    await dialog.getByRole('button', { name: 'Create and tag' }).click();
    await expect(dialog).toBeHidden();

    const sourcesStored = await readStore<{ id: string; fileName?: string; sha256: string }>(
      page,
      `casefile-case-${caseId}`,
      'sources',
    );
    const source = sourcesStored.find((s) => s.fileName === 'testocr.png');
    const revisions = await readStore<StoredRevision>(page, `casefile-case-${caseId}`, 'texts');
    const ocr = revisions.find((r) => r.kind === 'ocr' && r.sourceId === source?.id);
    expect(ocr?.words?.length).toBeGreaterThan(40);
    const mentions = await readStore<{ id: string; anchor: { quote: { exact: string }; regions?: unknown[]; revisionId: string } }>(
      page,
      `casefile-case-${caseId}`,
      'mentions',
    );
    expect(mentions).toHaveLength(2);
    for (const mention of mentions) {
      expect(mention.anchor.revisionId).toBe(ocr?.id);
      expect(mention.anchor.regions?.length).toBeGreaterThan(0);
    }
    expect(mentions.map((m) => m.anchor.quote.exact).sort()).toEqual(['format.', 'quick brown dog']);
    await expect(page.getByRole('button', { name: 'Tagged as Quick brown dog' }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('image-reader.png') });

    // Correct the text: one quote stays, the other is removed.
    await recognized.getByRole('button', { name: 'Correct text' }).click();
    const editor = page.getByLabel('Corrected text');
    const original = await editor.inputValue();
    await editor.fill(`${original.replace('format.', 'formats (corrected)')}\nChecked by hand.`);
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(recognized).toContainText('Checked by hand.');
    await expect(recognized).toContainText('your correction');
    await expect(page.getByRole('region', { name: 'In this source' })).toContainText('quote not found');

    await page.reload();
    await expect(page.getByRole('region', { name: 'Recognized text' })).toContainText('Checked by hand.');
    const after = await readStore<StoredRevision>(page, `casefile-case-${caseId}`, 'texts');
    const correction = after.find((r) => r.kind === 'correction');
    expect(correction?.basedOn).toBe(ocr?.id);
    expect(after.find((r) => r.id === ocr?.id)?.text).toBe(ocr?.text); // the OCR output is kept
    const moved = await readStore<{ anchor: { quote: { exact: string }; revisionId: string }; quoteLostIn?: string }>(
      page,
      `casefile-case-${caseId}`,
      'mentions',
    );
    const dog = moved.find((m) => m.anchor.quote.exact === 'quick brown dog');
    expect(dog?.anchor.revisionId).toBe(correction?.id);
    expect(dog?.quoteLostIn).toBeUndefined();
    expect(moved.find((m) => m.anchor.quote.exact === 'format.')?.quoteLostIn).toBe(correction?.id);

    // The lost quote is flagged where the entity's mentions are listed, too.
    await nav.go('Entities');
    await page.getByRole('region', { name: 'Entities' }).getByRole('link', { name: /File format/ }).first().click();
    await expect(page.getByText('quote not found')).toBeVisible();

    // The original is stored byte for byte.
    expect(source?.sha256).toBe(sha256(png));
    expect(await hashOfStoredOriginal(page, caseId, source!.id)).toBe(sha256(png));
  });

  test('bad images get a clear reason each, the rest of the batch imports, nothing else is stored', async ({
    page,
    cases,
    sources,
  }) => {
    test.setTimeout(120_000);
    await cases.open();
    await cases.create('Bad images');
    const caseId = caseIdFromUrl(page);
    const png = corpusFile('ocr/tesseract.js/testocr.png');
    const jpg = corpusFile('ocr/tesseract.js/testocr.jpg');
    await sources.importFiles([
      { name: 'cut.png', mimeType: 'image/png', buffer: png.subarray(0, Math.floor(png.length / 2)) },
      { name: 'cut.jpg', mimeType: 'image/jpeg', buffer: jpg.subarray(0, jpg.length - 3000) },
      { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
      { name: 'bomb.png', mimeType: 'image/png', buffer: whitePng(40_000, 40_000) },
      { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('this is not a picture at all') },
      { name: 'simple.png', mimeType: 'image/png', buffer: corpusFile('ocr/tesseract.js/simple.png') },
    ]);
    await expect(sources.result('cut.png')).toContainText('PNG file is truncated');
    await expect(sources.result('cut.jpg')).toContainText('JPEG file is truncated');
    await expect(sources.result('empty.png')).toContainText('The file is empty (0 bytes)');
    await expect(sources.result('bomb.png')).toContainText('40,000 × 40,000 pixels');
    await expect(sources.result('bomb.png')).toContainText('decompression bomb');
    await expect(sources.result('notes.jpg')).toContainText('not a PNG, JPEG, GIF, WebP or HEIC image');
    await expect(sources.result('simple.png')).toContainText('Imported');
    await expect(sources.tray()).toContainText('1 imported · 5 failed');
    const stored = await readStore(page, `casefile-case-${caseId}`, 'sources');
    expect(stored).toHaveLength(1);
    expect(await readStore(page, `casefile-case-${caseId}`, 'texts')).toHaveLength(1);
  });

  test('a pasted screenshot is imported, and identifying metadata is shown as a warning', async ({
    page,
    cases,
    sources,
  }) => {
    test.setTimeout(120_000);
    await cases.open();
    await cases.create('Pasted');
    const caseId = caseIdFromUrl(page);
    const bytes = corpusFile('ocr/tesseract.js/simple.png');
    await page.evaluate((data) => {
      const file = new File([new Uint8Array(data)], 'image.png', { type: 'image/png' });
      const transfer = new DataTransfer();
      transfer.items.add(file);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }));
    }, [...bytes]);
    await expect(sources.tray().getByText('Import finished')).toBeVisible({ timeout: 60_000 });
    await expect(sources.result('image.png')).toContainText('Imported');
    const pasted = await readStore<{ origin: string; title: string }>(page, `casefile-case-${caseId}`, 'sources');
    expect(pasted[0]?.origin).toBe('clipboard');
    expect(pasted[0]?.title).toMatch(/^Pasted screenshot/);

    const photo = jpegWithIdentifyingExif(corpusFile('ocr/tesseract.js/simple.jpg'), {
      artist: 'Kari Nordmann',
      serial: 'SN-4471-XK',
      lat: 59.9127,
      lon: 10.7461,
    });
    await sources.importFiles([{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }]);
    await expect(sources.result('photo.jpg')).toContainText('identifying metadata');
    await sources.open('photo');
    const article = page.getByRole('article', { name: 'photo' });
    await expect(article).toContainText('This file carries identifying metadata');
    const note = page.getByRole('note', { name: 'Identifying metadata' });
    await expect(note).toContainText('GPS coordinates: 59.91');
    await expect(note).toContainText('Kari Nordmann');
    await expect(note).toContainText('SN-4471-XK');
  });

  test('a WebP screenshot made in the browser is recognised too', async ({ page, cases, sources }) => {
    test.setTimeout(120_000);
    await cases.open();
    await cases.create('WebP');
    const webp = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(900, 220);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, 900, 220);
      context.fillStyle = '#111111';
      context.font = '44px sans-serif';
      context.fillText('Halvorsen payment approved', 40, 90);
      context.fillText('Reference HV 2020 114', 40, 170);
      const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.95 });
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await sources.importFiles([{ name: 'chat.webp', mimeType: 'image/webp', buffer: Buffer.from(webp) }]);
    await expect(sources.result('chat.webp')).toContainText(/Imported · \d+ words recognised/);
    await sources.open('chat');
    await expect(page.getByRole('region', { name: 'Recognized text' })).toContainText('Halvorsen payment approved');
  });
});
