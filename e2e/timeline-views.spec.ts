import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';

test.use({ viewport: { width: 1400, height: 1600 } });

const EVENTS: [string, string, string][] = [
  ['Company registered', '2011', 'company'],
  ['Tender opened', 'March 2020', 'tender'],
  ['Oduya meets Halvorsen', '14 April 2020', 'meeting, money'],
  ['Gate log entry', '2020-04-14 15:00 UTC', 'meeting'],
  ['Payment', 'c. 28 April 2020', 'money'],
  ['Audit', 'between June and August 2020', 'audit'],
];

test('views: filters, keyboard, the time axis and selection in both views, tags with colours', async ({
  page,
  cases,
  timeline,
}) => {
  await cases.open();
  await cases.create('Harbour views');
  const caseId = caseIdFromUrl(page);
  await timeline.goto();
  await expect(timeline.list()).toContainText('No events yet');

  for (const [title, date, tags] of EVENTS) await timeline.add({ title, date, tags });
  await expect(timeline.cards()).toHaveCount(6);

  // Filters: text, tag, status, date range; each narrows both views.
  const filters = page.getByRole('search', { name: 'Filters' });
  await filters.getByLabel('Filter text').fill('halvorsen');
  await expect(timeline.cards()).toHaveCount(1);
  await expect(
    timeline.axis().getByRole('button', { name: /^Oduya meets Halvorsen/ }),
  ).toBeVisible();
  await expect(timeline.axis().getByRole('button', { name: /^Payment/ })).toHaveCount(0);
  await filters.getByLabel('Filter text').fill('');
  await filters.getByLabel('Tag').selectOption('money');
  expect(await timeline.titles()).toEqual(['Oduya meets Halvorsen', 'Payment']);
  await filters.getByLabel('Tag').selectOption('');
  await filters.getByLabel('From').fill('April 2020');
  await filters.getByLabel('To').fill('May 2020');
  expect(await timeline.titles()).toEqual(['Oduya meets Halvorsen', 'Gate log entry', 'Payment']);
  await filters.getByLabel('To').fill('31 February 2020');
  await expect(filters.getByRole('alert')).toContainText('February 2020 has 29 days');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(timeline.cards()).toHaveCount(6);

  // Selecting on the axis selects in the list, and the other way round.
  await timeline
    .axis()
    .getByRole('button', { name: /^Audit/ })
    .click();
  await expect(timeline.card('Audit')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('complementary', { name: 'Details of Audit' })).toBeVisible();
  await timeline.select('Tender opened');
  await expect(timeline.axis().getByRole('button', { name: /^Tender opened/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Keyboard: arrows move between events, Enter opens one.
  await timeline.list().getByRole('group').focus();
  await page.keyboard.press('ArrowDown');
  await expect(timeline.card('Oduya meets Halvorsen')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(timeline.card('Gate log entry')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(timeline.card('Oduya meets Halvorsen')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit event' });
  await expect(edit.getByLabel('Title')).toHaveValue('Oduya meets Halvorsen');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  // N adds an event.
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'Add event' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The axis: zoom buttons, drag to pan, uncertain dates faded, ranges as bars.
  const axis = timeline.axis();
  const range = axis.getByLabel('Visible range');
  await axis.getByRole('button', { name: 'Show all' }).click();
  await expect(range).toContainText('2010');
  await expect(axis.getByRole('button', { name: /^Company registered/ })).toHaveClass(
    /axis-item--uncertain/,
  );
  await expect(axis.getByRole('button', { name: /^Gate log entry/ })).not.toHaveClass(
    /axis-item--uncertain/,
  );
  const before = await range.textContent();
  await axis.getByRole('button', { name: 'Zoom in' }).click();
  await axis.getByRole('button', { name: 'Zoom in' }).click();
  await expect(range).not.toHaveText(before ?? '');
  const zoomed = await range.textContent();
  const viewport = axis.locator('.time-axis__viewport');
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height - 10, { steps: 10 });
  await page.mouse.up();
  await expect(range).not.toHaveText(zoomed ?? '');
  // Zoom down to hours around the gate log.
  await timeline.select('Gate log entry');
  for (let i = 0; i < 14; i += 1) await axis.getByRole('button', { name: 'Zoom in' }).click();
  await expect(
    axis
      .locator('.time-axis__tick')
      .filter({ hasText: /^\d\d:00$/ })
      .first(),
  ).toBeVisible();
  await axis.getByRole('button', { name: 'Show all' }).click();
  await expect(axis.getByRole('button', { name: /^Audit/ })).toHaveClass(/axis-item--bar/);

  // Lanes by tag; a tag's colour is chosen and kept.
  await axis.getByLabel('Lanes').selectOption('tag');
  await expect(axis.getByRole('list', { name: 'Lane names' })).toContainText('#money');
  await expect(axis.getByRole('list', { name: 'Lane names' })).toContainText('#meeting');
  await timeline.select('Payment');
  await timeline.details().getByLabel('Colour of #money').selectOption('green');
  await expect(timeline.card('Payment').getByText('#money')).toHaveAttribute('data-color', 'green');
  await timeline.details().getByLabel('New tag').fill('checked');
  await timeline.details().getByRole('button', { name: 'Add tag' }).click();
  await expect(timeline.card('Payment')).toContainText('#checked');

  await page.reload();
  await expect(timeline.card('Payment').getByText('#money')).toHaveAttribute('data-color', 'green');
  const tags = await readStore<{ name: string; color: string }>(
    page,
    `casefile-case-${caseId}`,
    'tags',
  );
  expect(tags).toEqual([expect.objectContaining({ name: 'money', color: 'green' })]);
  const events = await readStore<{ title: string; tags: string[] }>(
    page,
    `casefile-case-${caseId}`,
    'events',
  );
  expect(events.find((e) => e.title === 'Payment')?.tags).toEqual(['money', 'checked']);
});
