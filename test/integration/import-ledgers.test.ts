import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { AppError } from '../../main/core/errors';
import type { ImportPreview } from '../../shared/ipc/interchange';
import type { TieRow } from '../../shared/model';
import { HOSTILE_NOTES, registryContent } from '../support/export-sample';
import { call, ctx, testRegistry } from '../support/registry';
import { scratch, XLSX, xlsxBytes, type XCell } from '../support/spreadsheets';

/** Ledgers as offices keep them (issue 20): line ends, separators, layouts, cells as shown. */

let registry: Registry;
let file: ReturnType<typeof scratch>;

beforeEach(async () => {
  registry = await testRegistry();
  file = scratch();
});
afterEach(async () => {
  await registry.close();
});

function importFile(path: string, options: Partial<{ dryRun: boolean; sheet: string }> = {}) {
  return registry.services.interchange.importFile(path, { dryRun: false, ...options }, ctx);
}

async function preview(path: string, lang: 'zh' | 'en' = 'en'): Promise<ImportPreview> {
  const { readFileSync } = await import('node:fs');
  const { fileId } = await registry.services.interchange.upload({
    name: path.split('/').at(-1)!,
    base64: readFileSync(path).toString('base64'),
  });
  return registry.services.interchange.preview({ fileId }, { ...ctx, lang });
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function ties(): Promise<TieRow[]> {
  return [...(await call<{ rows: TieRow[] }>(registry, 'ties:list', {})).rows];
}

const HEADER = 'local,local_level,partner,country,kind,stage,established_on,notes';
const rows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `Nanjing,city,Partner ${i + 1},Japan,friendship,established,${1980 + i},note ${i + 1}`,
  );

describe('line ends and separators', () => {
  it('imports every row of a file whose header ends in CRLF and whose rows end in LF', async () => {
    const text = `${HEADER}\r\n${rows(10).join('\n')}\n`;
    expect(await importFile(file('appended.csv', text))).toMatchObject({ created: 10 });
    const all = await ties();
    expect(all).toHaveLength(10);
    // Nothing swallowed into a cell: each note is its own row's.
    expect(all.map((t) => t.notes).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `note ${i + 1}`).sort(),
    );
  });

  it('ends a row at CR, LF and CRLF mixed in one file, and keeps a line break inside quotes', async () => {
    const [a, b, c, d] = rows(4);
    const text = `${HEADER}\r${a}\r\n${b}\n${c}\r${d!.replace('note 4', '"note 4\nsecond line"')}\r\n`;
    expect(await importFile(file('mixed.csv', text))).toMatchObject({ created: 4 });
    const all = await ties();
    expect(all.map((t) => t.partner).sort()).toEqual([
      'Partner 1',
      'Partner 2',
      'Partner 3',
      'Partner 4',
    ]);
    expect(all.find((t) => t.partner === 'Partner 4')?.notes).toBe('note 4\nsecond line');
  });

  it('refuses a row with more cells than the header, naming the first cell without a header', async () => {
    const text = `${HEADER}\n${rows(1)[0]}\nNanjing,city,Perth,AU,friendship,established,1998,a note, with a comma\n`;
    const error = await refusal(importFile(file('wide.csv', text)));
    expect(error.key).toBe('import.refused');
    expect(error.extra.details).toHaveLength(1);
    expect(error.extra.details?.[0]).toMatchObject({
      key: 'import.row.extraCells',
      params: { line: 3, count: 9, columns: 8, letter: 'I', value: 'with a comma' },
    });
    expect(await ties()).toHaveLength(0);
  });

  it('reads semicolon- and tab-separated files, and says which separator it found', async () => {
    const semi = file(
      'semi.csv',
      '我方;我方级别;外方城市;国家;备注\n南京;市级;Perth;AU;"a, b"\n南京;市级;Nagoya;JP;\n',
    );
    const seen = await preview(semi, 'zh');
    expect(seen.separator).toBe(';');
    expect(seen.sheets[0]!.notices).toContainEqual({ key: 'import.notice.semicolon', params: {} });
    expect(seen.sheets[0]!.missing).toEqual([]);
    expect(await importFile(semi)).toMatchObject({ created: 2 });
    expect((await ties()).find((t) => t.partner === 'Perth')?.notes).toBe('a, b');

    const tab = file('tab.txt', 'local\tlocal_level\tpartner\tcountry\nSuzhou\tcity\tVenice\tIT\n');
    expect((await preview(tab)).separator).toBe('\t');
    expect(await importFile(tab)).toMatchObject({ created: 1 });
    expect(await ties()).toHaveLength(3);
  });
});

