import path from 'node:path';
import { getLetter, getLetterRow, insertLetter } from '../../db/letters.repository';
import type { Row } from '../../db/schema';
import type { LetterCreate, LetterPatch } from '../../shared/ipc/letters';
import { conflict, notFound } from '../core/errors';
import { storeScan } from './scans';
import { resolveTieRef } from '../ties/tie-ref';
import { type ServiceDeps } from '../core/transaction';
import { patchVersioned, type VersionedTarget } from '../core/versioned.write';
import { audit, type WriteEnv } from '../core/write-env';

/** A letter's writes, run inside the caller's transaction (the door's, a paste's, an import's). */

export const LETTER_TARGET: VersionedTarget<'letters'> = {
  table: 'letters',
  entity: 'letter',
  current: (env, id) => getLetterRow(env.trx, id),
};

export async function createLetterIn(env: WriteEnv, input: LetterCreate): Promise<string> {
  const tieId = await resolveTieRef(env.trx, input);
  const row: Row<'letters'> = {
    id: env.ids.next(),
    tie_id: tieId,
    title: input.title,
    doc_type: input.doc_type,
    signed_on: input.signed_on ?? null,
    signed_place: input.signed_place ?? null,
    our_signatory: input.our_signatory ?? null,
    partner_signatory: input.partner_signatory ?? null,
    follow_up_on: input.follow_up_on ?? null,
    status: input.status,
    scan_file: null,
    scan_name: null,
    notes: input.notes ?? null,
    version: 1,
    created_at: env.at,
    updated_at: env.at,
    deleted_at: null,
  };
  await insertLetter(env.trx, row);
  await audit(env, 'letter', row.id, 'create', null, row);
  return row.id;
}

export async function updateLetterIn(
  env: WriteEnv,
  id: string,
  version: number,
  patch: LetterPatch,
): Promise<void> {
  const { tie_id, local, partner, country, ...fields } = patch;
  const moved =
    tie_id !== undefined || local !== undefined || partner !== undefined
      ? { tie_id: await resolveTieRef(env.trx, { tie_id, local, partner, country }) }
      : {};
  await patchVersioned(env, LETTER_TARGET, id, version, { ...fields, ...moved });
}

export async function attachIn(
  env: WriteEnv,
  deps: ServiceDeps,
  id: string,
  version: number,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  const letter = await getLetter(env.trx, id);
  if (!letter || letter.deleted_at !== null) throw notFound('letter', id);
  if (letter.version !== version) throw conflict('letter', await getLetterRow(env.trx, id));
  const relative = await storeScan(deps.paths.files, id, name, bytes);
  await patchVersioned(env, LETTER_TARGET, id, version, {
    scan_file: relative,
    scan_name: path.basename(name),
  });
}

/** How the undo list names a letter. */
export const letterNamed = (row: { title: string }) => row.title;
