import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { detectSeparator, odsVisibility } from '../../main/interchange/source';
import {
  columnForHeader,
  columnLetter,
  directionForSheetName,
  isRowNumberHeader,
  isTotalLabel,
  officeHeader,
  SHEET_KINDS,
  SHEETS,
  stageFromDates,
} from '../../shared/interchange';
import { foldSpaces, hasCjk } from '../../shared/text';

describe('reading ledgers as typed', () => {
  it.each([
    ['日　本', '日本'],
    ['  南京 ', '南京'],
    ['South\u00a0 Korea', 'South Korea'],
    ['南 京 市', '南京市'],
    ['St. Louis', 'St. Louis'],
  ])('folds the spaces of %j to %j', (typed, folded) => {
    expect(foldSpaces(typed)).toBe(folded);
  });

  it.each([
    ['外方\n城市', 'partner'],
    ['国　　家', 'country'],
    ['Local level', 'local_level'],
    [' local_level ', 'local_level'],
    ['结好\r\n日期', 'established_on'],
  ])('matches the header %j to %s whatever its whitespace', (header, field) => {
    expect(columnForHeader('ties', header)).toBe(field);
  });

  it('knows a row-number column and a total row, and nothing else for them', () => {
    expect(['序号', 'No.', '#', '编 号'].map(isRowNumberHeader)).toEqual([true, true, true, true]);
    expect(isRowNumberHeader('我方')).toBe(false);
    expect(['合计', '小 计', '总计：95', 'Total', 'Grand total'].map(isTotalLabel)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['合肥', 'Totalitarian', '计划'].map(isTotalLabel)).toEqual([false, false, false]);
  });

  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1;"2,5";3', ';'],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['南京市友城一览\n我方;外方城市;国家\n南京;Perth;AU', ';'],
    ['only', ','],
  ])('finds the separator of %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });

  it('names columns by letter and stages by dates', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
    expect(stageFromDates({ established_on: '1978', intent_signed_on: '1977' })).toBe(
      'established',
    );
    expect(stageFromDates({ intent_signed_on: '2015-06' })).toBe('intent');
    expect(stageFromDates({})).toBe('contact');
    expect([hasCjk('合肥'), hasCjk('Hefei'), hasCjk('\uf900')]).toEqual([true, false, true]);
  });
});

describe('a workbook headed as an office heads it', () => {
  it.each(SHEET_KINDS)(
    'names every column of a %s sheet so that it reads back as itself',
    (kind) => {
      for (const column of SHEETS[kind].columns) {
        const zh = officeHeader(column, 'zh');
        const en = officeHeader(column, 'en');
        expect(hasCjk(en), `${kind}.${column.id}: ${en}`).toBe(false);
        expect(columnForHeader(kind, zh)).toBe(column.id);
        expect(columnForHeader(kind, en)).toBe(column.id);
      }
    },
  );

  it('takes a direction from a sheet named for one, and none from 出访来访', () => {
    expect(directionForSheetName('出访团组')).toBe('outgoing');
    expect(directionForSheetName('来访')).toBe('incoming');
    expect(directionForSheetName('出访来访')).toBeNull();
    expect(directionForSheetName('Visits')).toBeNull();
  });
});

describe('reading an ODS', () => {
  it('finds the hidden rows and columns of each sheet, counting repeated ones', () => {
    const table = (name: string, body: string) =>
      `<table:table table:name="${name}" table:style-name="ta1">${body}</table:table>`;
    const content =
      '<office:document-content><office:body><office:spreadsheet>' +
      table(
        'A&amp;B',
        '<table:table-column table:number-columns-repeated="2"/>' +
          '<table:table-column table:visibility="collapse" table:number-columns-repeated="2"/>' +
          '<table:table-column/>' +
          '<table:table-header-rows><table:table-row><table:table-cell/></table:table-row></table:table-header-rows>' +
          '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>' +
          '<table:table-row-group><table:table-row table:visibility="collapse" table:number-rows-repeated="2">' +
          '<table:table-cell/></table:table-row></table:table-row-group>' +
          '<table:table-row table:visibility="filter"><table:table-cell/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1048569"><table:table-cell/></table:table-row>',
      ) +
      table('二', '<table:table-column/><table:table-row><table:table-cell/></table:table-row>') +
      '</office:spreadsheet></office:body></office:document-content>';
    const bytes = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'),
      'content.xml': strToU8(content),
    });
    const sheets = odsVisibility(bytes);
    expect([...sheets.keys()]).toEqual(['A&B', '二']);
    expect([...sheets.get('A&B')!.rows]).toEqual([4, 5, 6]);
    expect([...sheets.get('A&B')!.columns]).toEqual([2, 3]);
    expect(sheets.get('二')).toEqual({ rows: new Set(), columns: new Set() });
  });

  it('prints none of SheetJS’s “ODS number format may be incorrect” warnings', async () => {
    const { readFileSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const { vi } = await import('vitest');
    const { openFile } = await import('../../main/interchange/source');
    // LibreOffice's own ledger, given a conditional number format SheetJS cannot translate.
    const entries = unzipSync(readFileSync('test/fixtures/ledgers/merged.ods'));
    entries['content.xml'] = strToU8(
      strFromU8(entries['content.xml']!).replace(
        '<office:automatic-styles>',
        '<office:automatic-styles><number:number-style style:name="Nodd"><number:number/>' +
          '<style:map style:condition="value()&lt;0" style:apply-style-name="N2"/></number:number-style>',
      ),
    );
    const file = `${mkdtempSync(`${tmpdir()}/yc-ods-`)}/ledger.ods`;
    writeFileSync(file, zipSync(entries));
    const printed = vi.spyOn(console, 'error');
    try {
      const opened = await openFile(file, 'ledger.ods', undefined);
      expect(opened).toMatchObject({ format: 'ods', sheetNames: ['友好城市'] });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });
});
