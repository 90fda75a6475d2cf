import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

/** Serious and critical accessibility problems on the page, as axe-core reports them. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the main screens have no serious accessibility problems (${colorScheme})`, async ({
    page,
    cases,
    sources,
    reader,
    nav,
  }) => {
    await page.emulateMedia({ colorScheme });
    await cases.open();
    expect(await violations(page)).toEqual([]);
    await cases.create('Accessible case', 'Checking contrast and names.');
    await sources.pasteText('Memo', 'Minister Grace Oduya met Halvorsen Ltd in April 2020.');
    await reader.tag('Grace Oduya', { type: 'Person' });
    await reader.addEvent('Minister Grace Oduya met Halvorsen Ltd', {
      title: 'Meeting',
      date: 'April 2020',
    });
    expect(await violations(page)).toEqual([]);

    await reader.select('Halvorsen Ltd');
    await page.getByRole('button', { name: 'Tag entity' }).click();
    await expect(page.getByRole('dialog', { name: 'Tag entity' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    for (const section of ['Entities', 'Timeline', 'Activity'] as const) {
      await nav.go(section);
      expect(await violations(page), section).toEqual([]);
    }
  });
}
