import type { Page } from '@playwright/test';
import { expect, screenshot, test, type Host } from './fixtures';
import { TiesPage } from './pages/ties.page';
import { typeWithIme } from './typing';

/**
 * Editing as in Excel, in Chromium against the browser host: typing into a selected cell (an
 * input method too), the blank row, cell ranges, select all.
 */

const base = { local: 'Nanjing', local_level: 'city', stage: 'established' };
type Tie = {
  id: string;
  version: number;
  partner: string;
  country: string;
  notes: string | null;
};

async function seed(host: Host) {
  for (const [partner, country, on] of [
    ['Nagoya', 'JP', '1978'],
    ['St. Louis', 'US', '1979-11-02'],
    ['Florence', 'IT', '1980'],
  ] as const)
    await host.call('ties:create', { ...base, partner, country, established_on: on });
}

const ties = (host: Host) => host.call<{ rows: Tie[] }>('ties:list').then((l) => l.rows);

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

/** What Ctrl+C puts on the clipboard, read from the copy event the grid answers. */
async function copied(page: Page): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    return data.getData('text/plain');
  });
}

const editor = (page: Page) =>
  page
    .locator('.ag-cell-inline-editing input, .ag-popup-editor input, .ag-popup-editor textarea')
    .first();
const blankCell = (page: Page, column: string) =>
  page.locator(`.ag-grid-pinned-bottom-rows .ag-row .ag-cell[col-id="${column}"]`);
const inRange = (page: Page) => page.locator('.ag-cell.cell-in-range');

for (const lang of ['zh', 'en'] as const) {
  test.describe(`typing into a cell (${lang})`, () => {
    test.use({ lang });

    test('an input method’s composition opens the editor with its text, and Enter saves it', async ({
      page,
      host,
      pageErrors,
    }) => {
      await seed(host);
      const grid = new TiesPage(page);
      await grid.open(host.url);
      const nagoya = await grid.rowId('Nagoya');
      await grid.cell(nagoya, 'region').click();
      await typeWithIme(page, 'nan', '南京');
      await expect(editor(page)).toHaveValue('南京');
      await page.keyboard.press('Enter');
      await expect(grid.cell(nagoya, 'region')).toHaveText('南京');
      await expect
        .poll(async () => (await ties(host)).find((t) => t.id === nagoya))
        .toMatchObject({ region: '南京' });
      // The cell drew nothing of the composition of its own.
      await expect(grid.cell(nagoya, 'region')).not.toHaveAttribute('contenteditable', /./);

      // A printable key starts the editor with it, on another cell and in a date column.
      const florence = await grid.rowId('Florence');
      await grid.cell(florence, 'partner_zh').click();
      await page.keyboard.type('佛罗伦萨');
      await page.keyboard.press('Enter');
      await expect(grid.cell(florence, 'partner_zh')).toHaveText('佛罗伦萨');
      // A column beyond the first screen: the user scrolls to it first.
      await (await grid.shown(florence, 'signed_place')).click();
      await page.keyboard.type('F');
      await expect(editor(page)).toHaveValue('F');
      await page.keyboard.press('Escape');
      expect(pageErrors).toEqual([]);
    });
  });
}

test.describe('an input method on the other grids', () => {
  test.use({ lang: 'en' });

  test('letters: a composed title lands in the editor and is stored', async ({ page, host }) => {
    const tie = await host.call<Tie>('ties:create', {
      ...base,
      partner: 'Perth',
      country: 'AU',
      stage: 'intent',
      intent_signed_on: '2025-03',
    });
    const letter = await host.call<{ id: string }>('letters:create', {
      tie_id: tie.id,
      title: 'draft',
      signed_on: '2025-03-02',
    });
    await page.goto(host.url);
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Letters of intent', exact: true })
      .click();
    const title = page.locator(`.ag-row[row-id="${letter.id}"] .ag-cell[col-id="title"]`);
    await title.click();
    await typeWithIme(page, 'yixiangshu', '友好交流意向书');
    await expect(editor(page)).toHaveValue('友好交流意向书');
    await page.keyboard.press('Enter');
    await expect(title).toHaveText('友好交流意向书');
    const stored = await host.call<{ title: string }>('letters:get', { id: letter.id });
    expect(stored.title).toBe('友好交流意向书');
  });
});

