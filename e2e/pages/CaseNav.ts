import { expect, type Page } from '@playwright/test';

/** The navigation rail of an open case. */
export class CaseNav {
  constructor(readonly page: Page) {}

  readonly nav = () => this.page.getByRole('navigation', { name: 'Case' });

  async go(
    section: 'Sources' | 'Entities' | 'Timeline' | 'Notes' | 'Activity' | 'Search' | 'Suggestions',
  ): Promise<void> {
    await this.nav()
      .getByRole('link', { name: new RegExp(`^${section}`) })
      .click();
    await expect(this.page.getByRole('region', { name: section, exact: true })).toBeVisible();
  }

  async backToCases(): Promise<void> {
    await this.nav()
      .getByRole('link', { name: /Casefile/ })
      .click();
  }
}
