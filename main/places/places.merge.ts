import { childLocalities, getLocality, listLocalities } from '../../db/localities.repository';
import { getPartner, listPartners } from '../../db/partners.repository';
import type { Executor, Row, RowPatch } from '../../db/schema';
import { tiesReferencing } from '../../db/ties.repository';
import { updateVersioned, type VersionedTable } from '../../db/versioned';
import { visitsOfLocality } from '../../db/visits.repository';
import { readSettings } from '../../db/settings.repository';
import type { CountryCode } from '../../shared/countries';
import type { MergeClash, MergePlan, PlaceKindOf, TieBrief } from '../../shared/ipc/places';
import { conflict, notFound, rule } from '../core/errors';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * Merging two records of one place: the ties of the merged-away record (and, for a locality,
 * its visits and the localities under it) move to the kept one through audited writes, and the
 * merged-away record is soft-deleted, so the one command is one undo step. A tie that would then
 * exist twice (same locality and partner, so same country, both live) refuses the merge until
 * the user resolves it: nothing is merged over a duplicate silently.
 */

export interface MergeInput {
  readonly of: PlaceKindOf;
  readonly keep: string;
  readonly remove: string;
}

type Pair<T> = { keep: T; remove: T };

async function pairOf(db: Executor, input: MergeInput) {
  if (input.keep === input.remove) throw rule('places.errors.same');
  if (input.of === 'locality') {
    const keep = await getLocality(db, input.keep);
    const remove = await getLocality(db, input.remove);
    if (!keep || keep.deleted_at !== null) throw notFound('locality', input.keep);
    if (!remove || remove.deleted_at !== null) throw notFound('locality', input.remove);
    return { of: 'locality' as const, keep, remove };
  }
  const keep = await getPartner(db, input.keep);
  const remove = await getPartner(db, input.remove);
  if (!keep || keep.deleted_at !== null) throw notFound('partner', input.keep);
  if (!remove || remove.deleted_at !== null) throw notFound('partner', input.remove);
  if (keep.country !== remove.country)
    throw rule('places.errors.otherCountry', { keep: keep.name, remove: remove.name });
  return { of: 'partner' as const, keep, remove };
}

/** What the merge would move and the duplicates it would make; refuses what it never allows. */
export async function planMerge(db: Executor, input: MergeInput): Promise<MergePlan> {
  const pair = await pairOf(db, input);
  const column = pair.of === 'locality' ? 'locality_id' : 'partner_id';
  const moving = await tiesReferencing(db, column, pair.remove.id);
  const staying = await tiesReferencing(db, column, pair.keep.id);
  const other = (t: Row<'ties'>) => (pair.of === 'locality' ? t.partner_id : t.locality_id);
  const liveKept = new Map(
    staying.filter((t) => t.deleted_at === null).map((t) => [other(t), t] as const),
  );
  const clashes: MergeClash[] = [];
  for (const tie of moving) {
    if (tie.deleted_at !== null) continue;
    const twin = liveKept.get(other(tie));
    if (twin) clashes.push({ kept: await brief(db, twin), moved: await brief(db, tie) });
  }
  let visits = 0;
  let children = 0;
  if (pair.of === 'locality') {
    const settings = await readSettings(db);
    if (settings.jurisdictionId === pair.remove.id)
      throw rule('places.errors.jurisdiction', { name: pair.remove.name });
    if ((await isUnder(db, pair.keep, pair.remove.id)) && pair.keep.parent_id !== pair.remove.id)
      throw rule('places.errors.under', { keep: pair.keep.name, remove: pair.remove.name });
    visits = (await visitsOfLocality(db, pair.remove.id)).length;
    children = (await childLocalities(db, pair.remove.id)).filter(
      (c) => c.id !== pair.keep.id,
    ).length;
  }
  return { ties: moving.length, visits, children, clashes };
}

async function isUnder(db: Executor, place: Row<'localities'>, ancestor: string) {
  let cursor = place.parent_id;
  for (let depth = 0; cursor && depth < 16; depth++) {
    if (cursor === ancestor) return true;
    cursor = (await getLocality(db, cursor))?.parent_id ?? null;
  }
  return false;
}

