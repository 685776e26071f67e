import { expect, screenshot, test } from './fixtures';
import { ImportWizardPage } from './pages/import.page';
import { TiesPage } from './pages/ties.page';

/** A ledger large enough for its import to outlast what a second tab does meanwhile. */
function ledger(rows: number): Buffer {
  const lines = ['local,local_level,partner,country,stage,established_on,notes'];
  for (let i = 0; i < rows; i++)
    lines.push(`Locality ${i % 50},city,Partner ${i},JP,established,${1980 + (i % 40)},row ${i}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`a long import in ${lang}`, () => {
    test.use({ lang });

    test('moves its progress bar while another tab reads and is told an import is running', async ({
      page,
      host,
    }) => {
      test.setTimeout(300_000);
      const rows = 60_000;
      const ties = new TiesPage(page);
      const wizard = new ImportWizardPage(page);
      await ties.open(host.url);
      await wizard.open();
      await wizard.choose({ name: 'ledger.csv', mimeType: 'text/csv', buffer: ledger(rows) });
      await wizard.import();
      const bar = wizard.dialog.locator('.import-progress progress');
      const value = async () => Number(await bar.getAttribute('value'));
      await expect.poll(value, { timeout: 120_000 }).toBeGreaterThan(0);
      const first = await value();
      await screenshot(page, `jobs-1-importing-${lang}`);

      // Another tab: the registry reads as it was, and a new tie is refused, naming the import.
      const other = await page.context().newPage();
      const otherTies = new TiesPage(other);
      await otherTies.open(host.url);
      await expect(otherTies.rowCount).toHaveText(lang === 'zh' ? '共0对' : '0 ties');
      await otherTies.addTie({ local: '南京', level: 'city', partner: 'Nagoya', country: '日本' });
      await expect(other.getByRole('dialog')).toContainText(
        lang === 'zh' ? '正在导入' : 'An import is running',
      );
      await screenshot(other, `jobs-2-refused-${lang}`);
      // All of that while the import ran, and its bar moved on meanwhile.
      await expect(bar).toBeVisible();
      await expect.poll(value, { timeout: 120_000 }).toBeGreaterThan(first);

      await expect(wizard.dialog.locator('.import-done')).toBeVisible({ timeout: 240_000 });
      expect((await host.call<{ total: number }>('ties:list')).total).toBe(rows);
      await other.close();
    });
  });
}
