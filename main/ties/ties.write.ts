import {
  countLiveTiesOfLocality,
  findLocalityByName,
  getLocality,
  insertLocality,
  updateLocality,
} from '../../db/localities.repository';
import {
  countLiveTiesOfPartner,
  findPartner,
  getPartner,
  insertPartner,
  updatePartner,
} from '../../db/partners.repository';
import { findLiveTie, getTie, getTieRow, insertTie, updateTie } from '../../db/ties.repository';
import { toJsonText } from '../../db/json';
import type { Row, RowPatch } from '../../db/schema';
import { countryName } from '../../shared/countries';
import type { PartialDate } from '../../shared/dates';
import type { Level, Stage } from '../../shared/enums';
import type { TieCreate, TiePatch } from '../../shared/ipc/ties';
import { hasCjk } from '../../shared/text';
import { AppError, conflict, notFound, rule } from '../core/errors';
import { advanceIn } from '../workflow/advance.write';
import {
  appendEvent,
  appendStageEvent,
  DATED_STAGES,
  sayDateOrder,
  sayDateOrderOf,
  STAGE_DATE_COLUMN,
  stageIndex,
  syncStageDate,
  type DatedStage,
} from './events.write';
import { setDeleted, type VersionedTarget } from '../core/versioned.write';
import { localityColumns, localityNameFor, placeFactsFor } from '../places/directory.write';
import { placeKeys } from '../../shared/place-keys';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * The building blocks of every tie write, used inside a transaction by the ties service, the
 * importer and pastes alike, so each path keeps the same rules: localities and partners found
 * or created by name, one live tie per pair, history as dated events, an audit row per change.
 */

function namesFor(name: string): { name_zh: string | null; name_en: string | null } {
  return hasCjk(name) ? { name_zh: name, name_en: null } : { name_zh: null, name_en: name };
}

/**
 * What a caller already looked up in this transaction: a row, or null for "not there", so
 * the write does not ask again. A caller passing them has also found no live tie joining the
 * two (an import looks them up to find that tie first).
 */
export interface KnownRefs {
  readonly locality: Row<'localities'> | null;
  readonly partner: Row<'partners'> | null;
}

