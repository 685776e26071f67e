import { expect, type Locator, type Page } from '@playwright/test';

/** The backups section of Settings, as a user reaches it from the sidebar. */
export class BackupsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('button', { name: /^(设置|Settings)$/ }).click();
    await expect(this.section).toBeVisible();
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: /^(备份|Backups)$/ });
  }

  get rows(): Locator {
    return this.section.locator('tbody tr');
  }

  get notice(): Locator {
    return this.section.locator('.notice');
  }

  async backUpNow(): Promise<void> {
    await this.section.getByRole('button', { name: /^(立即备份|Back up now)$/ }).click();
  }

  /** Asks to restore the backup in row `index` (newest first); leaves the dialog open. */
  async askToRestore(index: number): Promise<Locator> {
    await this.rows
      .nth(index)
      .getByRole('button', { name: /^(恢复…|Restore…)$/ })
      .click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
