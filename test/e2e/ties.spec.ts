import { expect, screenshot, test } from './fixtures';
import { TiesPage } from './pages/ties.page';

const nagoya = {
  local: 'Nanjing',
  local_level: 'city',
  partner: 'Nagoya',
  country: 'JP',
  kind: 'friendship',
  stage: 'established',
  established_on: '1978',
};

test.describe('the Ties grid in Chinese', () => {
  test.use({ lang: 'zh' });

  test('adds a tie, edits its cells and finds them persisted after a reload', async ({
    page,
    host,
    pageErrors,
  }) => {
    const ties = new TiesPage(page);
    await ties.open(host.url);
    await expect(ties.rowCount).toHaveText('共0对');

    await ties.addTie({
      local: '南京',
      level: 'city',
      partner: 'Nagoya',
      country: '日本',
      stage: 'established',
      established: '1978',
    });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(ties.rowCount).toHaveText('共1对');
    const id = await ties.rowId('Nagoya');
    await expect(ties.cell(id, 'country')).toHaveText('日本');
    await expect(ties.cell(id, 'stage')).toHaveText('已结好');

    await ties.typeInto(id, 'established_on', '1978年12月21日');
    await expect(ties.cell(id, 'established_on')).toHaveText('1978-12-21');
    await ties.choose(id, 'kind', 'exchange');
    await expect(ties.cell(id, 'kind')).toHaveText('友好交流城市');
    await ties.typeInto(id, 'notes', '名古屋中央公园内有南京广场。');
    await expect(ties.cell(id, 'notes')).toHaveText('名古屋中央公园内有南京广场。');
    await ties.typeInto(id, 'country', '美国');
    await expect(ties.cell(id, 'country')).toHaveText('美国');
    await expect(ties.saveStatus).toHaveText('已保存');
    await screenshot(page, 'ties-grid-zh');

    await page.reload();
    await expect(ties.rowCount).toHaveText('共1对');
    await expect(ties.cell(id, 'established_on')).toHaveText('1978-12-21');
    await expect(ties.cell(id, 'kind')).toHaveText('友好交流城市');
    await expect(ties.cell(id, 'country')).toHaveText('美国');
    const stored = await host.call<{ notes: string; country: string; version: number }>(
      'ties:get',
      { id },
    );
    expect(stored).toMatchObject({
      notes: '名古屋中央公园内有南京广场。',
      country: 'US',
      version: 5,
    });
    expect(pageErrors).toEqual([]);
  });

  test('refuses a bad value at its cell, with the reason, and saves nothing', async ({
    page,
    host,
    pageErrors,
  }) => {
    const created = await host.call<{ id: string }>('ties:create', nagoya);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const id = created.id;

    await ties.typeInto(id, 'established_on', '2018-02-30');
    const cell = ties.cell(id, 'established_on');
    await expect(cell.locator('.cell-refused')).toContainText('2018-02-30');
    await expect(cell.locator('.cell-refused')).toHaveAttribute(
      'title',
      '“2018-02-30”：该月只有28天。',
    );
    await expect(ties.saveStatus).toHaveText('未保存：“2018-02-30”：该月只有28天。');
    await ties.typeInto(id, 'country', 'Atlantis');
    await expect(ties.cell(id, 'country').locator('.cell-refused')).toHaveAttribute(
      'title',
      /“Atlantis”不是可识别的国家/,
    );
    await screenshot(page, 'ties-refused-zh');

    const stored = await host.call<{ established_on: string; country: string; version: number }>(
      'ties:get',
      { id },
    );
    expect(stored).toMatchObject({ established_on: '1978', country: 'JP', version: 1 });
    await page.reload();
    await expect(ties.cell(id, 'established_on')).toHaveText('1978');

    // Correcting the value clears the mark.
    await ties.typeInto(id, 'established_on', '1978-12-21');
    await expect(ties.cell(id, 'established_on')).toHaveText('1978-12-21');
    await expect(ties.cell(id, 'established_on').locator('.cell-refused')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('deletes after confirmation and restores from the deleted list', async ({
    page,
    host,
    pageErrors,
  }) => {
    await host.call('ties:create', nagoya);
    await host.call('ties:create', {
      ...nagoya,
      partner: 'Florence',
      country: 'Italy',
      established_on: '1980',
    });
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const id = await ties.rowId('Florence');
    await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
    await page.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('dialog')).toContainText('删除南京市与Florence的友城关系？');
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await expect(ties.rowCount).toHaveText('共1对');
    await page.getByLabel('显示已删除').check();
    await expect(ties.rowCount).toHaveText('共1对');
    const checkbox = page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`);
    await expect(checkbox).toHaveCount(1);
    await checkbox.check();
    await page.getByRole('button', { name: '恢复' }).click();
    await page.getByLabel('显示已删除').uncheck();
    await expect(ties.rowCount).toHaveText('共2对');
    expect(pageErrors).toEqual([]);
  });

  test('quick search finds ties by Chinese or English names', async ({ page, host }) => {
    await host.call('ties:create', nagoya);
    await host.call('ties:create', {
      ...nagoya,
      partner: 'St. Louis',
      country: 'United States',
      established_on: '1979-11-02',
    });
    const ties = new TiesPage(page);
    await ties.open(host.url);
    await page.getByLabel('快速查找').fill('日本');
    await expect(ties.rowCount).toHaveText('显示1条，共2条');
    await page.getByLabel('快速查找').fill('united states');
    await expect(ties.rowCount).toHaveText('显示1条，共2条');
    await expect(page.locator('.ag-row:not(.blank-row) .ag-cell[col-id="partner"]')).toHaveText([
      'St. Louis',
    ]);
  });
});

test.describe('the Ties grid in English', () => {
  test.use({ lang: 'en' });

  test('shows English labels, switches language at run time, and looks right', async ({
    page,
    host,
    pageErrors,
  }) => {
    await host.call('ties:create', nagoya);
    await host.call('ties:create', {
      ...nagoya,
      partner: 'Semarang',
      country: 'Indonesia',
      kind: 'exchange',
      established_on: '2018-10',
    });
    const ties = new TiesPage(page);
    await ties.open(host.url);
    await expect(ties.rowCount).toHaveText('2 ties');
    const id = await ties.rowId('Semarang');
    await expect(ties.cell(id, 'kind')).toHaveText('Friendly-exchange city');
    await expect(ties.cell(id, 'country')).toHaveText('Indonesia');
    await screenshot(page, 'ties-grid-en');

    await page.getByRole('button', { name: 'Add tie' }).click();
    await page.getByRole('dialog').getByLabel('Partner').fill('Leipzig');
    await page.getByRole('dialog').getByLabel('Country').fill('Atlantis');
    await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(
      '“Atlantis” is not a country we know: use an ISO code, or the English or Chinese name.',
    );
    await screenshot(page, 'ties-new-refused-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Language').selectOption('zh');
    await expect(ties.rowCount).toHaveText('共2对');
    await expect(ties.cell(id, 'kind')).toHaveText('友好交流城市');
    await expect(page.getByRole('columnheader', { name: '外方城市', exact: true })).toBeVisible();
    expect((await host.call<{ language: string }>('settings:get')).language).toBe('zh');
    expect(pageErrors).toEqual([]);
  });
});
