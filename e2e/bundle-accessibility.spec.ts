import { readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures';
import { violations } from './support/axe';
import { BundlePage } from './pages/BundlePage';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the export and open-bundle dialogs have no serious accessibility problems (${colorScheme})`, async ({
    page,
    cases,
    sources,
  }, testInfo) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await cases.open();
    await cases.create('Harbour contracts');
    await sources.pasteText('Memo', 'Minister Grace Oduya met the directors of Halvorsen Ltd.');
    const bundles = new BundlePage(page);

    await page
      .getByRole('navigation', { name: 'Case' })
      .getByRole('button', { name: 'Export case' })
      .click();
    await expect(bundles.exportDialog()).toContainText('1 source');
    expect(await violations(page), 'export dialog').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`export-${colorScheme}.png`) });

    const path = testInfo.outputPath('Harbour contracts.casefile');
    const downloading = page.waitForEvent('download');
    await bundles.exportDialog().getByRole('button', { name: 'Export case' }).click();
    await (await downloading).saveAs(path);
    await expect(bundles.exportDialog().getByLabel('Bundle fingerprint')).toBeVisible();
    expect(await violations(page), 'export done').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`exported-${colorScheme}.png`) });
    await bundles.exportDialog().getByRole('button', { name: 'Done' }).click();

    await page
      .getByRole('navigation', { name: 'Case' })
      .getByRole('link', { name: /Casefile/ })
      .click();
    await bundles.choose(path);
    await expect(bundles.openDialog().getByLabel('Bundle fingerprint')).toBeVisible();
    expect(await violations(page), 'open dialog').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`open-${colorScheme}.png`) });
    await page.keyboard.press('Escape');

    const bytes = readFileSync(path);
    await bundles.choose({
      name: 'cut.casefile',
      mimeType: 'application/zip',
      buffer: bytes.subarray(0, bytes.length - 100),
    });
    await bundles.refusal();
    expect(await violations(page), 'refusal').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`refused-${colorScheme}.png`) });
  });
}
