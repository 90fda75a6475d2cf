import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { corpusFile, hasCorpus, NO_CORPUS } from './support/files';

/** Serious and critical accessibility problems on the page, as axe-core reports them. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // An email's own HTML is shown as its sender wrote it (sanitised): its colours are not ours.
    .exclude('.email-html')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
}

test.describe('the import readers are accessible', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`image, chat and email readers and the import tray (${colorScheme})`, async ({ page, cases, sources }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      await cases.open();
      await cases.create('Accessible imports');
      await sources.importFiles([
        { name: 'testocr.png', mimeType: 'image/png', buffer: corpusFile('ocr/tesseract.js/testocr.png') },
        { name: 'chat.zip', mimeType: 'application/zip', buffer: corpusFile('whatsapp/pustur-website/whatsapp-chat-parser-example.zip') },
        { name: 'mail.mbox', mimeType: 'application/mbox', buffer: corpusFile('mbox/mimekit/issue1189.mbox.txt') },
        { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
      ]);
      expect(await violations(page), 'import tray').toEqual([]);
      await sources.open('testocr');
      await expect(page.getByRole('region', { name: 'Recognized text' })).toContainText('quick brown');
      expect(await violations(page), 'image reader').toEqual([]);
      await page.getByRole('button', { name: 'Correct text' }).click();
      expect(await violations(page), 'correction').toEqual([]);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await sources.list().getByRole('link').filter({ hasText: 'WhatsApp' }).first().click();
      await expect(page.getByRole('list', { name: 'chat' })).toBeVisible();
      expect(await violations(page), 'chat reader').toEqual([]);
      await sources.open('mail');
      await page.getByRole('button', { name: 'Show formatted' }).first().click();
      expect(await violations(page), 'email reader').toEqual([]);
    });
  }
});
