import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, expect } from '@playwright/test';
import { CasesPage } from './pages/CasesPage';
import { SourcesPage } from './pages/SourcesPage';
import { ReaderPage } from './pages/ReaderPage';

test('a case survives closing and restarting the browser with the same profile', async ({
  baseURL,
  launchOptions,
}) => {
  const profile = await mkdtemp(join(tmpdir(), 'casefile-restart-'));
  try {
    const open = () =>
      chromium.launchPersistentContext(profile, {
        ...launchOptions,
        baseURL,
        viewport: { width: 1400, height: 900 },
      });

    let context = await open();
    let page = context.pages()[0] ?? (await context.newPage());
    const cases = new CasesPage(page);
    await cases.open('Ana Reporter');
    await cases.create('Restart check');
    await new SourcesPage(page).pasteText(
      'Survivor',
      'The ledger shows Halvorsen Ltd was paid twice.',
    );
    await new ReaderPage(page).tag('Halvorsen Ltd', { type: 'Company' });
    await context.close();

    context = await open();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    // The profile name is remembered: no welcome question this time.
    await expect(page.getByRole('region', { name: 'Cases' })).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveCount(0);
    await new CasesPage(page).openCase('Restart check');
    await new SourcesPage(page).open('Survivor');
    await expect(new ReaderPage(page).text().locator('mark.hl--mention')).toHaveText(
      'Halvorsen Ltd',
    );
    await context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
