import type { LocalityRow, Page, TieRow } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { expect, screenshot, test } from './fixtures';

const words = {
  zh: {
    welcome: '欢迎使用友城',
    office: '单位名称',
    place: '辖区名称',
    level: '级别',
    start: '开始使用',
  },
  en: {
    welcome: 'Welcome to Youcheng',
    office: 'Office name',
    place: 'Name of the jurisdiction',
    level: 'Its level',
    start: 'Start',
  },
} as const;

for (const lang of ['zh', 'en'] as const) {
  const w = words[lang];
  test.describe(`the place directory (${lang})`, () => {
    test.use({ lang, firstRun: true });

    test('the first run picks the jurisdiction from the directory', async ({
      page,
      host,
      pageErrors,
    }) => {
      await page.goto(host.url);
      const dialog = page.getByRole('dialog', { name: w.welcome });
      await dialog.getByLabel(w.office).fill(lang === 'zh' ? '安徽省外办' : 'Anhui FAO');
      const place = dialog.getByLabel(w.place);
      await place.fill(lang === 'zh' ? '安徽' : 'anhui');
      const option = dialog.locator('[data-testid="directory-places"] option').first();
      await expect(option).toHaveAttribute(
        'value',
        lang === 'zh' ? '安徽省 · Anhui' : 'Anhui · 安徽省',
      );
      await screenshot(page, `first-run-directory-${lang}`);
      // Choosing the place fills its Chinese name and sets its level.
      await place.fill((await option.getAttribute('value')) ?? '');
      await expect(place).toHaveValue('安徽省');
      await expect(dialog.getByLabel(w.level)).toHaveValue('province');
      await dialog.getByRole('button', { name: w.start }).click();
      await expect(dialog).toHaveCount(0);
      const settings = await host.call<Settings>('settings:get');
      const localities = await host.call<LocalityRow[]>('localities:list');
      expect(localities.find((l) => l.id === settings.jurisdictionId)).toMatchObject({
        name: '安徽省',
        code: '340000',
        level: 'province',
      });
      // Ties typed in English land on the directory's places, in pinyin order.
      for (const local of ['Wuhu', 'Hefei', 'Anqing'])
        await host.call('ties:create', { local, partner: `${local} partner`, country: 'JP' });
      const page1 = await host.call<Page<TieRow>>('ties:list', {
        sort: [{ colId: 'local', sort: 'asc' }],
      });
      expect(page1.rows.map((r) => r.local)).toEqual(['Anqing', 'Hefei', 'Wuhu']);
      expect(pageErrors).toEqual([]);
    });
  });
}
