import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { corpusFile, hasCorpus, NO_CORPUS } from './support/files';

/** The same screenshot made into distinct files (bytes after IEND change the hash, not the image). */
function screenshots(count: number): { name: string; mimeType: string; buffer: Buffer }[] {
  const png = corpusFile('ocr/tesseract.js/testocr.png');
  return Array.from({ length: count }, (_, i) => ({
    name: `shot-${String(i + 1).padStart(2, '0')}.png`,
    mimeType: 'image/png',
    buffer: Buffer.concat([png, Buffer.from(`copy ${i}`)]),
  }));
}

test.describe('batches', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  test('cancelling a batch keeps what finished, leaves nothing half-written, and survives a reload', async ({
    page,
    cases,
    sources,
  }) => {
    test.setTimeout(240_000);
    await cases.open();
    await cases.create('Cancel');
    const caseId = caseIdFromUrl(page);
    const chooser = page.waitForEvent('filechooser');
    await sources.list().getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(screenshots(16));
    const progress = sources.tray().getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toBeVisible();
    await expect(sources.tray().getByRole('status')).toContainText(/shot-\d+\.png/);
    // Let some finish, then cancel.
    await expect(sources.tray().getByText(/[2-9] imported/)).toBeVisible({ timeout: 120_000 });
    await sources.tray().getByRole('button', { name: 'Cancel import' }).click();
    await expect(sources.tray().getByText('Import cancelled')).toBeVisible({ timeout: 60_000 });
    await expect(sources.tray()).toContainText(/not imported \(cancelled\)/);
    const imported = await sources.tray().getByText('Imported', { exact: true }).count();
    expect(imported).toBeGreaterThanOrEqual(2);
    expect(imported).toBeLessThan(16);

    const check = async () => {
      const db = `casefile-case-${caseId}`;
      const stored = await readStore<{ id: string; currentRevisionId?: string }>(page, db, 'sources');
      const originals = await readStore<{ sourceId: string }>(page, db, 'originals');
      const texts = await readStore<{ id: string; sourceId: string }>(page, db, 'texts');
      const log = await readStore<{ action: string }>(page, db, 'activity');
      expect(stored).toHaveLength(imported);
      // Every stored source is whole: its original and its recognised text are there.
      expect(originals.map((o) => o.sourceId).sort()).toEqual(stored.map((s) => s.id).sort());
      for (const source of stored) expect(texts.some((t) => t.id === source.currentRevisionId)).toBe(true);
      expect(log.filter((e) => e.action === 'source.import')).toHaveLength(imported);
    };
    await check();
    await page.reload();
    await expect(sources.list().getByRole('list')).toBeVisible();
    await expect(sources.list().getByRole('listitem')).toHaveCount(imported);
    await check();

    // The same files again: those stored are reported as already in the case, the rest import.
    const again = screenshots(4);
    const chooser2 = page.waitForEvent('filechooser');
    await sources.list().getByRole('button', { name: 'Import files' }).click();
    await (await chooser2).setFiles(again);
    await expect(sources.tray().getByText('Import finished')).toBeVisible({ timeout: 120_000 });
    await expect(sources.result('shot-01.png')).toContainText('Already in this case as “shot-01”');
  });

  test('a whole folder imports, subfolders included, without the system clutter', async ({ page, cases, sources }, testInfo) => {
    test.setTimeout(120_000);
    await cases.open();
    await cases.create('Folder');
    const caseId = caseIdFromUrl(page);
    const root = testInfo.outputPath('leak');
    await mkdir(join(root, 'mail'), { recursive: true });
    await mkdir(join(root, 'notes', 'old'), { recursive: true });
    await writeFile(join(root, 'notes', 'memo.txt'), 'Memo: the harbour payment.');
    await writeFile(join(root, 'notes', 'old', 'draft.md'), '# Draft\n\nOlder notes.');
    await writeFile(join(root, 'simple.png'), corpusFile('ocr/tesseract.js/simple.png'));
    await writeFile(join(root, '.DS_Store'), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
    await writeFile(join(root, 'mail', 'empty.eml'), '');
    await page.getByTestId('import-folder-input').setInputFiles(root);
    await expect(sources.tray().getByText(/Import (finished|cancelled)/)).toBeVisible({ timeout: 60_000 });
    await expect(sources.result('leak/notes/memo.txt')).toContainText('Imported');
    await expect(sources.result('leak/notes/old/draft.md')).toContainText('Imported');
    await expect(sources.result('leak/simple.png')).toContainText('Imported');
    await expect(sources.result('leak/mail/empty.eml')).toContainText('The file is empty');
    await expect(sources.tray()).not.toContainText('.DS_Store');
    const stored = await readStore<{ origin: string }>(page, `casefile-case-${caseId}`, 'sources');
    expect(stored.map((s) => s.origin)).toEqual(['folder', 'folder', 'folder']);
  });
});