for (const lang of ['zh', 'en'] as const) {
  test.describe(`the blank row (${lang})`, () => {
    test.use({ lang });

    test('an empty grid says how to begin; typing into the blank row adds a tie, a paste adds more', async ({
      page,
      host,
      pageErrors,
    }) => {
      const grid = new TiesPage(page);
      await grid.open(host.url);
      const hint = page.locator('.grid-empty');
      await expect(hint).toContainText(lang === 'zh' ? '空白行' : 'blank row');
      await expect(hint).toContainText('Excel');
      await expect(hint).toContainText(lang === 'zh' ? '导入' : 'Import');
      await screenshot(page, `blank-row-empty-${lang}`);

      await blankCell(page, 'local').click();
      await page.keyboard.type('Nanjing');
      await page.keyboard.press('Enter');
      await expect(grid.saveStatus).toContainText(lang === 'zh' ? '外方城市' : 'Partner');
      // A locality new to the registry needs its level: chosen from the list.
      await blankCell(page, 'local_level').dblclick();
      const level = page.locator('.ag-cell-inline-editing select');
      await level.selectOption('city');
      await level.press('Enter');
      await expect(grid.saveStatus).toContainText(lang === 'zh' ? '国家' : 'Country');
      await blankCell(page, 'partner').click();
      await typeWithIme(page, 'mingguwu', '名古屋');
      await page.keyboard.press('Enter');
      await blankCell(page, 'country').click();
      await page.keyboard.type('Japan');
      await page.keyboard.press('Enter');
      await expect(grid.rowCount).toHaveText(lang === 'zh' ? '共1对' : '1 tie');
      await expect(hint).toHaveCount(0);
      const [added] = await ties(host);
      expect(added).toMatchObject({ partner: '名古屋', local: '南京市', country: 'JP' });
      await expect(blankCell(page, 'local')).toHaveText('');

      // Two lines pasted at the blank row: two more ties, in one undo step.
      await blankCell(page, 'local').click();
      await pasteAt(
        page,
        'Nanjing\tFlorence\tcity\t佛罗伦萨\tItaly\nNanjing\tLeipzig\tcity\t莱比锡\tGermany\n',
      );
      await expect(grid.rowCount).toHaveText(lang === 'zh' ? '共3对' : '3 ties');
      await screenshot(page, `blank-row-${lang}`);

      // A block with one bad row adds nothing and names that row.
      await blankCell(page, 'local').click();
      await pasteAt(
        page,
        'Nanjing\tPerth\tcity\t珀斯\tAustralia\nNanjing\tAtlantis\tcity\t\tAtlantis\n',
      );
      const refused = page.locator('.paste-errors tbody tr');
      await expect(refused).toHaveCount(1);
      await expect(refused.first()).toContainText('5');
      await expect(refused.first()).toContainText('Atlantis');
      expect(await ties(host)).toHaveLength(3);
      expect(pageErrors).toEqual([]);
    });
  });
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`cell ranges (${lang})`, () => {
    test.use({ lang });

    test('shift-click draws a range; Ctrl+D fills it down in one undo step; Delete clears it; Ctrl+C copies it', async ({
      page,
      host,
      pageErrors,
    }) => {
      await seed(host);
      const grid = new TiesPage(page);
      await grid.open(host.url);
      await page.locator('.ag-header-cell[col-id="established_on"]').click();
      const [nagoya, stLouis, florence] = [
        await grid.rowId('Nagoya'),
        await grid.rowId('St. Louis'),
        await grid.rowId('Florence'),
      ];
      await grid.typeInto(nagoya, 'partner_zh', '名古屋');
      await grid.typeInto(nagoya, 'region', '爱知县');
      await grid.cell(nagoya, 'partner_zh').click();
      await grid.cell(florence, 'region').click({ modifiers: ['Shift'] });
      // partner_zh, country and region, on three rows.
      await expect(inRange(page)).toHaveCount(9);
      await page.keyboard.press('Control+d');
      await expect(grid.saveStatus).toHaveText(
        lang === 'zh' ? '已向下填充到2行。' : 'Filled down into 2 rows.',
      );
      await expect(grid.cell(florence, 'region')).toHaveText('爱知县');
      await expect(grid.cell(stLouis, 'country')).toHaveText(lang === 'zh' ? '日本' : 'Japan');
      await screenshot(page, `range-fill-${lang}`);
      const filled = await ties(host);
      expect(filled.map((t) => [t.partner, (t as unknown as { region: string }).region])).toEqual(
        expect.arrayContaining([
          ['Nagoya', '爱知县'],
          ['St. Louis', '爱知县'],
          ['Florence', '爱知县'],
        ]),
      );

      // One Ctrl+Z undoes the whole fill.
      await page.keyboard.press('Control+z');
      await expect(grid.cell(florence, 'region')).toHaveText('');
      await expect(grid.cell(stLouis, 'country')).toHaveText(
        lang === 'zh' ? '美国' : 'United States',
      );
      await expect(grid.cell(nagoya, 'region')).toHaveText('爱知县');

      // Shift+arrows: region of two rows; Ctrl+C copies it as Excel pastes it back.
      await grid.cell(nagoya, 'partner_zh').click();
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await expect(inRange(page)).toHaveCount(6);
      const text = await copied(page);
      expect(text.split('\r\n')).toEqual([
        `名古屋\t${lang === 'zh' ? '日本' : 'Japan'}\t爱知县`,
        `\t${lang === 'zh' ? '美国' : 'United States'}\t`,
      ]);

      // Delete on a range holding a cell that may not be empty (the country): refused whole,
      // that cell named, nothing cleared.
      await grid.cell(nagoya, 'partner_zh').click();
      await grid.cell(nagoya, 'region').click({ modifiers: ['Shift'] });
      await page.keyboard.press('Delete');
      const refused = page.locator('.paste-errors');
      await expect(refused.getByRole('heading')).toHaveText(
        lang === 'zh'
          ? '未作更改：有1个单元格不符合要求。'
          : 'Nothing was changed: 1 cell was refused.',
      );
      await expect(refused.locator('tbody tr')).toHaveCount(1);
      await expect(refused.locator('tbody tr')).toContainText(lang === 'zh' ? '国家' : 'Country');
      await expect(grid.cell(nagoya, 'region')).toHaveText('爱知县');
      await refused.getByRole('button').click();

      // Delete on two cells of one column clears both, as one undo step.
      await grid.cell(nagoya, 'partner_zh').click();
      await grid.cell(stLouis, 'partner_zh').click({ modifiers: ['Shift'] });
      await grid.typeInto(stLouis, 'partner_zh', '圣路易斯');
      await grid.cell(nagoya, 'partner_zh').click();
      await grid.cell(stLouis, 'partner_zh').click({ modifiers: ['Shift'] });
      await expect(inRange(page)).toHaveCount(2);
      await page.keyboard.press('Delete');
      await expect(grid.saveStatus).toHaveText(
        lang === 'zh' ? '已清除2个单元格。' : 'Cleared 2 cells.',
      );
      await expect(grid.cell(nagoya, 'partner_zh')).toHaveText('');
      await expect(grid.cell(stLouis, 'partner_zh')).toHaveText('');
      await page.keyboard.press('Control+z');
      await expect(grid.cell(nagoya, 'partner_zh')).toHaveText('名古屋');
      await expect(grid.cell(stLouis, 'partner_zh')).toHaveText('圣路易斯');
      expect(pageErrors).toEqual([]);
    });
  });
}

