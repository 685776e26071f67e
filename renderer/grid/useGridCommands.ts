import type { GridApi } from 'ag-grid-community';
import { useEffect, useEffectEvent, type KeyboardEvent, type RefObject } from 'react';
import { gridKeyCommand, type PageCommand } from '../../shared/commands';
import { takeDeferred, typingInField, useCommands } from '../desktop/commands';
import type { GridRow } from './spec';

/** The commands a grid answers; Import and Export are its toolbar's (renderer/interchange). */
export const GRID_OWN_COMMANDS: readonly PageCommand[] = ['undo', 'redo', 'fillDown', 'find'];

/**
 * The menu's commands (native or in-app) and the grid's keys act on this grid while it is in
 * front; one the app deferred while opening the screen runs once the grid is ready.
 */
export function useGridCommands<R extends GridRow>({
  api,
  range,
  selectAll,
  ready,
  undoRedo,
  fillDown,
  searchBox,
  resetLayout,
}: {
  api: RefObject<GridApi<R> | null>;
  /** The cell range's own keys (shift+arrows, Ctrl+D, Delete, Ctrl+Home/End) come first. */
  range: { onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => boolean };
  selectAll: () => Promise<void> | void;
  ready: boolean;
  undoRedo: (direction: 'undo' | 'redo') => Promise<void>;
  fillDown: () => Promise<void>;
  searchBox: RefObject<HTMLInputElement | null>;
  resetLayout: () => void;
}) {
  const command = (c: PageCommand): boolean => {
    switch (c) {
      case 'undo':
      case 'redo':
        if (typingInField()) return false;
        void undoRedo(c);
        return true;
      case 'fillDown':
        void fillDown();
        return true;
      case 'find':
        searchBox.current?.focus();
        searchBox.current?.select();
        return true;
      case 'layout:reset':
        resetLayout();
        return true;
      default:
        return false;
    }
  };
  useCommands(command);
  const onReady = useEffectEvent(() => {
    const deferred = takeDeferred(GRID_OWN_COMMANDS);
    if (deferred) command(deferred);
  });
  useEffect(() => {
    if (!ready) return undefined;
    const soon = setTimeout(() => onReady(), 0);
    return () => clearTimeout(soon);
  }, [ready]);

  /**
   * The range's keys and Ctrl+A first, then the same keys as the menu's accelerators, handled
   * here first so the menu does not too.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (range.onKeyDown(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const editing = (api.current?.getEditingCells().length ?? 0) > 0;
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'a' && !editing) {
      event.preventDefault();
      event.stopPropagation();
      void selectAll();
      return;
    }
    if (editing) return;
    const key = gridKeyCommand(event);
    if (!key) return;
    event.preventDefault();
    if (key === 'fillDown') void fillDown();
    else void undoRedo(key);
  };

  return { onKeyDown };
}
