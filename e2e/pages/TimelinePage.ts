import { expect, type Page } from '@playwright/test';

/** The timeline screen: the grouped list, the time axis, filters and the selected event. */
export class TimelinePage {
  constructor(readonly page: Page) {}

  readonly list = () => this.page.getByRole('region', { name: 'Timeline', exact: true });
  readonly axis = () => this.page.getByRole('region', { name: 'Time axis' });
  readonly details = () => this.page.getByRole('complementary', { name: /^Details of/ });
  readonly cards = () => this.list().getByRole('article');
  readonly card = (title: string) => this.list().getByRole('article', { name: title, exact: true });

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Case' })
      .getByRole('link', { name: /^Timeline/ })
      .click();
    await expect(this.list()).toBeVisible();
  }

  /** Selects an event by clicking its title in the list. */
  async select(title: string): Promise<void> {
    await this.card(title).getByRole('button', { name: title, exact: true }).click();
    await expect(
      this.page.getByRole('complementary', { name: `Details of ${title}` }),
    ).toBeVisible();
  }

  /** Adds an event with no passage, from the screen's own button. */
  async add(event: { title: string; date: string; tags?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add event' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add event' });
    await dialog.getByLabel('Title').fill(event.title);
    await dialog.getByLabel('Date', { exact: true }).fill(event.date);
    if (event.tags) await dialog.getByLabel('Tags').fill(event.tags);
    await dialog.getByRole('button', { name: 'Add to timeline' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The titles of the cards in list order. */
  async titles(): Promise<string[]> {
    return this.cards().evaluateAll((cards) =>
      cards.map((c) => c.getAttribute('aria-label') ?? ''),
    );
  }

  /** The headings of the list (years and months) in order. */
  async headings(): Promise<string[]> {
    return this.list()
      .locator('.timeline__year h3, .timeline__month h4')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
  }
}