/** A ledger as offices lay it out: title rows, merged groups, blanks, a total, hidden parts. */
function officeLedger() {
  const rows: XCell[][] = [
    ['南京市国际友好城市一览表'],
    ['（截至2024年底）'],
    ['序号', '我方', '外方\n城市', '国　　家', '类型', '结好日期', '我方\n级别', '备注'],
    [1, '南京', '名古屋', '日　本', '友好城市', 1978, '市级', '首个友城'],
    [2, null, 'Perth', ' Australia ', '友好城市', 1998, null, null],
    [3, null, '佛罗伦萨', '意大利', '友好城市', 1980, null, null],
    [],
    [4, '苏州', 'Venice', 'Italy', '友好城市', 1980, '市级', null],
    ['合计', null, null, null, null, null, null, '4个'],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [
    XLSX.utils.decode_range('A1:H1'),
    XLSX.utils.decode_range('B4:B6'),
    XLSX.utils.decode_range('G4:G6'),
  ];
  sheet['!rows'] = [];
  sheet['!rows'][7] = { hidden: true };
  sheet['!cols'] = [];
  sheet['!cols'][7] = { hidden: true };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '友城一览');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('sheets as offices lay them out', () => {
  it('reads below title rows, fills merged groups, skips blanks and totals, and says so', async () => {
    const path = file('台账.xlsx', officeLedger());
    const seen = await preview(path, 'zh');
    const sheet = seen.sheets[0]!;
    expect(sheet).toMatchObject({ kind: 'ties', headerLine: 3, unknown: [], missing: [] });
    expect(sheet.columns.map((c) => c.field)).toEqual([
      null,
      'local',
      'partner',
      'country',
      'kind',
      'established_on',
      'local_level',
      'notes',
    ]);
    expect(sheet.notices).toEqual([
      { key: 'import.notice.stageFromDates', params: {} },
      {
        key: 'import.notice.hiddenColumns',
        params: { count: 1, columns: [{ letter: 'H', header: '备注' }] },
      },
      { key: 'import.notice.merged', params: { count: 2, ranges: 'B4:B6, G4:G6' } },
    ]);
    // The merged 我方 shows on every row it spans, in the sample as in the import.
    expect(sheet.sample.map((r) => r.cells[1])).toEqual(['南京', '南京', '南京', '苏州']);

    const summary = await importFile(path);
    expect(summary).toMatchObject({ created: 4, updated: 0 });
    expect(summary.sheets[0]!.rows).toBe(4);
    expect(summary.sheets[0]!.ignored).toEqual([]);
    expect(summary.sheets[0]!.notices.slice(3)).toEqual([
      {
        key: 'import.notice.stagesInferred',
        params: { established: 4, intent: 0, contact: 0 },
      },
      { key: 'import.notice.blankRows', params: { count: 1, lines: '7' } },
      { key: 'import.notice.totalRows', params: { count: 1, lines: '9' } },
      { key: 'import.notice.hiddenRows', params: { count: 1, lines: '8' } },
    ]);
    const all = await ties();
    expect(all.map((t) => [t.local, t.local_level, t.partner, t.country]).sort()).toEqual([
      ['南京', 'city', 'Perth', 'AU'],
      ['南京', 'city', '佛罗伦萨', 'IT'],
      ['南京', 'city', '名古屋', 'JP'],
      ['苏州', 'city', 'Venice', 'IT'],
    ]);
    expect(all.find((t) => t.partner === '名古屋')?.notes).toBe('首个友城');
  });

  it('words its notices in either language', async () => {
    const { formatMessage } = await import('../../shared/i18n');
    const summary = await importFile(file('台账.xlsx', officeLedger()), { dryRun: true });
    const said = (lang: 'zh' | 'en') =>
      summary.sheets[0]!.notices.map((n) => formatMessage(n.key, n.params, lang));
    expect(said('zh')).toContain('有1个合计行（合计/小计/总计）未导入（第9行）。');
    expect(said('en')).toContain('Row 8 is hidden in the workbook; it is imported all the same.');
    for (const text of [...said('zh'), ...said('en')]) expect(text).not.toMatch(/{{|}}/);
  });
});

describe('what the sheet leaves out', () => {
  it('takes a new tie’s stage from its dates when there is no stage column, and says so', async () => {
    // Already in the registry: the sheet has no stage column, so it says nothing of its stage.
    await call(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Leipzig',
      country: 'DE',
      stage: 'established',
      established_on: '2020',
    });
    const path = file(
      'no-stage.csv',
      [
        '我方,我方级别,外方城市,国家,结好日期,意向书签署日期,首次接触日期',
        '南京,市级,Nagoya,JP,1978,,',
        '南京,市级,Perth,AU,,2015-06,2014',
        '南京,市级,Leipzig,DE,,,2019',
        '南京,市级,Florence,IT,,,',
      ].join('\n'),
    );
    expect((await preview(path, 'zh')).sheets[0]!.notices).toContainEqual({
      key: 'import.notice.stageFromDates',
      params: {},
    });
    const checked = await importFile(path, { dryRun: true });
    expect(checked.sheets[0]!.notices).toContainEqual({
      key: 'import.notice.stagesInferred',
      params: { established: 1, intent: 1, contact: 1 },
    });
    expect(await importFile(path)).toMatchObject({ created: 3, updated: 1 });
    const stages = Object.fromEntries((await ties()).map((t) => [t.partner, t.stage]));
    expect(stages).toEqual({
      Nagoya: 'established',
      Perth: 'intent',
      Leipzig: 'established',
      Florence: 'contact',
    });
  });

  it('asks once per new locality for the level column the sheet lacks, in the file’s language', async () => {
    // Names the place directory does not know (合肥 or Wuhu would take their level from it).
    await call(registry, 'localities:create', { name: '南京', level: 'city' });
    const zh = file(
      'no-level.csv',
      [
        '我方,外方城市,国家',
        '南京,Nagoya,JP',
        '滨湖新区,Osaka,JP',
        '滨湖新区,Perth,AU',
        '江北新区,Kochi,JP',
        '滨湖新区,Leipzig,DE',
      ].join('\n'),
    );
    const error = await refusal(importFile(zh));
    const details = error.extra.details ?? [];
    expect(details.map((d) => [d.path[1], d.key, d.params.local, d.params.lines])).toEqual([
      [3, 'import.level.missing', '滨湖新区', '3, 4, 6'],
      [5, 'import.level.missing', '江北新区', '5'],
    ]);
    expect(details[0]!.params).toMatchObject({ add: '我方级别', letter: 'A', column: '我方' });
    const { formatMessage } = await import('../../shared/i18n');
    expect(formatMessage(details[0]!.key, details[0]!.params, 'zh')).toBe(
      '“滨湖新区”（共3行：第3, 4, 6行）尚未登记，表中也没有“我方级别”列：请添加表头为“我方级别”的一列并填写级别（省级、市级、县级），或先登记该地区。',
    );
    expect(await ties()).toHaveLength(0);

    const en = file('no-level-en.csv', 'local,partner,country\nJiangbei New Area,Kochi,JP\n');
    const english = await refusal(importFile(en));
    expect(english.extra.details?.[0]?.params).toMatchObject({
      add: 'local_level',
      values: 'province, city, county',
    });
    // A locality the registry knows needs no level column.
    expect(
      await importFile(file('known.csv', '我方,外方城市,国家\n南京,Nagoya,JP\n')),
    ).toMatchObject({
      created: 1,
    });
  });
});

