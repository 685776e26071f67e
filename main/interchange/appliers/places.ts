import { z } from 'zod';
import { findLocalityByName, getLocality } from '../../../db/localities.repository';
import { findPartner, getPartner, partnerRowFrom } from '../../../db/partners.repository';
import type { RowPatch } from '../../../db/schema';
import { referenceChannels } from '../../../shared/ipc/reference';
import { enumOf, country, name, optionalName } from '../../../shared/schemas';
import { patchVersioned, type VersionedTarget } from '../../core/versioned.write';
import { createLocalityIn, updateLocalityIn } from '../../places/places.write';
import { resolvePartner } from '../../ties/ties.write';
import {
  changes,
  duplicateOf,
  parseRow,
  problemsOf,
  rawOf,
  type Applier,
  type Outcome,
  type Problem,
} from './common';

/** Localities by name (their parents once the whole sheet is in), partners by name and country. */

const localityInput = referenceChannels['localities:create'].input;

export function localitiesApplier(): Applier {
  const parents: { line: number; id: string; parent: string | null }[] = [];
  const outcomes = new Map<number, Outcome>();
  const seen = new Map<string, number>();
  return {
    async row(env, input) {
      const raw = rawOf(input, ['name', 'name_zh', 'name_en', 'level'], ['name', 'level']);
      const parsed = parseRow(localityInput, raw);
      const found = await findLocalityByName(env.trx, parsed.name);
      let id: string;
      if (!found) {
        id = (await createLocalityIn(env, parsed)).id;
        outcomes.set(input.line, 'created');
      } else {
        id = found.id;
        duplicateOf(seen, id, input.line);
        const patch = changes(
          Object.fromEntries(
            ['name_zh', 'name_en', 'level']
              .filter((f) => f in raw)
              .map((f) => [f, (parsed as Record<string, unknown>)[f] ?? null]),
          ),
          found,
          ['name_zh', 'name_en', 'level'],
        );
        if (Object.keys(patch).length > 0) {
          await updateLocalityIn(env, found.id, found.version, patch);
          outcomes.set(input.line, 'updated');
        } else outcomes.set(input.line, 'unchanged');
      }
      seen.set(id, input.line);
      if (input.present.has('parent'))
        parents.push({
          line: input.line,
          id,
          parent: (input.values.parent as string | null) ?? null,
        });
      return 'deferred';
    },
    async finish(env) {
      const out: { line: number; outcome: Outcome | Problem[] }[] = [];
      const refused = new Set<number>();
      for (const { line, id, parent } of parents) {
        const current = await getLocality(env.trx, id);
        if (!current) continue;
        const parentRow =
          parent === null ? null : await findLocalityByName(env.trx, String(parent));
        if (parent !== null && !parentRow) {
          out.push({
            line,
            outcome: [
              { field: 'parent', key: 'errors.visit.unknownLocality', params: { local: parent } },
            ],
          });
          refused.add(line);
          continue;
        }
        const parentId = parentRow?.id ?? null;
        if (parentId === current.parent_id) continue;
        try {
          await updateLocalityIn(env, id, current.version, { parent_id: parentId });
          if (outcomes.get(line) === 'unchanged') outcomes.set(line, 'updated');
        } catch (error) {
          out.push({ line, outcome: problemsOf(error, 'parent') });
          refused.add(line);
        }
      }
      for (const [line, outcome] of outcomes) if (!refused.has(line)) out.push({ line, outcome });
      return out;
    },
  };
}

const partnerInput = z.strictObject({
  name: name(200),
  name_zh: optionalName(200).optional(),
  name_en: optionalName(200).optional(),
  name_local: optionalName(200).optional(),
  place_kind: enumOf('placeKind').optional(),
  country,
  region: optionalName(200).optional(),
});

const PARTNER_TARGET: VersionedTarget<'partners'> = {
  table: 'partners',
  entity: 'partner',
  current: async (env, id) => {
    const row = await getPartner(env.trx, id);
    return row ? partnerRowFrom(row) : undefined;
  },
};

export function partnersApplier(): Applier {
  const seen = new Map<string, number>();
  const detailFields = ['name_zh', 'name_en', 'name_local', 'place_kind', 'region'] as const;
  return {
    async row(env, input) {
      const raw = rawOf(input, Object.keys(partnerInput.shape), ['name', 'country', 'place_kind']);
      const parsed = parseRow(partnerInput, raw);
      let partner = await findPartner(env.trx, parsed.name, parsed.country);
      let outcome: Outcome = 'unchanged';
      if (!partner) {
        partner = await resolvePartner(env, parsed.name, parsed.country, {
          partner_zh: parsed.name_zh,
          region: parsed.region,
        });
        outcome = 'created';
      }
      duplicateOf(seen, partner.id, input.line);
      const given = Object.fromEntries(
        detailFields.filter((f) => f in raw).map((f) => [f, parsed[f] ?? null]),
      );
      const patch = changes(given, partner, detailFields);
      if (Object.keys(patch).length > 0) {
        await patchVersioned(
          env,
          PARTNER_TARGET,
          partner.id,
          partner.version,
          patch as RowPatch<'partners'>,
        );
        if (outcome === 'unchanged') outcome = 'updated';
      }
      return outcome;
    },
    finish: async () => [],
  };
}
