import type { ColDef, GridState, StateUpdatedEvent } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import { ChecklistFilter } from './filters/ChecklistFilter';
import { keptKey, keptState, restoredState } from './logic/persisted';
import type { GridName } from '../../shared/ipc/grid';

/**
 * A grid's arrangement and column filters, kept in this window's storage so a reload (or the
 * next start) shows the grid as the user left it, as Excel keeps a sheet's filters.
 */
export function useKeptState<R>(grid: GridName, columns: readonly ColDef<R>[]) {
  const [initialState] = useState<GridState | undefined>(() => {
    const checklists = new Set(
      columns.filter((c) => c.filter === ChecklistFilter).map((c) => c.colId ?? ''),
    );
    return restoredState(localStorage.getItem(keptKey(grid)), checklists) as GridState | undefined;
  });
  const last = useRef<string | null>(null);
  const onStateUpdated = useCallback(
    (e: StateUpdatedEvent) => {
      const kept = keptState(e.state as Record<string, unknown>);
      const text = kept ? JSON.stringify(kept) : null;
      // The event comes with every scroll and focus; write only what changed.
      if (text === last.current) return;
      last.current = text;
      if (text === null) localStorage.removeItem(keptKey(grid));
      else localStorage.setItem(keptKey(grid), text);
    },
    [grid],
  );
  return { initialState, onStateUpdated };
}
