import { expect, screenshot, test } from './fixtures';
import { ImportWizardPage } from './pages/import.page';
import { TiesPage } from './pages/ties.page';

/** An office's merged-cell ledger, made by LibreOffice, through the wizard (issue 20). */
const LEDGER = 'test/fixtures/ledgers/merged.xlsx';

for (const lang of ['zh', 'en'] as const) {
  test.describe(`a merged-cell ledger in ${lang}`, () => {
    test.use({ lang });

    test('previews what it will infer and leave out, and the dry run says what it found', async ({
      page,
      host,
      pageErrors,
    }) => {
      const ties = new TiesPage(page);
      const wizard = new ImportWizardPage(page);
      await ties.open(host.url);
      await wizard.open();
      await wizard.choose(LEDGER);
      const sheet = wizard.dialog.locator('.import-sheet').first();
      await expect(sheet.locator('.import-notices')).toContainText(
        lang === 'zh' ? '合并单元格' : 'merged cells',
      );
      // The merged 我方 is on every row of its group.
      await expect(sheet.locator('.import-table tbody tr')).toHaveCount(5);
      await expect(sheet.locator('.import-table tbody tr').nth(2).locator('td').nth(2)).toHaveText(
        '合肥',
      );
      await wizard.check();
      const status = wizard.dialog.getByRole('status');
      await expect(status).toContainText(lang === 'zh' ? '将新增5条' : '5 to create');
      await expect(status).toContainText(lang === 'zh' ? '有1个合计行' : 'Row 10 is a total row');
      await screenshot(page, `import-ledger-dry-run-${lang}`);
      expect((await host.call<{ total: number }>('ties:list')).total).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });
}
