import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Registry } from '../../main/registry';
import { AppError } from '../../main/core/errors';
import { listEvents } from '../../db/events.repository';
import { tieEventFrom } from '../../db/events.repository';
import { stageAsOf } from '../../shared/timeline';
import type { ImportPreview, ImportSummary } from '../../shared/ipc/interchange';
import type { TieRow } from '../../shared/model';
import { call, ctx, testRegistry } from '../support/registry';
import { excelDate, scratch, xlsxBytes } from '../support/spreadsheets';

const SAMPLE = 'test/fixtures/nanjing-ties.csv';

let registry: Registry;
let file: ReturnType<typeof scratch>;

beforeEach(async () => {
  registry = await testRegistry();
  file = scratch();
});
afterEach(async () => {
  await registry.close();
});

function importFile(
  path: string,
  options: Partial<{ dryRun: boolean; sheet: string; encoding: 'utf8' | 'gb18030' }> = {},
) {
  return registry.services.interchange.importFile(path, { dryRun: false, ...options }, ctx);
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

describe('importing the sample ledger', () => {
  it('creates its 20 ties with history from their dates, and a second import changes nothing', async () => {
    const first = await importFile(SAMPLE);
    expect(first).toMatchObject({ created: 20, updated: 0, unchanged: 0, dryRun: false });
    const rows = await ties();
    expect(rows).toHaveLength(20);
    const mogilev = rows.find((t) => t.partner === 'Mogilev')!;
    expect(mogilev).toMatchObject({
      local: '南京市',
      local_level: 'city',
      country: 'BY',
      kind: 'friendship',
      stage: 'established',
      established_on: '2016-09',
      first_contact_on: '2014',
    });
    const second = await importFile(SAMPLE);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 20 });
    expect(await ties()).toHaveLength(20);
  });

  it('records history so figures as of past dates come out right', async () => {
    await importFile(SAMPLE);
    const rows = await ties();
    const history = async (partner: string) =>
      (await listEvents(registry.db, rows.find((t) => t.partner === partner)!.id))
        .map(tieEventFrom)
        .map((e) => ({ seq: e.seq, type: e.type, stage: e.stage, kind: e.kind, on: e.on }));
    const bloemfontein = await history('Bloemfontein');
    expect(bloemfontein.map((e) => [e.stage, e.on])).toEqual([
      ['contact', '1998'],
      ['intent', '1999-01'],
      ['established', '2000-03'],
    ]);
    expect(stageAsOf(bloemfontein, '1997-12-31')).toBeNull();
    expect(stageAsOf(bloemfontein, '1998-06-01')).toBe('contact');
    expect(stageAsOf(bloemfontein, '1999-12-31')).toBe('intent');
    expect(stageAsOf(bloemfontein, '2000-03-01')).toBe('established');
    const mogilev = await history('Mogilev');
    expect(stageAsOf(mogilev, '2015-01-01')).toBe('contact');
    expect(stageAsOf(mogilev, '2016-09-01')).toBe('established');
    // Established counts as of 2000-01-01: the ties signed up to 1998 (10 of them).
    let established = 0;
    for (const t of rows) {
      const events = (await listEvents(registry.db, t.id)).map(tieEventFrom);
      if (stageAsOf(events, '2000-01-01') === 'established') established++;
    }
    expect(established).toBe(10);
  });

  it('updates what changed on a second import and counts the rest unchanged', async () => {
    await importFile(SAMPLE);
    const edited = readFileSync(SAMPLE, 'utf8')
      .replace(
        'Nanjing,city,Perth,Australia,friendship,established,1998,,,',
        'Nanjing,city,Perth,Australia,friendship,established,1998-05,,,Renewed in 2018.',
      )
      .replace(
        'Nanjing,city,Windhoek,Namibia,friendship,established,2015,,,',
        'Nanjing,市级,Windhoek,纳米比亚,友好城市,暂停,2015,,,',
      );
    const summary = await importFile(file('edited.csv', edited));
    expect(summary).toMatchObject({ created: 0, updated: 2, unchanged: 18 });
    const rows = await ties();
    expect(rows.find((t) => t.partner === 'Perth')).toMatchObject({
      established_on: '1998-05',
      notes: 'Renewed in 2018.',
    });
    // A ledger may move a tie to any stage: an import is a historical record.
    expect(rows.find((t) => t.partner === 'Windhoek')?.stage).toBe('suspended');
  });

  it('is one undo step: one command, and every audit row carries it', async () => {
    const summary = await importFile(SAMPLE);
    const commands = await registry.db.selectFrom('commands').selectAll().execute();
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({
      id: summary.commandId,
      scope: 'import',
      label: 'import.command',
    });
    const audit = await registry.db.selectFrom('audit_log').select('command_id').execute();
    expect(audit.length).toBeGreaterThan(20);
    expect(new Set(audit.map((a) => a.command_id))).toEqual(new Set([summary.commandId]));
  });

  it('writes the audit rows of an import larger than a batch in order, and undoes and redoes it', async () => {
    // 250 ties: two full batches of audit rows and a remainder (AUDIT_BATCH is 100).
    const lines = Array.from(
      { length: 250 },
      (_, i) => `Suzhou,city,Town ${i},JP,established,${1980 + (i % 40)},${i % 2 ? 1979 : ''}`,
    );
    const path = file(
      'many.csv',
      ['local,local_level,partner,country,stage,established_on,intent_signed_on', ...lines].join(
        '\n',
      ),
    );
    const summary = await importFile(path);
    expect(summary.created).toBe(250);
    const audit = await registry.db
      .selectFrom('audit_log')
      .select(['seq', 'entity', 'entity_id', 'action', 'after', 'command_id'])
      .orderBy('seq')
      .execute();
    const events = await registry.db.selectFrom('tie_events').select(['id', 'tie_id']).execute();
    // Every record written has its one create row: 1 locality, 250 partners, 250 ties, 375 events.
    expect(audit.map((a) => a.action)).toEqual(Array(1 + 250 + 250 + 375).fill('create'));
    expect(new Set(audit.map((a) => a.command_id))).toEqual(new Set([summary.commandId]));
    expect(audit.filter((a) => a.entity === 'tie_event').map((a) => a.entity_id)).toEqual(
      expect.arrayContaining(events.map((e) => e.id)),
    );
    // In the order written: each tie after its partner, its events after it, row after row.
    const position = new Map(audit.map((a, i) => [`${a.entity}:${a.entity_id}`, i]));
    const tieRows = audit.filter((a) => a.entity === 'tie');
    tieRows.forEach((row, i) => {
      const tie = JSON.parse(row.after!) as { id: string; partner_id: string };
      const at = position.get(`tie:${tie.id}`)!;
      expect(position.get(`partner:${tie.partner_id}`)).toBe(at - 1);
      for (const e of events.filter((e) => e.tie_id === tie.id))
        expect(position.get(`tie_event:${e.id}`)).toBeGreaterThan(at);
      if (i > 0) expect(at).toBeGreaterThan(position.get(`tie:${tieRows[i - 1]!.entity_id}`)!);
    });
    await call(registry, 'undo:undo', { scope: 'import' });
    expect(await ties()).toHaveLength(0);
    await call(registry, 'undo:redo', { scope: 'import' });
    expect(await ties()).toHaveLength(250);
  });

  it('a dry run checks everything and writes nothing', async () => {
    const summary = await importFile(SAMPLE, { dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, created: 20, commandId: null });
    expect(await ties()).toHaveLength(0);
    expect(await registry.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
  });
});

