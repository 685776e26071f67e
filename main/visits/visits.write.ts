import { findLocalityByName } from '../../db/localities.repository';
import type { Row, RowPatch } from '../../db/schema';
import { toJsonText } from '../../db/json';
import { findTieIdsByRef } from '../../db/ties.repository';
import {
  getVisit,
  getVisitRow,
  insertVisit,
  linkVisitTie,
  unlinkVisitTie,
  visitTieIds,
} from '../../db/visits.repository';
import { comparePartialDates } from '../../shared/dates';
import type { VisitCreate, VisitPatch } from '../../shared/ipc/visits';
import { AppError } from '../core/errors';
import { patchVersioned, type VersionedTarget } from '../core/versioned.write';
import { audit, type WriteEnv } from '../core/write-env';

/**
 * A visit's writes, run inside the caller's transaction: its columns, its locality named in
 * any spelling and the ties it served (a change to those links is a new version of the visit).
 */

export const VISIT_TARGET: VersionedTarget<'visits'> = {
  table: 'visits',
  entity: 'visit',
  current: (env, id) => getVisitRow(env.trx, id),
};

function refused(path: string, key: string, params: Record<string, unknown>): AppError {
  return new AppError('validation', key, params, { details: [{ path: [path], key, params }] });
}

async function localityId(
  env: WriteEnv,
  name: string | null | undefined,
): Promise<string | null | undefined> {
  if (name === undefined || name === null) return name;
  const found = await findLocalityByName(env.trx, name);
  if (!found) throw refused('local', 'errors.visit.unknownLocality', { local: name });
  return found.id;
}

/**
 * Linked ties, given as ids or partner names. A name must name exactly one live tie (of the
 * visit's locality, when it has one); otherwise the row is refused with the name.
 */
async function resolveTies(
  env: WriteEnv,
  refs: readonly string[],
  locality: string | null,
): Promise<string[]> {
  const out: string[] = [];
  for (const ref of refs) {
    const found = await findTieIdsByRef(env.trx, ref, locality, 2);
    if (found.length !== 1)
      throw refused(
        'ties',
        found.length === 0 ? 'errors.visit.unknownTie' : 'errors.visit.ambiguousTie',
        { tie: ref },
      );
    const id = found[0] as string;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

function checkDates(start: string | null, end: string | null): void {
  if (start && end && comparePartialDates(end, start) < 0)
    throw refused('end_on', 'errors.visit.endBeforeStart', { start, end });
}

async function setLinks(
  env: WriteEnv,
  visitId: string,
  tieIds: readonly string[],
): Promise<boolean> {
  const current = await visitTieIds(env.trx, visitId);
  let changed = false;
  for (const id of current.filter((c) => !tieIds.includes(c))) {
    await unlinkVisitTie(env.trx, visitId, id);
    await audit(
      env,
      'visit_tie',
      `${visitId}:${id}`,
      'delete',
      { visit_id: visitId, tie_id: id },
      null,
    );
    changed = true;
  }
  for (const id of tieIds.filter((t) => !current.includes(t))) {
    await linkVisitTie(env.trx, visitId, id);
    await audit(env, 'visit_tie', `${visitId}:${id}`, 'create', null, {
      visit_id: visitId,
      tie_id: id,
    });
    changed = true;
  }
  return changed;
}

type VisitColumns = Omit<VisitPatch, 'local' | 'ties' | 'fields'>;

export async function createVisitIn(env: WriteEnv, input: VisitCreate): Promise<string> {
  const { local, ties, fields, ...rest } = input;
  const locality = (await localityId(env, local)) ?? null;
  checkDates(rest.start_on ?? null, rest.end_on ?? null);
  const tieIds = await resolveTies(env, ties ?? [], locality);
  const row: Row<'visits'> = {
    id: env.ids.next(),
    direction: rest.direction,
    locality_id: locality,
    country: rest.country ?? null,
    leader: rest.leader ?? null,
    leader_title: rest.leader_title ?? null,
    start_on: rest.start_on ?? null,
    end_on: rest.end_on ?? null,
    size: rest.size ?? null,
    organisation: rest.organisation ?? null,
    purpose: rest.purpose ?? null,
    fields: toJsonText(fields ?? []),
    outcomes: rest.outcomes ?? null,
    agreements_signed: rest.agreements_signed ?? 0,
    amount: rest.amount ?? null,
    currency: rest.currency ?? null,
    notes: rest.notes ?? null,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertVisit(env.trx, row);
  await audit(env, 'visit', row.id, 'create', null, row);
  await setLinks(env, row.id, tieIds);
  return row.id;
}

export async function updateVisitIn(
  env: WriteEnv,
  id: string,
  version: number,
  patch: VisitPatch,
): Promise<void> {
  const { local, ties, fields, ...rest } = patch;
  const { agreements_signed, ...columns } = rest as VisitColumns;
  const next: RowPatch<'visits'> = { ...columns };
  if (agreements_signed !== undefined) next.agreements_signed = agreements_signed ?? 0;
  if (fields !== undefined) next.fields = toJsonText(fields);
  const locality = await localityId(env, local);
  if (locality !== undefined) next.locality_id = locality;
  const current = await getVisit(env.trx, id);
  if (current)
    checkDates(
      next.start_on !== undefined ? next.start_on : current.start_on,
      next.end_on !== undefined ? next.end_on : current.end_on,
    );
  const before = await patchVersioned(env, VISIT_TARGET, id, version, next);
  if (ties !== undefined) {
    const linked = await setLinks(
      env,
      id,
      await resolveTies(env, ties, next.locality_id ?? before.locality_id),
    );
    // Links are part of the visit as staff see it: a change to them is a new version.
    const moved = await getVisit(env.trx, id);
    if (linked && moved?.version === version)
      await patchVersioned(env, VISIT_TARGET, id, version, {
        updated_at: `${env.at}`,
      } as RowPatch<'visits'>);
  }
}

/** How the undo list names a visit. */
export const visitNamed = (row: { leader: string | null; start_on: string | null }) =>
  [row.leader, row.start_on].filter(Boolean).join(' · ');
