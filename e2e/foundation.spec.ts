import { createHash } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { caseIdFromUrl, databaseNames, hashOfStoredOriginal, readStore } from './support/storage';

const MEMO = [
  'PORT AUTHORITY — INTERNAL MEMO',
  '',
  'On 14 April 2020 Minister Grace Oduya met the directors of Halvorsen Ltd at the harbour office.',
  'Two weeks later the Ministry of Transport paid Halvorsen Ltd 40,000 euros for "consulting".',
  'Oduya did not declare the meeting.',
  '',
].join('\n');

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

test('a reporter builds a case from a memo to the timeline, and it is all there after a reload', async ({
  page,
  cases,
  sources,
  reader,
  nav,
}) => {
  await cases.open('Ana Reporter');
  await cases.create('Harbour contracts', 'Payments from the port authority to Halvorsen Ltd.');
  const caseId = caseIdFromUrl(page);

  // Several files at once through the picker: text, Markdown and HTML.
  await sources.importFiles([
    { name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from(MEMO) },
    {
      name: 'notes.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Notes\n\n- call the harbour master\n'),
    },
    {
      name: 'press.html',
      mimeType: 'text/html',
      buffer: Buffer.from(
        '<html><head><title>Press release</title></head><body><p>The <b>ministry</b> denies it.</p></body></html>',
      ),
    },
  ]);
  await expect(sources.result('memo.txt')).toContainText('Imported');
  await expect(sources.result('press.html')).toContainText('Imported');
  await expect(sources.list().getByRole('link', { name: /Press release/ })).toBeVisible();

  // Paste text with a provenance note.
  await sources.pasteText(
    'Call with source A',
    'Source A says the payment was approved by Oduya herself.',
    'Phone call, 3 May',
  );
  await expect(page.getByRole('article', { name: 'Call with source A' })).toBeVisible();
  await expect(page.getByLabel('Where did this come from?')).toHaveValue('Phone call, 3 May');

  // The originals are stored untouched, with their SHA-256.
  const stored = await readStore<{ id: string; title: string; sha256: string; fileName?: string }>(
    page,
    `casefile-case-${caseId}`,
    'sources',
  );
  expect(stored).toHaveLength(4);
  const memo = stored.find((s) => s.fileName === 'memo.txt');
  expect(memo?.sha256).toBe(sha256(MEMO));
  expect(await hashOfStoredOriginal(page, caseId, memo!.id)).toBe(sha256(MEMO));

  // Provenance is editable on any source.
  await sources.open('memo');
  await page
    .getByLabel('Where did this come from?')
    .fill('Envelope left at the newsroom, 2 May 2020');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('button', { name: 'Save note' })).toBeDisabled();

  // Tag entities: a new person, then the same person again, and a company.
  await reader.tag('Grace Oduya', { type: 'Person' });
  await reader.tag('Oduya', { existing: 'Grace Oduya', occurrence: 1 });
  await reader.tag('Halvorsen Ltd', { type: 'Company' });
  await expect(reader.text().locator('mark.hl--mention')).toHaveCount(3);

  // Add an event backed by a passage.
  await reader.addEvent('Minister Grace Oduya met the directors of Halvorsen Ltd', {
    title: 'Oduya meets Halvorsen directors',
    date: '14 April 2020',
    description: 'First recorded contact.',
  });
  await reader.addEvent('the Ministry of Transport paid Halvorsen Ltd 40,000 euros', {
    title: 'Ministry pays Halvorsen',
    date: 'c. May 2020',
  });
  await sources.open('Call with source A');
  await reader.addEvent('the payment was approved by Oduya herself', {
    title: 'Payment approved',
    date: 'April 2020',
  });

  // The timeline lists events in date order, dates at their stated precision.
  await nav.go('Timeline');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const cards = timeline.getByRole('article');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText('April 2020');
  await expect(cards.nth(0)).toContainText('Payment approved');
  await expect(cards.nth(1)).toContainText('14 April 2020');
  await expect(cards.nth(1)).toContainText('Grace Oduya');
  await expect(cards.nth(1)).toContainText('Halvorsen Ltd');
  await expect(cards.nth(2)).toContainText('c. May 2020');

  // A citation opens the source at the quote, highlighted.
  await cards
    .nth(1)
    .getByRole('link', { name: /Minister Grace Oduya met/ })
    .click();
  await expect(page.getByRole('article', { name: 'memo' })).toBeVisible();
  const focused = reader.text().locator('mark[data-focus="true"]');
  await expect(focused.first()).toBeVisible();
  await expect(focused.first()).toBeInViewport();

  // The entities panel counts mentions; an entity lists its mentions in context.
  await nav.go('Entities');
  const entities = page.getByRole('region', { name: 'Entities' });
  await expect(
    entities.getByRole('link', { name: /Grace Oduya, Person, 2 mentions/ }),
  ).toBeVisible();
  await entities.getByRole('link', { name: /Halvorsen Ltd, Company, 1 mention/ }).click();
  await entities.getByRole('link', { name: /Grace Oduya/ }).click();
  const detail = page.getByRole('region', { name: 'Grace Oduya' });
  await expect(
    detail.getByRole('list', { name: 'Mentions in memo' }).getByRole('listitem'),
  ).toHaveCount(2);
  await expect(
    detail.getByRole('list', { name: 'Timeline events' }).getByRole('listitem'),
  ).toHaveCount(1);
  await detail.getByRole('link', { name: /did not declare/ }).click();
  await expect(reader.text().locator('mark[data-focus="true"]')).toHaveText('Oduya');

  // Reload: everything is still there.
  await page.reload();
  await expect(reader.text().locator('mark.hl--mention')).toHaveCount(3);
  await expect(page.getByLabel('Where did this come from?')).toHaveValue(
    'Envelope left at the newsroom, 2 May 2020',
  );
  await nav.go('Timeline');
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('article')).toHaveCount(3);

  // The activity log recorded every change, chained.
  await nav.go('Activity');
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('The log is intact');
  await expect(activity).toContainText('Imported “memo”');
  await expect(activity).toContainText('Tagged “Grace Oduya” as Grace Oduya');
  await expect(activity).toContainText('Added event “Ministry pays Halvorsen”');
  await expect(activity).toContainText('Ana Reporter');
  const log = await readStore<{ seq: number; prevHash: string; hash: string }>(
    page,
    `casefile-case-${caseId}`,
    'activity',
  );
  expect(log.length).toBeGreaterThanOrEqual(13);
  for (let i = 1; i < log.length; i += 1) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);
});