describe('spreadsheets as offices keep them', () => {
  it('reads an XLSX with Chinese headers in any order, Excel date cells and year-only numbers', async () => {
    const bytes = xlsxBytes({
      南京市友城一览: [
        ['南京市国际友好城市一览表'],
        [
          '序号',
          '外方城市',
          '国家',
          '我方',
          '我方级别',
          '类型',
          '阶段',
          '结好日期',
          '首次接触日期',
          '备注',
        ],
        [1, '名古屋', '日本', '南京', '市级', '友好城市', '已结好', 1978, null, '中文备注'],
        [
          2,
          'Daejeon',
          'South Korea',
          '南京',
          '市级',
          '友好城市',
          '已结好',
          excelDate('1994-11-14'),
          excelDate('1993-06-01'),
          null,
        ],
        [3, 'Semarang', 'IDN', '南京', '市级', '友好交流城市', '已结好', '2018年10月', null, null],
      ],
    });
    const path = file('台账.xlsx', bytes);
    const { fileId } = await registry.services.interchange.upload({
      name: '台账.xlsx',
      base64: bytes.toString('base64'),
    });
    const preview: ImportPreview = await registry.services.interchange.preview({ fileId }, ctx);
    expect(preview.format).toBe('xlsx');
    expect(preview.sheets[0]).toMatchObject({
      kind: 'ties',
      headerLine: 2,
      unknown: [],
      missing: [],
    });
    expect(preview.sheets[0]!.sample[1]!.cells[7]).toBe('1994-11-14');

    const summary = await importFile(path);
    expect(summary.created).toBe(3);
    const rows = await ties();
    expect(rows.find((t) => t.partner === '名古屋')).toMatchObject({
      local: '南京',
      country: 'JP',
      established_on: '1978',
      notes: '中文备注',
      partner_zh: '名古屋',
    });
    expect(rows.find((t) => t.partner === 'Daejeon')).toMatchObject({
      country: 'KR',
      established_on: '1994-11-14',
      first_contact_on: '1993-06-01',
    });
    expect(rows.find((t) => t.partner === 'Semarang')).toMatchObject({
      kind: 'exchange',
      country: 'ID',
      established_on: '2018-10',
    });
  });

  it('detects a GB18030 CSV as saved by Chinese Excel, and says so when UTF-8 is forced', async () => {
    const text =
      '我方,我方级别,外方城市,国家,类型,阶段,结好日期\r\n南京,市级,佛罗伦萨,意大利,友好城市,已结好,1980\r\n南京,市级,莱比锡,德国,友好城市,已结好,1988/5/1\r\n';
    const path = file('gbk.csv', iconv.encode(text, 'gb18030'));
    const { fileId } = await registry.services.interchange.upload({
      name: 'gbk.csv',
      base64: readFileSync(path).toString('base64'),
    });
    const preview = await registry.services.interchange.preview({ fileId }, ctx);
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      detectedEncoding: 'gb18030',
    });
    expect(preview.sheets[0]!.sample[0]!.cells[2]).toBe('佛罗伦萨');

    const forced = await refusal(importFile(path, { encoding: 'utf8' }));
    expect(forced.key).toBe('import.file.notUtf8');
    expect(await ties()).toHaveLength(0);

    expect(await importFile(path)).toMatchObject({ created: 2 });
    expect((await ties()).map((t) => [t.partner, t.country, t.established_on]).sort()).toEqual([
      ['佛罗伦萨', 'IT', '1980'],
      ['莱比锡', 'DE', '1988-05-01'],
    ]);
  });

  it('reads UTF-8 with a BOM, and reports unknown columns without failing', async () => {
    const path = file(
      'bom.csv',
      '\uFEFFlocal,local_level,partner,country,colour\nNanjing,city,Perth,AU,blue\n',
    );
    const { fileId } = await registry.services.interchange.upload({
      name: 'bom.csv',
      base64: readFileSync(path).toString('base64'),
    });
    const preview = await registry.services.interchange.preview({ fileId }, ctx);
    expect(preview.detectedEncoding).toBe('utf8');
    expect(preview.sheets[0]!.columns[0]).toMatchObject({ header: 'local', field: 'local' });
    expect(preview.sheets[0]!.unknown).toEqual([{ letter: 'E', header: 'colour' }]);
    expect(await importFile(path)).toMatchObject({ created: 1 });
  });

  it('lets the user map a column and choose the kind of a sheet', async () => {
    const bytes = Buffer.from('城市,国别,我方,级别\nPerth,澳大利亚,南京,市级\n');
    const { fileId } = await registry.services.interchange.upload({
      name: 'm.csv',
      base64: bytes.toString('base64'),
    });
    const preview = await registry.services.interchange.preview({ fileId }, ctx);
    expect(preview.sheets[0]!.missing).toContain('partner');
    const summary = await registry.services.interchange.run(
      {
        fileId,
        dryRun: false,
        sheets: [
          {
            name: preview.sheets[0]!.name,
            kind: 'ties',
            fields: ['partner', 'country', 'local', 'local_level'],
          },
        ],
      },
      ctx,
    );
    expect(summary.created).toBe(1);
    expect((await ties())[0]).toMatchObject({ partner: 'Perth', country: 'AU', local: '南京' });
  });
});

