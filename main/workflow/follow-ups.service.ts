import { approvedOnByTie } from '../../db/events.repository';
import { getMark, insertMark, liftMarks, listMarks } from '../../db/followups.repository';
import { getLetter, listLetters } from '../../db/letters.repository';
import type { Executor, Row } from '../../db/schema';
import { getStep, listSteps } from '../../db/steps.repository';
import { getTie, listTieSummaries } from '../../db/ties.repository';
import { firstVisitOn, lastVisitOnByTie } from '../../db/visits.repository';
import { isPartnerCountry } from '../../shared/countries';
import { dayOf, daysBetween, firstDay } from '../../shared/dates';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { FollowUpItem, FollowUpMark, FollowUps } from '../../shared/ipc/workflow';
import { AppError, notFound } from '../core/errors';
import { requireRole } from '../core/roles';
import type { ServiceDeps } from '../core/transaction';
import { audit, type WriteEnv } from '../core/write-env';
import type { SettingsService } from '../settings/settings.service';
import { datesOutOfOrderItems } from './dates-order';

/**
 * What waits too long, by the thresholds in Settings, grouped by kind, each item naming what it
 * is about (`<kind>:<id>`) so staff can open it, act on it, or set it aside with a reason.
 *
 * "No visit in N years" counts from the last visit; a tie with no visit at all counts from its
 * establishment only where that falls within the registry's record of visits. Ties established
 * before the first visit the registry holds (a history import) are one summary line: their
 * visits were never entered, and listing each would bury what needs doing.
 */