describe('cells read as the spreadsheet shows them', () => {
  it('reads a number in a date column by its shown text, and a month-formatted date as a month', async () => {
    const serial = (iso: string) =>
      (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const bytes = xlsxBytes({
      友城: [
        ['我方', '我方级别', '外方城市', '国家', '结好日期', '首次接触日期'],
        ['南京', '市级', 'Perth', 'AU', { t: 'n', v: 2005.1, z: '0.00' }, null],
        [
          '南京',
          '市级',
          'Nagoya',
          'JP',
          { t: 'n', v: serial('1999-04-01'), z: 'yyyy"年"m"月"' },
          null,
        ],
        ['南京', '市级', 'Leipzig', 'DE', { t: 'n', v: serial('1988-05-01'), z: 'yyyy' }, null],
        [
          '南京',
          '市级',
          'Florence',
          'IT',
          { t: 'n', v: serial('1980-02-03'), z: 'yyyy/m/d' },
          1979,
        ],
      ],
    });
    await importFile(file('shown.xlsx', bytes));
    const dates = Object.fromEntries(
      (await ties()).map((t) => [t.partner, [t.established_on, t.first_contact_on]]),
    );
    expect(dates).toEqual({
      Perth: ['2005-10', null],
      Nagoya: ['1999-04', null],
      Leipzig: ['1988', null],
      Florence: ['1980-02-03', '1979'],
    });
  });

  it('reads =TRUE() and =FALSE() cells, as LibreOffice saves booleans, and still refuses other formulas', async () => {
    await importFile(
      file(
        'ties.csv',
        'local,local_level,partner,country,stage,established_on\nNanjing,city,Nagoya,JP,established,1978\n',
      ),
    );
    const header = ['local', 'partner', 'country', 'type', 'stage', 'on', 'confidential'];
    const events = (confidential: XCell) =>
      xlsxBytes({
        Events: [
          header,
          [
            'Nanjing',
            'Nagoya',
            'JP',
            'stage',
            'contact',
            '1977',
            { t: 'b', v: false, f: 'FALSE()' },
          ],
          ['Nanjing', 'Nagoya', 'JP', 'stage', 'established', '1978', confidential],
        ],
      });
    expect(
      await importFile(file('events.xlsx', events({ t: 'b', v: true, f: 'TRUE()' }))),
    ).toMatchObject({ updated: 2 });
    const tie = (await ties())[0]!;
    const listed = await call<{ confidential: boolean }[]>(registry, 'ties:events', { id: tie.id });
    expect(listed.map((e) => e.confidential)).toEqual([false, true]);
    const error = await refusal(
      importFile(file('formula.xlsx', events({ t: 'b', v: true, f: 'AND(TRUE(),TRUE())' }))),
    );
    expect(error.extra.details?.[0]).toMatchObject({ key: 'import.cell.formula' });
  });
});

describe('the CLI import', () => {
  it('lists the ignored columns and what it noticed, as the wizard does', async () => {
    const { main } = await import('../../main/cli/cli');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const db = `${mkdtempSync(`${tmpdir()}/yc-cli-`)}/registry.db`;
    const path = file(
      'colour.csv',
      '序号,我方,我方级别,外方城市,国家,颜色\n1,南京,市级,Perth,AU,blue\n\n2,南京,市级,Nagoya,JP,red\n合计,,,,,\n',
    );
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await main(['import', '--db', db, '--lang', 'zh', path], io)).toBe(0);
    expect(JSON.parse(out.join('\n')).sheets[0]).toMatchObject({
      rows: 2,
      created: 2,
      ignored: [{ letter: 'F', header: '颜色' }],
    });
    expect(err).toEqual([
      'colour: 有1列无法识别，将被跳过：F列（颜色）',
      'colour: 表中没有“阶段”列：新友城关系的阶段按日期确定（有结好日期为已结好，有意向书日期为意向，否则为接触）。',
      'colour: 按日期确定的阶段：已结好0条，意向0条，接触2条。',
      'colour: 已跳过1个空行（第3行）。',
      'colour: 有1个合计行（合计/小计/总计）未导入（第5行）。',
    ]);
  });

  it('names each refused cell by its letter and header, every placeholder filled', async () => {
    const { main } = await import('../../main/cli/cli');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const db = `${mkdtempSync(`${tmpdir()}/yc-cli-`)}/registry.db`;
    const path = file(
      'formula.xlsx',
      xlsxBytes({
        友城: [
          ['我方', '我方级别', '外方城市', '国家'],
          ['南京', '市级', { t: 's', v: 'Perth', f: 'A1&"x"' }, 'AU'],
        ],
      }),
    );
    for (const lang of ['zh', 'en'] as const) {
      const err: string[] = [];
      const io = { out: () => {}, err: (s: string) => err.push(s) };
      expect(await main(['import', '--db', db, '--lang', lang, path], io)).toBe(1);
      const text = err.join('\n');
      expect(text).toContain(lang === 'zh' ? 'C列（外方城市）' : 'column C (外方城市)');
      expect(text).not.toContain('{{');
    }
  });
});

