import { auditOfEntitiesAfter, latestAuditSeq } from '../../db/audit.repository';
import {
  lettersSignedIn,
  loadReportTies,
  loadTieNames,
  stepsWaitingOn,
  visitTallies,
  type PeriodLetter,
  type VisitTallies,
  type WaitingStep,
} from '../../db/reports.repository';
import type { Executor } from '../../db/schema';
import type { Continent } from '../../shared/countries';
import {
  countTies,
  tieAsOf,
  type Period,
  type ReportTie,
  type TieAsOf,
  type TieCounts,
  type TieNames,
} from '../../shared/report/figures';

/**
 * The whole registry's ties with their histories, kept between reports and brought up to date
 * from the audit log: every change of a tie, an event, a partner or a locality leaves an audit
 * row (the log is append-only), so the rows written since the last report name exactly what
 * to reload. A report then costs its counting, not the reading of 50,000 histories again.
 * The names a report prints and the visit tallies of a period are kept the same way: names
 * until their tie, partner or locality changes, tallies until any visit changes.
 * Each kept tie also remembers how it stood on the last date asked (`asOf`): a tie is a new
 * object once it changes, so a report after an edit works out again only the ties it names.
 * The counts of the last period asked are kept until a tie changes. The letters of a period
 * and the steps waiting on a date are kept until a letter or a step changes, or a tie is
 * deleted, restored or linked to another locality or partner (their rows name both).
 */
const REFRESH_AT_MOST = 2000;

/** The audit entities whose changes can move a report's figures or names. */
const REPORTED_ENTITIES = [
  'tie',
  'tie_event',
  'partner',
  'locality',
  'visit',
  'visit_tie',
  'letter',
  'step',
] as const;

/** What an annual report reads: the whole registry, kept (below), or a scope, from the file. */
export interface ReportSource {
  counts(period: Period, overrides: Readonly<Record<string, Continent>>): Promise<TieCounts>;
  names(ids: readonly string[]): Promise<Map<string, TieNames>>;
  letters(since: string, asOf: string): Promise<readonly PeriodLetter[]>;
  waiting(asOf: string): Promise<readonly WaitingStep[]>;
  visits(since: string, asOf: string): Promise<VisitTallies>;
}

/** The ties, letters, steps and visits of these localities, read from the file each time. */
export function scopedReportSource(db: Executor, scope: readonly string[]): ReportSource {
  return {
    counts: async (period, overrides) =>
      countTies(await loadReportTies(db, scope), period, overrides),
    names: (ids) => loadTieNames(db, ids),
    letters: (since, asOf) => lettersSignedIn(db, scope, since, asOf),
    waiting: (asOf) => stepsWaitingOn(db, scope, asOf),
    visits: (since, asOf) => visitTallies(db, scope, since, asOf),
  };
}

/** What `store` keeps under `key`, loaded and kept the first time it is asked for. */
async function kept<T>(store: Map<string, T>, key: string, load: () => Promise<T>): Promise<T> {
  const found = store.get(key);
  if (found !== undefined) return found;
  const loaded = await load();
  store.set(key, loaded);
  return loaded;
}

/** Whether an audited change of a tie created, deleted, restored or relinked it. */
function relinked(before: string | null, after: string | null): boolean {
  const was = before ? (JSON.parse(before) as Record<string, unknown>) : null;
  const is = after ? (JSON.parse(after) as Record<string, unknown>) : null;
  if (!was || !is) return was !== is;
  return ['deleted_at', 'locality_id', 'partner_id'].some((k) => was[k] !== is[k]);
}

export function createReportTieCache(db: Executor) {
  let seq = -1;
  let byId = new Map<string, ReportTie>();
  let names = new Map<string, TieNames>();
  let tallies = new Map<string, VisitTallies>();
  let letters = new Map<string, readonly PeriodLetter[]>();
  let waiting = new Map<string, readonly WaitingStep[]>();
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
    return latestAuditSeq(db);
  }

  async function full(now: number): Promise<void> {
    byId = new Map((await loadReportTies(db, null)).map((t) => [t.id, t]));
    generation++;
    names = new Map();
    tallies = new Map();
    letters = new Map();
    waiting = new Map();
    seq = now;
  }

  async function changedTies(since: number): Promise<Set<string> | null> {
    const rows = await auditOfEntitiesAfter(db, since, REPORTED_ENTITIES, REFRESH_AT_MOST + 1);
    if (rows.length > REFRESH_AT_MOST) return null;
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.entity === 'visit' || row.entity === 'visit_tie') {
        tallies = new Map();
        continue;
      }
      if (
        row.entity === 'letter' ||
        row.entity === 'step' ||
        (row.entity === 'tie' && relinked(row.before, row.after))
      ) {
        letters = new Map();
        waiting = new Map();
        if (row.entity !== 'tie') continue;
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
    /** The whole registry's letters signed in a period (call after `counts`, in the same report). */
    letters: (since: string, asOf: string): Promise<readonly PeriodLetter[]> =>
      kept(letters, `${since}|${asOf}`, () => lettersSignedIn(db, null, since, asOf)),
    /** The whole registry's approval steps waiting on a date (call after `counts`, likewise). */
    waiting: (asOf: string): Promise<readonly WaitingStep[]> =>
      kept(waiting, asOf, () => stepsWaitingOn(db, null, asOf)),
    /** The whole registry's visits in a period (call after `all`, in the same report). */
    visits: (since: string, asOf: string): Promise<VisitTallies> =>
      kept(tallies, `${since}|${asOf}`, () => visitTallies(db, null, since, asOf)),
  };
}
