import {
  loadReportTies,
  loadTieNames,
  visitTallies,
  type VisitTallies,
} from '../db/reports.repository';
import type { Executor } from '../db/schema';
import type { Continent } from '../shared/countries';
import {
  countTies,
  tieAsOf,
  type Period,
  type ReportTie,
  type TieAsOf,
  type TieCounts,
  type TieNames,
} from '../shared/report/figures';

/**
 * The whole registry's ties with their histories, kept between reports and brought up to date
 * from the audit log: every change of a tie, an event, a partner or a locality leaves an audit
 * row (the log is append-only), so the rows written since the last report name exactly what
 * to reload. A report then costs its counting, not the reading of 50,000 histories again.
 * The names a report prints and the visit tallies of a period are kept the same way: names
 * until their tie, partner or locality changes, tallies until any visit changes.
 * Each kept tie also remembers how it stood on the last date asked (`asOf`): a tie is a new
 * object once it changes, so a report after an edit works out again only the ties it names.
 * The counts of the last period asked are kept until a tie changes.
 */
const REFRESH_AT_MOST = 2000;

export function createReportTieCache(db: Executor) {
  let seq = -1;
  let byId = new Map<string, ReportTie>();
  let names = new Map<string, TieNames>();
  let tallies = new Map<string, VisitTallies>();
  /** Bumped whenever the kept ties change. */
  let generation = 0;
  let counted: { readonly key: string; readonly counts: TieCounts } | null = null;
  const standing = new WeakMap<ReportTie, { readonly asOf: string; readonly tie: TieAsOf }>();

  /** `tieAsOf`, remembered per tie for the last date asked. */
  function asOf(tie: ReportTie, date: string): TieAsOf {
    const known = standing.get(tie);
    if (known?.asOf === date) return known.tie;
    const found = tieAsOf(tie, date);
    standing.set(tie, { asOf: date, tie: found });
    return found;
  }

  async function latestSeq(): Promise<number> {
    const row = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  async function full(now: number): Promise<void> {
    byId = new Map((await loadReportTies(db, null)).map((t) => [t.id, t]));
    generation++;
    names = new Map();
    tallies = new Map();
    seq = now;
  }

  async function changedTies(since: number): Promise<Set<string> | null> {
    const rows = await db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'before', 'after'])
      .where('seq', '>', since)
      .where('entity', 'in', ['tie', 'tie_event', 'partner', 'locality', 'visit', 'visit_tie'])
      .limit(REFRESH_AT_MOST + 1)
      .execute();
    if (rows.length > REFRESH_AT_MOST) return null;
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.entity === 'visit' || row.entity === 'visit_tie') {
        tallies = new Map();
        continue;
      }
      // A renamed country or a locality's new level touches many ties: read everything again.
      if (row.entity === 'partner' || row.entity === 'locality') return null;
      if (row.entity === 'tie') ids.add(row.entity_id);
      else {
        for (const text of [row.after, row.before]) {
          const tieId = text ? (JSON.parse(text) as { tie_id?: unknown }).tie_id : undefined;
          if (typeof tieId === 'string') ids.add(tieId);
        }
      }
    }
    return ids;
  }

  /** Brings the cache up to the newest audit row. */
  async function sync(): Promise<void> {
    const now = await latestSeq();
    // A restored backup can take the log backwards: start again from the file.
    if (seq < 0 || now < seq) await full(now);
    else if (now > seq) {
      const changed = await changedTies(seq);
      if (changed === null) await full(now);
      else {
        const fresh = new Map(
          (await loadReportTies(db, null, null, [...changed])).map((t) => [t.id, t]),
        );
        for (const id of changed) {
          const tie = fresh.get(id);
          if (tie) byId.set(id, tie);
          else byId.delete(id);
          names.delete(id);
        }
        if (changed.size > 0) generation++;
        seq = now;
      }
    }
  }

  return {
    async all(): Promise<ReportTie[]> {
      await sync();
      return [...byId.values()];
    },
    /** `countTies` of every kept tie, remembered for the last period and overrides asked. */
    async counts(
      period: Period,
      overrides: Readonly<Record<string, Continent>>,
    ): Promise<TieCounts> {
      await sync();
      const key = JSON.stringify([generation, period.since, period.asOf, overrides]);
      if (counted?.key !== key)
        counted = { key, counts: countTies([...byId.values()], period, overrides, asOf) };
      return counted.counts;
    },
    asOf,
    /** The names of these ties (call after `all`, in the same report). */
    async names(ids: readonly string[]): Promise<Map<string, TieNames>> {
      const missing = ids.filter((id) => !names.has(id));
      for (const [id, n] of await loadTieNames(db, missing)) names.set(id, n);
      const out = new Map<string, TieNames>();
      for (const id of ids) {
        const n = names.get(id);
        if (n) out.set(id, n);
      }
      return out;
    },
    /** The whole registry's visits in a period (call after `all`, in the same report). */
    async visits(since: string, asOf: string): Promise<VisitTallies> {
      const key = `${since}|${asOf}`;
      let found = tallies.get(key);
      if (!found) {
        found = await visitTallies(db, null, since, asOf);
        tallies.set(key, found);
      }
      return found;
    },
  };
}
