import type { Page } from '@playwright/test';
import { expect, screenshot, test, type Host } from './fixtures';
import { TiesPage } from './pages/ties.page';
import { typeWithIme } from './typing';

/** Checklist filters, filters kept across a reload, and deleting only what is in sight. */

async function seed(host: Host) {
  const tie = (partner: string, country: string, stage: string, kind = 'friendship') =>
    host.call('ties:create', {
      local: 'Nanjing',
      local_level: 'city',
      partner,
      country,
      kind,
      stage,
      ...(stage === 'established' ? { established_on: '1990' } : {}),
    });
  await tie('Nagoya', 'JP', 'established');
  await tie('Florence', 'IT', 'established');
  await tie('Osaka', 'JP', 'contact', 'exchange');
  await tie('Milan', 'IT', 'contact');
  await tie('Leipzig', 'DE', 'intent', 'exchange');
}

/** Opens a column's filter from its header, as a user does. */
async function openFilter(page: Page, column: string) {
  const header = page.locator(`.ag-header-cell[col-id="${column}"]`);
  await header.hover();
  await header.locator('.ag-header-cell-filter-button, .ag-header-icon').first().click();
  const checklist = page.locator('.checklist-filter');
  await expect(checklist).toBeVisible();
  return checklist;
}

for (const lang of ['en', 'zh'] as const) {
  test.describe(`checklist filters (${lang})`, () => {
    test.use({ lang });

    test('an enum column lists its values in the UI language with counts; ticking filters', async ({
      page,
      host,
      pageErrors,
    }) => {
      await seed(host);
      const ties = new TiesPage(page);
      await ties.open(host.url);
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '5 ties' : /5/);
      const checklist = await openFilter(page, 'stage');
      const line = (label: string) => checklist.locator('label', { hasText: label });
      const contact = lang === 'en' ? 'Contact' : '接触';
      const established = lang === 'en' ? 'Established' : '已结好';
      await expect(line(contact).getByTestId('checklist-count')).toHaveText('2');
      await expect(line(established).getByTestId('checklist-count')).toHaveText('2');
      // Untick everything, then tick one value: only its rows stay, and the bar says so.
      await checklist.locator('.checklist-all input').uncheck();
      await line(contact).locator('input').check();
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '2 of 5' : '显示2条，共5条');
      await screenshot(page, `checklist-filter-${lang}`);
      // The search box narrows the list; a country column lists only the countries held.
      await page.keyboard.press('Escape');
      const countries = await openFilter(page, 'country');
      await expect(countries.locator('.checklist-values li')).toHaveCount(2);
      await expect(
        countries.locator('label', { hasText: lang === 'en' ? 'Japan' : '日本' }),
      ).toContainText('1');
      await countries.getByRole('searchbox').fill(lang === 'en' ? 'ita' : '意');
      await expect(countries.locator('.checklist-values li')).toHaveCount(1);
      await countries.locator('.checklist-all input').uncheck();
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '1 of 5' : '显示1条，共5条');
      await ties.rowId('Osaka');
      expect(pageErrors).toEqual([]);
    });
  });
}

test.describe('filters kept and deleting what is seen', () => {
  test.use({ lang: 'en' });

  test('a checklist filter stays through a reload, and a saved view keeps it', async ({
    page,
    host,
    pageErrors,
  }) => {
    await seed(host);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const checklist = await openFilter(page, 'stage');
    await checklist.locator('label', { hasText: 'Established' }).locator('input').uncheck();
    await expect(ties.rowCount).toHaveText('3 of 5');
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.locator('.ag-root-wrapper')).toBeVisible();
    await expect(ties.rowCount).toHaveText('3 of 5');
    const again = await openFilter(page, 'stage');
    await expect(
      again.locator('label', { hasText: 'Established' }).locator('input'),
    ).not.toBeChecked();
    await page.keyboard.press('Escape');
    // Saved as a view (Enter saves the name), then back to the default and to the view.
    await page.getByRole('button', { name: 'Save view…' }).click();
    const name = page.getByRole('dialog').getByRole('textbox');
    await name.fill('Not established');
    await name.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const views = page.getByRole('combobox', { name: 'View' });
    await views.selectOption('');
    await expect(ties.rowCount).toHaveText('5 ties');
    await views.selectOption('Not established');
    await expect(ties.rowCount).toHaveText('3 of 5');
    expect(pageErrors).toEqual([]);
  });
});

