import type { Registry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import { call, ctx, testRegistry } from './registry';
import { scratch } from './spreadsheets';

/**
 * A small registry with something in every sheet of the registry workbook (a locality under
 * another, a suspended tie with its history, formula-like notes, letters, steps in both
 * languages, visits linked to a tie), and what it holds compared field by field: for the
 * export tests and the LibreOffice-resaved fixtures made from it (test/fixtures/ledgers).
 */

/** Everything a registry holds, without ids, stamps and versions (which belong to each file). */
export async function registryContent(registry: Registry) {
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

export async function exportSample(): Promise<Registry> {
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

/**
 * Notes a spreadsheet program would split or run, were they written carelessly: a formula
 * after a line break, formulas, a command, a function call.
 */
export const HOSTILE_NOTES = ['x\n=1+1', '=1+1', '+cmd', '@SUM(A1:A2)', 'first\rsecond'];

/** The sample with a tie for each hostile note: what the LibreOffice-resaved fixtures hold. */
export async function resaveSample(): Promise<Registry> {
  const r = await exportSample();
  for (const [i, notes] of HOSTILE_NOTES.entries()) {
    await call(r, 'ties:create', {
      local: '南京',
      partner: `Hostile ${i + 1}`,
      country: 'DE',
      stage: 'contact',
      notes,
    });
  }
  return r;
}
