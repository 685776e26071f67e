import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import type { GridName } from '../../shared/ipc/grid';
import type { Change } from '../../shared/ipc/staff';
import type { WireResult } from '../../shared/result';
import { attempt } from '../api/client';
import { ENTITY_OF } from './logic/rows';

/** How often an open grid asks main what changed: another client's edit shows within it. */
export const POLL_MS = 1000;
/**
 * Each poll reads this many sequence numbers back from its cursor, and skips those it saw. On
 * PostgreSQL a transaction can commit after one with a later number (sequences are handed out
 * at insert, not at commit); looking back catches such a late row on the next poll.
 */
const LOOK_BACK = 64;

/**
 * Calls `onChanges` with the registry's changes since the grid opened, once a second: from any
 * client, through the append-only audit log (`changes:since`), on SQLite and PostgreSQL alike.
 * `reload` is true when more changed than one answer carries.
 */
export function useChanges(onChanges: (changes: readonly Change[], reload: boolean) => void) {
  const latest = useRef(onChanges);
  useEffect(() => {
    latest.current = onChanges;
  });

  useEffect(() => {
    let live = true;
    let cursor: number | null = null;
    // Changes up to the grid's opening are in the rows it loaded.
    let floor = Infinity;
    const seen = new Set<number>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const tick = async () => {
      const since = cursor === null ? null : Math.max(0, cursor - LOOK_BACK);
      const result = await attempt('changes:since', { since });
      if (!live) return;
      if (result.ok) {
        const first = cursor === null;
        if (first) floor = result.value.cursor;
        const fresh = result.value.changes.filter((c) => c.seq > floor && !seen.has(c.seq));
        for (const c of fresh) seen.add(c.seq);
        cursor = Math.max(cursor ?? 0, result.value.cursor);
        for (const seq of seen) if (seq <= cursor - LOOK_BACK) seen.delete(seq);
        if (!first && (fresh.length > 0 || result.value.truncated))
          latest.current(fresh, result.value.truncated);
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, []);
}

/** Entities whose change can show in any row (names of localities and partners): reload. */
const EVERYWHERE = new Set(['locality', 'partner']);

interface LiveGrid<R extends { id: string; version: number; deleted_at: string | null }> {
  readonly api: { readonly current: GridApi<R> | null };
  readonly name: GridName;
  /** A paged grid (infinite row model) or every row at once (client-side model). */
  readonly server: boolean;
  readonly showingDeleted: () => boolean;
  /** Rows holding a value main refused: the user's edit in progress, never overwritten. */
  readonly kept: () => ReadonlySet<string>;
  get(id: string): Promise<WireResult<R>>;
}

/**
 * Keeps an open grid up to date with other clients' changes without losing the local user's
 * edit: a row with a cell editor open, or holding a refused value, is left alone until the edit
 * ends (its turn comes on a later poll). Changed rows are read again one by one and replaced if
 * main has a newer version; a paged grid reloads its blocks only when no cell is being edited.
 */
export function useLiveRefresh<
  R extends { id: string; version: number; deleted_at: string | null },
>(grid: LiveGrid<R>) {
  const waiting = useRef(new Set<string>());
  const reloadDue = useRef(false);
  const apply = async (api: GridApi<R>) => {
    const editing = new Set(
      api
        .getEditingCells()
        .map((cell) => api.getDisplayedRowAtIndex(cell.rowIndex)?.data?.id)
        .filter((id): id is string => id !== undefined),
    );
    if (reloadDue.current && editing.size === 0) {
      reloadDue.current = false;
      waiting.current.clear();
      if (grid.server) api.refreshInfiniteCache();
      else api.forEachNode((node) => (node.data ? waiting.current.add(node.data.id) : undefined));
      if (grid.server) return;
    }
    const kept = grid.kept();
    let structural = false;
    for (const id of [...waiting.current]) {
      if (editing.has(id) || kept.has(id)) continue;
      waiting.current.delete(id);
      const result = await grid.get(id);
      if (!result.ok) continue;
      const row = result.value;
      const node = api.getRowNode(id);
      const hidden = (row.deleted_at !== null) !== grid.showingDeleted();
      if (node?.data && node.data.version >= row.version) continue;
      // The editor may have opened on this row while it was being read.
      if (
        api.getEditingCells().some((c) => api.getDisplayedRowAtIndex(c.rowIndex)?.data?.id === id)
      ) {
        waiting.current.add(id);
        continue;
      }
      if (grid.server) {
        if (node && !hidden) {
          node.setData(row);
          api.flashCells({ rowNodes: [node] });
        } else if (node || (row.version === 1 && !hidden)) structural = true;
        // Otherwise the row is not loaded here (another page of the grid, or its blocks are
        // loading now): it is read fresh when it is shown.
      } else if (node) {
        api.applyTransaction(hidden ? { remove: [row] } : { update: [row] });
        if (!hidden) api.flashCells({ rowNodes: [node] });
      } else if (!hidden) api.applyTransaction({ add: [row] });
    }
    if (structural) {
      if (api.getEditingCells().length === 0) api.refreshInfiniteCache();
      else reloadDue.current = true;
    }
  };

  useChanges((changes, truncated) => {
    const api = grid.api.current;
    if (!api) return;
    const entity = ENTITY_OF[grid.name];
    for (const c of changes) if (c.entity === entity) waiting.current.add(c.id);
    if (truncated || changes.some((c) => EVERYWHERE.has(c.entity))) reloadDue.current = true;
    void apply(api);
  });
}
