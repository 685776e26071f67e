import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { warningTexts } from '../components/warnings';
import { errorText } from '../i18n';
import type { CellError, GridContext } from './columns';
import { cellKey, keptRowIds, keptText, parseCellKey, shouldSave } from './logic/cells';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * Saves an edited cell through main. A value main refuses stays in its cell, marked, with the
 * reason as its tooltip (the grid's context holds them), until it is corrected, applied again
 * or dropped by an undo; a conflict shows the colleague's row and keeps the user's value.
 */
export function useCellSave<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  report,
  changed,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  report: Report;
  changed: () => void;
}) {
  const { t } = useTranslation();
  // How many refused values the cells are holding; the status bar offers to apply them again.
  const [kept, setKept] = useState(0);
  const context = useMemo<GridContext>(
    () => ({
      errors: new Map<string, CellError>(),
      rowChanged: (row) => {
        api.current?.applyTransaction({ update: [row as R] });
        changed();
      },
    }),
    [api, changed],
  );
  // Saves on their way to main: a fill down waits for them, so it fills with what was typed.
  const inFlight = useRef(new Set<Promise<void>>());
  const refused = (message: string) => report('error', t('grid.refused', { message }));

  const save = async (event: CellEditRequestEvent<R>) => {
    const row = event.data;
    const column = event.colDef.colId ?? event.colDef.field;
    if (!row || !column) return;
    const key = cellKey(row.id, column);
    const raw = event.newValue;
    if (!shouldSave(raw, event.oldValue, context.errors.has(key))) return;
    report('saving', t('grid.saving'));
    const result = await spec.update(row, column, raw === undefined ? null : raw);
    if (result.ok) {
      context.errors.delete(key);
      setKept(context.errors.size);
      data.putRow(result.value);
      api.current?.refreshCells({ rowNodes: [event.node], force: true });
      // Saved, and said: what the write accepted with a warning (dates out of their order).
      report('saved', [t('grid.saved'), ...warningTexts(result.value, lang)].join(' '));
      changed();
      return;
    }
    const conflict = result.error.code === 'conflict' && result.error.current;
    if (conflict) data.putRow(result.error.current as R);
    const message = conflict ? t('grid.conflict') : errorText(result.error, lang);
    context.errors.set(key, { value: keptText(raw), message });
    setKept(context.errors.size);
    api.current?.refreshCells({ rowNodes: [event.node], columns: [column], force: true });
    refused(message);
  };

  const onCellEditRequest = (event: CellEditRequestEvent<R>) => {
    const work = save(event);
    inFlight.current.add(work);
    void work.finally(() => inFlight.current.delete(work));
    return work;
  };

  /** Resolves once every cell save started so far has its answer. */
  const settled = async () => {
    await Promise.allSettled([...inFlight.current]);
  };

  /**
   * Sends every kept value again against the rows as they are now: after a conflict, the user
   * has seen the colleague's values and chooses to put theirs back.
   */
  const applyAgain = async () => {
    for (const [key, error] of [...context.errors]) {
      const { rowId, column } = parseCellKey(key);
      const node = api.current?.getRowNode(rowId);
      if (!node?.data) continue;
      const result = await spec.update(node.data, column, error.value);
      if (result.ok) {
        context.errors.delete(key);
        data.putRow(result.value);
        report('saved', t('grid.saved'));
        changed();
      } else {
        const message = errorText(result.error, lang);
        context.errors.set(key, { value: error.value, message });
        refused(message);
      }
      api.current?.refreshCells({ rowNodes: [node], force: true });
    }
    setKept(context.errors.size);
  };

  /** Drops every kept value (an undo or redo has changed the rows under them). */
  const dropKept = () => {
    context.errors.clear();
    setKept(0);
  };

  return {
    context,
    kept,
    applyAgain,
    dropKept,
    /** Some refusals were dropped from the context (Delete on their cells): count again. */
    recount: () => setKept(context.errors.size),
    keptRows: () => keptRowIds(context.errors.keys()),
    onCellEditRequest,
    settled,
  };
}