export async function resolveLocality(
  env: WriteEnv,
  name: string,
  level: Level | undefined,
  known?: Row<'localities'> | null,
): Promise<Row<'localities'>> {
  const found = known === undefined ? await findLocalityByName(env.trx, name) : known;
  if (found) {
    if (level !== undefined && level !== found.level) {
      await changeLocalityLevel(env, found, level);
      return { ...found, level, version: found.version + 1 };
    }
    return found;
  }
  // A new locality is a place of the directory where its name says which: its code, names in
  // both scripts, level (where the row gives none) and parent come from there.
  const facts = await placeFactsFor(env, name, level);
  const placeLevel = level ?? facts.division?.level;
  if (placeLevel === undefined) {
    throw new AppError(
      'validation',
      'errors.tie.levelRequired',
      { local: name },
      {
        details: [
          { path: ['local_level'], key: 'errors.tie.levelRequired', params: { local: name } },
        ],
      },
    );
  }
  const stored = await localityNameFor(env, name, facts);
  const row: Row<'localities'> = {
    id: env.ids.next(),
    name: stored,
    ...localityColumns(stored, facts),
    level: placeLevel,
    parent_id: facts.parent_id,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertLocality(env.trx, row);
  await audit(env, 'locality', row.id, 'create', null, row);
  return row;
}

async function changeLocalityLevel(
  env: WriteEnv,
  locality: Row<'localities'>,
  level: Level,
): Promise<void> {
  const patch = { level, updated_at: env.at };
  if (!(await updateLocality(env.trx, locality.id, locality.version, patch))) {
    throw conflict('locality', await getLocality(env.trx, locality.id));
  }
  await audit(env, 'locality', locality.id, 'update', locality, {
    ...locality,
    ...patch,
    version: locality.version + 1,
  });
}

export interface PartnerDetails {
  readonly partner_zh?: string | null | undefined;
  readonly region?: string | null | undefined;
}

export async function resolvePartner(
  env: WriteEnv,
  name: string,
  country: string,
  details: PartnerDetails,
  known?: Row<'partners'> | null,
): Promise<Row<'partners'>> {
  const found = known === undefined ? await findPartner(env.trx, name, country) : known;
  if (found) {
    if (!(await updatePartnerDetails(env, found, details))) return found;
    return (await getPartner(env.trx, found.id)) ?? found;
  }
  const names = namesFor(name);
  const row: Row<'partners'> = {
    id: env.ids.next(),
    name,
    name_zh: details.partner_zh ?? names.name_zh,
    name_en: names.name_en,
    name_local: null,
    place_kind: 'city',
    country,
    region: details.region ?? null,
    ...placeKeys(name),
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertPartner(env.trx, row);
  await audit(env, 'partner', row.id, 'create', null, row);
  return row;
}

async function updatePartnerDetails(
  env: WriteEnv,
  partner: Row<'partners'>,
  details: PartnerDetails,
): Promise<boolean> {
  const patch: RowPatch<'partners'> = {};
  if (details.partner_zh !== undefined && details.partner_zh !== partner.name_zh)
    patch.name_zh = details.partner_zh;
  if (details.region !== undefined && details.region !== partner.region)
    patch.region = details.region;
  if (Object.keys(patch).length === 0) return false;
  patch.updated_at = env.at;
  if (!(await updatePartner(env.trx, partner.id, partner.version, patch))) {
    throw conflict('partner', await getPartner(env.trx, partner.id));
  }
  await audit(env, 'partner', partner.id, 'update', partner, {
    ...partner,
    ...patch,
    version: partner.version + 1,
  });
  return true;
}

/**
 * History from a record's dates (the counting rules): first contact → contact, intent →
 * intent, established → established, then the record's stage, undated, if it is later.
 * A stage earlier than its own dates contradicts them and is refused.
 */
export function historicalStages(
  stage: Stage,
  dates: Partial<Record<DatedStage, string | null>>,
): { stage: Stage; on: string | null }[] {
  const out: { stage: Stage; on: string | null }[] = [];
  for (const s of DATED_STAGES) {
    const on = dates[s];
    if (on) out.push({ stage: s, on });
  }
  const last = out.at(-1);
  if (last && stageIndex(stage) < stageIndex(last.stage)) {
    throw new AppError(
      'validation',
      'errors.tie.stageBeforeDates',
      { stage, dated: last.stage },
      {
        details: [
          {
            path: ['stage'],
            key: 'errors.tie.stageBeforeDates',
            params: { stage, dated: last.stage },
          },
        ],
      },
    );
  }
  if (!last || stageIndex(stage) > stageIndex(last.stage)) out.push({ stage, on: null });
  return out;
}

export async function createTieIn(
  env: WriteEnv,
  input: TieCreate,
  known?: KnownRefs,
): Promise<string> {
  const stages = historicalStages(input.stage, {
    contact: input.first_contact_on ?? null,
    intent: input.intent_signed_on ?? null,
    established: input.established_on ?? null,
  });
  // A locality the caller found, at the level the row gives (or none): nothing to change.
  const given = known?.locality;
  const locality =
    given && (input.local_level === undefined || input.local_level === given.level)
      ? given
      : await resolveLocality(env, input.local, input.local_level, known?.locality);
  const partner = await resolvePartner(
    env,
    input.partner,
    input.country,
    { partner_zh: input.partner_zh, region: input.region },
    known?.partner,
  );
  if (!known) await refuseDuplicate(env, locality, partner, null);
  const tie: Row<'ties'> = {
    id: env.ids.next(),
    locality_id: locality.id,
    partner_id: partner.id,
    kind: input.kind,
    stage: input.stage,
    first_contact_on: input.first_contact_on ?? null,
    intent_signed_on: input.intent_signed_on ?? null,
    established_on: input.established_on ?? null,
    signed_place: input.signed_place ?? null,
    our_signatory: input.our_signatory ?? null,
    partner_signatory: input.partner_signatory ?? null,
    fields: toJsonText(input.fields ?? []),
    notes: input.notes ?? null,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertTie(env.trx, tie);
  await audit(env, 'tie', tie.id, 'create', null, tie);
  let from: Stage | null = null;
  let seq = 1;
  for (const s of stages) {
    await appendStageEvent(env, tie.id, seq++, s.stage, from, s.on);
    from = s.stage;
  }
  sayDateOrderOf(
    env,
    tie.id,
    stages.map((s, i) => ({ seq: i + 1, type: 'stage', stage: s.stage, kind: null, on: s.on })),
  );
  return tie.id;
}

async function refuseDuplicate(
  env: WriteEnv,
  locality: Row<'localities'>,
  partner: Row<'partners'>,
  selfId: string | null,
): Promise<void> {
  const existing = await findLiveTie(env.trx, locality.id, partner.id);
  if (existing && existing.id !== selfId) {
    throw rule('errors.tie.duplicate', {
      local: locality.name,
      partner: partner.name,
      country: countryName(partner.country, 'en'),
      countryCode: partner.country,
      existingId: existing.id,
    });
  }
}

export interface UpdateOptions {
  /**
   * Historical records (an import) set the stage they carry without walking the chain; every
   * other path (a grid edit, a paste) goes through the stage machine.
   */
  readonly historical?: boolean;
  /**
   * A cell edit asks before changing what the tie shares with others (its locality's level is
   * the place's, so every tie of that place shows it): `ask` refuses such a change with the
   * number of other ties until the user confirms. Pastes, bulk edits and imports change it.
   */
  readonly shared?: 'ask' | 'change';
}

export async function updateTieIn(
  env: WriteEnv,
  id: string,
  version: number,
  patch: TiePatch,
  options: UpdateOptions = {},
): Promise<void> {
  const tie = await getTie(env.trx, id);
  if (!tie || tie.deleted_at !== null) throw notFound('tie', id);
  if (tie.version !== version) throw conflict('tie', await getTieRow(env.trx, id));
  const shownBefore = await getTieRow(env.trx, id);

  const next: RowPatch<'ties'> = {};
  for (const column of [
    'kind',
    'first_contact_on',
    'intent_signed_on',
    'established_on',
    'signed_place',
    'our_signatory',
    'partner_signatory',
    'notes',
  ] as const) {
    const value = patch[column];
    if (value !== undefined && value !== tie[column])
      (next as Record<string, unknown>)[column] = value;
  }
  if (patch.fields !== undefined && toJsonText(patch.fields) !== tie.fields)
    next.fields = toJsonText(patch.fields);

  if (patch.local !== undefined || patch.local_level !== undefined) {
    const locality = await relinkLocality(
      env,
      tie,
      patch.local,
      patch.local_level,
      options.shared ?? 'change',
    );
    if (locality.id !== tie.locality_id) next.locality_id = locality.id;
  }
  if (
    patch.partner !== undefined ||
    patch.country !== undefined ||
    patch.partner_zh !== undefined ||
    patch.region !== undefined
  ) {
    const partner = await relinkPartner(env, tie, patch);
    if (partner.id !== tie.partner_id) next.partner_id = partner.id;
  }
  if (next.locality_id !== undefined || next.partner_id !== undefined) {
    const locality = await getLocality(env.trx, next.locality_id ?? tie.locality_id);
    const partner = await getPartner(env.trx, next.partner_id ?? tie.partner_id);
    if (locality && partner) await refuseDuplicate(env, locality, partner, tie.id);
  }

  const merged: Row<'ties'> = { ...tie, ...(next as Partial<Row<'ties'>>) };
  if (patch.stage !== undefined && patch.stage !== tie.stage) {
    if (options.historical) {
      // An import records the stage it finds, dated by its own column where it has one.
      const column = (STAGE_DATE_COLUMN as Partial<Record<Stage, keyof Row<'ties'>>>)[patch.stage];
      const on = column ? (merged[column] as string | null) : null;
      await appendEvent(env, tie.id, { type: 'stage', stage: patch.stage, from: tie.stage }, on);
      next.stage = patch.stage;
    } else {
      Object.assign(next, await advanceIn(env, merged, patch.stage, {}));
    }
  }
  refuseDatesAheadOfStage(next, (next.stage as Stage | undefined) ?? (tie.stage as Stage));
  let dated = next.stage !== undefined;
  for (const stage of DATED_STAGES) {
    const column = STAGE_DATE_COLUMN[stage];
    if (column in next) {
      dated = true;
      await syncStageDate(env, tie.id, stage, (next[column] as PartialDate | null) ?? null);
    }
  }
  if (dated) await sayDateOrder(env, tie.id);

  if (Object.keys(next).length === 0) {
    // A change to the tie's locality or partner record (a renamed partner, a new level) is a
    // change to the tie as staff see it: it takes a new version like any other, so a second
    // window editing the same row cannot overwrite it unseen.
    const shownAfter = await getTieRow(env.trx, id);
    if (JSON.stringify(shownAfter) === JSON.stringify(shownBefore)) return;
  }
  next.updated_at = env.at;
  if (!(await updateTie(env.trx, id, version, next)))
    throw conflict('tie', await getTieRow(env.trx, id));
  await audit(env, 'tie', id, 'update', tie, { ...tie, ...next, version: version + 1 });
}

/**
 * A tie's stage is the stage of its last stage event, on every write path. A date for a stage
 * the tie has not reached would record that stage after its last one (an "established" event
 * on a tie at contact, counted by the report while the grid shows contact), so it is refused
 * with the move to make instead: the workflow checks what the stage needs.
 */
function refuseDatesAheadOfStage(next: Record<string, unknown>, stage: Stage): void {
  for (const dated of DATED_STAGES) {
    const column = STAGE_DATE_COLUMN[dated];
    if (next[column] === undefined || next[column] === null) continue;
    if (stageIndex(dated) <= stageIndex(stage)) continue;
    const params = { field: column, to: dated, stage };
    throw new AppError('rule', 'errors.tie.dateAheadOfStage', params, {
      details: [{ path: [column], key: 'errors.tie.dateAheadOfStage', params }],
    });
  }
}

/** Refuses, until confirmed, a change to a locality that other live ties than `tie` share. */
async function askBeforeShared(
  env: WriteEnv,
  tie: Row<'ties'>,
  locality: Row<'localities'>,
  shared: 'ask' | 'change',
): Promise<void> {
  if (shared === 'change') return;
  const count =
    (await countLiveTiesOfLocality(env.trx, locality.id)) -
    (locality.id === tie.locality_id ? 1 : 0);
  if (count === 0) return;
  const params = { name: locality.name, count, localityId: locality.id };
  throw new AppError('rule', 'errors.tie.sharedLocality', params, {
    details: [{ path: ['local_level'], key: 'errors.tie.sharedLocality', params }],
  });
}

async function relinkLocality(
  env: WriteEnv,
  tie: Row<'ties'>,
  name: string | undefined,
  level: Level | undefined,
  shared: 'ask' | 'change',
): Promise<Row<'localities'>> {
  const current = await getLocality(env.trx, tie.locality_id);
  if (!current) throw notFound('locality', tie.locality_id);
  if (name === undefined || name === current.name) {
    if (level !== undefined && level !== current.level) {
      await askBeforeShared(env, tie, current, shared);
      await changeLocalityLevel(env, current, level);
    }
    return current;
  }
  const found = await findLocalityByName(env.trx, name);
  if (found) {
    if (level !== undefined && level !== found.level) {
      await askBeforeShared(env, tie, found, shared);
      await changeLocalityLevel(env, found, level);
    }
    return found;
  }
  // A new name for a locality only this tie uses is a correction of its spelling.
  if ((await countLiveTiesOfLocality(env.trx, current.id)) === 1) {
    const facts = await placeFactsFor(env, name, level ?? current.level);
    const stored = await localityNameFor(env, name, facts);
    const patch = {
      name: stored,
      ...localityColumns(stored, facts),
      parent_id: facts.division ? facts.parent_id : current.parent_id,
      level: level ?? current.level,
      updated_at: env.at,
    };
    if (!(await updateLocality(env.trx, current.id, current.version, patch))) {
      throw conflict('locality', await getLocality(env.trx, current.id));
    }
    await audit(env, 'locality', current.id, 'update', current, {
      ...current,
      ...patch,
      version: current.version + 1,
    });
    return current;
  }
  return resolveLocality(env, name, level ?? current.level);
}

async function relinkPartner(
  env: WriteEnv,
  tie: Row<'ties'>,
  patch: TiePatch,
): Promise<Row<'partners'>> {
  const current = await getPartner(env.trx, tie.partner_id);
  if (!current) throw notFound('partner', tie.partner_id);
  const name = patch.partner ?? current.name;
  const country = patch.country ?? current.country;
  const details = { partner_zh: patch.partner_zh, region: patch.region };
  if (name === current.name && country === current.country) {
    await updatePartnerDetails(env, current, details);
    return current;
  }
  const found = await findPartner(env.trx, name, country);
  if (found) {
    await updatePartnerDetails(env, found, details);
    return found;
  }
  // Renaming (or re-homing) a partner only this tie uses corrects it in place.
  if ((await countLiveTiesOfPartner(env.trx, current.id)) === 1) {
    const rename: RowPatch<'partners'> = {
      name,
      country,
      ...placeKeys(name),
      updated_at: env.at,
    };
    if (name !== current.name)
      Object.assign(rename, hasCjk(name) ? { name_zh: name } : { name_en: name });
    if (details.partner_zh !== undefined) rename.name_zh = details.partner_zh;
    if (details.region !== undefined) rename.region = details.region;
    if (!(await updatePartner(env.trx, current.id, current.version, rename))) {
      throw conflict('partner', await getPartner(env.trx, current.id));
    }
    await audit(env, 'partner', current.id, 'update', current, {
      ...current,
      ...rename,
      version: current.version + 1,
    });
    return current;
  }
  return resolvePartner(env, name, country, {
    partner_zh: details.partner_zh ?? current.name_zh,
    region: details.region ?? current.region,
  });
}

const TIE_TARGET: VersionedTarget<'ties'> = {
  table: 'ties',
  entity: 'tie',
  current: (env, id) => getTieRow(env.trx, id),
};

/** Soft delete and restore keep the row, so history, audit and undo can reach it. */
export function setTieDeleted(
  env: WriteEnv,
  id: string,
  version: number,
  deleted: boolean,
): Promise<void> {
  return setDeleted(env, TIE_TARGET, id, version, deleted, async (tie) => {
    const locality = await getLocality(env.trx, tie.locality_id);
    const partner = await getPartner(env.trx, tie.partner_id);
    if (locality && partner) await refuseDuplicate(env, locality, partner, tie.id);
  });
}

/** How the undo list names a tie. */
export const tieNamed = (row: { local: string; partner: string }) =>
  `${row.local} – ${row.partner}`;
