import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { EntitiesPage } from './pages/EntitiesPage';

const MEMO = [
  'Minister Grace Oduya met Elizabeth Kanter of Halvorsen Ltd at the harbour office.',
  'Liz Kanter later wrote to Oduya about the fee.',
].join('\n');

interface StoredEntity {
  id: string;
  name: string;
  aliases: string[];
  mergedInto?: string;
}
interface StoredMention {
  id: string;
  entityId: string;
  anchor: { quote: { exact: string } };
}

test('the entity page shows mentions, events and neighbours; merge, undo and move a mention', async ({
  page,
  cases,
  sources,
  reader,
  nav,
}) => {
  test.setTimeout(120_000);
  const entities = new EntitiesPage(page);
  await cases.open();
  await cases.create('Merges');
  const db = `casefile-case-${caseIdFromUrl(page)}`;
  await sources.pasteText('Memo', MEMO);
  await reader.tag('Elizabeth Kanter', { type: 'Person' });
  await reader.tag('Liz Kanter', { type: 'Person' });
  await reader.tag('Grace Oduya', { type: 'Person' });
  await reader.tag('Halvorsen Ltd', { type: 'Company' });
  await reader.tag('Oduya', { existing: 'Grace Oduya', occurrence: 1 });
  await reader.addEvent('Minister Grace Oduya met Elizabeth Kanter', {
    title: 'Oduya meets Kanter',
    date: '14 April 2020',
  });

  // The entity page: mentions in context, counts, the event, who is named alongside.
  await nav.go('Entities');
  await entities.open('Grace Oduya');
  const oduya = entities.entity('Grace Oduya');
  await expect(oduya).toContainText('2 mentions in 1 source');
  const mentions = oduya.getByRole('list', { name: 'Mentions in Memo' });
  await expect(mentions.getByRole('listitem')).toHaveCount(2);
  await expect(mentions.getByRole('listitem').nth(1)).toContainText('later wrote to Oduya about');
  await expect(oduya.getByRole('list', { name: 'Timeline events' })).toContainText(
    'Oduya meets Kanter',
  );
  const neighbours = oduya.getByRole('list', { name: 'Named alongside' });
  await expect(neighbours.getByRole('link')).toHaveText([
    'Elizabeth Kanter',
    'Halvorsen Ltd',
    'Liz Kanter',
  ]);
  await neighbours.getByRole('link', { name: 'Halvorsen Ltd' }).click();
  await expect(entities.entity('Halvorsen Ltd')).toBeVisible();

  // Details: aliases, an identifier, tags and a rich-text description; the source is unchanged.
  await entities
    .entity('Halvorsen Ltd')
    .getByRole('button', { name: 'Edit Halvorsen Ltd' })
    .click();
  const edit = page.getByRole('dialog', { name: 'Edit entity' });
  await edit.getByLabel('Name').fill('Halvorsen Maritime Ltd');
  await edit.getByLabel('Aliases').fill('Halvorsen\nHalvorsen\u00a0Ltd');
  await edit.getByLabel('Identifier 1 kind').fill('Registry');
  await edit.getByLabel('Identifier 1 value').fill('HE 412233');
  await edit.getByLabel('Tags').fill('shell company, cyprus');
  await edit.getByRole('textbox', { name: 'Description' }).click();
  await page.keyboard.type('Registered in Nicosia in 2017.');
  await edit.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type(' Sole director: Kanter.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  const halvorsen = entities.entity('Halvorsen Maritime Ltd');
  await expect(halvorsen).toContainText('Also called');
  await expect(halvorsen).toContainText('HE 412233');
  await expect(halvorsen.locator('.chip')).toHaveText(['shell company', 'cyprus']);
  await expect(
    halvorsen.getByRole('group', { name: 'About Halvorsen Maritime Ltd' }),
  ).toContainText('Registered in Nicosia in 2017.');
  await expect(
    halvorsen.getByRole('group', { name: 'About Halvorsen Maritime Ltd' }).locator('strong'),
  ).toHaveText('Sole director: Kanter.');
  await expect(
    halvorsen.getByRole('list', { name: 'Mentions in Memo' }).locator('mark'),
  ).toHaveText(['Halvorsen Ltd']);

  // Merge "Liz Kanter" into "Elizabeth Kanter" with the keyboard.
  await entities.open('Liz Kanter');
  await entities.entity('Liz Kanter').getByRole('button', { name: 'Merge into…' }).click();
  await entities.pick('Merge “Liz Kanter” into…', 'eliz');
  const kanter = entities.entity('Elizabeth Kanter');
  await expect(kanter).toContainText('2 mentions in 1 source');
  await expect(kanter).toContainText('Liz Kanter');
  await expect(entities.list().getByRole('link', { name: /^Liz Kanter,/ })).toHaveCount(0);
  let stored = await readStore<StoredEntity>(page, db, 'entities');
  const lizId = stored.find((e) => e.name === 'Liz Kanter')?.id;
  const kanterId = stored.find((e) => e.name === 'Elizabeth Kanter')?.id;
  expect(stored.find((e) => e.id === lizId)?.mergedInto).toBe(kanterId);
  expect(stored.find((e) => e.id === kanterId)?.aliases).toEqual(['Liz Kanter']);

  // Reload, then undo the merge from the page: everything goes back.
  await page.reload();
  await expect(kanter).toBeVisible();
  await kanter.getByRole('button', { name: 'Undo merge of Liz Kanter' }).click();
  await expect(kanter).toContainText('1 mention in 1 source');
  await expect(
    entities.list().getByRole('link', { name: /^Liz Kanter, Person, 1 mention/ }),
  ).toBeVisible();
  stored = await readStore<StoredEntity>(page, db, 'entities');
  expect(stored.find((e) => e.id === lizId)?.mergedInto).toBeUndefined();
  expect(stored.find((e) => e.id === kanterId)?.aliases).toEqual([]);
  const merges = await readStore<{ undoneAt?: string }>(page, db, 'merges');
  expect(merges).toHaveLength(1);
  expect(merges[0]?.undoneAt).toBeTruthy();

  // Move the "Liz Kanter" mention to Elizabeth Kanter; the source does not change.
  await entities.open('Liz Kanter');
  await entities
    .entity('Liz Kanter')
    .getByRole('button', { name: 'Move “Liz Kanter” to another entity' })
    .click();
  await entities.pick('Move mention', 'Elizabeth');
  await expect(entities.entity('Liz Kanter')).toContainText('0 mentions');
  const moved = await readStore<StoredMention>(page, db, 'mentions');
  expect(moved.find((m) => m.anchor.quote.exact === 'Liz Kanter')?.entityId).toBe(kanterId);
  await sources.goto();
  await sources.open('Memo');
  await expect(reader.text()).toContainText('Liz Kanter later wrote to Oduya about the fee.');

  // The activity log has it all.
  await nav.go('Activity');
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(activity).toContainText('Merged “Liz Kanter” into “Elizabeth Kanter”');
  await expect(activity).toContainText('Undid the merge of “Liz Kanter”');
  await expect(activity).toContainText(
    'Moved the tag “Liz Kanter” from Liz Kanter to Elizabeth Kanter',
  );
  await expect(activity).toContainText('The log is intact');
});
