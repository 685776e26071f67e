import { expect, type Locator, type Page } from '@playwright/test';
import { showColumn } from './grid';

/** The Ties screen, as a user reaches it: the grid, its toolbar, the new-tie dialog. */
export class TiesPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.locator('.ag-root-wrapper')).toBeVisible();
  }

  get rowCount(): Locator {
    return this.page.getByTestId('row-count');
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  /** The grid row id of the row whose partner is `partner`. */
  async rowId(partner: string): Promise<string> {
    const row = this.page.locator('.ag-row', {
      has: this.page.locator(`.ag-cell[col-id="partner"]`, {
        hasText: new RegExp(`^${escape(partner)}$`),
      }),
    });
    await expect(row).toHaveCount(1);
    return (await row.getAttribute('row-id')) ?? '';
  }

  /** A cell, if drawn: a column beyond the first screen is drawn once scrolled to (`show`). */
  cell(rowId: string, column: string): Locator {
    return this.page.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${column}"]`);
  }

  /** Scrolls the grid sideways to a column, as a user does before clicking one of its cells. */
  async show(column: string): Promise<void> {
    await showColumn(this.page, column);
  }

  /** A cell, the grid first scrolled to its column. */
  async shown(rowId: string, column: string): Promise<Locator> {
    await this.show(column);
    return this.cell(rowId, column);
  }

  /** Types into a cell as in Excel: open the editor, replace the text, press Enter. */
  async typeInto(rowId: string, column: string, text: string): Promise<void> {
    await (await this.startTyping(rowId, column, text)).press('Enter');
  }

  /** Opens a cell's editor and types, without saving yet: the editor stays open. */
  async startTyping(rowId: string, column: string, text: string): Promise<Locator> {
    const cell = await this.shown(rowId, column);
    await cell.dblclick();
    const input = this.page
      .locator('.ag-cell-inline-editing input, .ag-popup-editor input, .ag-popup-editor textarea')
      .first();
    await expect(input).toBeVisible();
    await input.fill(text);
    return input;
  }

  async choose(rowId: string, column: string, value: string): Promise<void> {
    await (await this.shown(rowId, column)).dblclick();
    const select = this.page.locator('.ag-cell-inline-editing select');
    await select.selectOption(value);
    await select.press('Enter');
  }

  async addTie(fields: {
    local?: string;
    level?: string;
    partner: string;
    country: string;
    kind?: string;
    stage?: string;
    established?: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: /新增友城关系|Add tie/ }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    if (fields.local !== undefined)
      await dialog.getByLabel(/^(我方|Our locality)$/).fill(fields.local);
    if (fields.level !== undefined)
      await dialog.getByLabel(/^(我方级别|Level)$/).selectOption(fields.level);
    await dialog.getByLabel(/^(外方城市|Partner)$/).fill(fields.partner);
    await dialog.getByLabel(/^(国家|Country)$/).fill(fields.country);
    if (fields.kind) await dialog.getByLabel(/^(类型|Kind)$/).selectOption(fields.kind);
    if (fields.stage) await dialog.getByLabel(/^(阶段|Stage)$/).selectOption(fields.stage);
    if (fields.established)
      await dialog.getByLabel(/^(结好日期|Established)$/).fill(fields.established);
    await dialog.getByRole('button', { name: /^(创建|Create)$/ }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
