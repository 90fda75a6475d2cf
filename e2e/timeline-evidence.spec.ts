import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';

test.use({ viewport: { width: 1400, height: 1600 } });

const MEMO =
  'On 14 April 2020 Minister Grace Oduya met the directors of Halvorsen Ltd at the harbour office. ' +
  'The payment of 40,000 euros was approved by Oduya herself.';
const CALL = 'Source A confirms the meeting at the harbour office in April 2020.';

interface ActivityRow {
  action: string;
  summary: string;
  details?: { via?: string };
}

test('evidence: several citations, independent sources, verification, rich description, review, undo and redo', async ({
  page,
  cases,
  sources,
  reader,
  timeline,
  nav,
}) => {
  await cases.open('Ana Reporter');
  await cases.create('Harbour evidence');
  const caseId = caseIdFromUrl(page);
  const database = `casefile-case-${caseId}`;
  await sources.pasteText('Memo', MEMO);
  await reader.tag('Grace Oduya', { type: 'Person' });
  await sources.pasteText('Call with source A', CALL);
  // The same memo pasted again is the same original (same SHA-256): it is not stored twice.
  await sources.pasteText('Memo copy', MEMO);
  await expect(page.getByText(/already in this case/i).first()).toBeVisible();

  // A new event from the memo, with a rich description: heading, bold, an @mention, a citation mark.
  await sources.open('Memo');
  let dialog = await reader.openEventDialog(
    'Minister Grace Oduya met the directors of Halvorsen Ltd',
  );
  await dialog.getByLabel('Title').fill('Oduya meets Halvorsen');
  await dialog.getByLabel('Date', { exact: true }).fill('14 April 2020');
  const editor = dialog.getByRole('textbox', { name: 'Description' });
  await editor.click();
  await page.keyboard.type('First contact between ');
  await page.keyboard.type('@Grace');
  await expect(page.getByRole('listbox', { name: 'Entities to mention' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type(' and the firm, at the harbour office.');
  // Select "the harbour office" and link it to the quote.
  await editor.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf('the harbour office');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'the harbour office'.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
    }
  });
  await dialog.getByRole('button', { name: 'Cite' }).click();
  const cite = page.getByRole('dialog', { name: 'Cite a quote' });
  await cite.getByRole('button', { name: /Minister Grace Oduya met the directors/ }).click();
  await expect(cite).toBeHidden();
  await expect(editor.locator('a.citation-mark')).toHaveText('the harbour office');
  await expect(editor.locator('a.entity-mention')).toHaveText('@Grace Oduya');
  await dialog.getByRole('button', { name: 'Add to timeline' }).click();
  await expect(dialog).toBeHidden();

  // A second passage, from another source, added to the existing event.
  await sources.open('Call with source A');
  dialog = await reader.openEventDialog('Source A confirms the meeting at the harbour office');
  await dialog.getByRole('radio', { name: 'Add to existing event' }).check();
  await dialog.getByLabel('Find event').fill('oduya');
  await dialog.getByRole('radio', { name: /Oduya meets Halvorsen/ }).check();
  await dialog.getByRole('button', { name: 'Add citation' }).click();
  await expect(dialog).toBeHidden();
  // A third, from the memo again: still two independent sources.
  await sources.open('Memo');
  dialog = await reader.openEventDialog('approved by Oduya herself');
  await dialog.getByRole('radio', { name: 'Add to existing event' }).check();
  await dialog.getByRole('radio', { name: /Oduya meets Halvorsen/ }).check();
  await dialog.getByRole('button', { name: 'Add citation' }).click();
  await expect(dialog).toBeHidden();

  await timeline.goto();
  await timeline.select('Oduya meets Halvorsen');
  const details = timeline.details();
  await expect(details.getByRole('region', { name: 'Evidence' })).toContainText('3 citations');
  await expect(details.getByLabel('Independent sources')).toHaveText('2 independent sources');
  // The description shows the mention and the citation mark as links.
  await expect(details.getByRole('link', { name: '@Grace Oduya' })).toHaveAttribute(
    'href',
    /entities\//,
  );
  await expect(
    details.getByRole('link', { name: 'the harbour office', exact: true }),
  ).toHaveAttribute('href', /citation\//);

  // Verification, with its warning when it claims too much.
  await details.getByLabel('Verification', { exact: true }).selectOption('confirmed');
  await expect(timeline.card('Oduya meets Halvorsen')).toContainText('Confirmed');
  await details.getByRole('button', { name: /Remove citation “Source A confirms/ }).click();
  await expect(details.getByLabel('Independent sources')).toHaveText('1 independent source');
  await expect(details).toContainText('only one independent source');

  // Undo and redo: the citation removal, then the verification, with the keyboard and the buttons.
  await page.keyboard.press('Control+z');
  await expect(details.getByLabel('Independent sources')).toHaveText('2 independent sources');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(details.getByLabel('Verification', { exact: true })).toHaveValue('unverified');
  await page.keyboard.press('Shift+Control+z');
  await expect(details.getByLabel('Verification', { exact: true })).toHaveValue('confirmed');

  // Review: comment, question, approve.
  await details
    .getByLabel('Comment', { exact: true })
    .fill('Which office? The memo and the call may mean different ones.');
  await details.getByRole('button', { name: 'Post comment' }).click();
  await expect(details.getByRole('list', { name: 'Comments' })).toContainText('Ana Reporter');
  await details.getByRole('button', { name: 'Question', exact: true }).click();
  await expect(timeline.card('Oduya meets Halvorsen')).toContainText('Questioned');
  await details.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(timeline.card('Oduya meets Halvorsen')).toContainText('Approved');

  // Delete, undo, and it is all back.
  await timeline
    .card('Oduya meets Halvorsen')
    .getByRole('button', { name: 'Delete Oduya meets Halvorsen' })
    .click();
  await page
    .getByRole('dialog', { name: /Delete/ })
    .getByRole('button', { name: 'Delete event' })
    .click();
  await expect(timeline.cards()).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(timeline.cards()).toHaveCount(1);

  // A link in the description asks before anything happens, and opens nothing.
  await page.reload();
  await timeline.select('Oduya meets Halvorsen');
  await timeline
    .card('Oduya meets Halvorsen')
    .getByRole('button', { name: 'Edit Oduya meets Halvorsen' })
    .click();
  dialog = page.getByRole('dialog', { name: 'Edit event' });
  await dialog.getByRole('textbox', { name: 'Description' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Register: company register.');
  await dialog.getByRole('textbox', { name: 'Description' }).evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf('company register');
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'company register'.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
    }
  });
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  const linkDialog = page.getByRole('dialog', { name: 'Add link' });
  await linkDialog.getByLabel('Address').fill('javascript:alert(1)');
  await linkDialog.getByRole('button', { name: 'Save link' }).click();
  await expect(linkDialog).toContainText('Only web');
  await linkDialog.getByLabel('Address').fill('https://register.example.org/halvorsen');
  await linkDialog.getByRole('button', { name: 'Save link' }).click();
  await expect(linkDialog).toBeHidden();
  await dialog.getByRole('button', { name: 'Save event' }).click();
  await expect(dialog).toBeHidden();
  await timeline.details().getByRole('link', { name: 'company register' }).click();
  const confirm = page.getByRole('dialog', { name: 'Open this link?' });
  await expect(confirm.getByLabel('Link address')).toHaveValue(
    'https://register.example.org/halvorsen',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // Everything is stored and logged; every undo and redo is in the chained log.
  await page.reload();
  await timeline.select('Oduya meets Halvorsen');
  await expect(timeline.details().getByLabel('Independent sources')).toHaveText(
    '2 independent sources',
  );
  await expect(timeline.details().getByRole('list', { name: 'Comments' })).toContainText(
    'Which office?',
  );
  const events = await readStore<{
    title: string;
    verification: string;
    review: string;
    description: unknown;
  }>(page, database, 'events');
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ verification: 'confirmed', review: 'approved' });
  const json = JSON.stringify(events[0]!.description);
  expect(json).toContain('"type":"entityMention"');
  expect(json).toContain('"type":"citation"');
  expect(json).toContain('https://register.example.org/halvorsen');
  expect(await readStore(page, database, 'citations')).toHaveLength(3);
  const comments = await readStore<{ author: string }>(page, database, 'comments');
  expect(comments).toEqual([expect.objectContaining({ author: 'Ana Reporter' })]);
  const log = await readStore<ActivityRow>(page, database, 'activity');
  expect(log.filter((e) => e.details?.via === 'undo').length).toBe(3);
  expect(log.filter((e) => e.details?.via === 'redo').length).toBe(1);
  expect(log.map((e) => e.action)).toEqual(
    expect.arrayContaining(['event.review', 'comment.create', 'citation.delete', 'event.restore']),
  );
  await nav.go('Activity');
  await expect(page.getByRole('region', { name: 'Activity' })).toContainText('The log is intact');
  await expect(page.getByRole('region', { name: 'Activity' })).toContainText('Undo: ');
});