test('cases are created, renamed and deleted with all their data', async ({
  page,
  cases,
  sources,
}) => {
  await cases.open();
  await expect(page.getByText('No cases yet')).toBeVisible();
  await cases.create('Keep me');
  await page.goBack();
  await cases.create('Throwaway');
  const throwawayId = caseIdFromUrl(page);
  await sources.pasteText('Scrap', 'Nothing of value.');
  await page
    .getByRole('navigation', { name: 'Case' })
    .getByRole('link', { name: /Casefile/ })
    .click();

  await cases.rename('Keep me', 'Kept case');
  await expect(cases.list().getByRole('link', { name: /Kept case/ })).toBeVisible();

  expect(await databaseNames(page)).toContain(`casefile-case-${throwawayId}`);
  await cases.list().getByRole('button', { name: 'Delete Throwaway' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Throwaway”?' });
  await expect(confirm).toContainText('1 source with their originals');
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Delete case' }).click();
  await expect(cases.list().getByRole('link', { name: /Throwaway/ })).toHaveCount(0);
  await expect.poll(() => databaseNames(page)).not.toContain(`casefile-case-${throwawayId}`);

  await page.reload();
  await expect(cases.list().getByRole('link', { name: /Kept case/ })).toBeVisible();
  await expect(cases.list().getByRole('link', { name: /Throwaway/ })).toHaveCount(0);
});

test('files dropped onto the window are imported', async ({ page, cases, sources }) => {
  await cases.open();
  await cases.create('Drops');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['Dropped leak: invoice 4471 to Halvorsen Ltd.'], 'dropped.txt', {
        type: 'text/plain',
      }),
    );
    return transfer;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import into “Drops”')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(sources.result('dropped.txt')).toContainText('Imported');
  await sources.open('dropped');
  await expect(page.getByText('Dropped onto the window')).toBeVisible();
});

test('keyboard: T tags and E adds an event from a selection', async ({
  page,
  cases,
  sources,
  reader,
}) => {
  await cases.open();
  await cases.create('Keys');
  await sources.pasteText('Leak', 'The contract was signed by Erik Halvorsen in Bergen.');
  await reader.select('Erik Halvorsen');
  await page.keyboard.press('t');
  const tag = page.getByRole('dialog', { name: 'Tag entity' });
  await expect(tag.getByRole('combobox', { name: 'Entity' })).toHaveValue('Erik Halvorsen');
  await page.keyboard.press('Enter');
  await expect(tag).toBeHidden();
  await expect(reader.text().locator('mark.hl--mention')).toHaveText('Erik Halvorsen');

  await reader.select('signed by Erik Halvorsen in Bergen');
  await page.keyboard.press('e');
  const event = page.getByRole('dialog', { name: 'Add event' });
  await expect(event.getByRole('checkbox', { name: /Erik Halvorsen/ })).toBeChecked();
  await event.getByLabel('Title').fill('Contract signed');
  await event.getByLabel('Date').fill('2019');
  await page.keyboard.press('Enter');
  await expect(event).toBeHidden();
  await expect(page.getByRole('link', { name: /^Timeline/ })).toContainText('1');
});
