import { z } from 'zod';
import { id } from '../schemas';
import { command, query } from './channel';

/** One command of the log, as the undo list shows it. */
export interface UndoEntry {
  readonly id: string;
  readonly scope: string;
  /** An i18n key (`undo.update`, …) worded with `params`. */
  readonly label: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly actor: string;
  readonly at: string;
  readonly undone_at: string | null;
  readonly undone_by: string | null;
}

export interface UndoResult {
  readonly command: UndoEntry;
  /** The records the undo or redo changed, so open grids can refresh them. */
  readonly touched: readonly { readonly entity: string; readonly id: string }[];
}

const scope = z.string().min(1).max(40);
/** Undo or redo a named command, or the latest one of this user in a scope. */
const target = z
  .strictObject({ id: id.optional(), scope: scope.optional() })
  .refine((v) => v.id !== undefined || v.scope !== undefined, {
    message: 'errors.validation.invalid',
  });

export const undoChannels = {
  'undo:list': query(
    z.strictObject({
      scope: scope.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
  ).returns<UndoEntry[]>(),
  'undo:undo': command(target).returns<UndoResult>(),
  'undo:redo': command(target).returns<UndoResult>(),
};
