import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { showColumn } from './pages/grid';
import { TiesPage } from './pages/ties.page';

const base = { local: 'Nanjing', local_level: 'city', stage: 'established' };

/** Puts text on the clipboard and pastes it at the focused cell, as Ctrl+V does. */
async function pasteAt(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

async function seed(host: { call: (c: string, i?: unknown) => Promise<unknown> }) {
  await host.call('ties:create', {
    ...base,
    partner: 'Nagoya',
    country: 'JP',
    established_on: '1978',
  });
  await host.call('ties:create', {
    ...base,
    partner: 'St. Louis',
    country: 'US',
    established_on: '1979-11-02',
  });
  await host.call('ties:create', {
    ...base,
    partner: 'Florence',
    country: 'IT',
    established_on: '1980',
  });
}

test.describe('spreadsheet-grade editing', () => {
  test.use({ lang: 'en' });

  test('a paste with a bad cell writes nothing and lists every refused cell', async ({
    page,
    host,
    pageErrors,
  }) => {
    await seed(host);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    await page.locator('.ag-header-cell[col-id="established_on"]').click();
    const first = await ties.rowId('Nagoya');
    await ties.cell(first, 'kind').click();
    await pasteAt(page, 'exchange\tsuspended\nsister-ish\testablished\nfriendship\tAtlantis\n');
    await expect(page.getByRole('alert').getByRole('heading')).toHaveText(
      'Nothing was pasted: 3 cells were refused.',
    );
    const rows = page.locator('.paste-errors tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Stage');
    await expect(rows.nth(1)).toContainText('sister-ish');
    await expect(rows.nth(2)).toContainText('Atlantis');
    await screenshot(page, 'paste-refused-en');
    const stored = await host.call<{ rows: { kind: string; stage: string }[] }>('ties:list');
    expect(stored.rows.every((r) => r.kind === 'friendship' && r.stage === 'established')).toBe(
      true,
    );
    expect(pageErrors).toEqual([]);
  });

  test('a paste past the end adds rows, and undo survives a reload', async ({ page, host }) => {
    await seed(host);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const florence = await ties.rowId('Florence');
    await page.locator('.ag-header-cell[col-id="established_on"]').click();
    await ties.cell(florence, 'local').click();
    await pasteAt(
      page,
      // In the order the grid shows them: the pinned locality and partner come first. The
      // quoted cell has quotes in it, as Excel writes one (a name is one line of text; a line
      // break inside a cell is pasted into notes in test/integration/grid.test.ts).
      'Nanjing\tFlorence\tcity\t佛罗伦萨\tItaly\nNanjing\tLeipzig\tcity\t"莱比锡 ""Sachsen"""\tGermany\nNanjing\tEindhoven\tcity\t埃因霍温\tNetherlands\n',
    );
    await expect(ties.saveStatus).toHaveText('Pasted 15 cells.');
    await expect(ties.rowCount).toHaveText('5 ties');
    await page.reload();
    await expect(ties.rowCount).toHaveText('5 ties');
    await page.locator('.ag-header-cell[col-id="partner"]').click();
    await page.keyboard.press('Control+z');
    await expect(ties.saveStatus).toHaveText('Undone: Pasted 15 cells');
    await expect(ties.rowCount).toHaveText('3 ties');
    await page.reload();
    await expect(ties.rowCount).toHaveText('3 ties');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(ties.rowCount).toHaveText('5 ties');
  });

  test('a deleted row comes back from the history list', async ({ page, host }) => {
    await seed(host);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    const id = await ties.rowId('St. Louis');
    await page.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`).check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(ties.rowCount).toHaveText('2 ties');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const entry = page.locator('.history-panel li').first();
    await expect(entry).toContainText('Deleted 南京市 – St. Louis');
    await screenshot(page, 'history-en');
    await entry.getByRole('button', { name: 'Undo this' }).click();
    await expect(ties.rowCount).toHaveText('3 ties');
    await expect(page.locator('.history-panel li').first()).toContainText('undone');
  });

  test('two windows editing one row: the later save is refused with the current value shown', async ({
    page,
    host,
    context,
  }) => {
    await seed(host);
    const a = new TiesPage(page);
    await a.open(host.url);
    const other = await context.newPage();
    const b = new TiesPage(other);
    await b.open(host.url);
    const id = await a.rowId('Nagoya');
    // Both are typing at once: B's editor is open while A saves (live refresh leaves a row
    // being edited alone), so B saves over a version that is no longer current.
    const editorB = await b.startTyping(id, 'notes', 'From window B');
    await a.typeInto(id, 'notes', 'From window A');
    await expect(a.saveStatus).toHaveText('Saved');
    await editorB.press('Enter');
    await expect(b.saveStatus).toContainText('Someone else saved this row first');
    await expect(b.cell(id, 'notes').locator('.cell-refused')).toContainText('From window B');
    await screenshot(other, 'conflict-en');
    expect((await host.call<{ notes: string }>('ties:get', { id })).notes).toBe('From window A');
    // Applying it again, now on the current version, is a deliberate choice and succeeds.
    await other.getByRole('button', { name: 'Apply my value again' }).click();
    await expect(b.saveStatus).toHaveText('Saved');
    expect((await host.call<{ notes: string }>('ties:get', { id })).notes).toBe('From window B');
  });

  test('a saved view comes back after a reload', async ({ page, host }) => {
    await seed(host);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    await page.getByLabel('Quick search').fill('united');
    await page.getByRole('button', { name: 'Columns', exact: true }).click();
    await page.locator('.columns-menu label', { hasText: 'Notes' }).getByRole('checkbox').uncheck();
    await page.getByRole('button', { name: 'Save view…' }).click();
    await page.getByRole('dialog').getByLabel('Name of the view').fill('Americas');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await expect(ties.saveStatus).toHaveText('View “Americas” saved.');
    await page.reload();
    await expect(ties.rowCount).toHaveText('3 ties');
    await page.getByLabel('View', { exact: true }).selectOption('Americas');
    await expect(ties.rowCount).toHaveText('1 of 3');
    // Not drawn anywhere in the grid: scrolling it end to end finds no Notes column.
    await expect(showColumn(page, 'notes')).rejects.toThrow('no column "notes"');
    await expect(page.locator('.ag-header-cell[col-id="notes"]')).toHaveCount(0);
    await expect(page.getByLabel('Quick search')).toHaveValue('united');
  });

  test('copy gives tab-separated text; fill down and bulk edit set a column on selected rows', async ({
    page,
    host,
    context,
  }) => {
    await seed(host);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const ties = new TiesPage(page);
    await ties.open(host.url);
    for (const partner of ['Nagoya', 'St. Louis', 'Florence']) {
      await page
        .locator(`.ag-row[row-id="${await ties.rowId(partner)}"] .ag-selection-checkbox input`)
        .check();
    }
    await page.locator('.ag-header-cell[col-id="established_on"]').click();
    const nagoya = await ties.rowId('Nagoya');
    await ties.typeInto(nagoya, 'region', 'Aichi');
    await ties.cell(nagoya, 'region').click();
    await page.keyboard.press('Control+d');
    await expect(ties.saveStatus).toHaveText('Saved');
    const list = await host.call<{ rows: { region: string }[] }>('ties:list');
    expect(list.rows.map((r) => r.region)).toEqual(['Aichi', 'Aichi', 'Aichi']);
    await ties.cell(nagoya, 'partner').click();
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\r\n')).toHaveLength(3);
    expect(copied.split('\r\n')[0]?.split('\t').slice(0, 5)).toEqual([
      '南京市',
      'Nagoya',
      'City',
      '',
      'Japan',
    ]);
    await page.getByRole('button', { name: 'Set column…' }).click();
    await page.getByRole('dialog').getByLabel('Column').selectOption('notes');
    await page.getByRole('dialog').getByLabel('Value').fill('Checked in 2026');
    await page.getByRole('dialog').getByRole('button', { name: 'Apply to 3 rows' }).click();
    await expect(ties.saveStatus).toHaveText('Saved');
    expect(
      (await host.call<{ rows: { notes: string }[] }>('ties:list')).rows.every(
        (r) => r.notes === 'Checked in 2026',
      ),
    ).toBe(true);
  });
});

test.describe('every grid, in both languages', () => {
  for (const lang of ['zh', 'en'] as const) {
    test.describe(lang, () => {
      test.use({ lang });
      test(`letters, approvals and visits grids in ${lang}`, async ({ page, host, pageErrors }) => {
        await seed(host);
        const tie = await host.call<{ id: string; version: number }>('ties:create', {
          ...base,
          partner: 'Perth',
          country: 'AU',
          stage: 'intent',
          intent_signed_on: '2025-03',
        });
        await host.call('letters:create', {
          tie_id: tie.id,
          title: '友好交流意向书',
          signed_on: '2025-03-02',
          signed_place: '南京',
          our_signatory: '市长',
          partner_signatory: 'Lord Mayor',
        });
        await host.call('workflow:submit', {
          id: tie.id,
          version: tie.version,
          submitted_on: '2025-10-01',
          reference_no: '宁政〔2025〕12号',
        });
        await host.call('visits:create', {
          direction: 'outgoing',
          local: 'Nanjing',
          country: 'JP',
          leader: '张三',
          leader_title: '副市长',
          start_on: '2025-04-01',
          end_on: '2025-04-06',
          size: 12,
          fields: '经贸、教育',
          ties: 'Nagoya',
          amount: '1200000',
          currency: 'USD',
        });
        await host.call('visits:create', {
          direction: 'incoming',
          country: 'IT',
          leader: 'Marco Rossi',
          leader_title: 'Deputy Mayor',
          start_on: '2025-06',
          size: 5,
          fields: ['culture'],
          ties: 'Florence',
        });
        const ties = new TiesPage(page);
        await ties.open(host.url);
        await screenshot(page, `ties-${lang}`);
        const nav =
          lang === 'zh'
            ? { letters: '意向书', approvals: '报批', visits: '出访来访' }
            : { letters: 'Letters of intent', approvals: 'Approvals', visits: 'Visits' };
        for (const [key, name] of Object.entries(nav)) {
          await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
          await expect(page.locator('.ag-row').first()).toBeVisible();
          await screenshot(page, `${key}-${lang}`);
        }
        await page
          .getByRole('navigation')
          .getByRole('button', { name: nav.approvals, exact: true })
          .click();
        await expect(page.getByTestId('row-count')).toHaveText(lang === 'zh' ? '共4步' : '4 steps');
        await page.getByLabel(lang === 'zh' ? '仅显示待批' : 'Waiting only').check();
        await expect(page.getByTestId('row-count')).toHaveText(
          lang === 'zh' ? '显示1条，共4条' : '1 of 4',
        );
        expect(pageErrors).toEqual([]);
      });
    });
  }
});
