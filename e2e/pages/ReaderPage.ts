import { expect, type Page } from '@playwright/test';
import { dragSelect } from '../support/selection';

/** The open source: its text, tagging and adding events. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  readonly text = () => this.page.getByRole('document', { name: /^Text of/ });

  async select(passage: string, occurrence = 0): Promise<void> {
    await dragSelect(this.page, this.text(), passage, occurrence);
    await expect(this.page.getByText(/characters selected/)).toBeVisible();
  }

  /** Tags the selected words: picks an existing entity, or creates one of the given type. */
  async tag(
    passage: string,
    entity: { name?: string; type?: string; existing?: string; occurrence?: number } = {},
  ): Promise<void> {
    await this.select(passage, entity.occurrence ?? 0);
    await this.page.getByRole('button', { name: 'Tag entity' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tag entity' });
    const box = dialog.getByRole('combobox', { name: 'Entity' });
    if (entity.existing) {
      await box.fill(entity.existing);
      await expect(
        dialog.getByRole('option', { name: new RegExp(entity.existing) }).first(),
      ).toHaveAttribute('aria-selected', 'true');
      await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
    } else {
      await box.fill(entity.name ?? passage);
      if (entity.type) await dialog.getByLabel('Type').selectOption({ label: entity.type });
      await dialog.getByRole('button', { name: 'Create and tag' }).click();
    }
    await expect(dialog).toBeHidden();
  }

  async addEvent(
    passage: string,
    event: { title: string; date: string; description?: string },
  ): Promise<void> {
    await this.select(passage);
    await this.page.getByRole('button', { name: 'Add event' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add event' });
    await dialog.getByLabel('Title').fill(event.title);
    await dialog.getByLabel('Date', { exact: true }).fill(event.date);
    if (event.description) {
      await dialog.getByRole('textbox', { name: 'Description' }).click();
      await this.page.keyboard.type(event.description);
    }
    await dialog.getByRole('button', { name: 'Add to timeline' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Selects a passage and opens the Add event dialog on it. */
  async openEventDialog(passage: string, occurrence = 0) {
    await this.select(passage, occurrence);
    await this.page.getByRole('button', { name: 'Add event' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add event' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
