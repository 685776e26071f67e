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
import type { WriteEnv } from '../core/write-env';

export function createLettersService(deps: ServiceDeps) {
  async function row(db: Executor, id: string): Promise<LetterRow> {
    const found = await getLetterRow(db, id);
    if (!found) throw notFound('letter', id);
    return found;
  }
  return {
    async list(input: ParsedInputOf<'letters:list'>): Promise<Page<LetterRow>> {
      const rows = await listLetters(deps.db, input);
      return withDeletedBy(deps.db, 'letter', { rows, total: rows.length });
    },
    get: (input: ParsedInputOf<'letters:get'>) => row(deps.db, input.id),
    // The write blocks: the door's `write` runs each in its transaction and logs its command.
    createIn: async (env: WriteEnv, input: ParsedInputOf<'letters:create'>) =>
      row(env.trx, await createLetterIn(env, input)),

    async updateIn(env: WriteEnv, input: ParsedInputOf<'letters:update'>): Promise<LetterRow> {
      await updateLetterIn(env, input.id, input.version, input.patch);
      return row(env.trx, input.id);
    },

    async attachUploadIn(
      env: WriteEnv,
      input: ParsedInputOf<'letters:attach'>,
    ): Promise<LetterRow> {
      const bytes = Buffer.from(input.base64, 'base64');
      await attachIn(env, deps, input.id, input.version, input.name, bytes);
      return row(env.trx, input.id);
    },

    /** Picks the file first: the dialog waits for the user, which no transaction may do. */
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
      // Its own transaction: it opens only once the user has picked, as `letters:attach` does.
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

    async detachIn(env: WriteEnv, input: ParsedInputOf<'letters:detach'>): Promise<LetterRow> {
      // The file stays in the folder: undoing the detach brings the scan back.
      await patchVersioned(env, LETTER_TARGET, input.id, input.version, {
        scan_file: null,
        scan_name: null,
      });
      return row(env.trx, input.id);
    },

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

    /** Soft delete (`deleted`) or restore: one write, two verbs at the door. */
    setDeletedIn:
      (deleted: boolean) =>
      async (env: WriteEnv, input: { id: string; version: number }): Promise<LetterRow> => {
        await setDeleted(env, LETTER_TARGET, input.id, input.version, deleted);
        return row(env.trx, input.id);
      },
  };
}