export function createFollowUpsService(deps: ServiceDeps, settings: SettingsService) {
  const today = () => dayOf(deps.clock.now());

  return {
    followUps: async (limit?: number): Promise<FollowUps> => {
      const { followUps: limits } = await settings.get();
      const now = today();
      const ties = await listTieSummaries(deps.db);
      const byId = new Map(ties.map((t) => [t.id, t]));
      const item = (
        key: string,
        tieId: string,
        since: string | null,
        ref?: { id: string; label: string },
      ): FollowUpItem | null => {
        const t = byId.get(tieId);
        if (!t) return null;
        return {
          item: key,
          tie_id: t.id,
          local: t.local,
          partner: t.partner,
          country: t.country,
          stage: t.stage,
          kind: t.kind,
          since,
          days: since ? daysBetween(since, now) : null,
          ...(ref ? { ref } : {}),
        };
      };
      const present = (x: FollowUpItem | null): x is FollowUpItem => x !== null;

      const letterCutoff = new Date(`${now}T00:00:00Z`);
      letterCutoff.setUTCMonth(letterCutoff.getUTCMonth() - limits.letterMonths);
      const cutoff = dayOf(letterCutoff);
      const letters = (await listLetters(deps.db, { deleted: false }))
        .filter(
          (l) => l.status === 'active' && l.signed_on !== null && firstDay(l.signed_on) <= cutoff,
        )
        .filter((l) => ['contact', 'intent'].includes(byId.get(l.tie_id)?.stage ?? ''))
        .map((l) => item(`letters:${l.id}`, l.tie_id, l.signed_on, { id: l.id, label: l.title }))
        .filter(present);

      const approvedOn = await approvedOnByTie(deps.db);
      const approved = ties
        .filter((t) => t.stage === 'approved')
        .map((t) => item(`approved:${t.id}`, t.id, approvedOn.get(t.id) ?? null))
        .filter(present)
        .filter((i) => i.days !== null && i.days > limits.approvedDays);

      const steps = (await listSteps(deps.db, { waiting: true, deleted: false }, now))
        .filter((s) => (s.waiting_days ?? 0) > limits.stepDays)
        .map((s) =>
          item(`steps:${s.id}`, s.tie_id, s.submitted_on, { id: s.id, label: s.authority_zh }),
        )
        .filter(present);

      const lastVisit = await lastVisitOnByTie(deps.db);
      const quietCutoff = `${Number(now.slice(0, 4)) - limits.visitYears}${now.slice(4)}`;
      const firstVisit = await firstVisitOn(deps.db);
      // The year the registry's record of visits begins (no later than the horizon itself).
      const horizon = Math.min(
        firstVisit ? Number(firstDay(firstVisit).slice(0, 4)) : Infinity,
        Number(quietCutoff.slice(0, 4)),
      );
      let unvisited = 0;
      const quiet: FollowUpItem[] = [];
      for (const t of ties) {
        if (t.stage !== 'established') continue;
        const visited = lastVisit.get(t.id) ?? null;
        if (visited === null) {
          const year = t.established_on ? Number(t.established_on.slice(0, 4)) : null;
          if (year === null || year < horizon) {
            unvisited++;
            continue;
          }
        }
        const found = item(`quiet:${t.id}`, t.id, visited ?? t.established_on);
        if (found && found.since !== null && firstDay(found.since) <= quietCutoff)
          quiet.push(found);
      }

      const outOfOrder = await datesOutOfOrderItems(deps.db, (tieId, since) =>
        item(`outOfOrder:${tieId}`, tieId, since),
      );

      // Kept rows, never counted as foreign: they wait for a person to correct or delete them.
      const notForeign = ties
        .filter((t) => !isPartnerCountry(t.country))
        .map((t) => item(`notForeign:${t.id}`, t.id, t.established_on))
        .filter(present);

      // Set aside: dismissed for good, or snoozed until a day still to come.
      const marks = (await listMarks(deps.db)).filter(
        (m) => m.action === 'dismissed' || (m.until !== null && m.until > now),
      );
      const aside = new Set(marks.map((m) => m.item));
      const open = (items: FollowUpItem[]) => items.filter((i) => !aside.has(i.item));
      const sortByDays = (a: FollowUpItem, b: FollowUpItem) => (b.days ?? 0) - (a.days ?? 0);
      const lists = {
        letters: open(letters).sort(sortByDays),
        approved: open(approved).sort(sortByDays),
        steps: open(steps).sort(sortByDays),
        quiet: open(quiet).sort(sortByDays),
        outOfOrder: open(outOfOrder),
        notForeign: open(notForeign).sort(sortByDays),
      };
      const total =
        Object.values(lists).reduce((n, l) => n + l.length, 0) + (unvisited > 0 ? 1 : 0);
      return {
        letters: lists.letters.slice(0, limit),
        approved: lists.approved.slice(0, limit),
        steps: lists.steps.slice(0, limit),
        quiet: lists.quiet.slice(0, limit),
        outOfOrder: lists.outOfOrder.slice(0, limit),
        notForeign: lists.notForeign.slice(0, limit),
        unvisited: unvisited > 0 ? { count: unvisited, before: String(horizon) } : null,
        marks: marks.map((m) => markOf(m, byId.get(m.tie_id))),
        total,
      };
    },

    async markFollowUpIn(
      env: WriteEnv,
      input: ParsedInputOf<'followups:mark'>,
    ): Promise<FollowUpMark> {
      requireRole(env, 'editor');
      const tieId = await tieOf(env.trx, input.item);
      await liftMarks(env.trx, input.item, env.actor, env.at);
      const row: Row<'followup_marks'> = {
        id: env.ids.next(),
        item: input.item,
        tie_id: tieId,
        action: input.action,
        until: input.action === 'snoozed' ? (input.until ?? null) : null,
        reason: input.reason,
        marked_by: env.actor,
        marked_at: env.at,
        lifted_by: null,
        lifted_at: null,
      };
      if (row.action === 'snoozed' && (row.until === null || row.until <= today()))
        throw new AppError(
          'validation',
          'errors.followups.snoozeUntil',
          {},
          {
            details: [{ path: ['until'], key: 'errors.followups.snoozeUntil', params: {} }],
          },
        );
      await insertMark(env.trx, row);
      await audit(env, 'followup_mark', row.id, 'create', null, row);
      const summary = (await listTieSummaries(env.trx)).find((t) => t.id === tieId);
      return markOf(row, summary);
    },

    async unmarkFollowUpIn(env: WriteEnv, input: ParsedInputOf<'followups:unmark'>) {
      requireRole(env, 'editor');
      const lifted = await liftMarks(env.trx, input.item, env.actor, env.at);
      for (const m of lifted) {
        const after = await getMark(env.trx, m.id);
        await audit(env, 'followup_mark', m.id, 'update', m, after ?? null);
      }
      return { lifted: lifted.length };
    },
  };
}

/** The tie an item is about, checking the step, letter or tie it names is there. */
async function tieOf(db: Executor, item: string): Promise<string> {
  const [kind, id] = item.split(':') as [string, string];
  if (kind === 'steps') {
    const step = await getStep(db, id);
    if (!step) throw notFound('step', id);
    return step.tie_id;
  }
  if (kind === 'letters') {
    const letter = await getLetter(db, id);
    if (!letter) throw notFound('letter', id);
    return letter.tie_id;
  }
  const tie = await getTie(db, id);
  if (!tie) throw notFound('tie', id);
  return tie.id;
}

function markOf(
  m: Row<'followup_marks'>,
  tie: { local: string; partner: string } | undefined,
): FollowUpMark {
  return {
    id: m.id,
    item: m.item,
    tie_id: m.tie_id,
    local: tie?.local ?? '',
    partner: tie?.partner ?? '',
    action: m.action as 'dismissed' | 'snoozed',
    until: m.until,
    reason: m.reason,
    marked_by: m.marked_by,
    marked_at: m.marked_at,
  };
}

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