test.describe('moving and selecting', () => {
  test.use({ lang: 'en' });

  test('Ctrl+Home and Ctrl+End go to the first and last cell; Ctrl+A and the header box select every row', async ({
    page,
    host,
  }) => {
    await seed(host);
    const grid = new TiesPage(page);
    await grid.open(host.url);
    const nagoya = await grid.rowId('Nagoya');
    await grid.cell(nagoya, 'region').click();
    await page.keyboard.press('Control+End');
    const focused = page.locator('.ag-cell-focus');
    await expect(focused).toHaveAttribute('col-id', 'notes');
    await page.keyboard.press('Control+Home');
    await expect(focused).toHaveAttribute('col-id', 'local');
    await expect(page.locator('.ag-row-focus')).toHaveAttribute('row-index', '0');
    // The columns scrolled back to their start with it.
    await expect(page.locator('.ag-header-cell[col-id="local_level"]')).toBeInViewport();

    await page.keyboard.press('Control+a');
    await expect(page.getByText('3 selected')).toBeVisible();
    await expect(page.locator('.ag-row-selected')).toHaveCount(3);
    await page.getByRole('checkbox', { name: 'Select all rows' }).uncheck();
    await expect(page.locator('.ag-row-selected')).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Select all rows' }).check();
    await expect(page.getByText('3 selected')).toBeVisible();

    // A client-side grid: Ctrl+A there too.
    const tie = await host.call<Tie>('ties:create', {
      ...base,
      partner: 'Perth',
      country: 'AU',
      stage: 'intent',
      intent_signed_on: '2025-03',
    });
    for (const title of ['one', 'two'])
      await host.call('letters:create', { tie_id: tie.id, title, signed_on: '2025-03-02' });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: 'Letters of intent', exact: true })
      .click();
    await page.locator('.ag-cell[col-id="title"]').first().click();
    await page.keyboard.press('Control+a');
    await expect(page.getByText('2 selected')).toBeVisible();
  });
});

