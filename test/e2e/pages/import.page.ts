import { expect, type Locator, type Page } from '@playwright/test';

/** The import wizard, as a user goes through it from the Ties toolbar. */
export class ImportWizardPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: /^(导入…|Import…)$/ }).click();
    await expect(this.dialog).toBeVisible();
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.dialog.locator('input[type=file]').setInputFiles(file);
    await expect(this.dialog.locator('.import-sheet').first()).toBeVisible();
  }

  mapping(header: string): Locator {
    return this.dialog.getByLabel(new RegExp(`^(对应字段|Field): ${header}$`));
  }

  async check(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(检查（试导入）|Check \(dry run\))$/ }).click();
  }

  async import(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(导入|Import)$/ }).click();
  }

  get problems(): Locator {
    return this.dialog.getByRole('table', { name: /^(问题|Problems)$/ });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(关闭|Close)$/ }).click();
    await expect(this.dialog).toHaveCount(0);
  }
}
