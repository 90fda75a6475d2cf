import { expect, type Page } from '@playwright/test';

/** The start screen: the list of cases and the profile prompt. */
export class CasesPage {
  constructor(readonly page: Page) {}

  readonly list = () => this.page.getByRole('region', { name: 'Cases' });

  /** Opens the app; answers the one-time profile question when it is asked. */
  async open(profileName = 'Ana Reporter'): Promise<void> {
    await this.page.goto('/');
    const name = this.page.getByLabel('Your name');
    const cases = this.list();
    await expect(name.or(cases)).toBeVisible();
    if (await name.isVisible()) {
      await name.fill(profileName);
      await this.page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(cases).toBeVisible();
  }

  async create(name: string, description = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'New case' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Name').fill(name);
    if (description) await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(this.page.getByRole('navigation', { name: 'Case' })).toContainText(name);
  }

  async openCase(name: string): Promise<void> {
    await this.list()
      .getByRole('link', { name: new RegExp(name) })
      .click();
    await expect(this.page.getByRole('navigation', { name: 'Case' })).toContainText(name);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.list()
      .getByRole('button', { name: `Rename ${from}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Rename case' });
    await dialog.getByLabel('Name').fill(to);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(this.list()).toContainText(to);
  }
}
