import { test, expect } from './support/fixtures';
import { violations } from './support/axe';

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
