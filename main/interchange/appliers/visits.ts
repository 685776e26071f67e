import { fromJsonText } from '../../../db/json';
import { findLocalityByName } from '../../../db/localities.repository';
import type { Executor } from '../../../db/schema';
import { visitTieIds } from '../../../db/visits.repository';
import { resolveCountry } from '../../../shared/countries';
import { VISIT_COLUMNS, visitCreateInput, type VisitPatch } from '../../../shared/ipc/visits';
import { createVisitIn, updateVisitIn } from '../../visits/visits.service';
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
  const query = async (local: string | null, partner: string, country: string | null) => {
    let q = db
      .selectFrom('ties as t')
      .innerJoin('localities as l', 'l.id', 't.locality_id')
      .innerJoin('partners as p', 'p.id', 't.partner_id')
      .select('t.id')
      .where('t.deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('p.name', '=', partner),
          eb('p.name_zh', '=', partner),
          eb('p.name_en', '=', partner),
          eb('p.name_local', '=', partner),
        ]),
      );
    if (local !== null)
      q = q.where((eb) =>
        eb.or([eb('l.name', '=', local), eb('l.name_zh', '=', local), eb('l.name_en', '=', local)]),
      );
    else if (localityId !== null) q = q.where('t.locality_id', '=', localityId);
    if (country !== null) q = q.where('p.country', '=', country);
    return (await q.limit(2).execute()).map((r) => r.id);
  };
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
      const key = {
        country: parsed.country ?? null,
        start_on: parsed.start_on ?? null,
        leader: parsed.leader ?? null,
      };
      let q = env.trx
        .selectFrom('visits')
        .selectAll()
        .where('direction', '=', parsed.direction)
        .where('deleted_at', 'is', null)
        .where('locality_id', localityId === null ? 'is' : '=', localityId);
      for (const [column, value] of Object.entries(key))
        q = q.where(column as 'country', value === null ? 'is' : '=', value);
      const found = await q.executeTakeFirst();
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