describe('a file with bad rows', () => {
  it('changes nothing and reports every bad row with its line, column, value and reason', async () => {
    await importFile(SAMPLE);
    const before = await registry.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const lines = ['local,local_level,partner,country,stage,established_on'];
    for (let i = 0; i < 120; i++) {
      if (i % 3 === 0)
        lines.push(`Suzhou,city,Partner ${i},Japan,established,2001-${(i % 12) + 1}`);
      else if (i % 3 === 1) lines.push(`Suzhou,city,Partner ${i},Narnia,established,2001`);
      else lines.push(`Suzhou,city,Partner ${i},Japan,established,2001-13-40`);
    }
    lines.push('Nanjing,city,Nagoya,Japan,contact,1978');
    const error = await refusal(importFile(file('bad.csv', lines.join('\n'))));
    expect(error.key).toBe('import.refused');
    const details = error.extra.details ?? [];
    expect(details).toHaveLength(81);
    expect(details[0]).toMatchObject({
      path: ['bad', 3, 'country'],
      key: 'errors.country.unknown',
      params: { line: 3, column: 'country', cell: 'Narnia', value: 'Narnia' },
    });
    expect(details[1]).toMatchObject({
      path: ['bad', 4, 'established_on'],
      key: 'errors.date.month',
      params: { cell: '2001-13-40' },
    });
    // A stage earlier than the row's own dates is refused by the same rule as a grid edit.
    expect(details.at(-1)).toMatchObject({
      path: ['bad', 122, 'stage'],
      key: 'errors.tie.stageBeforeDates',
    });
    expect(await ties()).toHaveLength(20);
    const after = await registry.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await registry.db.selectFrom('localities').select('name').execute()).toEqual([
      { name: '南京市' },
    ]);
  });

  it('refuses the same tie twice in one file, and a new locality without its level', async () => {
    const error = await refusal(
      importFile(
        file(
          'dup.csv',
          'local,local_level,partner,country\nNanjing,city,Perth,AU\nNanjing,city,Perth,Australia\nJiangbei New Area,,Toyokawa,JP\n',
        ),
      ),
    );
    expect(error.extra.details?.map((d) => [d.path[1], d.key])).toEqual([
      [3, 'import.row.duplicate'],
      [4, 'errors.tie.levelRequired'],
    ]);
    expect(await ties()).toHaveLength(0);
  });
});

