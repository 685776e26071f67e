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
  /** The label worded in the caller's language, columns by their labels. */
  readonly text: string;
  /** Who made the change. */
  readonly actor: string;
  readonly at: string;
  readonly undone_at: string | null;
  readonly undone_by: string | null;
  /**
   * Off its user's undo or redo stack: `superseded` (undone, then a new change: it cannot be
   * redone) or `changedSince` (it could no longer be replayed and Ctrl+Z or Ctrl+Y passed it).
   */
  readonly dropped: 'superseded' | 'changedSince' | null;
}

/** A command Ctrl+Z or Ctrl+Y stepped past, and why, said once. */
export interface UndoSkipped {
  readonly command: UndoEntry;
  /** The refusal it met (`errors.undo.changedSince`, `errors.tie.duplicate`, …). */
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The sentence to show, in the caller's language. */
  readonly message: string;
}

export interface UndoResult {
  /** What was undone or redone; null when every command left on the stack was skipped. */
  readonly command: UndoEntry | null;
  /** The records the undo or redo changed, so open grids can refresh them. */
  readonly touched: readonly { readonly entity: string; readonly id: string }[];
  readonly skipped: readonly UndoSkipped[];
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
