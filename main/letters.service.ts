import { getLetterRow, insertLetter, listLetters } from '../db/letters.repository';
import type { Executor, Row } from '../db/schema';
import type { ParsedInputOf } from '../shared/ipc/contract';
import type { LetterCreate, LetterPatch } from '../shared/ipc/letters';
import type { LetterRow, Page } from '../shared/model';
import type { CallContext } from './context';
import { notFound } from './errors';
import { resolveTieRef } from './tie-ref';
import { inWriteTransaction, type ServiceDeps } from './ties.service';
import { patchVersioned, setDeleted, type VersionedTarget } from './versioned.write';
import { audit, type WriteEnv } from './write-env';

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

export function createLettersService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<LetterRow> {
    const found = await getLetterRow(db, id);
    if (!found) throw notFound('letter', id);
    return found;
  }
  return {
    async list(input: ParsedInputOf<'letters:list'>): Promise<Page<LetterRow>> {
      const rows = await listLetters(deps.db, input);
      return { rows, total: rows.length };
    },
    get: (input: ParsedInputOf<'letters:get'>) => row(deps.db, input.id),
    create: (input: ParsedInputOf<'letters:create'>, ctx: CallContext) =>
      inWriteTransaction(deps, ctx, async (env) => row(env.trx, await createLetterIn(env, input)), {
        scope: 'letters',
        label: 'history.create',
        params: (row: LetterRow) => ({ target: row.title }),
      }),
    update: (input: ParsedInputOf<'letters:update'>, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await updateLetterIn(env, input.id, input.version, input.patch);
          return row(env.trx, input.id);
        },
        {
          scope: 'letters',
          label: 'history.update',
          params: (row: LetterRow) => ({ target: row.title, columns: Object.keys(input.patch) }),
        },
      ),
    setDeleted: (input: { id: string; version: number }, deleted: boolean, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await setDeleted(env, LETTER_TARGET, input.id, input.version, deleted);
          return row(env.trx, input.id);
        },
        {
          scope: 'letters',
          label: deleted ? 'history.delete' : 'history.restore',
          params: (row: LetterRow) => ({ target: row.title }),
        },
      ),
  };
}
