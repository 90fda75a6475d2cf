import { expect, type Page } from '@playwright/test';

/** The Entities section: the list, one entity's page, and the Suggestions queue. */
export class EntitiesPage {
  constructor(readonly page: Page) {}

  readonly list = () => this.page.getByRole('region', { name: 'Entities', exact: true });
  readonly suggestions = () => this.page.getByRole('region', { name: 'Suggestions', exact: true });

  /** The page of one entity (a region named after it). */
  entity(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  async open(name: string): Promise<void> {
    await this.list()
      .getByRole('link', { name: new RegExp(`^${name},`) })
      .click();
    await expect(this.entity(name)).toBeVisible();
  }

  /** A group of the review queue: the suggestions that found the same words. */
  group(words: string) {
    return this.suggestions().getByRole('article', { name: `“${words}”`, exact: true });
  }

  /** Chooses an entity in a picker dialog by typing and pressing Enter. */
  async pick(dialogName: string, typed: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: dialogName });
    await dialog.getByRole('combobox').fill(typed);
    await expect(dialog.getByRole('option', { selected: true })).toBeVisible();
    await dialog.getByRole('combobox').press('Enter');
    await expect(dialog).toBeHidden();
  }
}
