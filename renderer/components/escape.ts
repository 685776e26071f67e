import { useEffect } from 'react';

/**
 * Whether an Escape at `target` is the panel's to take: not while a modal dialog is open
 * (Escape closes that), nor from a cell editor or a grid popup (Escape cancels the edit or
 * closes the filter), nor one something else has already taken.
 */
export function escapeIsOurs(event: {
  key: string;
  defaultPrevented: boolean;
  target: EventTarget | null;
}): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented) return false;
  if (document.querySelector('dialog[open]')) return false;
  const el = event.target instanceof Element ? event.target : null;
  return !el?.closest('.ag-cell-inline-editing, .ag-popup, .ag-popup-editor, [role="combobox"]');
}

/** Escape closes a side panel (the tie's detail), wherever focus is on the page. */
export function useEscapeToClose(onClose: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (escapeIsOurs(e)) onClose();
    };
    // Bubbling: an editor or popup that takes Escape first stops it or cancels it.
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
}