/** The ledgers LibreOffice made (test/fixtures/ledgers/make.py), as an office would send them. */
describe('ledgers made by LibreOffice', () => {
  const LEDGERS = 'test/fixtures/ledgers';
  const expected = [
    ['合肥', 'city', 'Aarhus', 'DK', 'exchange', 'established', '2005-10', null],
    ['合肥', 'city', 'Columbus', 'US', 'friendship', 'established', '1994-07', null],
    ['合肥', 'city', '久留米', 'JP', 'friendship', 'established', '1980-02-28', null],
    ['芜湖', 'city', 'Bydgoszcz', 'PL', 'exchange', 'established', '2012-10-16', null],
    ['芜湖', 'city', '高知', 'JP', 'friendship', 'established', '1999-04', '1998'],
  ];
  const figures = async () =>
    (await ties())
      .map((t) => [
        t.local,
        t.local_level,
        t.partner,
        t.country,
        t.kind,
        t.stage,
        t.established_on,
        t.first_contact_on,
      ])
      .sort((a, b) => `${a[0]}${a[2]}`.localeCompare(`${b[0]}${b[2]}`));

  it.each(['merged.xlsx', 'merged.xls', 'merged.ods'])(
    'imports %s on the first try, dry run first, with the figures of a hand count',
    async (name) => {
      const path = `${LEDGERS}/${name}`;
      const seen = await preview(path, 'zh');
      expect(seen.format).toBe(name.split('.')[1]);
      const sheet = seen.sheets[0]!;
      expect(sheet).toMatchObject({ name: '友好城市', kind: 'ties', kindFrom: 'name' });
      expect(sheet).toMatchObject({ headerLine: 3, unknown: [], missing: [] });
      expect(sheet.notices).toContainEqual({
        key: 'import.notice.merged',
        params: { count: 4, ranges: 'B4:B6, C4:C6, B8:B9, C8:C9' },
      });
      const dry = await importFile(path, { dryRun: true });
      expect(dry).toMatchObject({ dryRun: true, created: 5 });
      expect(await ties()).toHaveLength(0);
      const notices = dry.sheets[0]!.notices;
      expect(notices).toContainEqual({
        key: 'import.notice.totalRows',
        params: { count: 1, lines: '10' },
      });
      expect(notices).toContainEqual({
        key: 'import.notice.blankRows',
        params: { count: 1, lines: '7' },
      });
      expect(notices).toContainEqual({
        key: 'import.notice.stagesInferred',
        params: { established: 5, intent: 0, contact: 0 },
      });
      // Hidden parts are imported and said (an ODS's read from its content.xml, since SheetJS
      // reads no row or column visibility from one).
      expect(notices).toContainEqual({
        key: 'import.notice.hiddenRows',
        params: { count: 1, lines: '9' },
      });
      expect(sheet.notices).toContainEqual({
        key: 'import.notice.hiddenColumns',
        params: { count: 1, columns: [{ letter: 'I', header: '备注' }] },
      });
      expect(await importFile(path)).toMatchObject({ created: 5, updated: 0 });
      expect(await figures()).toEqual(expected);
      expect((await ties()).find((t) => t.partner === '久留米')?.notes).toBe('首个友城');
      expect(await importFile(path)).toMatchObject({ created: 0, unchanged: 5 });
    },
  );

  it.each([
    ['flat-utf8.csv', 'utf8'],
    ['flat-gb18030.csv', 'gb18030'],
  ])('imports %s on the first try', async (name, encoding) => {
    const path = `${LEDGERS}/${name}`;
    const seen = await preview(path);
    expect(seen).toMatchObject({ format: 'csv', detectedEncoding: encoding, separator: ',' });
    expect(seen.sheets[0]).toMatchObject({ headerLine: 2, unknown: [], missing: [] });
    expect(await importFile(path)).toMatchObject({ created: 5 });
    expect(await figures()).toEqual(expected);
  });
});

