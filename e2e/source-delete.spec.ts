import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { SearchPage } from './pages/SearchPage';

test('a reporter deletes a source: it goes with its tags and citations, events and entities stay, the log says so', async ({
  page,
  cases,
  sources,
  reader,
  nav,
}) => {
  await cases.open();
  await cases.create('Purge');
  const caseId = caseIdFromUrl(page);
  const db = `casefile-case-${caseId}`;
  await sources.pasteText('Kept memo', 'The harbour master confirmed the payment.');
  await reader.addEvent('The harbour master confirmed the payment', {
    title: 'Payment confirmed',
    date: 'May 2020',
  });
  await sources.pasteText(
    'Identifying note',
    'Informant K. (phone +47 912 34 567) says Halvorsen Ltd paid twice.',
  );
  await reader.tag('Halvorsen Ltd', { type: 'Company' });
  // A second citation for the same event, from the source that will be deleted.
  const dialog = await reader.openEventDialog('Halvorsen Ltd paid twice');
  await dialog.getByRole('radio', { name: 'Add to existing event' }).check();
  await dialog.getByRole('radio', { name: /Payment confirmed/ }).check();
  await dialog.getByRole('button', { name: 'Add citation' }).click();
  await expect(dialog).toBeHidden();

  const [before] = await readStore<{ id: string; sha256: string }>(page, db, 'sources').then(
    (all) => all.filter((s) => (s as unknown as { title: string }).title === 'Identifying note'),
  );
  await page.getByRole('button', { name: 'Delete source…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Identifying note”?' });
  await expect(confirm).toContainText('1 tag (the entities stay)');
  await expect(confirm).toContainText('1 citation, from “Payment confirmed” (the events stay)');
  await confirm.getByRole('button', { name: 'Delete source' }).click();
  await expect(page.getByText('Deleted “Identifying note” from this case.')).toBeVisible();
  await expect(sources.list().getByRole('link', { name: /Identifying note/ })).toHaveCount(0);

  // Stored: the source, its original, text and tag are gone; the event and entity stay.
  expect((await readStore<{ id: string }>(page, db, 'sources')).map((s) => s.id)).not.toContain(
    before!.id,
  );
  expect(
    (await readStore<{ sourceId: string }>(page, db, 'originals')).map((o) => o.sourceId),
  ).not.toContain(before!.id);
  expect(
    (await readStore<{ sourceId: string }>(page, db, 'texts')).map((t) => t.sourceId),
  ).not.toContain(before!.id);
  expect(await readStore(page, db, 'mentions')).toEqual([]);
  expect(await readStore(page, db, 'citations')).toHaveLength(1);
  expect(await readStore(page, db, 'entities')).toHaveLength(1);

  // Search no longer finds it.
  const search = new SearchPage(page);
  await search.openWithShortcut();
  await search.search('Informant');
  await expect(search.results()).toContainText('Nothing found');
  await search.search('harbour');
  await expect(search.results()).toContainText('Kept memo');

  await page.reload();
  await nav.go('Timeline');
  await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('Payment confirmed');
  await nav.go('Activity');
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('Deleted source “Identifying note”');
  await expect(activity).toContainText('The log is intact');
  await expect(activity).not.toContainText('912 34 567');
  const log = await readStore<{ action: string; details?: { sha256?: string } }>(
    page,
    db,
    'activity',
  );
  expect(log.find((e) => e.action === 'source.delete')?.details?.sha256).toBe(before!.sha256);
});
