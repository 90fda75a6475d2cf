import { test, expect } from './support/fixtures';
import { SearchPage } from './pages/SearchPage';

const MEMO = [
  'PORT AUTHORITY — INTERNAL MEMO',
  '',
  'On 14 April 2020 Minister Grace Oduya met the directors of Halvorsen Ltd at the harbour office.',
  'Two weeks later the Ministry of Transport paid Halvorsen Ltd 40,000 euros for "consulting".',
  'Oduya did not declare the meeting.',
].join('\n');

test('a reporter searches the case with the keyboard, filters, and opens a hit in its source', async ({
  page,
  cases,
  sources,
  reader,
  nav,
}) => {
  test.setTimeout(120_000);
  const search = new SearchPage(page);
  await cases.open();
  await cases.create('Harbour search');
  await sources.pasteText('Port memo', MEMO);
  await sources.pasteText(
    'Call notes',
    'Source A says the transport payment was approved by Oduya herself.',
  );
  await sources.pasteText('Unrelated', 'Weather report: rain over the harbour.');

  // Ctrl+K from the reader focuses the search box.
  await search.openWithShortcut('Control+k');
  await expect(search.region()).toBeVisible();

  // Prefix and typo tolerance, results grouped by source with the words highlighted.
  await search.search('halvors');
  await expect(search.group('Port memo')).toBeVisible();
  await expect(search.group('Port memo').locator('mark').first()).toHaveText('Halvorsen');
  await search.search('trasport');
  await expect(search.group('Port memo')).toBeVisible();
  await expect(search.group('Call notes')).toBeVisible();
  await expect(search.group('Unrelated')).toHaveCount(0);

  // A phrase in quotes must occur as written.
  await search.search('"ministry of transport"');
  await expect(search.group('Port memo')).toBeVisible();
  await expect(search.group('Call notes')).toHaveCount(0);
  await expect(search.group('Port memo').locator('mark')).toHaveText(['Ministry of Transport']);

  // Syntax characters and very long queries are plain text, never an error.
  await search.search('(oduya|*');
  await expect(search.group('Port memo')).toBeVisible();
  await search.box().fill('oduya '.repeat(2_000));
  await expect(search.results().getByText(/only its first words were searched/)).toBeVisible();

  // Filters: an entity filter keeps what is tagged as that entity.
  await search.search('oduya');
  await expect(search.group('Call notes')).toBeVisible();
  await sources.goto();
  await sources.open('Port memo');
  await expect(reader.text()).toBeVisible();

  await page.keyboard.press('/');
  await expect(search.box()).toBeFocused();
  await expect(search.box()).toHaveValue('oduya');
  await search.filter('Kind', 'Text');
  await expect(search.group('Port memo')).toBeVisible();

  // Arrow down into the results, Enter opens the source at the hit.
  await search.box().press('ArrowDown');
  await expect(page.locator('a.search-hit').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/sources\/[^/]+\/range\/\d+-\d+$/);
  const focused = page
    .getByRole('document', { name: /^Text of/ })
    .locator('mark[data-focus="true"]');
  await expect(focused.first()).toHaveText('Oduya');

  // Entity and tag filters keep what is tagged as the entity, and the entity itself.
  await sources.goto();
  await sources.open('Port memo');
  await reader.tag('Grace Oduya', { type: 'Person' });
  await nav.go('Entities');
  await page
    .getByRole('region', { name: 'Entities' })
    .getByRole('link', { name: /^Grace Oduya,/ })
    .click();
  await page.getByRole('button', { name: 'Edit Grace Oduya' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit entity' });
  await edit.getByLabel('Tags').fill('minister');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await search.openWithShortcut('Control+k');
  await search.filter('Kind', 'All kinds');
  await search.search('oduya');
  await expect(search.group('Call notes')).toBeVisible();
  await search.filter('Entity', 'Grace Oduya (Person)');
  await expect(search.group('Call notes')).toHaveCount(0);
  await expect(search.group('Port memo')).toBeVisible();
  await expect(search.group('Entities')).toBeVisible();
  await search.region().getByRole('button', { name: 'Clear filters' }).click();
  await expect(search.group('Call notes')).toBeVisible();
  await search.filter('Tag', 'minister');
  await expect(search.group('Call notes')).toHaveCount(0);
  await expect(search.group('Port memo')).toBeVisible();
  await search.region().getByRole('button', { name: 'Clear filters' }).click();

  // The index follows new sources, and comes back after a reload.
  await sources.goto();
  await sources.pasteText('Late leak', 'Zephyrine Holdings wired the money.');
  await nav.go('Search');
  await search.search('zephyrine');
  await expect(search.group('Late leak')).toBeVisible();
  await page.reload();
  await search.search('zephyrine');
  await expect(search.group('Late leak')).toBeVisible();
});