describe('sheet kinds by name, and messages in the clerk’s terms', () => {
  it('takes a visit’s direction from a sheet named 出访 or 来访, and a ties sheet named 国际友城', async () => {
    await call(registry, 'localities:create', { name: '南京', level: 'city' });
    const bytes = xlsxBytes({
      国际友城: [
        ['我方', '外方城市', '国家'],
        ['南京', 'Nagoya', 'JP'],
      ],
      出访: [
        ['我方', '国家', '团长', '开始日期'],
        ['南京', 'JP', '张三', '2024-03-01'],
      ],
      来访: [
        ['我方', '国家', '团长', '开始日期'],
        ['南京', 'JP', 'Tanaka', '2024-05-01'],
      ],
    });
    const path = file('三表.xlsx', bytes);
    const seen = await preview(path, 'zh');
    expect(seen.sheets.map((s) => [s.name, s.kind, s.kindFrom, s.missing])).toEqual([
      ['国际友城', 'ties', 'name', []],
      ['出访', 'visits', 'name', []],
      ['来访', 'visits', 'name', []],
    ]);
    expect(seen.sheets[1]!.notices).toContainEqual({
      key: 'import.notice.outgoingFromName',
      params: {},
    });
    expect(await importFile(path)).toMatchObject({ created: 3 });
    const visits = await call<{ rows: { direction: string; leader: string }[] }>(
      registry,
      'visits:list',
      {},
    );
    expect(visits.rows.map((v) => [v.leader, v.direction]).sort()).toEqual([
      ['Tanaka', 'incoming'],
      ['张三', 'outgoing'],
    ]);
  });

  it('names a missing column as the file would head it, and says which copy of a column is hidden', async () => {
    const missing = await refusal(importFile(file('缺列.csv', '我方,国家\n南京,JP\n')));
    expect(missing).toMatchObject({
      key: 'import.file.missingColumn',
      params: { columns: '外方城市' },
    });
    const sheet = XLSX.utils.aoa_to_sheet([
      ['我方', '我方级别', '外方城市', '国家', '国别'],
      ['南京', '市级', 'Nagoya', 'JP', 'JP'],
    ]);
    sheet['!cols'] = [];
    sheet['!cols'][4] = { hidden: true };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '友城');
    const path = file(
      '重复.xlsx',
      XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
    );
    const duplicate = await refusal(importFile(path));
    expect(duplicate).toMatchObject({
      key: 'import.file.duplicateColumnHidden',
      params: {
        first: { letter: 'D', header: '国家' },
        second: { letter: 'E', header: '国别' },
        hidden: { letter: 'E', header: '国别' },
      },
    });
    const { formatMessage } = await import('../../shared/i18n');
    expect(formatMessage(duplicate.key, duplicate.params, 'en')).toBe(
      'In “友城”, column D (国家) and column E (国别) both give country, and column E (国别) is hidden in the workbook: delete one of them (unhide the columns to see both).',
    );
  });

  it('has its own words for a lock file and a workbook with a password to open', async () => {
    for (const name of ['~$台账.xlsx', '.~lock.台账.xlsx#']) {
      const error = await refusal(importFile(file(name, 'anything')));
      expect(error).toMatchObject({
        key: 'import.file.lockFile',
        params: { name, original: '台账.xlsx' },
      });
    }
    // What Excel writes for "Encrypt with password": an OLE container of an encrypted package.
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.alloc(64, 1));
    XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(512, 2));
    const bytes = XLSX.CFB.write(container, { type: 'buffer' }) as Buffer;
    const error = await refusal(importFile(file('加密.xlsx', bytes)));
    expect(error.key).toBe('import.file.password');
  });
});

