import type { GridApi } from 'ag-grid-community';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/i18n';
import { attempt } from '../api/client';
import { errorText } from '../i18n';
import { rowsToDelete, slices, splitSeen, type Seen } from './logic/seen';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/** How many ids one `ties:list` call checks (main's bound on `ids`). */
const IDS_PER_CALL = 5000;

/**
 * Deletes the selected rows (after the user confirms) or, while the grid shows deleted rows,
 * restores them, in one command. A ticked row that a search or filter hides is only deleted
 * if the user includes it: the confirmation names the rows in sight and counts the others.
 */
export function useDeleteRestore<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  report,
  changed,
  clearSelection,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  report: Report;
  changed: () => void;
  clearSelection: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<Seen<R> | null>(null);

  /** Which ticked rows the grid shows now: a paged grid asks main under the same view. */
  const seen = async (ticked: readonly R[]): Promise<Seen<R>> => {
    const grid = api.current;
    if (!data.server) {
      const shown = new Set<string>();
      grid?.forEachNodeAfterFilter((n) => (n.data ? shown.add(n.data.id) : undefined));
      return splitSeen(ticked, shown);
    }
    const view = data.currentView();
    if (Object.keys(view.filter).length === 0 && view.quick.trim() === '')
      return { visible: ticked, hidden: [] };
    const shown = new Set<string>();
    for (const ids of slices(
      ticked.map((r) => r.id),
      IDS_PER_CALL,
    )) {
      const page = await spec.query?.({ ...view, ids, offset: 0, limit: ids.length });
      for (const r of page?.rows ?? []) shown.add(r.id);
    }
    return splitSeen(ticked, shown);
  };

  const apply = async (rows: readonly R[]) => {
    setConfirming(null);
    if (rows.length === 0) return;
    // The rows as they are now (an edit since selecting them moved their versions on), in one
    // command: one Ctrl+Z brings them all back.
    const now = new Map((api.current?.getSelectedRows() ?? []).map((r) => [r.id, r]));
    const current = rows.map((r) => now.get(r.id) ?? r);
    const result = await attempt('grid:delete', {
      grid: spec.name,
      rows: current.map((r) => ({ id: r.id, version: r.version })),
      deleted: !data.showDeleted,
    });
    if (!result.ok) report('error', t('grid.refused', { message: errorText(result.error, lang) }));
    else if (!data.server) api.current?.applyTransaction({ remove: current });
    // Rows left out (hidden, not included) stay ticked; the ones just moved are not (a paged
    // grid keeps selections by id across reloads, so they are unticked one by one).
    const moved = new Set(current.map((r) => r.id));
    const nodes = api.current?.getSelectedNodes() ?? [];
    for (const n of nodes) if (n.data && moved.has(n.data.id)) n.setSelected(false);
    if (data.server) api.current?.purgeInfiniteCache();
    if (nodes.every((n) => n.data && moved.has(n.data.id))) clearSelection();
    changed();
  };

  const start = async () => {
    const ticked = api.current?.getSelectedRows() ?? [];
    if (ticked.length === 0) return;
    if (data.showDeleted) return apply(ticked);
    setConfirming(await seen(ticked));
  };

  return {
    confirming,
    /** The toolbar's button: restore at once, or ask before deleting. */
    start: () => void start(),
    confirm: (includeHidden: boolean) =>
      confirming ? void apply(rowsToDelete(confirming, includeHidden)) : undefined,
    cancel: () => setConfirming(null),
  };
}
