import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/cli';
import { csvBytes, workbookBytes, type Table } from '../../main/interchange/export';
import { XLSX } from '../support/spreadsheets';

/** Exports that open cleanly in Excel, WPS and LibreOffice (issue 20, item 7). */

const table: Table = {
  name: 'Ties',
  header: ['local', 'partner', 'notes'],
  rows: [
    ['南京', 'Nagoya', 'x\n=1+1'],
    ['南京', 'Perth', 'first\rsecond'],
    ['南京市江宁区', 'Leipzig', '=HYPERLINK("http://example.invalid")'],
  ],
};

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('a CSV export', () => {
  it('quotes every cell with a line break, CR or LF alone, so each record stays one row', () => {
    const text = csvBytes(table).toString('utf8').slice(1);
    expect(text).toBe(
      [
        'local,partner,notes',
        '南京,Nagoya,"x\n=1+1"',
        '南京,Perth,"first\rsecond"',
        `南京市江宁区,Leipzig,"'=HYPERLINK(""http://example.invalid"")"`,
        '',
      ].join('\r\n'),
    );
    // Read back by a reader that ends rows at any line end: three records, no formula cell.
    const book = XLSX.read(text, { type: 'string', raw: true });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
    });
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['南京', 'Nagoya', 'x\n=1+1']);
  });
});

describe('an XLSX export', () => {
  it('fits each column to its widest cell, Chinese counted double, and freezes the header row', () => {
    const bytes = workbookBytes([table]);
    const sheet = XLSX.read(bytes, { type: 'buffer', cellStyles: true }).Sheets['Ties']!;
    // 南京市江宁区: six wide characters = 12, plus a margin of 2; "local" alone would be 7.
    expect(sheet['!cols']?.map((c) => c.wch)).toEqual([14, 9, 38]);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    // Still a workbook every reader opens, with the same cells.
    expect(XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[3]).toEqual([
      '南京市江宁区',
      'Leipzig',
      '=HYPERLINK("http://example.invalid")',
    ]);
  });
});

describe('youcheng export --out', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'yc-export-'));
  const registry = (folder: string) => path.join(folder, 'registry.db');

  it('writes a new file, refuses to replace it, and replaces it with --force', async () => {
    const folder = dir();
    const out = path.join(folder, 'ties.csv');
    const first = capture();
    expect(await main(['export', '--db', registry(folder), '--out', out], first.io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('local,local_level,partner');
    writeFileSync(out, 'kept');
    const again = capture();
    expect(await main(['export', '--db', registry(folder), '--out', out], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/already exists: add --force to replace it/);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    const forced = capture();
    expect(
      await main(['export', '--db', registry(folder), '--out', out, '--force'], forced.io),
    ).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('local,local_level,partner');
  });

  it('heads the workbook and the CSV as an office does with --headings zh', async () => {
    const folder = dir();
    const xlsx = path.join(folder, 'registry.xlsx');
    const csv = path.join(folder, 'ties.csv');
    for (const out of [xlsx, csv]) {
      const run = capture();
      const args = ['export', '--db', registry(folder), '--out', out, '--headings', 'zh'];
      expect(await main(args, run.io)).toBe(0);
    }
    const book = XLSX.read(readFileSync(xlsx), { type: 'buffer' });
    expect(book.SheetNames).toContain('友城关系');
    const header = XLSX.utils.sheet_to_json<string[]>(book.Sheets['友城关系']!, { header: 1 })[0];
    expect(header?.slice(0, 5)).toEqual([
      '我方',
      '我方级别',
      '外方城市',
      '外方城市（中文）',
      '国家',
    ]);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\ufeff我方,我方级别,外方城市/);
    const wrong = capture();
    const args = ['export', '--db', registry(folder), '--out', xlsx, '--headings', 'fr'];
    expect(await main([...args, '--force'], wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/canonical, zh, en/);
  });

  it.each([
    [
      'a missing folder',
      (f: string) => path.join(f, 'no', 'such', 'ties.csv'),
      /There is no folder/,
    ],
    [
      'a file given as the folder',
      (f: string) => {
        writeFileSync(path.join(f, 'plain.txt'), 'x');
        return path.join(f, 'plain.txt', 'ties.csv');
      },
      /is a file, not a folder/,
    ],
    [
      'a folder given as the file',
      (f: string) => {
        mkdirSync(path.join(f, 'out.xlsx'));
        return path.join(f, 'out.xlsx');
      },
      /is a folder: give the name of the file/,
    ],
  ])('answers %s with a message, not a stack trace', async (_what, target, message) => {
    const folder = dir();
    const out = target(folder);
    const run = capture();
    expect(await main(['export', '--db', registry(folder), '--out', out], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(message);
    expect(run.err.join('\n')).not.toMatch(/\n\s+at /);
    expect(run.out).toEqual([]);
    expect(existsSync(registry(folder))).toBe(false);
  });
});