describe('our exports, opened and saved once by LibreOffice', () => {
  const LEDGERS = 'test/fixtures/ledgers';

  /** What the export itself imports to: the registry it was made from (export.test.ts). */
  async function original(): Promise<Awaited<ReturnType<typeof registryContent>>> {
    const source = await testRegistry();
    try {
      await source.services.interchange.importFile(
        `${LEDGERS}/registry.xlsx`,
        { dryRun: false },
        ctx,
      );
      return await registryContent(source);
    } finally {
      await source.close();
    }
  }

  it.each([
    'resaved-registry.xlsx',
    'resaved-registry.ods',
    'resaved-registry-zh.xlsx',
    'resaved-registry-zh.ods',
  ])('%s imports on the first try, every field equal to the original registry’s', async (name) => {
    const path = `${LEDGERS}/${name}`;
    const dry = await importFile(path, { dryRun: true });
    expect(dry.sheets.map((s) => [s.kind, s.ignored])).toEqual(
      ['localities', 'partners', 'ties', 'events', 'letters', 'steps', 'visits'].map((k) => [
        k,
        [],
      ]),
    );
    expect(await ties()).toHaveLength(0);
    await importFile(path);
    const content = await registryContent(registry);
    expect(content).toEqual(await original());
    // The formula-like notes came back as the text they were, none run.
    expect(content.ties.map((t) => t.notes)).toEqual(
      expect.arrayContaining([...HOSTILE_NOTES, '=HYPERLINK("http://example.invalid","click")']),
    );
    expect(await importFile(path)).toMatchObject({ created: 0, updated: 0 });
  });

  it('keeps the ties CSV one row per record with no formula run, and it imports back', async () => {
    // LibreOffice's reading of the CSV, kept as a workbook: a header and eight records, every
    // formula-like note a text cell, the line break inside its cell.
    const opened = XLSX.read(readFileSync(`${LEDGERS}/opened-ties.xlsx`), {
      type: 'buffer',
      cellFormula: true,
    });
    const sheet = opened.Sheets[opened.SheetNames[0]!]!;
    const cells = Object.entries(sheet).filter(([ref]) => !ref.startsWith('!'));
    expect(cells.filter(([, c]) => (c as XLSX.CellObject).f !== undefined)).toEqual([]);
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 });
    expect(rows).toHaveLength(1 + 8);
    const notes = rows.slice(1).map((r) => r[15] ?? null);
    expect(notes).toEqual(expect.arrayContaining(['x\n=1+1', "'=1+1", "'+cmd", "'@SUM(A1:A2)"]));

    // The CSV it saves again imports every record, each note as exported. LibreOffice turns
    // a lone CR inside a cell into LF; nothing else changes.
    const summary = await importFile(`${LEDGERS}/resaved-ties.csv`);
    expect(summary).toMatchObject({ created: 8 });
    const byPartner = new Map((await ties()).map((t) => [`${t.partner} ${t.country}`, t.notes]));
    expect(HOSTILE_NOTES.map((_, i) => byPartner.get(`Hostile ${i + 1} DE`))).toEqual(
      HOSTILE_NOTES.map((n) => n.replace(/\r/g, '\n')),
    );
    expect(byPartner.get('London CA')).toBe('=HYPERLINK("http://example.invalid","click")');
  });
});
