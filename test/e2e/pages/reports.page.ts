import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The Reports screen, as a user reaches it: parameters, the preview, Print and Save as PDF. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('button', { name: /^(报表|Reports)$/ }).click();
    await expect(this.page.getByRole('heading', { name: /^(报表|Reports)$/ })).toBeVisible();
  }

  /** The printed document inside the preview frame. */
  get document(): FrameLocator {
    return this.page.frameLocator('.report-preview iframe');
  }

  get status(): Locator {
    return this.page.getByTestId('report-status');
  }

  field(label: RegExp): Locator {
    return this.page.getByLabel(label);
  }

  async asOf(date: string): Promise<void> {
    const input = this.field(/^(截至日期|As of)$/);
    await input.fill(date);
    await input.press('Enter');
  }

  async language(value: 'zh' | 'en'): Promise<void> {
    await this.field(/^(报表语言|Language of the report)$/).selectOption(value);
  }

  /** The option's text, once the picker lists it (a picker of ties fills in when they come). */
  private async optionText(select: RegExp, option: RegExp): Promise<string> {
    const options = this.field(select).locator('option');
    await expect
      .poll(async () => (await options.allTextContents()).some((t) => option.test(t)), {
        message: `an option ${option}`,
      })
      .toBe(true);
    return (await options.allTextContents()).find((t) => option.test(t)) ?? '';
  }

  async choose(select: RegExp, option: RegExp): Promise<void> {
    await this.field(select).selectOption({ label: await this.optionText(select, option) });
  }

  async savePdf(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /^(另存为PDF…|Save as PDF…)$/ }).click();
    const file = `test-results/reports/${(await download).suggestedFilename()}`;
    await (await download).saveAs(file);
    return file;
  }
}
