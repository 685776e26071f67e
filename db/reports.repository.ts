import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { KINDS, type Kind } from '../shared/enums';
import type { TieEventDates } from '../shared/timeline';
import type { ReportTie, TieNames } from '../shared/report/figures';
import { STAGE_ORDER } from '../shared/stages';
import type { Executor } from './schema';
import {
  FALSE_SQL,
  groupConcat,
  jsonArrayElements,
  jsonArrayLength,
  TRUE_SQL,
} from './sql-dialect';

/**
 * Lean reads for reports: one query per kind of row, only the columns the counting needs, and
 * aggregates made in SQL where rows are many (visits). Dates are partial text; SQL compares
 * them by their first day exactly as `shared/dates.ts` does.
 */

/** `firstDay` in SQL: `1978` → `1978-01-01`, `2016-09` → `2016-09-01`, a day as it is. */
export function firstDaySql(column: string): RawBuilder<string> {
  const c = sql.ref(column);
  return sql<string>`(case length(${c}) when 4 then ${c} || '-01-01' when 7 then ${c} || '-01' else ${c} end)`;
}

/**
 * `column`'s first day within [since, asOf]. The plain range on the stored text comes first so
 * an index on the column narrows the scan: a partial date's text sorts at or after its year
 * and at or before its first day.
 */
function inPeriodSql(column: string, since: string, asOf: string): RawBuilder<SqlBool> {
  const c = sql.ref(column);
  return sql<SqlBool>`(${c} >= ${since.slice(0, 4)} and ${c} <= ${asOf} and ${firstDaySql(column)} between ${since} and ${asOf})`;
}

/**
 * The locality and every locality under it, live ones only: by parent_id, and by the place
 * directory's code, whose leading digits are the province and city (a locality under 安徽省,
 * 340000, has a code 34…, even one entered before its parent was set).
 */
export async function localityScope(db: Executor, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive scope(id) as (
      select id from localities where id = ${rootId} and deleted_at is null
      union
      select l.id from localities l join localities r on r.id = ${rootId}
        where l.deleted_at is null and r.deleted_at is null and l.code like
          case when r.code like '%0000' then substr(r.code, 1, 2)
               when r.code like '%00' then substr(r.code, 1, 4)
               else r.code end || '%'
      union
      select l.id from localities l join scope s on l.parent_id = s.id where l.deleted_at is null
    )
    select id from scope`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** `t.locality_id in (…)` when the report is scoped; true otherwise. */
function scoped(column: string, scope: readonly string[] | null): RawBuilder<SqlBool> {
  if (scope === null) return TRUE_SQL;
  if (scope.length === 0) return FALSE_SQL;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(scope)})`;
}

/** Field and record separators (ASCII US and RS), which no id, code or date can hold. */
const US = '\u001f';
const RS = '\u001e';

/**
 * One letter stands for each stage, kind and event type in the packed history; the letters
 * are the values' first, which must stay distinct (checked when this module loads).
 */
function byInitial<T extends string>(values: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map(values.map((v) => [v.charAt(0), v]));
  if (map.size !== values.length) throw new Error(`Values share an initial: ${values.join(', ')}`);
  return map;
}
const STAGE_BY_INITIAL = byInitial(STAGE_ORDER);
const KIND_BY_INITIAL = byInitial(Object.keys(KINDS) as Kind[]);

/** `column`'s initial, or `-` for null. */
function initial(column: string): RawBuilder<string> {
  return sql<string>`coalesce(substr(${sql.ref(column)}, 1, 1), '-')`;
}

/** Calls `each(start, end)` for every record of a packed string, without splitting it. */
function records(packed: string | null | undefined, each: (start: number, end: number) => void) {
  if (!packed) return;
  let start = 0;
  while (start < packed.length) {
    let end = packed.indexOf(RS, start);
    if (end < 0) end = packed.length;
    each(start, end);
    start = end + 1;
  }
}

/**
 * The live ties of the scope (optionally of one country) with their dated histories, for
 * counting. A report reads every tie and every event, so each of the two queries returns one
 * packed string built by SQLite rather than a row per tie or event: handing 50,000 ties and
 * their 150,000 events to JavaScript row by row costs more than all the counting.
 */
