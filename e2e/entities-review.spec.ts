import { test, expect } from './support/fixtures';
import { caseIdFromUrl, readStore } from './support/storage';
import { EntitiesPage } from './pages/EntitiesPage';

const MEMO = [
  'Minister Grace Oduya met Elizabeth Kanter at the harbour office.',
  'Kanter later wrote to Oduya about the fee.',
  'Apple staff were not there; an apple, an apple and apple pie were served.',
].join('\n');
const EMAILS = 'Liz Kanter signed the invoice. Kanter sent it on Friday.';

interface StoredSuggestion {
  term: string;
  status: string;
  origin: string;
}
interface StoredMention {
  entityId: string;
  status: string;
  origin: string;
  anchor: { quote: { exact: string } };
}

test('a reporter tags with the keyboard and reviews suggestions, and nothing rejected comes back', async ({
  page,
  cases,
  sources,
  reader,
  nav,
}) => {
  test.setTimeout(120_000);
  const entities = new EntitiesPage(page);
  await cases.open();
  await cases.create('Kanter review');
  const db = `casefile-case-${caseIdFromUrl(page)}`;
  await sources.pasteText('Memo', MEMO);

  // Keyboard: select, press T, type, Enter.
  await reader.select('Elizabeth Kanter');
  await reader.text().press('t');
  const dialog = page.getByRole('dialog', { name: 'Tag entity' });
  await expect(dialog.getByRole('combobox', { name: 'Entity' })).toBeFocused();
  await expect(dialog.getByLabel('Type')).toHaveValue('person');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await reader.select('Grace Oduya');
  await reader.text().press('t');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await reader.select('Apple');
  await reader.text().press('t');
  await dialog.getByLabel('Type').selectOption({ label: 'Company' });
  await dialog.getByRole('combobox', { name: 'Entity' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(reader.text().locator('mark.hl--mention')).toHaveCount(3);

  // An alias makes every "Kanter" a suggestion, in this source and in the next one imported.
  await nav.go('Entities');
  await entities.open('Elizabeth Kanter');
  await entities
    .entity('Elizabeth Kanter')
    .getByRole('button', { name: 'Edit Elizabeth Kanter' })
    .click();
  const edit = page.getByRole('dialog', { name: 'Edit entity' });
  await edit.getByLabel('Aliases').fill('Kanter');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await sources.goto();
  await sources.pasteText('Emails', EMAILS);

  await nav.go('Suggestions');
  const kanter = entities.group('Kanter');
  await expect(kanter.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  const apples = entities.group('apple');
  await expect(apples.getByRole('button', { name: /Accept all 3/ })).toBeVisible({
    timeout: 30_000,
  });

  // What was tagged by hand is not suggested again.
  await expect(entities.group('Elizabeth Kanter')).toHaveCount(0);
  await expect(entities.group('Apple')).toHaveCount(0);

  // Reject one "Kanter", then accept the rest at once.
  await kanter
    .getByRole('listitem')
    .filter({ hasText: 'on Friday' })
    .getByRole('button', { name: 'Reject' })
    .click();
  await expect(kanter.getByRole('listitem')).toHaveCount(1);
  await kanter.getByRole('button', { name: 'Accept all 1' }).click();
  await expect(kanter).toHaveCount(0);

  // "apple" floods: ignore it for good in one click.
  await apples.getByRole('button', { name: 'Always ignore' }).click();
  await expect(apples).toHaveCount(0);

  // A name found by recognition can be accepted as a new entity of its type.
  const liz = entities.group('Liz Kanter');
  await expect(liz).toBeVisible();
  await expect(liz.getByLabel('Accept as')).toHaveValue('n:person');
  await liz.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(liz).toHaveCount(0);

  // Reload: nothing accepted, rejected or ignored comes back, and the tags are there.
  await page.reload();
  await expect(entities.suggestions()).toBeVisible();
  await expect(entities.group('Kanter')).toHaveCount(0);
  await expect(entities.group('apple')).toHaveCount(0);
  await expect(entities.group('Liz Kanter')).toHaveCount(0);

  const stored = await readStore<StoredSuggestion>(page, db, 'suggestions');
  const byStatus = (term: string) =>
    stored
      .filter((s) => s.term === term)
      .map((s) => s.status)
      .sort();
  expect(byStatus('kanter')).toEqual(['accepted', 'rejected']);
  expect(byStatus('apple')).toEqual(['ignored', 'ignored', 'ignored']);
  expect(await readStore<{ term: string }>(page, db, 'ignoredTerms')).toEqual([
    expect.objectContaining({ term: 'apple' }),
  ]);
  const mentions = await readStore<StoredMention>(page, db, 'mentions');
  expect(
    mentions.filter((m) => m.origin === 'known-entity').map((m) => m.anchor.quote.exact),
  ).toEqual(['Kanter']);
  expect(mentions.filter((m) => m.origin === 'ner').map((m) => m.anchor.quote.exact)).toEqual([
    'Liz Kanter',
  ]);
  expect(mentions.every((m) => m.status === 'confirmed')).toBe(true);

  // A later import: a new "Kanter" is suggested; "apple" and the rejected passage are not.
  await sources.goto();
  await sources.pasteText('Late note', 'Kanter and an apple again.');
  await nav.go('Suggestions');
  await expect(entities.group('Kanter').getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await expect(entities.group('Kanter')).toContainText('Late note');
  await expect(entities.group('apple')).toHaveCount(0);
});
