import { sql, type RawBuilder } from 'kysely';
import type { Kind, Level, Stage } from '../shared/enums';
import type { ReportEvent, ReportTie } from '../shared/report/figures';
import type { Executor } from './schema';

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
function inPeriodSql(column: string, since: string, asOf: string): RawBuilder<boolean> {
  const c = sql.ref(column);
  return sql<boolean>`(${c} >= ${since.slice(0, 4)} and ${c} <= ${asOf} and ${firstDaySql(column)} between ${since} and ${asOf})`;
}

/** The locality and every locality under it (by parent_id), live ones only. */
export async function localityScope(db: Executor, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive scope(id) as (
      select id from localities where id = ${rootId} and deleted_at is null
      union
      select l.id from localities l join scope s on l.parent_id = s.id where l.deleted_at is null
    )
    select id from scope`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** `t.locality_id in (…)` when the report is scoped; true otherwise. */
function scoped(column: string, scope: readonly string[] | null): RawBuilder<boolean> {
  if (scope === null) return sql<boolean>`1`;
  if (scope.length === 0) return sql<boolean>`0`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(scope)})`;
}

interface TieLine {
  id: string;
  kind: string;
  local: string;
  local_zh: string | null;
  local_en: string | null;
  level: string;
  partner: string;
  partner_zh: string | null;
  partner_en: string | null;
  country: string;
}

interface EventLine {
  tie_id: string;
  seq: number;
  type: string;
  stage: string | null;
  from_stage: string | null;
  kind: string | null;
  from_kind: string | null;
  occurred_on: string | null;
  note: string | null;
}

/**
 * The live ties of the scope with their dated histories. A reason marked confidential never
 * leaves the database here: only a public suspension or termination reason is read.
 */
export async function loadReportTies(
  db: Executor,
  scope: readonly string[] | null,
  country: string | null = null,
): Promise<ReportTie[]> {
  const ofCountry = country === null ? sql<boolean>`1` : sql<boolean>`p.country = ${country}`;
  // The events need the partner only to filter by country.
  const partnerJoin = country === null ? sql`` : sql`join partners p on p.id = t.partner_id`;
  const ties = await sql<TieLine>`
    select t.id, t.kind, l.name as local, l.name_zh as local_zh, l.name_en as local_en, l.level,
      p.name as partner, p.name_zh as partner_zh, p.name_en as partner_en, p.country
    from ties t
    join localities l on l.id = t.locality_id
    join partners p on p.id = t.partner_id
    where t.deleted_at is null and ${scoped('t.locality_id', scope)} and ${ofCountry}`.execute(db);
  const events = await sql<EventLine>`
    select e.tie_id, e.seq, e.type, e.stage, e.from_stage, e.kind, e.from_kind, e.occurred_on,
      case when e.confidential = 0 and e.stage in ('suspended', 'terminated') then e.note end as note
    from tie_events e
    join ties t on t.id = e.tie_id
    ${partnerJoin}
    where t.deleted_at is null and ${scoped('t.locality_id', scope)} and ${ofCountry}
    order by e.tie_id, e.seq`.execute(db);

  const byTie = new Map<string, ReportEvent[]>();
  let current: ReportEvent[] = [];
  let currentId: string | null = null;
  for (const e of events.rows) {
    if (e.tie_id !== currentId) {
      currentId = e.tie_id;
      current = [];
      byTie.set(e.tie_id, current);
    }
    current.push({
      seq: e.seq,
      type: e.type as 'stage' | 'kind',
      stage: e.stage as Stage | null,
      fromStage: e.from_stage as Stage | null,
      kind: e.kind as Kind | null,
      fromKind: e.from_kind as Kind | null,
      on: e.occurred_on,
      note: e.note,
    });
  }
  return ties.rows.map((t) => ({
    id: t.id,
    local: t.local,
    level: t.level as Level,
    partner: t.partner,
    country: t.country,
    kind: t.kind as Kind,
    events: byTie.get(t.id) ?? [],
    localNames: { zh: t.local_zh, en: t.local_en },
    partnerNames: { zh: t.partner_zh, en: t.partner_en },
  }));
}

export interface PeriodLetter {
  readonly id: string;
  readonly local: string;
  readonly partner: string;
  readonly country: string;
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
    select x.id, l.name as local, p.name as partner, p.country, x.title, x.doc_type,
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
    select x.id, l.name as local, p.name as partner, p.country, x.round, x.position,
      x.authority_zh, x.authority_en, x.submitted_on, x.reference_no
    from approval_steps x
    join ties t on t.id = x.tie_id
    join localities l on l.id = t.locality_id
    join partners p on p.id = t.partner_id
    where x.deleted_at is null and t.deleted_at is null and ${scoped('t.locality_id', scope)}
      and x.submitted_on is not null and ${firstDaySql('x.submitted_on')} <= ${asOf}
      and (case when x.decided_on is not null then ${firstDaySql('x.decided_on')} > ${asOf}
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
  const where = sql`v.deleted_at is null and ${scoped('v.locality_id', scope)}
    and ${inPeriodSql('v.start_on', since, asOf)}`;
  const total = await sql<VisitTally>`
    select v.direction, null as key, count(*) as groups, coalesce(sum(v.size), 0) as people
    from visits v where ${where} group by v.direction`.execute(db);
  const byField = await sql<VisitTally>`
    select v.direction, f.value as key, count(*) as groups, coalesce(sum(v.size), 0) as people
    from visits v, json_each(v.fields) f where ${where} group by v.direction, f.value
    union all
    select v.direction, null as key, count(*) as groups, coalesce(sum(v.size), 0) as people
    from visits v where ${where} and json_array_length(v.fields) = 0 group by v.direction`.execute(
    db,
  );
  const byCountry = await sql<VisitTally>`
    select v.direction, v.country as key, count(*) as groups, coalesce(sum(v.size), 0) as people
    from visits v where ${where} group by v.direction, v.country`.execute(db);
  return { total: total.rows, byField: byField.rows, byCountry: byCountry.rows };
}
