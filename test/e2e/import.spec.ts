import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { expect, screenshot, test } from './fixtures';
import { ImportWizardPage } from './pages/import.page';
import { TiesPage } from './pages/ties.page';

const SAMPLE = 'test/fixtures/nanjing-ties.csv';

for (const lang of ['zh', 'en'] as const) {
  test.describe(`the import wizard in ${lang}`, () => {
    test.use({ lang });

    test('previews the mapping, checks, imports with one summary, and exports the grid', async ({
      page,
      host,
      pageErrors,
    }) => {
      const ties = new TiesPage(page);
      const wizard = new ImportWizardPage(page);
      await ties.open(host.url);
      await wizard.open();
      await screenshot(page, `import-1-choose-${lang}`);
      await wizard.choose(SAMPLE);
      await expect(wizard.mapping('established_on')).toHaveValue('established_on');
      await expect(wizard.dialog.locator('.import-table tbody tr')).toHaveCount(8);
      await screenshot(page, `import-2-preview-${lang}`);

      await wizard.check();
      await expect(wizard.dialog.getByRole('status')).toContainText(
        lang === 'zh' ? '将新增20条' : '20 to create',
      );
      await screenshot(page, `import-3-checked-${lang}`);
      expect((await host.call<{ total: number }>('ties:list')).total).toBe(0);

      await wizard.import();
      await expect(wizard.dialog.locator('.import-done')).toContainText(
        lang === 'zh' ? '新增20条' : '20 created',
      );
      await screenshot(page, `import-4-done-${lang}`);
      await wizard.close();
      await expect(ties.rowCount).toHaveText(lang === 'zh' ? '共20对' : '20 ties');

      const download = page.waitForEvent('download');
      await page.getByRole('combobox', { name: /^(导出|Export)$/ }).selectOption('csv');
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^youcheng-ties-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = readFileSync(await file.path(), 'utf8');
      expect(text.split('\r\n')).toHaveLength(22);
      expect(text).toContain(lang === 'zh' ? '外方城市' : 'Partner');

      // The whole registry headed as an office heads it, in the UI's language.
      const workbook = page.waitForEvent('download');
      await page
        .getByRole('combobox', { name: /^(导出|Export)$/ })
        .selectOption(
          lang === 'zh'
            ? '整个登记库，中文表头（XLSX）'
            : 'Whole registry with office headings (XLSX)',
        );
      const office = await workbook;
      expect(office.suggestedFilename()).toMatch(
        new RegExp(`^youcheng-registry-${lang}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
      );
      const book = XLSX.read(readFileSync(await office.path()), { type: 'buffer' });
      const sheet = lang === 'zh' ? '友城关系' : 'Ties';
      const header = XLSX.utils.sheet_to_json<string[]>(book.Sheets[sheet]!, { header: 1 })[0];
      expect(header?.[0]).toBe(lang === 'zh' ? '我方' : 'Our locality');
      expect(pageErrors).toEqual([]);
    });

    test('lists every bad row of a refused file and imports nothing', async ({
      page,
      host,
      pageErrors,
    }) => {
      const ties = new TiesPage(page);
      const wizard = new ImportWizardPage(page);
      await ties.open(host.url);
      await wizard.open();
      const bad = readFileSync(SAMPLE, 'utf8')
        .replace('Nanjing,city,Leipzig,Germany', 'Nanjing,city,Leipzig,Narnia')
        .replace('established,1980,', 'established,1980-13,');
      await wizard.choose({ name: 'ledger.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await wizard.check();
      await expect(wizard.problems.locator('tbody tr')).toHaveCount(2);
      await expect(wizard.problems).toContainText('Narnia');
      await expect(wizard.problems).toContainText('1980-13');
      await screenshot(page, `import-5-problems-${lang}`);
      await wizard.close();
      expect((await host.call<{ total: number }>('ties:list')).total).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });
}