/**
 * Keys, then Enter, all in one task, as a fast typist's reach a busy window: every key after
 * the first arrives before the editor the first one opened is drawn and takes the focus.
 * A key goes where a real one would: to the focused element, typed into it if it is a text
 * box, or as an input event to a cell being typed into.
 */
async function typeAheadOfEditor(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (keys) => {
      const press = (key: string) => {
        const target = document.activeElement ?? document.body;
        const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
        if (!target.dispatchEvent(down) || key.length !== 1) return;
        const now = document.activeElement;
        if (now instanceof HTMLInputElement || now instanceof HTMLTextAreaElement) {
          now.setRangeText(key, now.selectionStart ?? 0, now.selectionEnd ?? 0, 'end');
          now.dispatchEvent(new Event('input', { bubbles: true }));
        } else if (now instanceof HTMLElement && now.isContentEditable)
          now.dispatchEvent(
            new InputEvent('beforeinput', {
              inputType: 'insertText',
              data: key,
              bubbles: true,
              cancelable: true,
            }),
          );
      };
      for (const key of keys) press(key);
    },
    [...text, 'Enter'],
  );
}

test.describe('typing faster than an editor opens', () => {
  test.use({ lang: 'en' });

  test('every key typed before a picker takes the focus reaches it, and Enter commits it', async ({
    page,
    host,
  }) => {
    await seed(host);
    const grid = new TiesPage(page);
    await grid.open(host.url);
    const nagoya = await grid.rowId('Nagoya');
    const blank = blankCell(page, 'country');
    for (const name of ['Italy', 'Japan', 'Germany', 'Japan']) {
      await grid.cell(nagoya, 'country').click();
      await typeAheadOfEditor(page, name);
      await expect(grid.cell(nagoya, 'country')).toHaveText(name);
      // The blank row keeps what was typed until the row has what a tie needs.
      await blank.click();
      await typeAheadOfEditor(page, name);
      await expect(blank).toHaveText(name);
      await page.keyboard.press('Escape');
    }
    // A list cell: the keys make one word with the key that opened it.
    const aichi = await host.call<{ id: string }>('ties:create', {
      local: 'Jiangsu',
      local_level: 'province',
      partner: 'Aichi',
      country: 'JP',
      stage: 'contact',
    });
    await expect(grid.cell(aichi.id, 'local_level')).toHaveText('Province');
    await grid.cell(aichi.id, 'local_level').click();
    await typeAheadOfEditor(page, 'county');
    await expect(grid.cell(aichi.id, 'local_level')).toHaveText('County');
    // And a text cell, whose editor AG Grid draws itself.
    await (await grid.shown(nagoya, 'notes')).click();
    await typeAheadOfEditor(page, 'Sister city since 1978');
    await expect(grid.cell(nagoya, 'notes')).toHaveText('Sister city since 1978');
    const saved = (await ties(host)).find((t) => t.partner === 'Nagoya');
    expect(saved).toMatchObject({ country: 'JP', notes: 'Sister city since 1978' });
  });

  test('Enter right after an input method commits saves its text in that cell, and the next cell keeps its own keys', async ({
    page,
    host,
  }) => {
    await seed(host);
    const grid = new TiesPage(page);
    await grid.open(host.url);
    const nagoya = await grid.rowId('Nagoya');
    await grid.cell(nagoya, 'region').click();
    await imeThenEnterAtOnce(page, '爱知');
    await expect(grid.cell(nagoya, 'region')).toHaveText('爱知');
    // The next cell, at once: its keys are its own, nothing of the composition joins them.
    await grid.cell(nagoya, 'country').click();
    await page.keyboard.type('Italy');
    await page.keyboard.press('Enter');
    await expect(grid.cell(nagoya, 'country')).toHaveText('Italy');
    await expect
      .poll(async () => (await ties(host)).find((t) => t.id === nagoya))
      .toMatchObject({ region: '爱知', country: 'IT' });
  });
});

/**
 * An input method commits its text and Enter follows in the same task, before a frame: the
 * editor the composition opens is not drawn yet when Enter arrives.
 */
