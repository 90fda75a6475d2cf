import { test, expect } from './support/fixtures';
import { violations } from './support/axe';
import { EntitiesPage } from './pages/EntitiesPage';
import { SearchPage } from './pages/SearchPage';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`search, suggestions and the entity page have no serious accessibility problems (${colorScheme})`, async ({
    page,
    cases,
    sources,
    reader,
    nav,
  }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    const entities = new EntitiesPage(page);
    const search = new SearchPage(page);
    await cases.open();
    await cases.create('Accessible entities');
    await sources.pasteText(
      'Memo',
      'Minister Grace Oduya met Elizabeth Kanter of Halvorsen Ltd. Kanter wrote to ops@halvorsen.example.',
    );
    await reader.tag('Grace Oduya', { type: 'Person' });
    await reader.tag('Elizabeth Kanter', { type: 'Person' });

    await nav.go('Suggestions');
    await expect(entities.suggestions().getByRole('article').first()).toBeVisible({
      timeout: 30_000,
    });
    expect(await violations(page), 'Suggestions').toEqual([]);

    await nav.go('Entities');
    await entities.open('Grace Oduya');
    expect(await violations(page), 'entity page').toEqual([]);
    await entities.entity('Grace Oduya').getByRole('button', { name: 'Edit Grace Oduya' }).click();
    expect(await violations(page), 'edit dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await entities.entity('Grace Oduya').getByRole('button', { name: 'Merge into…' }).click();
    expect(await violations(page), 'merge dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await search.openWithShortcut('Control+k');
    expect(await violations(page), 'empty search').toEqual([]);
    await search.search('kanter');
    await expect(search.group('Memo')).toBeVisible();
    expect(await violations(page), 'search results').toEqual([]);
  });
}