describe('localities named in a ties sheet', () => {
  it('follows a locality whose level rows change part-way, whichever of its names they use', async () => {
    await call(registry, 'localities:create', { name: '南京', name_en: 'Nanjing', level: 'city' });
    const summary = await importFile(
      file(
        'levels.csv',
        [
          'local,local_level,partner,country',
          '南京,city,Perth,AU',
          'Nanjing,county,Nagoya,JP',
          '南京,,Florence,IT',
          '南京,city,Mogilev,BY',
          'Nanjing,city,St. Louis,US',
        ].join('\n'),
      ),
    );
    expect(summary).toMatchObject({ created: 5, updated: 0 });
    const localities = await call<{ name: string; level: string; version: number }[]>(
      registry,
      'localities:list',
      {},
    );
    // city → county (line 3) → city (line 5): two changes, nothing else, and one locality.
    expect(localities.map((l) => [l.name, l.level, l.version])).toEqual([['南京', 'city', 3]]);
    expect(new Set((await ties()).map((t) => t.local))).toEqual(new Set(['南京']));
  });
});

describe('partners named in a ties sheet', () => {
  it('finds a partner by any of its spellings, one already kept and one an earlier row created', async () => {
    await call(registry, 'ties:create', {
      local: 'Yangzhou',
      local_level: 'city',
      partner: 'Fukuoka',
      partner_zh: '福冈',
      country: 'JP',
    });
    const summary = await importFile(
      file(
        'spellings.csv',
        [
          'local,local_level,partner,partner_zh,country',
          'Nanjing,city,福冈,福冈,JP',
          'Suzhou,city,Perth,珀斯,AU',
          'Wuxi,city,珀斯,珀斯,AU',
          'Changzhou,city,Perth,,AU',
          'Nantong,city,珀斯,,AU',
        ].join('\n'),
      ),
    );
    expect(summary).toMatchObject({ created: 5, updated: 0 });
    const partners = await call<{ name: string; name_zh: string | null; country: string }[]>(
      registry,
      'partners:list',
      {},
    );
    // Line 5 cleared Perth's Chinese name (a blank cell of a column the sheet has), so line 6
    // names a partner of its own.
    expect(partners.map((p) => [p.country, p.name, p.name_zh]).sort()).toEqual([
      ['AU', 'Perth', null],
      ['AU', '珀斯', '珀斯'],
      ['JP', 'Fukuoka', '福冈'],
    ]);
    // Nanjing and Yangzhou with Fukuoka; Suzhou, Wuxi and Changzhou with Perth; Nantong with 珀斯.
    expect((await ties()).map((t) => t.partner).sort()).toEqual([
      'Fukuoka',
      'Fukuoka',
      'Perth',
      'Perth',
      'Perth',
      '珀斯',
    ]);
  });
});

