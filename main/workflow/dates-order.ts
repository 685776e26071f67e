import { datedStageEventsOfLiveTies, tieEventFrom } from '../../db/events.repository';
import type { Executor, Row } from '../../db/schema';
import type { FollowUpItem } from '../../shared/ipc/workflow';
import { dateOrderWarnings } from '../ties/events.write';

/**
 * The follow-up "dates out of order": live ties whose stages are dated against their order,
 * each with the pairs of dates that disagree. The stages count in their order regardless; the
 * office corrects the date that was mistyped.
 */
export async function datesOutOfOrderItems(
  db: Executor,
  item: (tieId: string, since: string | null) => FollowUpItem | null,
): Promise<FollowUpItem[]> {
  const byTie = new Map<string, Row<'tie_events'>[]>();
  for (const e of await datedStageEventsOfLiveTies(db)) {
    const list = byTie.get(e.tie_id);
    if (list) list.push(e);
    else byTie.set(e.tie_id, [e]);
  }
  const out: FollowUpItem[] = [];
  for (const [tieId, events] of byTie) {
    const warnings = dateOrderWarnings(events.map(tieEventFrom));
    const found = warnings.length > 0 ? item(tieId, null) : null;
    if (found) out.push({ ...found, warnings });
  }
  return out.sort((a, b) => a.local.localeCompare(b.local) || a.partner.localeCompare(b.partner));
}