async function imeThenEnterAtOnce(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const cell = document.activeElement ?? document.body;
    cell.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
    cell.dispatchEvent(new CompositionEvent('compositionend', { data, bubbles: true }));
    const enter = { key: 'Enter', bubbles: true, cancelable: true };
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', enter));
  }, text);
}

test.describe('columns beyond the first screen', () => {
  test.use({ lang: 'en' });

  test('the arrow keys reach the last column and typing there edits it; a range wider than the screen copies every column', async ({
    page,
    host,
    pageErrors,
  }) => {
    await seed(host);
    const grid = new TiesPage(page);
    await grid.open(host.url);
    const [nagoya, stLouis] = [await grid.rowId('Nagoya'), await grid.rowId('St. Louis')];
    // The grid draws only the columns in view: Notes, the last, is not on the first screen.
    await expect(page.locator('.ag-header-cell[col-id="notes"]')).toHaveCount(0);

    // Right arrow to the last column, the grid scrolling along; a key typed there edits it.
    await grid.cell(nagoya, 'country').click();
    const focused = page.locator('.ag-cell-focus');
    for (let i = 0; i < 20; i += 1) {
      if ((await focused.getAttribute('col-id')) === 'notes') break;
      await page.keyboard.press('ArrowRight');
    }
    await expect(focused).toHaveAttribute('col-id', 'notes');
    await expect(focused).toBeInViewport();
    await page.keyboard.type('Twinned in 1978');
    await expect(editor(page)).toHaveValue('Twinned in 1978');
    await page.keyboard.press('Enter');
    await expect(grid.cell(nagoya, 'notes')).toHaveText('Twinned in 1978');
    await expect
      .poll(async () => (await ties(host)).find((t) => t.id === nagoya)?.notes)
      .toBe('Twinned in 1978');
    // Enter went down a row, in the same far column: an input method types there too.
    await expect(focused).toHaveAttribute('col-id', 'notes');
    await typeWithIme(page, 'nan', '南京');
    await expect(editor(page)).toHaveValue('南京');
    await page.keyboard.press('Enter');
    await expect(grid.cell(stLouis, 'notes')).toHaveText('南京');
    // Home goes to the row's first column, as in Excel, the grid scrolled back to it; End
    // to its last again, and Home back.
    await page.keyboard.press('Home');
    await expect(focused).toHaveAttribute('col-id', 'local');
    await expect(page.locator('.ag-header-cell[col-id="local_level"]')).toBeInViewport();
    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute('col-id', 'notes');
    await expect(focused).toBeInViewport();
    await page.keyboard.press('Home');
    for (const col of ['partner', 'local_level']) {
      await page.keyboard.press('ArrowRight');
      await expect(focused).toHaveAttribute('col-id', col);
    }
    await expect(focused).toBeInViewport();

    // The selected cell scrolled out of view (the grid scrolled by hand) still takes typing.
    await (await grid.shown(nagoya, 'region')).click();
    await grid.show('notes');
    await expect(page.locator('.ag-header-cell[col-id="region"]')).toHaveCount(0);
    await page.keyboard.type('Aichi');
    await expect(editor(page)).toHaveValue('Aichi');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await ties(host)).find((t) => t.id === nagoya))
      .toMatchObject({ region: 'Aichi' });

    // A range from Country to Notes, the grid scrolled between the click and the shift-click:
    // the copy has every column of it, drawn or not.
    await grid.typeInto(stLouis, 'signed_place', 'St. Louis City Hall');
    await (await grid.shown(nagoya, 'country')).click();
    await (await grid.shown(stLouis, 'notes')).click({ modifiers: ['Shift'] });
    await expect(page.locator('.ag-header-cell[col-id="country"]')).toHaveCount(0);
    await screenshot(page, 'range-wider-than-screen-en');
    const lines = (await copied(page)).split('\r\n');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => line.split('\t'));
    // Country, region, kind, stage, three dates, place, two signatories, custom fields, notes.
    expect(first).toHaveLength(12);
    expect(second).toHaveLength(12);
    expect(first![0]).toBe('Japan');
    expect(first![1]).toBe('Aichi');
    expect(first!.at(-1)).toBe('Twinned in 1978');
    expect(second![0]).toBe('United States');
    expect(second).toContain('St. Louis City Hall');
    expect(second!.at(-1)).toBe('南京');
    expect(pageErrors).toEqual([]);
  });
});
