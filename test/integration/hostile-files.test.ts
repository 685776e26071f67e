import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/errors';
import type { Registry } from '../../main/registry';
import { ctx, testRegistry } from '../support/registry';
import { excelDate, scratch, xlsxBytes } from '../support/spreadsheets';

/**
 * The hostile-files corpus (issue 7, item 3): files the tests make, each refused with a clear
 * message, the registry unchanged, and memory bounded while refusing them.
 */

let registry: Registry;
const file = scratch();

beforeAll(async () => {
  registry = await testRegistry();
  // Something to stay unchanged.
  await registry.services.interchange.importFile(
    file(
      'seed.csv',
      'local,local_level,partner,country,stage,established_on\nNanjing,city,Nagoya,JP,established,1978\n',
    ),
    { dryRun: false },
    ctx,
  );
});
afterAll(async () => {
  await registry.close();
});

async function snapshot(): Promise<string> {
  const counts: Record<string, number> = {};
  for (const table of [
    'localities',
    'partners',
    'ties',
    'tie_events',
    'audit_log',
    'commands',
  ] as const) {
    const { n } = await registry.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return JSON.stringify(counts);
}

const header = 'local,local_level,partner,country,stage,established_on\n';
const valid = 'Suzhou,city,Kanazawa,JP,established,1981\n';

/** A zip whose one entry inflates to `mb` megabytes of zeros: a few kilobytes on disk. */
function zipBomb(mb: number): Uint8Array {
  return zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(mb * 1024 * 1024) }, { level: 6 });
}

const CORPUS: { name: string; bytes: () => Uint8Array | string; key: string; encoding?: 'utf8' }[] =
  [
    { name: 'empty.csv', bytes: () => '', key: 'import.file.empty' },
    { name: 'blank.xlsx', bytes: () => '\n\n  \n', key: 'import.file.empty' },
    {
      name: 'binary.csv',
      bytes: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      key: 'import.file.binary',
    },
    {
      name: 'truncated.xlsx',
      bytes: () =>
        xlsxBytes({ Ties: [header.trim().split(','), valid.trim().split(',')] }).subarray(0, 900),
      key: 'import.file.damaged',
    },
    { name: 'bomb.xlsx', bytes: () => zipBomb(170), key: 'import.file.zipBomb' },
    {
      // Each entry alone is under the limit; together they pass it.
      name: 'bomb-in-parts.xlsx',
      bytes: () =>
        zipSync(
          Object.fromEntries(
            [1, 2, 3].map((n) => [`xl/worksheets/sheet${n}.xml`, new Uint8Array(60 * 1048576)]),
          ),
          { level: 6 },
        ),
      key: 'import.file.zipBomb',
    },
    {
      // A whole zip whose entry's deflate stream opens with a block type that does not exist.
      name: 'bad-deflate.xlsx',
      bytes: () => {
        const name = 'xl/workbook.xml';
        const zip = zipSync({ [name]: new TextEncoder().encode('<workbook/>'.repeat(50)) });
        zip.fill(0xff, 30 + name.length, 30 + name.length + 8);
        return zip;
      },
      key: 'import.file.damaged',
    },
    {
      name: 'columns.csv',
      bytes: () => `${header}${'x,'.repeat(100_000)}x\n`,
      key: 'import.file.tooManyColumns',
    },
    {
      name: 'columns.xlsx',
      bytes: () => xlsxBytes({ Ties: [Array.from({ length: 2000 }, (_, i) => `c${i}`)] }),
      key: 'import.file.tooManyColumns',
    },
    {
      name: 'long-line.csv',
      bytes: () => `${header}${'y'.repeat(300_000)}\n`,
      key: 'import.file.lineTooLong',
    },
    {
      name: 'duplicate-headers.csv',
      bytes: () => `local,local_level,partner,country,国家\n${valid}`,
      key: 'import.file.duplicateColumn',
    },
    {
      name: 'no-columns.csv',
      bytes: () => 'colour,size\nblue,3\n',
      key: 'import.file.missingColumn',
    },
    {
      name: 'gbk-as-utf8.csv',
      bytes: () => iconv.encode(`${header}南京,市级,名古屋,日本,已结好,1978\n`, 'gb18030'),
      key: 'import.file.notUtf8',
      encoding: 'utf8',
    },
    {
      name: 'utf16.csv',
      bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(header, 'utf16le')]),
      key: 'import.file.utf16',
    },
    {
      name: 'unclosed-quote.csv',
      bytes: () => `${header}Suzhou,city,"Kanazawa,JP,established,1981\n`,
      key: 'import.file.csv',
    },
    {
      name: 'formulas.xlsx',
      bytes: () =>
        xlsxBytes({
          Ties: [
            header.trim().split(','),
            [
              'Suzhou',
              'city',
              { t: 's', v: 'Kanazawa', f: 'HYPERLINK("http://x.invalid","Kanazawa")' },
              'JP',
              'established',
              1981,
            ],
          ],
        }),
      key: 'import.cell.formula',
    },
    {
      name: 'formula-text.csv',
      bytes: () => `${header}Suzhou,city,"=cmd|' /C calc'!A0",JP,established,1981\n`,
      key: 'import.cell.formulaText',
    },
    {
      name: 'impossible-dates.xlsx',
      bytes: () =>
        xlsxBytes({
          Ties: [
            header.trim().split(','),
            ['Suzhou', 'city', 'Kanazawa', 'JP', 'established', '1981-02-30'],
            ['Suzhou', 'city', 'Toyama', 'JP', 'established', 99999],
            [
              'Suzhou',
              'city',
              'Fukui',
              'JP',
              'established',
              { ...excelDate('1981-01-01'), v: 1e9 },
            ],
          ],
        }),
      key: 'errors.date.day',
    },
  ];

describe('hostile files', () => {
  for (const entry of CORPUS) {
    it(`refuses ${entry.name} with ${entry.key}, leaving the registry as it was`, async () => {
      const before = await snapshot();
      const heap = process.memoryUsage().heapUsed;
      const path = file(entry.name, entry.bytes());
      const error = await registry.services.interchange
        .importFile(
          path,
          { dryRun: false, ...(entry.encoding ? { encoding: entry.encoding } : {}) },
          ctx,
        )
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(AppError);
      const refused = error as AppError;
      const keys = [refused.key, ...(refused.extra.details ?? []).map((d) => d.key)];
      expect(keys).toContain(entry.key);
      // Refusing a file never holds more than a few tens of megabytes, whatever it claims.
      expect(process.memoryUsage().heapUsed - heap).toBeLessThan(96 * 1024 * 1024);
      expect(await snapshot()).toBe(before);
    });
  }

  it('reports every impossible date of a sheet, not the first', async () => {
    const path = file('dates.xlsx', CORPUS.at(-1)!.bytes());
    const error = (await registry.services.interchange
      .importFile(path, { dryRun: false }, ctx)
      .then(
        () => null,
        (e: unknown) => e,
      )) as AppError;
    expect(error.extra.details?.map((d) => [d.path[1], d.key])).toEqual([
      [2, 'errors.date.day'],
      [3, 'errors.date.format'],
      [4, 'errors.date.format'],
    ]);
  });
});
