import type { GridApi, IRowNode } from 'ag-grid-community';
import { useState, type ClipboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { formatMessage } from '../../shared/i18n';
import { attempt } from '../api/client';
import {
  pasteColumns,
  pasteIssues,
  pasteLineCount,
  SELECTION_COLUMN,
  toTsv,
  type PasteIssue,
} from './logic/clipboard';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/**
 * Paste a block from Excel or WPS at the focused cell (all or nothing, through main, every
 * refused cell listed) and copy the selected rows, or the focused cell, as Excel pastes back.
 */
export function useClipboard<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  headerOf,
  report,
  changed,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  headerOf: (column: string) => string;
  report: Report;
  changed: () => void;
}) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<PasteIssue[] | null>(null);
  // The list's title when it is not a paste's.
  const [issueTitle, setIssueTitle] = useState<string | null>(null);

  const onPaste = async (event: ClipboardEvent<HTMLDivElement>) => {
    const grid = api.current;
    if (!grid || data.showDeleted || grid.getEditingCells().length > 0) return;
    const focused = grid.getFocusedCell();
    if (!focused) return;
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    const columns = pasteColumns(
      grid.getAllDisplayedColumns().map((c) => c.getColId()),
      focused.column.getColId(),
    );
    report('saving', t('grid.saving'));
    // At the blank row every line is a new record, numbered after the rows shown.
    const blank = focused.rowPinned === 'bottom';
    const start = blank ? data.displayed : focused.rowIndex;
    const rows = blank ? [] : await data.rowsFrom(start, pasteLineCount(text));
    const result = await attempt('grid:paste', { grid: spec.name, columns, rows, text });
    if (!result.ok) {
      setIssueTitle(null);
      setIssues(
        pasteIssues(result.error.details ?? [], start, headerOf, (key, params) =>
          formatMessage(key, params, lang),
        ),
      );
      report('error', t('grid.pasteRefused', { count: result.error.details?.length ?? 1 }));
      return;
    }
    setIssues(null);
    report('saved', t('grid.pasted', { count: result.value.cells }));
    await data.refresh([
      ...rows.slice(0, result.value.updated).map((r) => r.id),
      ...result.value.createdIds,
    ]);
    changed();
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    const grid = api.current;
    if (!grid || grid.getEditingCells().length > 0) return;
    const columns = grid.getAllDisplayedColumns().filter((c) => c.getColId() !== SELECTION_COLUMN);
    const text = (node: IRowNode<R>, colId: string) => {
      const col = grid.getColumn(colId);
      if (!col) return '';
      const value = grid.getCellValue({ rowNode: node, colKey: col, useFormatter: true });
      return value === null || value === undefined ? '' : String(value);
    };
    const chosen = data.displayedNodes().filter((n) => n.isSelected());
    let tsv: string;
    if (chosen.length > 0) {
      tsv = toTsv(chosen.map((n) => columns.map((c) => text(n, c.getColId()))));
      report('saved', t('grid.copied', { count: chosen.length }));
    } else {
      const focused = grid.getFocusedCell();
      const node = !focused
        ? undefined
        : focused.rowPinned === 'bottom'
          ? grid.getPinnedBottomRow(focused.rowIndex)
          : grid.getDisplayedRowAtIndex(focused.rowIndex);
      if (!focused || !node) return;
      tsv = toTsv([[text(node, focused.column.getColId())]]);
    }
    event.clipboardData.setData('text/plain', tsv);
    event.preventDefault();
  };

  return {
    onPaste,
    onCopy,
    pasteIssues: issues,
    issueTitle,
    /** Lists the refused cells of another block write (a range filled down or cleared). */
    showIssues: (list: PasteIssue[], title: string) => {
      setIssueTitle(title);
      setIssues(list);
    },
    dismissPasteIssues: () => setIssues(null),
  };
}
