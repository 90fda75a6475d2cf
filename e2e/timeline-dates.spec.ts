import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';

const MEMO = [
  'PORT AUTHORITY — INTERNAL MEMO, 2 May 2020',
  '',
  'On 14 April 2020 Minister Grace Oduya met the directors of Halvorsen Ltd at the harbour office.',
  'Two weeks later the Ministry of Transport paid Halvorsen Ltd 40,000 euros for "consulting".',
  'The tender ran between March and May 2020. The firm was founded c. 2011.',
  'The contract was signed before 14 April 2020 and the office closed after 2019.',
  'In June 2020 the auditors arrived. The same month the minister resigned.',
  'The gate log shows 2020-04-14 15:00 UTC for the directors.',
  '',
].join('\n');

// Tall enough for the whole (virtualized) list to be drawn at once.
test.use({ viewport: { width: 1400, height: 2400 } });

interface StoredEvent {
  title: string;
  date: {
    start: Record<string, number>;
    end?: Record<string, number>;
    approximate: boolean;
    bound?: string;
    timeZone?: string;
  };
  sortStart: number;
  sortEnd: number;
}

test('dates as sources state them: typed, suggested, sorted, grouped and kept after a reload', async ({
  page,
  cases,
  sources,
  reader,
  timeline,
}) => {
  await cases.open('Ana Reporter');
  await cases.create('Harbour dates');
  const caseId = caseIdFromUrl(page);
  await sources.pasteText('Memo', MEMO);

  // A typed day, with the suggestion from the passage shown with the words it came from.
  let dialog = await reader.openEventDialog(
    'On 14 April 2020 Minister Grace Oduya met the directors',
  );
  const suggestions = dialog.getByRole('region', { name: 'Date suggestions' });
  await expect(suggestions).toContainText('from “On 14 April 2020”');
  await suggestions.getByRole('button', { name: 'Use 14 April 2020' }).click();
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue('14 April 2020');
  await dialog.getByLabel('Title').fill('Oduya meets Halvorsen');
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();

  // "Two weeks later" is resolved from the date before it, approximate.
  dialog = await reader.openEventDialog(
    'Two weeks later the Ministry of Transport paid Halvorsen Ltd',
  );
  await expect(dialog.getByRole('region', { name: 'Date suggestions' })).toContainText(
    'c. 28 April 2020',
  );
  await dialog.getByRole('button', { name: 'Use c. 28 April 2020' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Approximate' })).toBeChecked();
  await dialog.getByLabel('Title').fill('Ministry pays Halvorsen');
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();

  // "The same month" is resolved from the previous sentence.
  dialog = await reader.openEventDialog('The same month the minister resigned.');
  await expect(dialog.getByRole('region', { name: 'Date suggestions' })).toContainText('June 2020');
  await expect(dialog.getByRole('region', { name: 'Date suggestions' })).toContainText(
    'from “The same month”',
  );
  await dialog.getByRole('button', { name: 'Use June 2020' }).click();
  await dialog.getByLabel('Title').fill('Minister resigns');
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();

  // Typed dates of every kind, each read back at its precision.
  const typed: [string, string, string][] = [
    ['The tender ran between March and May 2020', 'Tender runs', 'between March and May 2020'],
    ['The firm was founded c. 2011', 'Firm founded', 'c. 2011'],
    ['The contract was signed before 14 April 2020', 'Contract signed', 'before 14 April 2020'],
    ['the office closed after 2019', 'Office closes', 'after 2019'],
    ['The gate log shows 2020-04-14 15:00 UTC', 'Gate log', '2020-04-14 15:00 UTC'],
  ];
  for (const [passage, title, date] of typed) {
    dialog = await reader.openEventDialog(passage);
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Date', { exact: true }).fill(date);
    await dialog.getByRole('button', { name: 'Add to timeline' }).click();
    await expect(dialog).toBeHidden();
  }

  // A month with an explicit time zone choice, from the screen's own Add event.
  await timeline.goto();
  await page.getByRole('button', { name: 'Add event' }).click();
  dialog = page.getByRole('dialog', { name: 'Add event' });
  await dialog.getByLabel('Title').fill('Auditors arrive');
  await dialog.getByLabel('Date', { exact: true }).fill('2020-06-02 09:30');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('');
  await dialog.getByLabel('Time zone').selectOption('other');
  await dialog.getByLabel('Other time zone').fill('Europe/Oslo');
  await expect(dialog.getByText('Reads as 2 June 2020, 09:30 Europe/Oslo')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();

  // Impossible and out-of-range dates are refused with a reason.
  await page.getByRole('button', { name: 'Add event' }).click();
  dialog = page.getByRole('dialog', { name: 'Add event' });
  const date = dialog.getByLabel('Date', { exact: true });
  await date.fill('31 February 2020');
  await expect(dialog).toContainText('February 2020 has 29 days');
  await date.fill('10000');
  await expect(dialog).toContainText('Years run from 1 to 9999');
  await date.fill('0');
  await expect(dialog).toContainText(/1 to 9999|all their digits/);
  await date.fill('between May and March 2020');
  await expect(dialog).toContainText('before it starts');
  await dialog.getByLabel('Title').fill('Never stored');
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const expectedOrder = [
    'Firm founded',
    'Office closes',
    'Tender runs',
    'Contract signed',
    'Oduya meets Halvorsen',
    'Gate log',
    'Ministry pays Halvorsen',
    'Minister resigns',
    'Auditors arrive',
  ];
  const check = async () => {
    await expect(timeline.cards()).toHaveCount(9);
    expect(await timeline.titles()).toEqual(expectedOrder);
    expect(await timeline.headings()).toEqual([
      '2011 · 1 event',
      '2011, month not stated',
      '2020 · 8 events',
      '2020, month not stated',
      'March 2020',
      'April 2020',
      'June 2020',
    ]);
    await expect(timeline.card('Tender runs')).toContainText('between March and May 2020');
    await expect(timeline.card('Firm founded')).toContainText('c. 2011');
    await expect(timeline.card('Gate log')).toContainText('14 April 2020, 15:00 UTC');
    await expect(timeline.card('Auditors arrive')).toContainText('2 June 2020, 09:30 Europe/Oslo');
  };
  await check();
  await page.reload();
  await check();

  const stored = await readStore<StoredEvent>(page, `casefile-case-${caseId}`, 'events');
  const byTitle = Object.fromEntries(stored.map((e) => [e.title, e]));
  expect(byTitle['Tender runs']?.date).toEqual({
    start: { year: 2020, month: 3 },
    end: { year: 2020, month: 5 },
    approximate: false,
  });
  expect(byTitle['Contract signed']?.date).toMatchObject({
    bound: 'before',
    start: { year: 2020, month: 4, day: 14 },
  });
  expect(byTitle['Gate log']?.date).toMatchObject({
    timeZone: 'UTC',
    start: { hour: 15, minute: 0 },
  });
  expect(byTitle['Ministry pays Halvorsen']?.date).toMatchObject({
    approximate: true,
    start: { day: 28 },
  });
  expect(new Date(byTitle['Auditors arrive']!.sortStart).toISOString()).toBe(
    '2020-06-02T07:30:00.000Z',
  );
  expect(stored.find((e) => e.title === 'Never stored')).toBeUndefined();
});

test('a chat message’s own date is offered and read against: "on Monday" in a message of 27 July 2022', async ({
  page,
  cases,
  sources,
  reader,
}) => {
  await cases.open();
  await cases.create('Chat dates');
  const caseId = caseIdFromUrl(page);
  await sources.pasteText('Chat', 'We met him on Monday at the port, as agreed.');
  // The foundation has no chat import yet: the source carries its date as an email's Date would.
  await page.evaluate(
    (database) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('sources', 'readwrite').objectStore('sources');
          const all = store.getAll();
          all.onsuccess = () => {
            const source = all.result[0];
            source.sourceDate = {
              start: { year: 2022, month: 7, day: 27, hour: 8, minute: 15 },
              approximate: false,
              timeZone: 'UTC',
            };
            store.put(source).onsuccess = () => {
              db.close();
              resolve();
            };
          };
        };
        request.onerror = () => reject(request.error);
      }),
    `casefile-case-${caseId}`,
  );
  await page.reload();
  const dialog = await reader.openEventDialog('We met him on Monday at the port');
  const suggestions = dialog.getByRole('region', { name: 'Date suggestions' });
  await expect(suggestions.getByRole('button', { name: 'Use 25 July 2022' })).toBeVisible();
  await expect(suggestions).toContainText('from “on Monday”');
  await expect(suggestions).toContainText('27 July 2022, 08:15 UTC');
  await expect(dialog).toContainText('The source itself is dated 27 July 2022, 08:15 UTC');
  await suggestions.getByRole('button', { name: 'Use 27 July 2022, 08:15 UTC' }).click();
  await expect(dialog.getByLabel('Time zone')).toHaveValue('UTC');
  await suggestions.getByRole('button', { name: 'Use 25 July 2022' }).click();
  await expect(dialog.getByLabel('Date', { exact: true })).toHaveValue('25 July 2022');
});