export async function loadReportTies(
  db: Executor,
  scope: readonly string[] | null,
  country: string | null = null,
  /** Only these ties (the report cache refreshing what changed). */
  ids: readonly string[] | null = null,
): Promise<ReportTie[]> {
  const chosen =
    ids === null
      ? TRUE_SQL
      : ids.length === 0
        ? FALSE_SQL
        : sql<SqlBool>`t.id in (${sql.join(ids.map((id) => sql`${id}`))})`;
  const ofCountry = country === null ? TRUE_SQL : sql<SqlBool>`p.country = ${country}`;
  const levels = new Map(
    (await db.selectFrom('localities').select(['id', 'level']).execute()).map((l) => [
      l.id,
      l.level,
    ]),
  );
  // Each tie: id, locality, partner, then its kind's initial. Countries come apart, by
  // partner: joining them costs SQLite more than a map costs JavaScript.
  const ties = await sql<{ packed: string | null }>`
    select ${groupConcat(db, sql`t.id || ${US} || t.locality_id || ${US} || t.partner_id || ${US} || ${initial('t.kind')}`, RS, 't.id')} as packed
    from ties t
    where t.deleted_at is null and ${scoped('t.locality_id', scope)} and ${chosen}
      and ${country === null ? TRUE_SQL : sql`t.partner_id in (select id from partners p where ${ofCountry})`}`.execute(
    db,
  );
  // The countries of the ties read: a few ties' partners, not the whole registry's.
  const ofTies =
    scope === null && ids === null
      ? TRUE_SQL
      : sql`p.id in (select t.partner_id from ties t
          where t.deleted_at is null and ${scoped('t.locality_id', scope)} and ${chosen})`;
  const partners = await sql<{ packed: string | null }>`
    select ${groupConcat(db, sql`p.id || ${US} || p.country`, RS, 'p.id')} as packed
    from partners p where ${ofCountry} and ${ofTies}`.execute(db);
  // Events of deleted or out-of-scope ties are skipped below; a scoped report filters in SQL.
  const only =
    ids !== null
      ? ids.length === 0
        ? FALSE_SQL
        : sql<SqlBool>`e.tie_id in (${sql.join(ids.map((id) => sql`${id}`))})`
      : scope === null && country === null
        ? TRUE_SQL
        : sql<SqlBool>`e.tie_id in (select t.id from ties t join partners p on p.id = t.partner_id
          where t.deleted_at is null and ${scoped('t.locality_id', scope)} and ${ofCountry})`;
  // Each event: tie id, seq, then five initials (type, stage, from stage, kind, from kind) and
  // the date as stored, if any.
  const events = await sql<{ packed: string | null }>`
    select ${groupConcat(
      db,
      sql`e.tie_id || ${US} || e.seq || ${US} || ${initial('e.type')} ||
      ${initial('e.stage')} || ${initial('e.from_stage')} || ${initial('e.kind')} ||
      ${initial('e.from_kind')} || coalesce(e.occurred_on, '')`,
      RS,
      'e.id',
    )} as packed
    from tie_events e where ${only}`.execute(db);

  const countries = new Map<string, string>();
  const partnersPacked = partners.rows[0]?.packed;
  records(partnersPacked, (start, end) => {
    const p = partnersPacked as string;
    const a = p.indexOf(US, start);
    countries.set(p.slice(start, a), p.slice(a + 1, end));
  });
  const out: ReportTie[] = [];
  const byTie = new Map<string, TieEventDates[]>();
  const tiesPacked = ties.rows[0]?.packed;
  records(tiesPacked, (start) => {
    const p = tiesPacked as string;
    const a = p.indexOf(US, start);
    const b = p.indexOf(US, a + 1);
    const c = p.indexOf(US, b + 1);
    const id = p.slice(start, a);
    const events: TieEventDates[] = [];
    byTie.set(id, events);
    out.push({
      id,
      level: levels.get(p.slice(a + 1, b)) ?? 'city',
      localityId: p.slice(a + 1, b),
      country: countries.get(p.slice(b + 1, c)) ?? '',
      kind: KIND_BY_INITIAL.get(p.charAt(c + 1)) ?? 'friendship',
      events,
    });
  });
  const eventsPacked = events.rows[0]?.packed;
  // A tie's events are mostly recorded together, so the previous tie is tried first.
  let lastId = '';
  let last: TieEventDates[] | undefined;
  records(eventsPacked, (start, end) => {
    const p = eventsPacked as string;
    const a = p.indexOf(US, start);
    if (!(a - start === lastId.length && p.startsWith(lastId, start))) {
      lastId = p.slice(start, a);
      last = byTie.get(lastId);
    }
    if (!last) return;
    let seq = 0;
    let b = a + 1;
    for (; p.charCodeAt(b) !== 0x1f; b++) seq = seq * 10 + p.charCodeAt(b) - 48;
    const code = (i: number) => p.charAt(b + 1 + i);
    last.push({
      seq,
      type: code(0) === 'k' ? 'kind' : 'stage',
      stage: STAGE_BY_INITIAL.get(code(1)) ?? null,
      from_stage: STAGE_BY_INITIAL.get(code(2)) ?? null,
      kind: KIND_BY_INITIAL.get(code(3)) ?? null,
      from_kind: KIND_BY_INITIAL.get(code(4)) ?? null,
      on: b + 6 < end ? p.slice(b + 6, end) : null,
    });
  });
  return out;
}

