import { fromJsonText } from '../../../db/json';
import { findLocalityByName } from '../../../db/localities.repository';
import type { Executor } from '../../../db/schema';
import { findTiesByNames } from '../../../db/ties.repository';
import { findVisitByKey, visitTieIds } from '../../../db/visits.repository';
import { resolveCountry } from '../../../shared/countries';
import { VISIT_COLUMNS, visitCreateInput, type VisitPatch } from '../../../shared/ipc/visits';
import { createVisitIn, updateVisitIn } from '../../visits/visits.write';
import { changes, duplicateOf, parseRow, rawOf, refusal, type Applier } from './common';

/** A visit by its direction, locality, country, start date and leader. */

const VISIT_PATCHABLE = VISIT_COLUMNS.filter(
  (f) => !['direction', 'local', 'country', 'start_on', 'leader'].includes(f),
);

/**
 * A linked tie as a sheet names it: the partner (within the visit's locality), or
 * "locality – partner", with the country in brackets where the name alone is not enough.
 */
async function resolveTieLabel(
  db: Executor,
  label: string,
  localityId: string | null,
): Promise<string> {
  const query = async (local: string | null, partner: string, country: string | null) =>
    (await findTiesByNames(db, { local, partner, country, localityId }, 2)).map((r) => r.id);
  const split = /^(.+?)\s+[–—]\s+(.+)$/.exec(label);
  let local: string | null = null;
  let rest = label;
  if (split) {
    local = split[1]!;
    rest = split[2]!;
  }
  let country: string | null = null;
  const bracket = /^(.+?)\s*[(（]([^()（）]+)[)）]$/.exec(rest);
  if (bracket && resolveCountry(bracket[2]!)) {
    rest = bracket[1]!;
    country = resolveCountry(bracket[2]!);
  }
  let found = await query(local, rest, country);
  // A partner whose own name has a dash or brackets: try the label whole.
  if (found.length === 0 && (split || bracket)) found = await query(null, label, null);
  if (found.length !== 1)
    throw refusal([
      {
        field: 'ties',
        key: found.length === 0 ? 'errors.visit.unknownTie' : 'errors.visit.ambiguousTie',
        params: { tie: label },
      },
    ]);
  return found[0]!;
}

export function visitsApplier(): Applier {
  const seen = new Map<string, number>();
  return {
    async row(env, input) {
      const raw = rawOf(input, VISIT_COLUMNS, ['direction']);
      const parsed = parseRow(visitCreateInput, raw);
      const locality =
        parsed.local === undefined || parsed.local === null
          ? null
          : await findLocalityByName(env.trx, parsed.local);
      if (parsed.local && !locality)
        throw refusal([
          { field: 'local', key: 'errors.visit.unknownLocality', params: { local: parsed.local } },
        ]);
      const localityId = locality?.id ?? null;
      const ties =
        parsed.ties === undefined
          ? undefined
          : await Promise.all(parsed.ties.map((l) => resolveTieLabel(env.trx, l, localityId)));
      const found = await findVisitByKey(env.trx, {
        direction: parsed.direction,
        locality_id: localityId,
        country: parsed.country ?? null,
        start_on: parsed.start_on ?? null,
        leader: parsed.leader ?? null,
      });
      if (!found) {
        const id = await createVisitIn(env, { ...parsed, ...(ties ? { ties } : {}) });
        seen.set(id, input.line);
        return 'created';
      }
      duplicateOf(seen, found.id, input.line);
      const current: Record<string, unknown> = {
        ...found,
        fields: fromJsonText<string[]>(found.fields, []),
        ties: [...(await visitTieIds(env.trx, found.id))].sort(),
      };
      const given: Record<string, unknown> = Object.fromEntries(
        VISIT_PATCHABLE.filter((f) => f in raw).map((f) => [
          f,
          (parsed as Record<string, unknown>)[f] ?? null,
        ]),
      );
      if ('agreements_signed' in given) given.agreements_signed ??= 0;
      if (ties) given.ties = [...new Set(ties)].sort();
      const patch = changes(given, current, VISIT_PATCHABLE);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await updateVisitIn(env, found.id, found.version, patch as VisitPatch);
      return 'updated';
    },
    finish: async () => [],
  };
}
