import { test, expect } from './support/fixtures';
import { violations } from './support/axe';
import { corpusFile, hasCorpus, NO_CORPUS } from './support/files';

test.describe('the import readers are accessible', () => {
  test.skip(!hasCorpus, NO_CORPUS);

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`image, chat and email readers and the import tray (${colorScheme})`, async ({
      page,
      cases,
      sources,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme });
      await cases.open();
      await cases.create('Accessible imports');
      await sources.importFiles([
        {
          name: 'testocr.png',
          mimeType: 'image/png',
          buffer: corpusFile('ocr/tesseract.js/testocr.png'),
        },
        {
          name: 'chat.zip',
          mimeType: 'application/zip',
          buffer: corpusFile('whatsapp/pustur-website/whatsapp-chat-parser-example.zip'),
        },
        {
          name: 'mail.mbox',
          mimeType: 'application/mbox',
          buffer: corpusFile('mbox/mimekit/issue1189.mbox.txt'),
        },
        { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
      ]);
      expect(await violations(page, ['.email-html']), 'import tray').toEqual([]);
      await sources.open('testocr');
      await expect(page.getByRole('region', { name: 'Recognized text' })).toContainText(
        'quick brown',
      );
      expect(await violations(page, ['.email-html']), 'image reader').toEqual([]);
      await page.getByRole('button', { name: 'Correct text' }).click();
      expect(await violations(page, ['.email-html']), 'correction').toEqual([]);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await sources.list().getByRole('link').filter({ hasText: 'WhatsApp' }).first().click();
      await expect(page.getByRole('list', { name: 'chat' })).toBeVisible();
      expect(await violations(page, ['.email-html']), 'chat reader').toEqual([]);
      await sources.open('mail');
      await page.getByRole('button', { name: 'Show formatted' }).first().click();
      expect(await violations(page, ['.email-html']), 'email reader').toEqual([]);
    });
  }
});
