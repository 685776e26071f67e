import {
  findLocalityByName,
  getLocality,
  insertLocality,
  localityRowFrom,
  updateLocality,
} from '../../db/localities.repository';
import { findPartner, getPartner, partnerRowFrom } from '../../db/partners.repository';
import type { Row, RowPatch } from '../../db/schema';
import { placeKeys } from '../../shared/place-keys';
import { patchVersioned, type VersionedTarget } from '../core/versioned.write';
import { localityColumns, localityNameFor, placeFactsFor } from './directory.write';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { LocalityRow } from '../../shared/model';
import { conflict, notFound, rule } from '../core/errors';
import { audit, type WriteEnv } from '../core/write-env';

/** A locality's writes, run inside the caller's transaction (the door's or an import's). */

/** A new locality: its name is unique among live ones, its parent must exist. */
export async function createLocalityIn(
  env: WriteEnv,
  input: ParsedInputOf<'localities:create'>,
): Promise<LocalityRow> {
  if (await findLocalityByName(env.trx, input.name))
    throw rule('errors.locality.duplicate', { name: input.name });
  if (input.parent_id && !(await getLocality(env.trx, input.parent_id)))
    throw notFound('locality', input.parent_id);
  // A place of the directory takes its code, other script's name and parent from there.
  const facts = await placeFactsFor(env, input.name, input.level);
  const name = await localityNameFor(env, input.name, facts);
  const row: Row<'localities'> = {
    id: env.ids.next(),
    name,
    ...localityColumns(name, facts, { name_zh: input.name_zh, name_en: input.name_en }),
    level: input.level,
    parent_id: input.parent_id ?? facts.parent_id,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertLocality(env.trx, row);
  await audit(env, 'locality', row.id, 'create', null, row);
  return localityRowFrom(row);
}

export async function updateLocalityIn(
  env: WriteEnv,
  id: string,
  version: number,
  input: ParsedInputOf<'localities:update'>['patch'],
): Promise<LocalityRow> {
  const current = await getLocality(env.trx, id);
  if (!current || current.deleted_at !== null) throw notFound('locality', id);
  if (current.version !== version) throw conflict('locality', localityRowFrom(current));
  if (input.name !== undefined && input.name !== current.name) {
    const clash = await findLocalityByName(env.trx, input.name);
    if (clash && clash.id !== current.id)
      throw rule('errors.locality.duplicate', { name: input.name });
  }
  if (input.parent_id) {
    // A locality cannot sit under itself or under one of its own descendants.
    let cursor: string | null = input.parent_id;
    while (cursor) {
      if (cursor === current.id) throw rule('errors.locality.cycle', { name: current.name });
      cursor = (await getLocality(env.trx, cursor))?.parent_id ?? null;
    }
  }
  const patch: RowPatch<'localities'> = { ...input, updated_at: env.at };
  if (input.name !== undefined && input.name !== current.name) {
    // A renamed locality is the place its new name means, and sorts by it.
    const facts = await placeFactsFor(env, input.name, input.level ?? current.level);
    const columns = localityColumns(input.name, facts, {
      name_zh: input.name_zh,
      name_en: input.name_en,
    });
    Object.assign(patch, {
      code: columns.code,
      pinyin: columns.pinyin,
      initials: columns.initials,
    });
  }
  if (!(await updateLocality(env.trx, current.id, current.version, patch))) {
    throw conflict(
      'locality',
      localityRowFrom((await getLocality(env.trx, current.id)) ?? current),
    );
  }
  const after = { ...current, ...patch, version: current.version + 1 };
  await audit(env, 'locality', current.id, 'update', current, after);
  return localityRowFrom(after);
}

const PARTNER_TARGET: VersionedTarget<'partners'> = {
  table: 'partners',
  entity: 'partner',
  current: async (env, id) => {
    const row = await getPartner(env.trx, id);
    return row ? partnerRowFrom(row) : undefined;
  },
};

/** A partner renamed: each new spelling must not be another partner's in its country. */
export async function updatePartnerIn(
  env: WriteEnv,
  id: string,
  version: number,
  input: ParsedInputOf<'partners:update'>['patch'],
): Promise<Row<'partners'>> {
  const current = await getPartner(env.trx, id);
  if (!current || current.deleted_at !== null) throw notFound('partner', id);
  for (const spelling of [input.name, input.name_zh, input.name_en]) {
    if (!spelling) continue;
    const clash = await findPartner(env.trx, spelling, current.country);
    if (clash && clash.id !== current.id)
      throw rule('places.errors.partnerDuplicate', { name: spelling });
  }
  const patch: RowPatch<'partners'> = { ...input };
  // A renamed partner sorts and is searched by its new name.
  if (input.name !== undefined && input.name !== current.name)
    Object.assign(patch, placeKeys(input.name));
  await patchVersioned(env, PARTNER_TARGET, id, version, patch);
  return (await getPartner(env.trx, id)) ?? current;
}