for (const lang of ['en', 'zh'] as const) {
  test.describe(`deleting what is seen (${lang})`, () => {
    test.use({ lang });

    test('ticked rows hidden by a search are counted and left alone unless included', async ({
      page,
      host,
      pageErrors,
    }) => {
      await seed(host);
      const ties = new TiesPage(page);
      await ties.open(host.url);
      for (const partner of ['Nagoya', 'Florence', 'Osaka', 'Milan']) {
        const id = await ties.rowId(partner);
        await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
      }
      const search = page.locator('.toolbar .quick-search');
      await search.fill(lang === 'en' ? 'Japan' : '日本');
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '2 of 5' : '显示2条，共5条');
      await page
        .getByRole('button', { name: lang === 'en' ? 'Delete' : '删除', exact: true })
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('delete-list').locator('li')).toHaveText([
        '南京市 – Nagoya',
        '南京市 – Osaka',
      ]);
      await expect(dialog.getByTestId('delete-hidden')).toContainText('2');
      await screenshot(page, `delete-hidden-rows-${lang}`);
      await dialog
        .getByRole('button', { name: lang === 'en' ? 'Delete 2 rows' : '删除2条' })
        .click();
      await expect(dialog).toHaveCount(0);
      await search.fill('');
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '3 ties' : /3/);
      // The hidden ones were not deleted and are still ticked; included, they go too.
      await ties.rowId('Florence');
      await ties.rowId('Milan');
      await search.fill(lang === 'en' ? 'Leipzig' : 'Leipzig');
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '1 of 3' : '显示1条，共3条');
      await page
        .getByRole('button', { name: lang === 'en' ? 'Delete' : '删除', exact: true })
        .click();
      await expect(dialog.getByTestId('delete-hidden')).toContainText('2');
      const confirm = dialog.getByRole('button', {
        name: lang === 'en' ? /^Delete \d+ rows?$/ : /^删除\d+条$/,
      });
      await expect(confirm).toBeDisabled();
      await dialog.getByRole('checkbox').check();
      await expect(confirm).toHaveText(lang === 'en' ? 'Delete 2 rows' : '删除2条');
      await confirm.click();
      await search.fill('');
      await expect(ties.rowCount).toHaveText(lang === 'en' ? '1 tie' : /1/);
      const live = await host.call<{ rows: { partner: string }[] }>('ties:list', {});
      expect(live.rows.map((r) => r.partner)).toEqual(['Leipzig']);
      expect(pageErrors).toEqual([]);
    });
  });
}

for (const lang of ['en', 'zh'] as const) {
  test.describe(`refusals in the user's words (${lang})`, () => {
    test.use({ lang });

    test('a refused value shows its label; Delete drops the refusal and keeps the stored value', async ({
      page,
      host,
    }) => {
      await seed(host);
      const ties = new TiesPage(page);
      await ties.open(host.url);
      const osaka = await ties.rowId('Osaka');
      // Established without a date is refused: the cell says so in words, not by its code.
      await ties.choose(osaka, 'stage', 'established');
      const cell = ties.cell(osaka, 'stage');
      await expect(cell.locator('.cell-refused')).toContainText(
        lang === 'en' ? '⚠ Established' : '⚠ 已结好',
      );
      const nagoya = await ties.rowId('Nagoya');
      await ties.typeInto(nagoya, 'established_on', 'not a date');
      const date = ties.cell(nagoya, 'established_on');
      await expect(date.locator('.cell-refused')).toBeVisible();
      await date.click();
      await page.keyboard.press('Delete');
      await expect(date.locator('.cell-refused')).toHaveCount(0);
      await expect(date).toHaveText('1990');
      const tie = await host.call<{ established_on: string | null }>('ties:get', { id: nagoya });
      expect(tie.established_on).toBe('1990');
    });
  });
}

test.describe('list cells take typed values', () => {
  test.use({ lang: 'zh' });

  test('typing “city” or “cou” in a level cell picks 市级 or 县级, whatever the UI language', async ({
    page,
    host,
  }) => {
    await host.call('ties:create', {
      local: 'Jiangsu',
      local_level: 'province',
      partner: 'Aichi',
      country: 'JP',
      stage: 'contact',
    });
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const id = await ties.rowId('Aichi');
    await ties.cell(id, 'local_level').dblclick();
    const select = page.locator('.ag-cell-inline-editing select');
    await expect(select).toBeFocused();
    await page.keyboard.type('city');
    await expect(select).toHaveValue('city');
    await page.keyboard.press('Escape');
    await ties.cell(id, 'local_level').dblclick();
    await page.keyboard.type('cou');
    await expect(page.locator('.ag-cell-inline-editing select')).toHaveValue('county');
    await page.keyboard.press('Escape');
  });
});

for (const lang of ['zh', 'en'] as const) {
  test.describe(`typing into a list cell that is not open (${lang})`, () => {
    test.use({ lang });

    test('a typed word or an input method’s composition opens it with that value, and Enter saves it', async ({
      page,
      host,
    }) => {
      const aichi = await host.call<{ id: string }>('ties:create', {
        local: 'Jiangsu',
        local_level: 'province',
        partner: 'Aichi',
        country: 'JP',
        stage: 'contact',
      });
      const levelOf = async () =>
        (await host.call<{ local_level: string }>('ties:get', { id: aichi.id })).local_level;
      const ties = new TiesPage(page);
      await ties.open(host.url);
      const row = await ties.rowId('Aichi');
      const cell = ties.cell(row, 'local_level');
      const select = page.locator('.ag-cell-inline-editing select');

      await cell.click();
      await page.keyboard.type('city');
      await expect(select).toBeFocused();
      await expect(select).toHaveValue('city');
      await page.keyboard.press('Enter');
      await expect(cell).toHaveText(lang === 'zh' ? '市级' : 'City');
      await expect.poll(levelOf).toBe('city');

      // 县级 through a Pinyin input method, whatever the UI language shows.
      await cell.click();
      await typeWithIme(page, 'xianji', '县级');
      await expect(select).toBeFocused();
      await expect(select).toHaveValue('county');
      await page.keyboard.press('Enter');
      await expect.poll(levelOf).toBe('county');
    });
  });
}