describe('through the contract', () => {
  it('uploads, previews, runs with progress, and removes the upload afterwards', async () => {
    const bytes = readFileSync(SAMPLE);
    const { fileId } = await call<{ fileId: string }>(registry, 'import:upload', {
      name: 'nanjing-ties.csv',
      base64: bytes.toString('base64'),
    });
    const preview = await call<ImportPreview>(registry, 'import:preview', { fileId });
    expect(preview.sheets[0]!.sample).toHaveLength(8);
    const summary = await call<ImportSummary>(registry, 'import:run', { fileId, dryRun: false });
    expect(summary.created).toBe(20);
    expect(await call(registry, 'import:progress', { fileId })).toMatchObject({
      phase: 'done',
      fraction: 1,
      rows: 20,
    });
    const gone = await registry.door('import:preview', { fileId }, { trusted: true });
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'not_found', key: 'import.file.gone' },
    });
  });

  it('removes the uploaded sheet when an import ends, refused or failed, but not after a dry run', async () => {
    const folderFiles = () =>
      readdirSync(tmpdir())
        .filter((d) => d.startsWith(`youcheng-uploads-${process.pid}-`))
        .flatMap((d) => readdirSync(path.join(tmpdir(), d)));
    const upload = async (text: string) =>
      (
        await call<{ fileId: string }>(registry, 'import:upload', {
          name: 'x.csv',
          base64: Buffer.from(text).toString('base64'),
        })
      ).fileId;
    const refused = await upload('local,local_level,partner,country\n南京,city,Perth,Mars\n');
    expect(folderFiles()).toContain(refused);
    const dry = await registry.door(
      'import:run',
      { fileId: refused, dryRun: true },
      { trusted: true },
    );
    expect(dry.ok).toBe(false);
    // A dry run leaves the file for the run the user may still make.
    expect(folderFiles()).toContain(refused);
    const run = await registry.door('import:run', { fileId: refused }, { trusted: true });
    expect(run).toMatchObject({ ok: false, error: { key: 'import.refused' } });
    expect(folderFiles()).not.toContain(refused);
    expect(
      await registry.door('import:preview', { fileId: refused }, { trusted: true }),
    ).toMatchObject({
      ok: false,
      error: { key: 'import.file.gone' },
    });
    // Not a spreadsheet at all: the import fails, and its upload goes all the same.
    const broken = await upload('\u0000\u0001 not a sheet');
    await registry.door('import:run', { fileId: broken, sheet: 'nope' }, { trusted: true });
    expect(folderFiles()).not.toContain(broken);
  });

  it('answers import:pick as unavailable where there is no native dialog', async () => {
    const result = await registry.door('import:pick', {}, { trusted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('words a refused import per row in Chinese', async () => {
    const bytes = Buffer.from('我方,我方级别,外方城市,国家\n南京,市级,Perth,火星\n');
    const { fileId } = await call<{ fileId: string }>(registry, 'import:upload', {
      name: 'x.csv',
      base64: bytes.toString('base64'),
    });
    const result = await registry.door('import:run', { fileId }, { trusted: true, lang: 'zh' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details?.[0]?.message).toBe(
      '“火星”不是可识别的国家：请使用ISO代码或中英文国名。',
    );
  });
});
