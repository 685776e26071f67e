import type { LocalityRow, Page, TieRow } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { expect, screenshot, test } from './fixtures';
import { TiesPage } from './pages/ties.page';

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
      await dialog.getByLabel(/^(您的姓名|Your name)$/).fill('李明');
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
      // Typed in English, each is stored as the directory's place, by its Chinese name.
      expect(page1.rows.map((r) => r.local)).toEqual(['安庆市', '合肥市', '芜湖市']);
      expect(pageErrors).toEqual([]);
    });
  });
}

const refusal = {
  zh: '与台湾、香港、澳门城市的交流不属于国际友好城市关系',
  en: 'exchanges with cities in Taiwan, Hong Kong and Macao are not international friendship-city ties',
} as const;

for (const lang of ['zh', 'en'] as const) {
  test.describe(`the country picker (${lang})`, () => {
    test.use({ lang });

    test('does not offer Taiwan and says why, and the cell is refused', async ({
      page,
      host,
      pageErrors,
    }) => {
      const tie = await host.call<TieRow>('ties:create', {
        local: '合肥市',
        local_level: 'city',
        partner: 'Columbus',
        country: 'US',
      });
      const ties = new TiesPage(page);
      await ties.open(host.url);
      const input = await ties.startTyping(tie.id, 'country', lang === 'zh' ? '台湾' : 'Taiwan');
      const note = page.locator('.country-list .empty');
      await expect(note).toContainText(refusal[lang]);
      await screenshot(page, `country-picker-taiwan-${lang}`);
      await input.press('Enter');
      await expect(ties.cell(tie.id, 'country').locator('.cell-refused')).toHaveAttribute(
        'title',
        new RegExp(refusal[lang]),
      );
      expect((await host.call<TieRow>('ties:get', { id: tie.id })).country).toBe('US');
      expect(pageErrors).toEqual([]);
    });
  });
}

const placesWords = {
  zh: {
    nav: '地区与城市',
    partners: '外方城市',
    merge: '合并',
    merged: '已将“Ōsaka”合并到“Osaka”',
    undo: '撤销',
    undone: '已撤销',
  },
  en: {
    nav: 'Places',
    partners: 'Partner cities',
    merge: 'Merge',
    merged: 'Merged “Ōsaka” into “Osaka”',
    undo: 'Undo',
    undone: 'Undone',
  },
} as const;

for (const lang of ['zh', 'en'] as const) {
  const w = placesWords[lang];
  test.describe(`the Places screen (${lang})`, () => {
    test.use({ lang });

    test('merges a suggested duplicate in one step and undoes it', async ({
      page,
      host,
      pageErrors,
    }) => {
      for (const [local, partner] of [
        ['合肥市', 'Osaka'],
        ['芜湖市', 'Ōsaka'],
        ['芜湖市', 'Kobe'],
      ] as const)
        await host.call('ties:create', { local, local_level: 'city', partner, country: 'JP' });
      await page.goto(host.url);
      await page.getByRole('navigation').getByRole('button', { name: w.nav }).click();
      const suggestions = page.getByTestId('suggestions');
      await expect(suggestions.locator('li')).toHaveCount(1);
      await expect(suggestions).toContainText('Osaka · Ōsaka');
      await expect(page.getByTestId('localities')).toContainText('合肥市');
      await screenshot(page, `places-${lang}`);

      await suggestions.getByRole('button', { name: w.merge }).click();
      const panel = page.getByTestId('merge-panel');
      await expect(panel).toContainText('Ōsaka');
      await screenshot(page, `places-merge-${lang}`);
      await panel.getByRole('button', { name: w.merge, exact: true }).click();
      await expect(page.getByRole('status')).toContainText(w.merged);
      await expect(suggestions.locator('li')).toHaveCount(0);
      await page.getByRole('tab', { name: w.partners }).click();
      const partners = page.getByTestId('partners');
      await expect(partners.locator('tbody tr')).toHaveCount(2);
      await expect(partners.locator('tr', { hasText: 'Osaka' }).locator('td.num')).toHaveText('2');
      await screenshot(page, `places-merged-${lang}`);

      await page.getByRole('button', { name: w.undo, exact: true }).click();
      await expect(page.getByRole('status')).toContainText(w.undone);
      await expect(partners.locator('tbody tr')).toHaveCount(3);
      await expect(suggestions.locator('li')).toHaveCount(1);
      const ties = await host.call<Page<TieRow>>('ties:list', {});
      expect(ties.rows.map((t) => t.partner).sort()).toEqual(['Kobe', 'Osaka', 'Ōsaka']);
      expect(pageErrors).toEqual([]);
    });
  });
}

