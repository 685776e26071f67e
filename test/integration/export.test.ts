import { describe, expect, it } from 'vitest';
import type { Registry } from '../../main/registry';
import type { ExportedFile } from '../../shared/ipc/interchange';
import type { TieRow } from '../../shared/model';
import { call, ctx, testRegistry } from '../support/registry';
import { readXlsx, scratch, XLSX } from '../support/spreadsheets';

/** Everything a registry holds, without ids, stamps and versions (which belong to each file). */
async function content(registry: Registry) {
  const db = registry.db;
  const localities = await db.selectFrom('localities').selectAll().orderBy('name').execute();
  const nameOf = new Map(localities.map((l) => [l.id, l.name]));
  const partners = await db
    .selectFrom('partners')
    .selectAll()
    .orderBy('country')
    .orderBy('name')
    .execute();
  const ties = (await call<{ rows: TieRow[] }>(registry, 'ties:list', {})).rows;
  const tieName = new Map(ties.map((t) => [t.id, `${t.local}/${t.partner}/${t.country}`]));
  const strip = <T extends Record<string, unknown>>(row: T) => {
    const out: Record<string, unknown> = { ...row };
    for (const k of [
      'id',
      'version',
      'created_at',
      'updated_at',
      'deleted_at',
      'locality_id',
      'partner_id',
      'tie_id',
      'parent_id',
    ])
      delete out[k];
    if ('tie_id' in row) out.tie = tieName.get(String(row.tie_id));
    if ('parent_id' in row) out.parent = row.parent_id ? nameOf.get(String(row.parent_id)) : null;
    return out;
  };
  const events = await db
    .selectFrom('tie_events')
    .selectAll()
    .orderBy('tie_id')
    .orderBy('seq')
    .execute();
  const sortBy = (rows: Record<string, unknown>[]) =>
    rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const visits = await db.selectFrom('visits').selectAll().execute();
  const links = await db.selectFrom('visit_ties').selectAll().execute();
  return {
    localities: localities.map(strip),
    partners: partners.map(strip),
    ties: sortBy(ties.map((t) => strip(t as unknown as Record<string, unknown>))),
    events: sortBy(events.map(strip)),
    letters: sortBy((await db.selectFrom('letters').selectAll().execute()).map(strip)),
    steps: sortBy((await db.selectFrom('approval_steps').selectAll().execute()).map(strip)),
    visits: sortBy(
      visits.map((v) => ({
        ...strip(v),
        local: v.locality_id ? nameOf.get(v.locality_id) : null,
        ties: links
          .filter((l) => l.visit_id === v.id)
          .map((l) => tieName.get(l.tie_id))
          .sort(),
      })),
    ),
  };
}

async function populated(): Promise<Registry> {
  const r = await testRegistry();
  const province = await call<{ id: string }>(r, 'localities:create', {
    name: '江苏省',
    name_en: 'Jiangsu',
    level: 'province',
  });
  const nanjing = await call<{ id: string; version: number }>(r, 'localities:create', {
    name: '南京',
    level: 'city',
  });
  await call(r, 'localities:update', {
    id: nanjing.id,
    version: nanjing.version,
    patch: { name_en: 'Nanjing', parent_id: province.id },
  });
  const nagoya = await call<TieRow>(r, 'ties:create', {
    local: '南京',
    partner: 'Nagoya',
    partner_zh: '名古屋',
    country: 'JP',
    region: 'Aichi',
    stage: 'established',
    established_on: '1978-12-21',
    our_signatory: '张三',
    partner_signatory: 'Motoyama',
    fields: ['culture', 'education'],
  });
  // A suspension with its own date enters the history (a ledger import may record it).
  await r.services.interchange.importFile(
    scratch()('suspend.csv', 'local,partner,country,stage\n南京,Nagoya,JP,suspended\n'),
    { dryRun: false },
    ctx,
  );
  const suspended = await call<TieRow>(r, 'ties:get', { id: nagoya.id });
  await call(r, 'ties:update', {
    id: suspended.id,
    version: suspended.version,
    patch: { notes: '-2012 suspended; +resumed later @office' },
  });
  await call(r, 'ties:create', {
    local: '南京',
    partner: 'London',
    country: 'CA',
    stage: 'contact',
    first_contact_on: '2019',
    notes: '=HYPERLINK("http://example.invalid","click")',
  });
  await call(r, 'ties:create', {
    local: '江苏省',
    partner: 'London',
    country: 'GB',
    kind: 'exchange',
    stage: 'intent',
    intent_signed_on: '2020-05',
  });
  await call(r, 'letters:create', {
    local: '江苏省',
    partner: 'London',
    country: 'GB',
    title: 'Letter of intent',
    doc_type: 'mou',
    signed_on: '2020-05',
    status: 'active',
  });
  await call(r, 'steps:create', {
    local: '江苏省',
    partner: 'London',
    country: 'GB',
    authority: '江苏省外办',
    submitted_on: '2020-06-01',
    outcome: 'approved',
    decided_on: '2020-07',
  });
  await call(r, 'steps:create', {
    local: '江苏省',
    partner: 'London',
    country: 'GB',
    authority: 'CPAFFC',
    submitted_on: '2020-08-01',
    reference_no: '2020-17',
  });
  await call(r, 'visits:create', {
    direction: 'outgoing',
    local: '南京',
    country: 'CA',
    leader: '李四',
    leader_title: '副市长',
    start_on: '2019-09-02',
    end_on: '2019-09-06',
    size: 6,
    purpose: 'Anniversary',
    fields: ['culture'],
    ties: ['London'],
    agreements_signed: 1,
    amount: '120000.50',
    currency: 'CNY',
  });
  await call(r, 'visits:create', { direction: 'incoming', country: 'JP', start_on: '2023' });
  return r;
}

describe('the registry workbook', () => {
  it('imported into an empty registry reproduces it exactly, and again changes nothing', async () => {
    const source = await populated();
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
    expect(await content(target)).toEqual(await content(source));

    const again = await target.services.interchange.importFile(path, { dryRun: false }, ctx);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(await content(target)).toEqual(await content(source));
    await source.close();
    await target.close();
  });

  it('writes formula-like text as string cells that no spreadsheet runs', async () => {
    const source = await populated();
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
    const source = await populated();
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
