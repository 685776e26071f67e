import { readFile } from 'node:fs/promises';
import { withDeletedBy } from '../core/trash';
import path from 'node:path';
import { getLetter, getLetterRow, listLetters } from '../../db/letters.repository';
import type { Executor } from '../../db/schema';
import type { ParsedInputOf } from '../../shared/ipc/contract';
import type { ScanFile } from '../../shared/ipc/letters';
import type { LetterRow, Page } from '../../shared/model';
import type { CallContext } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { mimeOfScan, openableScan, readScan, refusedScan } from './scans';
import { inWriteTransaction, type ServiceDeps } from '../core/transaction';
import { patchVersioned, setDeleted } from '../core/versioned.write';
import { attachIn, createLetterIn, LETTER_TARGET, updateLetterIn } from './letters.write';

export function createLettersService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<LetterRow> {
    const found = await getLetterRow(db, id);
    if (!found) throw notFound('letter', id);
    return found;
  }
  /** Soft delete (`deleted`) or restore: one write, two verbs at the door. */
  const deleteOrRestore = (
    input: { id: string; version: number },
    deleted: boolean,
    ctx: CallContext,
  ) =>
    inWriteTransaction(
      deps,
      ctx,
      async (env) => {
        await setDeleted(env, LETTER_TARGET, input.id, input.version, deleted);
        return row(env.trx, input.id);
      },
      {
        scope: 'letters',
        label: deleted ? 'undo.delete' : 'undo.restore',
        params: (row: LetterRow) => ({ target: row.title }),
      },
    );

  return {
    async list(input: ParsedInputOf<'letters:list'>): Promise<Page<LetterRow>> {
      const rows = await listLetters(deps.db, input);
      return withDeletedBy(deps.db, 'letter', { rows, total: rows.length });
    },
    get: (input: ParsedInputOf<'letters:get'>) => row(deps.db, input.id),
    create: (input: ParsedInputOf<'letters:create'>, ctx: CallContext) =>
      inWriteTransaction(deps, ctx, async (env) => row(env.trx, await createLetterIn(env, input)), {
        scope: 'letters',
        label: 'undo.create',
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
          label: 'undo.update',
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
        { scope: 'letters', label: 'undo.attach', params: { target: input.name } },
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
        { scope: 'letters', label: 'undo.attach', params: { target: path.basename(file) } },
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
        { scope: 'letters', label: 'undo.detach', params: {} },
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

    remove: (input: { id: string; version: number }, ctx: CallContext) =>
      deleteOrRestore(input, true, ctx),

    restore: (input: { id: string; version: number }, ctx: CallContext) =>
      deleteOrRestore(input, false, ctx),
  };
}
