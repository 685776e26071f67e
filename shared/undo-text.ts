import { formatMessage, type Lang } from './i18n';
import { columnLabelKey } from './grids';
import type { UndoEntry, UndoSkipped } from './ipc/undo';

/**
 * An undo entry worded in `lang`: its label with its params, a bulk edit's column by its label
 * in that grid ("Set Kind on 3 rows"), never its code. Main words `text` for the CLI; the
 * renderer words it again in the language it shows.
 */
export function undoText(entry: Pick<UndoEntry, 'label' | 'params' | 'scope'>, lang: Lang): string {
  const { params } = entry;
  const columnKey =
    typeof params.column === 'string' ? columnLabelKey(entry.scope, params.column) : null;
  return formatMessage(
    entry.label,
    {
      ...params,
      count: Number(params.count ?? 1),
      ...(columnKey ? { column: formatMessage(columnKey, {}, lang) } : {}),
    },
    lang,
  );
}

/** Why Ctrl+Z or Ctrl+Y stepped past a command, worded in `lang`. */
export function skippedText(
  skipped: Pick<UndoSkipped, 'command' | 'key' | 'params'>,
  direction: 'undo' | 'redo',
  lang: Lang,
): string {
  return formatMessage(
    direction === 'redo' ? 'errors.undo.skippedRedo' : 'errors.undo.skipped',
    {
      label: undoText(skipped.command, lang),
      // Not the whole refusal ("… so nothing was undone"): the one below it was tried.
      reason: formatMessage(
        skipped.key === 'errors.undo.changedSince' ? 'errors.undo.changedSinceReason' : skipped.key,
        skipped.params,
        lang,
      ),
    },
    lang,
  );
}
