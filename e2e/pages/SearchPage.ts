import { expect, type Page } from '@playwright/test';

/** The Search screen of a case: one search box, filters, results grouped by source. */
export class SearchPage {
  constructor(readonly page: Page) {}

  readonly region = () => this.page.getByRole('region', { name: 'Search', exact: true });
  readonly box = () => this.page.getByRole('searchbox', { name: 'Search' });
  readonly results = () => this.page.getByRole('region', { name: 'Results' });

  /** Opens the search box with the keyboard shortcut, from wherever the reporter is. */
  async openWithShortcut(key: 'Control+k' | '/' = 'Control+k'): Promise<void> {
    await this.page.keyboard.press(key);
    await expect(this.box()).toBeFocused();
  }

  async search(query: string): Promise<void> {
    await this.box().fill(query);
    await expect(
      this.results()
        .getByText(/result|Nothing found|Nothing to search/)
        .first(),
    ).toBeVisible();
  }

  /** The group of results of one source (or "Timeline events", "Entities"). */
  group(label: string) {
    return this.results().getByRole('region', { name: label, exact: true });
  }

  async filter(label: 'Kind' | 'Sender' | 'Entity' | 'Tag', option: string): Promise<void> {
    await this.region().getByLabel(label, { exact: true }).selectOption({ label: option });
  }
}