/** Names of the given ties in each language, for the ties a report names. */
export async function loadTieNames(
  db: Executor,
  tieIds: readonly string[],
): Promise<Map<string, TieNames>> {
  const out = new Map<string, TieNames>();
  // SQLite limits bound parameters; look names up in slices.
  for (let i = 0; i < tieIds.length; i += 5000) {
    const slice = tieIds.slice(i, i + 5000);
    const rows = await db
      .selectFrom('ties as t')
      .innerJoin('localities as l', 'l.id', 't.locality_id')
      .innerJoin('partners as p', 'p.id', 't.partner_id')
      .select([
        't.id',
        'l.name as local',
        'l.name_zh as local_zh',
        'l.name_en as local_en',
        'p.name as partner',
        'p.name_zh as partner_zh',
        'p.name_en as partner_en',
      ])
      .where('t.id', 'in', slice)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        local: r.local,
        partner: r.partner,
        localNames: { zh: r.local_zh, en: r.local_en },
        partnerNames: { zh: r.partner_zh, en: r.partner_en },
      });
    }
  }
  return out;
}

/**
 * The reason recorded with each given event (a tie and its event's seq), unless it was marked
 * confidential: a confidential reason is never read for a report.
 */
export async function publicReasons(
  db: Executor,
  events: readonly { readonly tieId: string; readonly seq: number }[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < events.length; i += 5000) {
    const slice = events.slice(i, i + 5000);
    const rows = await db
      .selectFrom('tie_events')
      .select(['tie_id', 'seq', 'note'])
      .where('confidential', '=', 0)
      .where('note', 'is not', null)
      .where('tie_id', 'in', [...new Set(slice.map((e) => e.tieId))])
      .execute();
    const wanted = new Set(slice.map((e) => `${e.tieId}#${e.seq}`));
    for (const r of rows) {
      const key = `${r.tie_id}#${r.seq}`;
      if (wanted.has(key) && r.note) out.set(key, r.note);
    }
  }
  return out;
}

export interface PeriodLetter {
  readonly id: string;
  readonly local: string;
  readonly partner: string;
  readonly country: string;
  /** Both names of each side where the registry has them, for the report's language. */
  readonly local_zh: string | null;
  readonly local_en: string | null;
  readonly partner_zh: string | null;
  readonly partner_en: string | null;
  readonly title: string;
  readonly doc_type: string;
  readonly signed_on: string;
  readonly status: string;
}

/** Letters of intent signed within the period, of live ties in the scope, by date. */
export async function lettersSignedIn(
  db: Executor,
  scope: readonly string[] | null,
  since: string,
  asOf: string,
): Promise<PeriodLetter[]> {
  const rows = await sql<PeriodLetter>`
    select x.id, l.name as local, p.name as partner, p.country,
      l.name_zh as local_zh, l.name_en as local_en, p.name_zh as partner_zh,
      p.name_en as partner_en, x.title, x.doc_type,
      x.signed_on, x.status
    from letters x
    join ties t on t.id = x.tie_id
    join localities l on l.id = t.locality_id
    join partners p on p.id = t.partner_id
    where x.deleted_at is null and t.deleted_at is null and ${scoped('t.locality_id', scope)}
      and ${inPeriodSql('x.signed_on', since, asOf)}
    order by ${firstDaySql('x.signed_on')}, length(x.signed_on), l.name, p.name, x.id`.execute(db);
  return rows.rows;
}