const reasons = {
  zh: {
    variant: '中文名相同（繁体字或日文汉字写法）',
    spelling: '同一名称的不同拼写',
    reading: '日文读音',
  },
  en: {
    variant: 'the same Chinese name in traditional or Japanese characters',
    spelling: 'the same name in another spelling',
    reading: 'Japanese reading',
  },
} as const;

for (const lang of ['zh', 'en'] as const) {
  const w = placesWords[lang];
  test.describe(`suggested duplicates in another script or spelling (${lang})`, () => {
    test.use({ lang });

    test('offers 長崎 and 长崎, Ōsaka and Osaka-shi, 大阪 and Osaka by its Japanese reading, and not a prefecture beside its city', async ({
      page,
      host,
      pageErrors,
    }) => {
      for (const [local, partner] of [
        ['合肥市', '長崎'],
        ['芜湖市', '长崎'],
        ['合肥市', 'Ōsaka'],
        ['芜湖市', 'Osaka-shi'],
        ['合肥市', 'Nagasaki-ken'],
        ['芜湖市', 'Nagasaki'],
        ['合肥市', '大阪'],
        ['芜湖市', 'Osaka'],
        ['合肥市', '大阪府'],
      ] as const)
        await host.call('ties:create', { local, local_level: 'city', partner, country: 'JP' });
      await page.goto(host.url);
      await page.getByRole('navigation').getByRole('button', { name: w.nav }).click();
      const items = page.getByTestId('suggestions').locator('li');
      // One item naming the two, in either order, for the reason given.
      const pair = (a: string, b: string) =>
        items.filter({
          has: page.locator('span', { hasText: new RegExp(`^(?:${a} · ${b}|${b} · ${a})$`) }),
        });
      const expected = [
        ['長崎', '长崎', reasons[lang].variant],
        ['Ōsaka', 'Osaka-shi', reasons[lang].spelling],
        ['Ōsaka', 'Osaka', reasons[lang].spelling],
        ['Osaka-shi', 'Osaka', reasons[lang].spelling],
        // 大阪 reads Osaka, 長崎 and 长崎 read Nagasaki: 日文读音, Japanese reading.
        ['大阪', 'Osaka', reasons[lang].reading],
        ['大阪', 'Ōsaka', reasons[lang].reading],
        ['大阪', 'Osaka-shi', reasons[lang].reading],
        ['長崎', 'Nagasaki', reasons[lang].reading],
        ['长崎', 'Nagasaki', reasons[lang].reading],
      ] as const;
      await expect(items).toHaveCount(expected.length);
      for (const [a, b, reason] of expected) {
        await expect(pair(a, b)).toHaveCount(1);
        await expect(pair(a, b)).toContainText(reason);
      }
      // Never a prefecture beside its city: Nagasaki-ken, 大阪府.
      await expect(page.getByTestId('suggestions')).not.toContainText('Nagasaki-ken');
      await expect(page.getByTestId('suggestions')).not.toContainText('大阪府');
      await screenshot(page, `places-suggestions-${lang}`);
      expect(pageErrors).toEqual([]);
    });
  });
}

for (const lang of ['zh', 'en'] as const) {
  const w = placesWords[lang];
  test.describe(`editing a place (${lang})`, () => {
    test.use({ lang });

    test('finds a locality by its pinyin initials, sets its parent, and undoes it', async ({
      page,
      host,
      pageErrors,
    }) => {
      // 合肥市 first: registered before its province, it has no parent yet.
      for (const local of ['合肥市', '安徽省'])
        await host.call('ties:create', { local, partner: `${local} partner`, country: 'JP' });
      await page.goto(host.url);
      await page.getByRole('navigation').getByRole('button', { name: w.nav }).click();
      const table = page.getByTestId('localities');
      await expect(table.locator('tbody tr')).toHaveCount(2);
      await page.getByRole('searchbox').fill('hf');
      await expect(table.locator('tbody tr')).toHaveCount(1);
      await table.getByRole('button', { name: lang === 'zh' ? '编辑' : 'Edit' }).click();
      await table.getByLabel(lang === 'zh' ? '上级' : 'Parent').selectOption({ label: '安徽省' });
      await table.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      await expect(table.locator('tbody tr').first()).toContainText('安徽省');
      const localities = await host.call<LocalityRow[]>('localities:list');
      const hefei = localities.find((l) => l.name === '合肥市');
      expect(hefei?.parent_id).toBe(localities.find((l) => l.name === '安徽省')?.id);

      await page.getByRole('button', { name: w.undo, exact: true }).click();
      await expect(page.getByRole('status')).toContainText(w.undone);
      const after = await host.call<LocalityRow[]>('localities:list');
      expect(after.find((l) => l.name === '合肥市')?.parent_id).toBeNull();
      expect(pageErrors).toEqual([]);
    });
  });
}