async function brief(db: Executor, tie: Row<'ties'>): Promise<TieBrief> {
  const locality = await getLocality(db, tie.locality_id);
  const partner = await getPartner(db, tie.partner_id);
  return {
    id: tie.id,
    version: tie.version,
    local: locality?.name ?? tie.locality_id,
    partner: partner?.name ?? tie.partner_id,
    country: (partner?.country ?? '') as CountryCode,
    stage: tie.stage,
  };
}

/** One audited change of a row as it is stored, live or deleted (undo replays it). */
async function rewrite<T extends VersionedTable>(
  env: WriteEnv,
  table: T,
  entity: string,
  row: Row<T> & { id: string; version: number },
  patch: RowPatch<T>,
  action = 'update',
): Promise<void> {
  const next = { ...patch, updated_at: env.at } as RowPatch<T>;
  if (!(await updateVersioned(env.trx, table, row.id, row.version, next)))
    throw conflict(entity, row);
  await audit(env, entity, row.id, action, row, { ...row, ...next, version: row.version + 1 });
}

/** The kept record takes the names it lacks from the merged-away one. */
function missingNames<T extends { name_zh: string | null; name_en: string | null }>(
  pair: Pair<T>,
): Partial<Pick<T, 'name_zh' | 'name_en'>> {
  const out: { name_zh?: string; name_en?: string } = {};
  if (!pair.keep.name_zh && pair.remove.name_zh) out.name_zh = pair.remove.name_zh;
  if (!pair.keep.name_en && pair.remove.name_en) out.name_en = pair.remove.name_en;
  return out as Partial<Pick<T, 'name_zh' | 'name_en'>>;
}

export async function mergeIn(env: WriteEnv, input: MergeInput): Promise<MergePlan> {
  const plan = await planMerge(env.trx, input);
  if (plan.clashes.length > 0) {
    throw rule('places.errors.duplicates', {
      count: plan.clashes.length,
      pairs: plan.clashes.map((c) => `${c.moved.local} – ${c.moved.partner}`).join('; '),
    });
  }
  const pair = await pairOf(env.trx, input);
  if (pair.of === 'locality') {
    for (const tie of await tiesReferencing(env.trx, 'locality_id', pair.remove.id))
      await rewrite(env, 'ties', 'tie', tie, { locality_id: pair.keep.id });
    for (const visit of await visitsOfLocality(env.trx, pair.remove.id))
      await rewrite(env, 'visits', 'visit', visit, { locality_id: pair.keep.id });
    for (const child of await childLocalities(env.trx, pair.remove.id)) {
      if (child.id === pair.keep.id) continue;
      await rewrite(env, 'localities', 'locality', child, { parent_id: pair.keep.id });
    }
    // Read again: the merged-away record may have been a child's parent only, never changed.
    const removed = (await getLocality(env.trx, pair.remove.id)) ?? pair.remove;
    await rewrite(env, 'localities', 'locality', removed, { deleted_at: env.at }, 'delete');
    const kept = (await getLocality(env.trx, pair.keep.id)) ?? pair.keep;
    const patch: RowPatch<'localities'> = { ...missingNames({ keep: kept, remove: removed }) };
    if (!kept.code && removed.code) patch.code = removed.code;
    // The kept one sat under the merged-away one: it takes that one's place.
    if (kept.parent_id === removed.id) patch.parent_id = removed.parent_id;
    if (Object.keys(patch).length > 0) await rewrite(env, 'localities', 'locality', kept, patch);
  } else {
    for (const tie of await tiesReferencing(env.trx, 'partner_id', pair.remove.id))
      await rewrite(env, 'ties', 'tie', tie, { partner_id: pair.keep.id });
    await rewrite(env, 'partners', 'partner', pair.remove, { deleted_at: env.at }, 'delete');
    const patch: RowPatch<'partners'> = { ...missingNames(pair) };
    if (!pair.keep.name_local && pair.remove.name_local) patch.name_local = pair.remove.name_local;
    if (!pair.keep.region && pair.remove.region) patch.region = pair.remove.region;
    if (Object.keys(patch).length > 0) await rewrite(env, 'partners', 'partner', pair.keep, patch);
  }
  return plan;
}

/** Every live locality and partner, for the overview. */
export async function livePlaces(db: Executor) {
  return { localities: await listLocalities(db), partners: await listPartners(db) };
}
