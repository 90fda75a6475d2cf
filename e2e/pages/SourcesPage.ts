import { expect, type FileChooser, type Page } from '@playwright/test';

/** A file handed to the file picker. */
export interface FileSpec {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The sources list of a case, with its import actions and the import tray. */
export class SourcesPage {
  constructor(readonly page: Page) {}

  readonly list = () => this.page.getByRole('region', { name: 'Sources' });
  readonly tray = () => this.page.getByRole('region', { name: 'Import' });

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Case' })
      .getByRole('link', { name: /^Sources/ })
      .click();
    await expect(this.list()).toBeVisible();
  }

  /** Imports through the "Import files" picker and waits for the batch to finish. */
  async importFiles(files: (FileSpec | string)[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.list().getByRole('button', { name: 'Import files' }).click();
    await (await chooser).setFiles(files as Parameters<FileChooser['setFiles']>[0]);
    await expect(this.tray().getByText(/Import (finished|cancelled)/)).toBeVisible({
      timeout: 60_000,
    });
  }

  async pasteText(title: string, text: string, provenance = ''): Promise<void> {
    await this.list().getByRole('button', { name: 'Paste text' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Paste text' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Text', { exact: true }).fill(text);
    if (provenance) await dialog.getByLabel('Where did this come from?').fill(provenance);
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await expect(dialog).toBeHidden();
  }

  async open(title: string): Promise<void> {
    await this.list()
      .getByRole('link')
      .filter({ has: this.page.getByText(title, { exact: true }) })
      .first()
      .click();
    await expect(this.page.getByRole('article', { name: title, exact: true })).toBeVisible();
  }

  /** The row of the import tray for one file. */
  result(fileName: string) {
    return this.tray().getByRole('listitem').filter({ hasText: fileName });
  }
}