export interface WaitingStep {
  readonly id: string;
  readonly local: string;
  readonly partner: string;
  readonly country: string;
  /** Both names of each side where the registry has them, for the report's language. */
  readonly local_zh: string | null;
  readonly local_en: string | null;
  readonly partner_zh: string | null;
  readonly partner_en: string | null;
  readonly round: number;
  readonly position: number;
  readonly authority_zh: string;
  readonly authority_en: string;
  readonly submitted_on: string;
  readonly reference_no: string | null;
}

/**
 * Approval steps waiting on `asOf`: submitted on or before it and not decided by then (an
 * outcome without a date counts as decided at every date), of live ties in the scope.
 */
export async function stepsWaitingOn(
  db: Executor,
  scope: readonly string[] | null,
  asOf: string,
): Promise<WaitingStep[]> {
  const rows = await sql<WaitingStep>`
    select x.id, l.name as local, p.name as partner, p.country,
      l.name_zh as local_zh, l.name_en as local_en, p.name_zh as partner_zh,
      p.name_en as partner_en, x.round, x.position,
      x.authority_zh, x.authority_en, x.submitted_on, x.reference_no
    from approval_steps x
    join ties t on t.id = x.tie_id
    join localities l on l.id = t.locality_id
    join partners p on p.id = t.partner_id
    where x.deleted_at is null and t.deleted_at is null and ${scoped('t.locality_id', scope)}
      and x.submitted_on <= ${asOf} and ${firstDaySql('x.submitted_on')} <= ${asOf}
      and (case when x.decided_on is not null
                then x.decided_on >= ${asOf.slice(0, 4)} and ${firstDaySql('x.decided_on')} > ${asOf}
                else x.outcome is null end)
    order by ${firstDaySql('x.submitted_on')}, l.name, p.name, x.round, x.position`.execute(db);
  return rows.rows;
}

export interface VisitTally {
  readonly direction: 'outgoing' | 'incoming';
  /** A field of cooperation, a country code, or null where none is recorded. */
  readonly key: string | null;
  readonly groups: number;
  readonly people: number;
}

export interface VisitTallies {
  readonly total: readonly VisitTally[];
  readonly byField: readonly VisitTally[];
  readonly byCountry: readonly VisitTally[];
}

/**
 * Delegations whose visit started within the period, counted in SQL: groups and people (the
 * sum of sizes) by direction, by field of cooperation and by country. With a scope, only the
 * visits of its localities count.
 */
export async function visitTallies(
  db: Executor,
  scope: readonly string[] | null,
  since: string,
  asOf: string,
): Promise<VisitTallies> {
  // One range scan of the period's visits, counted three ways.
  const rows = await sql<VisitTally & { dim: 'total' | 'field' | 'country' }>`
    with pv as materialized (
      select v.direction, v.country, v.fields, coalesce(v.size, 0) as size
      from visits v
      where v.deleted_at is null and ${scoped('v.locality_id', scope)}
        and ${inPeriodSql('v.start_on', since, asOf)}
    )
    select 'total' as dim, direction, null as key, count(*) as groups, sum(size) as people
    from pv group by direction
    union all
    select 'field', pv.direction, f.value, count(*), sum(pv.size)
    from pv, ${jsonArrayElements(db, 'pv.fields', 'f')} group by pv.direction, f.value
    union all
    select 'field', direction, null, count(*), sum(size)
    from pv where ${jsonArrayLength(db, 'fields')} = 0 group by direction
    union all
    select 'country', direction, country, count(*), sum(size)
    from pv group by direction, country`.execute(db);
  const of = (dim: string): VisitTally[] =>
    rows.rows
      .filter((r) => r.dim === dim)
      .map((r) => ({
        direction: r.direction,
        key: r.key,
        groups: Number(r.groups),
        people: Number(r.people),
      }));
  return { total: of('total'), byField: of('field'), byCountry: of('country') };
}