test.describe('a merge that would make a tie twice (en)', () => {
  test.use({ lang: 'en' });

  test('lists the pair, refuses until one is deleted, then merges', async ({
    page,
    host,
    pageErrors,
  }) => {
    for (const partner of ['Osaka', 'Ōsaka'])
      await host.call('ties:create', {
        local: '合肥市',
        local_level: 'city',
        partner,
        country: 'JP',
      });
    await page.goto(host.url);
    await page.getByRole('navigation').getByRole('button', { name: 'Places' }).click();
    await page.getByTestId('suggestions').getByRole('button', { name: 'Merge' }).click();
    const panel = page.getByTestId('merge-panel');
    const clashes = panel.getByTestId('merge-clashes');
    await expect(clashes).toContainText('合肥市 – Osaka and 合肥市 – Ōsaka');
    const merge = panel.getByRole('button', { name: 'Merge', exact: true });
    await expect(merge).toBeDisabled();
    await screenshot(page, 'places-merge-clash-en');
    await clashes.getByRole('button', { name: 'Delete 合肥市 – Ōsaka' }).click();
    await expect(clashes).toHaveCount(0);
    await merge.click();
    await expect(page.getByRole('status')).toContainText('Merged “Ōsaka” into “Osaka”');
    const ties = await host.call<Page<TieRow>>('ties:list', {});
    expect(ties.rows.map((t) => `${t.local} ${t.partner}`)).toEqual(['合肥市 Osaka']);
    expect(pageErrors).toEqual([]);
  });
});

for (const lang of ['zh', 'en'] as const) {
  test.describe(`grids that hold their rows (${lang})`, () => {
    test.use({ lang });

    test('sort letters and approval steps by locality in pinyin, 安庆市 before 合肥市 before 芜湖市', async ({
      page,
      host,
      pageErrors,
    }) => {
      for (const local of ['Wuhu', 'Hefei City', 'Anqing']) {
        const tie = await host.call<TieRow>('ties:create', {
          local,
          partner: `${local} partner`,
          country: 'JP',
        });
        await host.call('letters:create', { tie_id: tie.id, title: `${local} letter` });
        await host.call('steps:create', { tie_id: tie.id, authority: '安徽省外办' });
      }
      await page.goto(host.url);
      const nav =
        lang === 'zh'
          ? { letters: '意向书', approvals: '报批' }
          : { letters: 'Letters of intent', approvals: 'Approvals' };
      for (const [key, name] of Object.entries(nav)) {
        await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
        await page.locator('.ag-header-cell[col-id="local"] .ag-header-cell-label').click();
        // The locality column is pinned: its cells, in the order of their rows' index.
        const shown = () =>
          page.locator('.ag-cell[col-id="local"]').evaluateAll((cells) =>
            cells
              .map((c) => ({
                index: Number(c.closest('.ag-row')?.getAttribute('row-index')),
                text: c.textContent ?? '',
              }))
              .sort((x, y) => x.index - y.index)
              .map((c) => c.text)
              // The blank row at the bottom, for a new record, has no locality.
              .filter((t) => t !== ''),
          );
        await expect.poll(shown).toEqual(['安庆市', '合肥市', '芜湖市']);
        await screenshot(page, `${key}-pinyin-order-${lang}`);
        await page.locator('.ag-header-cell[col-id="local"] .ag-header-cell-label').click();
        await expect.poll(shown).toEqual(['芜湖市', '合肥市', '安庆市']);
      }
      expect(pageErrors).toEqual([]);
    });
  });
}
