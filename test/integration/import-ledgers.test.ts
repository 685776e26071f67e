import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import { AppError } from '../../main/core/errors';
import type { ImportPreview } from '../../shared/ipc/interchange';
import type { TieRow } from '../../shared/model';
import { call, ctx, testRegistry } from '../support/registry';
import { scratch } from '../support/spreadsheets';

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
    expect(seen.sheets[0]!.notices).toEqual([{ key: 'import.notice.semicolon', params: {} }]);
    expect(seen.sheets[0]!.missing).toEqual([]);
    expect(await importFile(semi)).toMatchObject({ created: 2 });
    expect((await ties()).find((t) => t.partner === 'Perth')?.notes).toBe('a, b');

    const tab = file('tab.txt', 'local\tlocal_level\tpartner\tcountry\nSuzhou\tcity\tVenice\tIT\n');
    expect((await preview(tab)).separator).toBe('\t');
    expect(await importFile(tab)).toMatchObject({ created: 1 });
    expect(await ties()).toHaveLength(3);
  });
});
