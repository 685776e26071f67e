import { approvedOnByTie } from '../../db/events.repository';
import { listLetters } from '../../db/letters.repository';
import { listSteps } from '../../db/steps.repository';
import { listTieSummaries } from '../../db/ties.repository';
import { lastVisitOnByTie } from '../../db/visits.repository';
import { isPartnerCountry } from '../../shared/countries';
import { dayOf, daysBetween, firstDay } from '../../shared/dates';
import type { FollowUpItem, FollowUps } from '../../shared/ipc/workflow';
import type { SettingsService } from '../settings/settings.service';
import type { ServiceDeps } from '../core/transaction';

/**
 * What waits too long, by the thresholds in Settings: letters with no move since, approved ties
 * not signed, steps waiting on an authority, established ties with no visit for years.
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
        tieId: string,
        since: string | null,
        ref?: { id: string; label: string },
      ): FollowUpItem | null => {
        const t = byId.get(tieId);
        if (!t) return null;
        return {
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
        .map((l) => item(l.tie_id, l.signed_on, { id: l.id, label: l.title }))
        .filter(present);

      const approvedOn = await approvedOnByTie(deps.db);
      const approved = ties
        .filter((t) => t.stage === 'approved')
        .map((t) => item(t.id, approvedOn.get(t.id) ?? null))
        .filter(present)
        .filter((i) => i.days !== null && i.days > limits.approvedDays);

      const steps = (await listSteps(deps.db, { waiting: true, deleted: false }, now))
        .filter((s) => (s.waiting_days ?? 0) > limits.stepDays)
        .map((s) => item(s.tie_id, s.submitted_on, { id: s.id, label: s.authority_zh }))
        .filter(present);

      const lastVisit = await lastVisitOnByTie(deps.db);
      const quietCutoff = `${Number(now.slice(0, 4)) - limits.visitYears}${now.slice(4)}`;
      const quiet = ties
        .filter((t) => t.stage === 'established')
        .map((t) => item(t.id, lastVisit.get(t.id) ?? t.established_on))
        .filter(present)
        .filter((i) => i.since === null || firstDay(i.since) <= quietCutoff);

      // Kept rows, never counted as foreign: they wait for a person to correct or delete them.
      const notForeign = ties
        .filter((t) => !isPartnerCountry(t.country))
        .map((t) => item(t.id, t.established_on))
        .filter(present);

      const sortByDays = (a: FollowUpItem, b: FollowUpItem) => (b.days ?? 0) - (a.days ?? 0);
      const first = (items: FollowUpItem[]) => items.sort(sortByDays).slice(0, limit);
      return {
        letters: first(letters),
        approved: first(approved),
        steps: first(steps),
        quiet: first(quiet),
        notForeign: first(notForeign),
        total: letters.length + approved.length + steps.length + quiet.length + notForeign.length,
      };
    },
  };
}
