import { expect, type Download, type Page } from '@playwright/test';

/** Exporting a case as a bundle, and opening one from the start screen. */
export class BundlePage {
  constructor(readonly page: Page) {}

  readonly exportDialog = () => this.page.getByRole('dialog', { name: 'Export case' });
  readonly openDialog = () => this.page.getByRole('dialog', { name: 'Open bundle' });

  /**
   * Exports the open case (the "Export case" button of the case) and saves the download at
   * `path`. Returns the download and the fingerprint shown.
   */
  async exportOpenCase(path: string): Promise<{ download: Download; fingerprint: string }> {
    await this.page
      .getByRole('navigation', { name: 'Case' })
      .getByRole('button', { name: 'Export case' })
      .click();
    return this.confirmExport(path);
  }

  /** Confirms the export dialog and keeps the download. */
  async confirmExport(path: string): Promise<{ download: Download; fingerprint: string }> {
    const dialog = this.exportDialog();
    await expect(dialog).toContainText('holds every source of this case in clear text');
    const downloading = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export case' }).click();
    const download = await downloading;
    await download.saveAs(path);
    await expect(dialog.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible({
      timeout: 60_000,
    });
    const fingerprint = (await dialog.getByLabel('Bundle fingerprint').textContent()) ?? '';
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    return { download, fingerprint };
  }

  /** Picks a bundle file with "Open bundle" and waits for its summary or its refusal. */
  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open bundle' }).click();
    await (await chooser).setFiles(file);
    await expect(this.openDialog()).toBeVisible();
    await expect(
      this.openDialog()
        .getByRole('button', { name: /Open as new case|Open another copy/ })
        .or(this.openDialog().getByText('This bundle was refused.')),
    ).toBeVisible({ timeout: 30_000 });
  }

  /** The refusal shown for a bundle that does not check out. */
  async refusal(): Promise<string> {
    const notice = this.openDialog().getByRole('alert');
    await expect(notice).toContainText('This bundle was refused.', { timeout: 60_000 });
    return (await notice.textContent()) ?? '';
  }
}
