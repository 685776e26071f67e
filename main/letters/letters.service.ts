import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getLetter, getLetterRow, insertLetter, listLetters } from '../../db/letters.repository';
import type { Executor, Row } from '../../db/schema';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { LetterCreate, LetterPatch, ScanFile } from '../../shared/ipc/letters';
import type { LetterRow, Page } from '../../shared/model';
import type { CallContext } from '../core/context';
import { AppError, conflict, notFound } from '../core/errors';
import { mimeOfScan, openableScan, readScan, refusedScan, storeScan } from './scans';
import { resolveTieRef } from '../ties/tie-ref';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { patchVersioned, setDeleted, type VersionedTarget } from '../core/versioned.write';
import { audit, type WriteEnv } from '../core/write-env';

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

async function attachIn(
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
    attach: (input: ParsedInputOf<'letters:attach'>, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await attachIn(
            env,
            deps,
            input.id,
            input.version,
            input.name,
            Buffer.from(input.base64, 'base64'),
          );
          return row(env.trx, input.id);
        },
        { scope: 'letters', label: 'history.attach', params: { target: input.name } },
      ),

    async attachPick(
      input: ParsedInputOf<'letters:attachPick'>,
      ctx: CallContext,
    ): Promise<LetterRow | null> {
      const pick = deps.platform.pickFile;
      if (!pick)
        throw new AppError('unavailable', 'errors.unavailable', { what: 'letters:attachPick' });
      const file = await pick({
        title: ctx.lang === 'zh' ? '选择扫描件' : 'Choose the scan',
        filters: [
          { name: 'PDF / images', extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] },
        ],
      });
      if (file === null) return null;
      const bytes = await readFile(file);
      return inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          await attachIn(env, deps, input.id, input.version, path.basename(file), bytes);
          return row(env.trx, input.id);
        },
        { scope: 'letters', label: 'history.attach', params: { target: path.basename(file) } },
      );
    },

    detach: (input: ParsedInputOf<'letters:detach'>, ctx: CallContext) =>
      inWriteTransaction(
        deps,
        ctx,
        async (env) => {
          // The file stays in the folder: undoing the detach brings the scan back.
          await patchVersioned(env, LETTER_TARGET, input.id, input.version, {
            scan_file: null,
            scan_name: null,
          });
          return row(env.trx, input.id);
        },
        { scope: 'letters', label: 'history.detach', params: {} },
      ),

    async scan(input: ParsedInputOf<'letters:scan'>): Promise<ScanFile> {
      const letter = await getLetter(deps.db, input.id);
      if (!letter?.scan_file) throw notFound('letter', input.id);
      const { file, bytes } = await readScan(deps.paths.files, letter.scan_file);
      return {
        name: letter.scan_name ?? path.basename(file),
        mime: mimeOfScan(file),
        base64: bytes.toString('base64'),
      };
    },

    async openScan(input: ParsedInputOf<'letters:openScan'>): Promise<{ opened: boolean }> {
      const open = deps.platform.openPath;
      if (!open)
        throw new AppError('unavailable', 'errors.unavailable', { what: 'letters:openScan' });
      const letter = await getLetter(deps.db, input.id);
      if (!letter?.scan_file) throw notFound('letter', input.id);
      const { file, bytes } = await readScan(deps.paths.files, letter.scan_file);
      // The system handler picks a program by the file's name: a registry folder received from
      // elsewhere may hold an `.exe` or `.lnk` named by a letter. Only a file whose content is a
      // PDF or an image, under a name of that same kind, is handed over.
      if (!openableScan(file, bytes))
        throw refusedScan('errors.scan.notOpenable', { name: path.basename(file) });
      await open(file);
      return { opened: true };
    },

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
