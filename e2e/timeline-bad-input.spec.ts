import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';

test.use({ viewport: { width: 1400, height: 1400 } });

/** Writes records straight into a store, as a damaged or very large imported case would hold them. */
function putRecords(
  page: Page,
  database: string,
  store: string,
  records: unknown[],
): Promise<void> {
  return page.evaluate(
    ({ database, store, records }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(store, 'readwrite');
          for (const record of records) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { database, store, records },
  );
}

/** Pastes HTML (and its plain text) into an element, as the clipboard would. */
function paste(page: Page, selector: string, html: string, text: string) {
  return page.locator(selector).evaluate(
    (element, { html, text }) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', text);
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<p class=MsoNormal><b>Leads</b><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·</span><![endif]>Call the harbour master<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·</span><![endif]>Ask for the tender file<o:p></o:p></p>
<p class=MsoNormal><img src="https://tracker.example/pixel.gif" width=1><script>window.pwned = true</script><a href="javascript:alert(1)" onclick="alert(2)">bad link</a></p>
</body></html>`;

test('notes and descriptions: Word and web pastes are cleaned, huge pastes refused, @mentions and citations kept', async ({
  page,
  cases,
  sources,
  reader,
  nav,
}) => {
  await cases.open();
  await cases.create('Harbour notes');
  const caseId = caseIdFromUrl(page);
  await sources.pasteText(
    'Memo',
    'The payment of 40,000 euros was approved by Grace Oduya herself.',
  );
  await reader.tag('Grace Oduya', { type: 'Person' });
  await reader.addEvent('approved by Grace Oduya herself', {
    title: 'Payment approved',
    date: 'April 2020',
  });

  await nav.go('Notes');
  const notes = page.getByRole('region', { name: 'Notes' });
  const editor = notes.getByRole('textbox', { name: 'Case notes' });
  await editor.click();
  await paste(page, '.rich-text__content', WORD_HTML, 'Leads');
  await expect(editor.locator('strong')).toHaveText('Leads');
  await expect(editor.locator('ul li')).toHaveCount(2);
  await expect(editor.locator('img, script')).toHaveCount(0);
  await expect(editor).not.toContainText('·');
  expect(
    await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned),
  ).toBeUndefined();

  // A 1 MB paste is refused with a message; the notes stay as they were.
  await paste(page, '.rich-text__content', '', 'x'.repeat(1_100_000));
  await expect(notes).toContainText('That paste is 1,100,000 characters long');
  await expect(editor).toContainText('Call the harbour master');

  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ask @Grace');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' about the payment.');
  await expect(editor.locator('a.entity-mention')).toHaveText('@Grace Oduya');
  await editor.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf('the payment');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'the payment'.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
    }
  });
  await notes.getByRole('button', { name: 'Cite' }).click();
  await page
    .getByRole('dialog', { name: 'Cite a quote' })
    .getByRole('button', { name: /approved by Grace Oduya herself/ })
    .click();
  await notes.getByRole('button', { name: 'Save notes' }).click();
  await expect(notes.getByText(/^Saved \d/)).toBeVisible();

  await page.reload();
  await notes.getByRole('button', { name: 'Read' }).click();
  const read = notes.getByRole('article', { name: 'Case notes as read' });
  await expect(read.getByRole('link', { name: '@Grace Oduya' })).toBeVisible();
  await read.getByRole('link', { name: 'the payment' }).click();
  await expect(page.getByRole('article', { name: 'Memo' })).toBeVisible();
  await expect(reader.text().locator('mark[data-focus="true"]').first()).toContainText(
    'approved by',
  );

  const stored = await readStore<{ id: string; doc: unknown }>(
    page,
    `casefile-case-${caseId}`,
    'notes',
  );
  const json = JSON.stringify(stored[0]?.doc);
  expect(json).toContain('entityMention');
  expect(json).toContain('"type":"citation"');
  expect(json).not.toMatch(/tracker|javascript:|pwned/);
  const log = await readStore<{ action: string }>(page, `casefile-case-${caseId}`, 'activity');
  expect(log.map((e) => e.action)).toContain('note.update');
});

test('bad stored data: a damaged description, 10,000 citations on one event, a quote a correction removed', async ({
  page,
  cases,
  sources,
  reader,
  timeline,
}) => {
  await cases.open();
  await cases.create('Harbour damage');
  const caseId = caseIdFromUrl(page);
  const database = `casefile-case-${caseId}`;
  await sources.pasteText(
    'Memo',
    'On 14 April 2020 Oduya met the directors of Halvorsen Ltd at the office.',
  );
  await reader.addEvent('Oduya met the directors of Halvorsen Ltd', {
    title: 'Meeting',
    date: '14 April 2020',
  });
  await reader.addEvent('at the office', { title: 'Office visit', date: 'April 2020' });

  const [source] = await readStore<{ id: string; sha256: string; currentRevisionId: string }>(
    page,
    database,
    'sources',
  );
  const events = await readStore<Record<string, unknown> & { id: string; title: string }>(
    page,
    database,
    'events',
  );
  const meeting = events.find((e) => e.title === 'Meeting')!;

  // A description that is not a document the editor knows, and 10,000 citations on one event.
  await putRecords(page, database, 'events', [
    {
      ...meeting,
      description: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Kept words' }] },
          { type: 'video', attrs: { src: 'https://x.test/v.mp4' } },
        ],
      },
    },
  ]);
  const citations = Array.from({ length: 10_000 }, (_, i) => ({
    id: `bulk-${i}`,
    eventId: meeting.id,
    sourceId: source!.id,
    sourceSha256: source!.sha256,
    anchor: {
      type: 'text',
      position: { start: 3, end: 16 },
      quote: { exact: '14 April 2020', prefix: 'On ', suffix: ' Oduya' },
    },
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i % 60)).toISOString(),
    createdBy: 'Importer',
  }));
  await putRecords(page, database, 'citations', citations);
  // A correction of the text that drops "at the office".
  await putRecords(page, database, 'texts', [
    {
      id: 'correction-1',
      sourceId: source!.id,
      sourceSha256: source!.sha256,
      revision: 2,
      kind: 'correction',
      text: 'On 14 April 2020 Oduya met the directors of Halvorsen Ltd.',
      basedOn: source!.currentRevisionId,
      createdAt: new Date().toISOString(),
      createdBy: 'Ana Reporter',
    },
  ]);
  await putRecords(page, database, 'sources', [{ ...source, currentRevisionId: 'correction-1' }]);

  await page.reload();
  await timeline.goto();
  await expect(timeline.card('Meeting')).toContainText('and 9,998 more citations');
  await expect(timeline.card('Office visit')).toContainText(
    'A cited quote is no longer in its source',
  );
  await expect(timeline.card('Meeting')).not.toContainText('no longer in its source');

  await timeline.select('Meeting');
  const details = timeline.details();
  await expect(details.getByRole('region', { name: 'Evidence' })).toContainText('10,001 citations');
  await expect(details.getByLabel('Independent sources')).toHaveText('1 independent source');
  await expect(details).toContainText('could not be read as a rich-text document');
  await expect(details).toContainText('Kept words');
  // The long citation list is virtualized: only a screenful is drawn.
  await expect(details.locator('.citation-row').first()).toBeVisible();
  expect(await details.locator('.citation-row').count()).toBeLessThan(60);

  // Editing offers the readable text to repair it.
  await timeline.card('Meeting').getByRole('button', { name: 'Edit Meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit event' });
  await expect(dialog).toContainText('could not be read');
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toContainText('Kept words');
  await dialog.getByRole('button', { name: 'Save event' }).click();
  await expect(dialog).toBeHidden();
  await expect(details).not.toContainText('could not be read');

  await timeline.select('Office visit');
  await expect(timeline.details()).toContainText('Quote not found in the current text');
  // Nothing stored was lost: the citations are all still there.
  expect((await readStore(page, database, 'citations')).length).toBe(10_002);
});
