import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/ipc/interchange';
import type { TieRow } from '../../shared/model';
import { exportSample, registryContent } from '../support/export-sample';
import { call, ctx, testRegistry } from '../support/registry';
import { readXlsx, scratch, XLSX } from '../support/spreadsheets';

describe('the registry workbook', () => {
  it('imported into an empty registry reproduces it exactly, and again changes nothing', async () => {
    const source = await exportSample();
    const exported = await call<ExportedFile>(source, 'export:registry', {});
    expect(exported.fileName).toBe('youcheng-registry-2026-01-15.xlsx');
    const path = scratch()('registry.xlsx', Buffer.from(exported.base64, 'base64'));
    const workbook = readXlsx(Buffer.from(exported.base64, 'base64'));
    expect(workbook.SheetNames).toEqual([
      'Localities',
      'Partners',
      'Ties',
      'Events',
      'Letters of intent',
      'Approval steps',
      'Visits',
    ]);

    const target = await testRegistry({ unnamedActor: 'someone else' });
    const summary = await target.services.interchange.importFile(path, { dryRun: false }, ctx);
    expect(summary.sheets.map((s) => [s.kind, s.rows])).toEqual([
      ['localities', 2],
      ['partners', 3],
      ['ties', 3],
      ['events', 4],
      ['letters', 1],
      ['steps', 2],
      ['visits', 2],
    ]);
    expect(await registryContent(target)).toEqual(await registryContent(source));

    const again = await target.services.interchange.importFile(path, { dryRun: false }, ctx);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(await registryContent(target)).toEqual(await registryContent(source));
    await source.close();
    await target.close();
  });

  it.each([
    [
      'zh',
      ['我方地区', '外方城市', '友城关系', '历程', '意向书', '报批步骤', '出访来访'],
      [
        '我方',
        '我方级别',
        '外方城市',
        '外方城市（中文）',
        '国家',
        '所属地区',
        '类型',
        '阶段',
        '结好日期',
      ],
      ['南京', '市级', 'Nagoya', '名古屋', '日本', 'Aichi', '友好城市', '暂停', '1978-12-21'],
    ],
    [
      'en',
      ['Localities', 'Partners', 'Ties', 'Events', 'Letters of intent', 'Approval steps', 'Visits'],
      [
        'Our locality',
        'Level',
        'Partner',
        'Partner (Chinese)',
        'Country',
        'Region',
        'Kind',
        'Stage',
        'Established',
      ],
      [
        '南京',
        'City',
        'Nagoya',
        '名古屋',
        'Japan',
        'Aichi',
        'Friendship city',
        'Suspended',
        '1978-12-21',
      ],
    ],
  ] as const)(
    'headed as an office heads it (%s) imports back just as losslessly',
    async (headings, sheets, header, nagoya) => {
      const source = await exportSample();
      const exported = await call<ExportedFile>(source, 'export:registry', { headings });
      expect(exported.fileName).toBe(`youcheng-registry-${headings}-2026-01-15.xlsx`);
      const bytes = Buffer.from(exported.base64, 'base64');
      const workbook = readXlsx(bytes);
      expect(workbook.SheetNames).toEqual(sheets);
      const rows = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets[sheets[2]]!, { header: 1 });
      expect(rows[0]!.slice(0, header.length)).toEqual(header);
      expect(rows.find((r) => r[2] === 'Nagoya')!.slice(0, nagoya.length)).toEqual(nagoya);

      const target = await testRegistry({ unnamedActor: 'someone else' });
      const path = scratch()(exported.fileName, bytes);
      const summary = await target.services.interchange.importFile(path, { dryRun: false }, ctx);
      expect(summary.sheets.map((s) => s.ignored)).toEqual(sheets.map(() => []));
      expect(await registryContent(target)).toEqual(await registryContent(source));
      const again = await target.services.interchange.importFile(path, { dryRun: false }, ctx);
      expect(again).toMatchObject({ created: 0, updated: 0 });
      await source.close();
      await target.close();
    },
  );

  it('writes formula-like text as string cells that no spreadsheet runs', async () => {
    const source = await exportSample();
    const exported = await call<ExportedFile>(source, 'export:registry', {});
    const sheet = readXlsx(Buffer.from(exported.base64, 'base64')).Sheets['Ties']!;
    const notes = Object.entries(sheet).filter(
      ([ref, cell]) => !ref.startsWith('!') && String((cell as XLSX.CellObject).v).startsWith('='),
    );
    expect(notes).toHaveLength(1);
    const cell = notes[0]![1] as XLSX.CellObject;
    expect(cell.t).toBe('s');
    expect(cell.f).toBeUndefined();
    await source.close();
  });
});

describe('a grid export', () => {
  it('writes the visible rows and columns in order, as shown, with formulas escaped in CSV', async () => {
    const source = await exportSample();
    const ties = (
      await call<{ rows: TieRow[] }>(source, 'ties:list', {
        sort: [{ colId: 'partner', sort: 'asc' }],
      })
    ).rows;
    const ids = ties.filter((t) => t.local === '南京').map((t) => t.id);
    const csv = await call<ExportedFile>(source, 'export:grid', {
      grid: 'ties',
      format: 'csv',
      columns: ['partner', 'country', 'stage', 'notes'],
      ids,
      lang: 'zh',
    });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      '外方城市,国家,阶段,备注',
      `London,加拿大,接触,"'=HYPERLINK(""http://example.invalid"",""click"")"`,
      `Nagoya,日本,暂停,'-2012 suspended; +resumed later @office`,
      '',
    ]);
    // The grid's export imports back as a ties sheet: its headers are the grid's own labels.
    const xlsx = await call<ExportedFile>(source, 'export:grid', {
      grid: 'ties',
      format: 'xlsx',
      columns: [
        'local',
        'local_level',
        'partner',
        'country',
        'kind',
        'stage',
        'established_on',
        'notes',
      ],
      ids,
      lang: 'en',
    });
    const rows = XLSX.utils.sheet_to_json<string[]>(
      readXlsx(Buffer.from(xlsx.base64, 'base64')).Sheets['Ties']!,
      { header: 1 },
    );
    expect(rows[0]).toEqual([
      'Our locality',
      'Level',
      'Partner',
      'Country',
      'Kind',
      'Stage',
      'Established',
      'Notes',
    ]);
    expect(rows[2]).toEqual([
      '南京',
      'City',
      'Nagoya',
      'Japan',
      'Friendship city',
      'Suspended',
      '1978-12-21',
      '-2012 suspended; +resumed later @office',
    ]);
    const path = scratch()('grid.xlsx', Buffer.from(xlsx.base64, 'base64'));
    expect(await source.services.interchange.importFile(path, { dryRun: true }, ctx)).toMatchObject(
      { unchanged: 2 },
    );
    await source.close();
  });
});
