import { expect, screenshot, test } from './fixtures';
import { ImportWizardPage } from './pages/import.page';
import { TiesPage } from './pages/ties.page';

// A historical ledger: twelve ties established between 1978 and 2011 with no visit on record,
// and two whose letter of intent is dated before their first contact.
const partners = [
  ['Nagoya', 'JP'],
  ['Leipzig', 'DE'],
  ['Florence', 'IT'],
  ['Perth', 'AU'],
  ['Mogilev', 'BY'],
  ['St. Louis', 'US'],
  ['Daejeon', 'KR'],
  ['Limassol', 'CY'],
  ['Bloemfontein', 'ZA'],
  ['Malmö', 'SE'],
  ['Tours', 'FR'],
  ['Haifa', 'IL'],
];
const LEDGER = [
  'local,local_level,partner,country,kind,stage,first_contact_on,intent_signed_on,established_on',
  ...partners.map(([p, c], i) => `南京,city,${p},${c},friendship,established,,,${1978 + i * 3}`),
  '南京,city,Zaragoza,ES,friendship,approved,2015-03-10,2014-11-02,',
  '南京,city,Eindhoven,NL,exchange,intent,2019-08-01,2018-06-12,',
].join('\n');

for (const lang of ['zh', 'en'] as const) {
  test.describe(`follow-ups after a history import, in ${lang}`, () => {
    test.use({ lang });
    test('one summary line, grouped items that open their tie, dismissed with a reason and brought back', async ({
      page,
      host,
      pageErrors,
    }) => {
      const ties = new TiesPage(page);
      const wizard = new ImportWizardPage(page);
      await ties.open(host.url);
      await wizard.open();
      await wizard.choose({
        name: 'history.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${LEDGER}\n`),
      });
      await wizard.check();
      const warnings = wizard.dialog.getByTestId('import-warnings');
      await expect(warnings.locator('li')).toHaveCount(2);
      await expect(warnings).toContainText('2014-11-02');
      await wizard.import();
      await expect(wizard.dialog.getByTestId('import-warnings').locator('li')).toHaveCount(2);
      await wizard.close();

      await page.getByRole('button', { name: lang === 'zh' ? /跟进提醒/ : /Follow-ups/ }).click();
      const unvisited = page.getByTestId('followups-unvisited');
      await expect(unvisited).toContainText(lang === 'zh' ? '12个' : '12 ties established before');
      const crossed = page.getByTestId('followups-outOfOrder');
      await expect(crossed.getByTestId('followup-item')).toHaveCount(2);
      await expect(page.getByTestId('followup-item')).toHaveCount(2);
      await screenshot(page, `followups-history-${lang}`);

      // An item opens its tie.
      await crossed.getByRole('button', { name: /Zaragoza/ }).click();
      await expect(page.locator('.detail-panel')).toBeVisible();
      await expect(page.locator('.detail-panel')).toContainText('Zaragoza');
      await page
        .locator('.detail-panel')
        .getByRole('button', { name: lang === 'zh' ? '关闭' : 'Close' })
        .first()
        .click();
      await expect(page.locator('.detail-panel')).toHaveCount(0);

      // Dismissed with a reason, then brought back.
      const item = crossed.getByTestId('followup-item').filter({ hasText: 'Eindhoven' });
      await item.getByRole('button', { name: lang === 'zh' ? '忽略…' : 'Dismiss…' }).click();
      await item.getByLabel(lang === 'zh' ? '原因' : 'Reason').fill('ledger checked');
      await item.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      await expect(page.getByTestId('followup-item')).toHaveCount(1);
      const marks = page.getByTestId('followups-marks');
      await expect(marks).toContainText('ledger checked');
      await screenshot(page, `followups-dismissed-${lang}`);
      await marks.getByRole('button', { name: lang === 'zh' ? '恢复提醒' : 'Bring back' }).click();
      await expect(page.getByTestId('followup-item')).toHaveCount(2);
      expect(pageErrors).toEqual([]);
    });
  });
}
