import {
  findLocalityByExactName,
  findLocalityOfDivision,
  getLocality,
} from '../../db/localities.repository';
import { readSettings } from '../../db/settings.repository';
import type { Executor, Row } from '../../db/schema';
import { divisionByCode, resolveDivision, type Division } from '../../shared/divisions';
import type { Level } from '../../shared/enums';
import { placeKeys } from '../../shared/place-keys';
import { hasCjk } from '../../shared/text';
import { AppError } from '../core/errors';
import type { WriteEnv } from '../core/write-env';

/**
 * What the place directory says about a locality being written: the place its name means
 * (inside the office's jurisdiction first) and the nearest registered place above it, which
 * becomes its parent. A name several places share is refused with the places listed, so the
 * user names the one meant; a name the directory does not know is written as typed.
 */
export interface PlaceFacts {
  readonly division: Division | null;
  readonly parent_id: string | null;
}

/** The directory code of the office's own jurisdiction, if it is set and known. */
export async function jurisdictionCode(db: Executor): Promise<string | null> {
  const id = (await readSettings(db)).jurisdictionId;
  if (typeof id !== 'string') return null;
  return (await getLocality(db, id))?.code ?? null;
}

export async function placeFactsFor(
  env: WriteEnv,
  name: string,
  level: Level | undefined,
): Promise<PlaceFacts> {
  const within = await jurisdictionCode(env.trx);
  const match = resolveDivision(name, { within, level });
  if (match.kind === 'none') return { division: null, parent_id: null };
  if (match.kind === 'ambiguous') {
    // Next to the jurisdiction, the registry's own places say which is meant: 鼓楼区 in a
    // registry that holds 南京市 is 南京市鼓楼区 (nearer to a registered place than 徐州市鼓楼区,
    // which only 江苏省 is above).
    const placed: { division: Division; parent_id: string; steps: number }[] = [];
    for (const division of match.candidates) {
      const parent = await registeredParent(env, division);
      if (parent) placed.push({ division, ...parent });
    }
    const nearest = Math.min(...placed.map((p) => p.steps));
    const closest = placed.filter((p) => p.steps === nearest);
    if (closest.length === 1 && closest[0])
      return { division: closest[0].division, parent_id: closest[0].parent_id };
  }
  // A romanised name several places share (Suzhou: 苏州 or 宿州) cannot be told apart: it is
  // written as typed, without a place, for the Places screen to settle. A Chinese name shared
  // by several places (朝阳区) is the user's to choose, so they are listed.
  if (match.kind === 'ambiguous' && !hasCjk(name)) return { division: null, parent_id: null };
  if (match.kind === 'ambiguous') {
    const places = match.candidates
      .slice(0, 6)
      .map((d) => `${d.parent ? (divisionByCode(d.parent)?.name ?? '') : ''}${d.name}`)
      .join('、');
    const params = { local: name, places };
    throw new AppError('validation', 'errors.locality.ambiguous', params, {
      details: [{ path: ['local'], key: 'errors.locality.ambiguous', params }],
    });
  }
  const division = match.division;
  return { division, parent_id: (await registeredParent(env, division))?.parent_id ?? null };
}

/** The nearest place above a division that the registry holds, and how many levels up. */
async function registeredParent(
  env: WriteEnv,
  division: Division,
): Promise<{ parent_id: string; steps: number } | null> {
  let steps = 1;
  for (let up = division.parent; up; up = divisionByCode(up)?.parent ?? null, steps++) {
    const place = divisionByCode(up);
    const row = place ? await findLocalityOfDivision(env.trx, place) : undefined;
    if (row) return { parent_id: row.id, steps };
  }
  return null;
}

/**
 * The name a new locality is stored under. A place of the directory named in Latin letters
 * (Hefei, "Hefei City", "Anhui Province", as an English ledger spells them) is stored by its
 * Chinese name, so the registry holds one 合肥市 and grids, board and reports never mix the
 * scripts; the Latin spelling stays findable through the directory. A Chinese name stays as
 * typed. Where another locality already has that Chinese name (two 朝阳区), the name carries
 * the place above it (北京市朝阳区), as the refusal of a shared name asks the user to write it.
 */
export async function localityNameFor(
  env: WriteEnv,
  typed: string,
  facts: PlaceFacts,
): Promise<string> {
  const place = facts.division;
  if (!place || hasCjk(typed)) return typed;
  if (!(await findLocalityByExactName(env.trx, place.name))) return place.name;
  const parent = place.parent ? divisionByCode(place.parent) : undefined;
  return `${parent?.name ?? ''}${place.name}`;
}

/** The columns a locality takes from its name and its place in the directory. */
export function localityColumns(
  name: string,
  facts: PlaceFacts,
  typed: { readonly name_zh?: string | null; readonly name_en?: string | null } = {},
): Pick<Row<'localities'>, 'name_zh' | 'name_en' | 'code' | 'pinyin' | 'initials'> {
  const cjk = hasCjk(name);
  const place = facts.division;
  const keys = placeKeys(place?.name ?? name);
  return {
    // The name as typed stays the name in its own script; the directory gives the other one.
    name_zh: typed.name_zh ?? (cjk ? name : (place?.name ?? null)),
    name_en: typed.name_en ?? (cjk ? (place?.en ?? null) : name),
    code: place?.code ?? null,
    ...keys,
  };
}
