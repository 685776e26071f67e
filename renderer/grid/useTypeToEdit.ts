import type { GridApi } from 'ag-grid-community';
import { useEffect, type RefObject } from 'react';
import { SELECTION_COLUMN } from './logic/clipboard';
import type { GridRow } from './spec';

/** How many frames a typed text waits for its cell's editor to open (React editors render late). */
const EDITOR_WAIT_FRAMES = 30;

/**
 * Typing into a selected cell opens its editor with what was typed, an input method's text
 * included. AG Grid opens the editor on a printable key itself; an input method (Pinyin, Wubi)
 * sends no such key (keydown 229, then composition events), and a browser only runs one in an
 * editable element. So the focused cell is made editable as plain text while it has the
 * focus: the composition runs in it, and once it ends its text is moved into the cell's
 * editor and the cell drawn again. Nothing the browser would type into the cell itself is
 * let through.
 */
export function useTypeToEdit<R extends GridRow>({
  api,
  host,
  ready,
  editable,
}: {
  api: RefObject<GridApi<R> | null>;
  host: RefObject<HTMLDivElement | null>;
  /** The grid is on screen (a client-side grid shows a loading line first). */
  ready: boolean;
  /** The grid's cells open an editor (not the deleted rows, nor a viewer's). */
  editable: boolean;
}) {
  useEffect(() => {
    const root = host.current;
    if (!root || !ready || !editable) return undefined;
    let composing: HTMLElement | null = null;
    let before: Node[] = [];

    const cellOf = (target: EventTarget | null): HTMLElement | null =>
      target instanceof HTMLElement && target.classList.contains('ag-cell') ? target : null;
    const positionOf = (cell: HTMLElement) => {
      const col = cell.getAttribute('col-id');
      const row = cell.closest('.ag-row');
      const pinned = row?.closest('.ag-grid-pinned-bottom-rows') ? 'bottom' : null;
      const focused = api.current?.getFocusedCell();
      // The row index is the focused cell's: AG Grid knows it for the blank row too.
      if (!col || !focused || focused.column.getColId() !== col) return null;
      return { rowIndex: focused.rowIndex, colKey: col, rowPinned: pinned } as const;
    };
    const cellEditable = (cell: HTMLElement) => {
      const col = cell.getAttribute('col-id');
      if (!col || col === SELECTION_COLUMN) return false;
      return api.current?.getColumn(col)?.getColDef().editable !== false;
    };

    const editingAt = (at: CellAt) =>
      (api.current?.getEditingCells() ?? []).some(
        (c) =>
          c.rowIndex === at.rowIndex &&
          c.column?.getColId() === at.colKey &&
          (c.rowPinned ?? null) === at.rowPinned,
      );

    const onFocusIn = (event: FocusEvent) => {
      const cell = cellOf(event.target);
      if (!cell || !cellEditable(cell)) return;
      cell.setAttribute('contenteditable', 'plaintext-only');
      cell.setAttribute('spellcheck', 'false');
      cell.setAttribute('autocapitalize', 'off');
    };
    const onFocusOut = (event: FocusEvent) => {
      const cell = cellOf(event.target);
      if (cell && cell !== composing) cell.removeAttribute('contenteditable');
    };

    // Text typed while the editor opens (React's editors render a frame later) waits here,
    // with an Enter or Tab pressed meanwhile: both go to that cell's editor once it is open.
    let opening: Opening | null = null;

    /** Opens the cell's editor and puts the text in it, the caret after it. */
    const edit = (cell: HTMLElement, text: string) => {
      if (!text) return;
      if (opening) {
        opening.text += text;
        return;
      }
      const at = positionOf(cell);
      cell.removeAttribute('contenteditable');
      const grid = api.current;
      if (!at || !grid) return;
      // Drawn again first: what the composition left in the cell goes.
      for (const node of [...cell.childNodes]) if (!before.includes(node)) node.remove();
      const node = at.rowPinned
        ? grid.getPinnedBottomRow(at.rowIndex)
        : grid.getDisplayedRowAtIndex(at.rowIndex);
      if (node) grid.refreshCells({ rowNodes: [node], columns: [at.colKey], force: true });
      // One character starts the editor the way a key does; longer text is put in once open.
      const first = text.length === 1 ? text : '';
      const started: Opening = { at, text, first, key: null, done: false };
      opening = started;
      grid.startEditingCell({ ...at, key: first || undefined });
      whenEditorOpen(root, EDITOR_WAIT_FRAMES, (editor) => deliver(started, editor));
    };

    /**
     * Puts an opening's text into its cell's editor, once, as the editor takes the focus (or
     * at the latest check): only that cell's editor, so text never lands in another cell the
     * user has moved on to. An Enter or Tab pressed meanwhile follows a frame later, once the
     * editor has taken the text (a list's match).
     */
    const deliver = (started: Opening, editor: Editor | null) => {
      if (started.done) return;
      started.done = true;
      if (opening === started) opening = null;
      if (!editor || !editingAt(started.at)) return;
      if (started.text !== started.first) putText(editor, started.text);
      const key = started.key;
      if (key) pressLater(editor, key);
    };

    const onCompositionStart = (event: CompositionEvent) => {
      const cell = cellOf(event.target);
      if (!cell) return;
      composing = cell;
      before = [...cell.childNodes];
    };
    const onCompositionEnd = (event: CompositionEvent) => {
      const cell = composing ?? cellOf(event.target);
      composing = null;
      if (cell) edit(cell, event.data);
    };
    // Keys typed after AG Grid opened the editor on the first one, while the editor (drawn a
    // frame later) does not have the focus yet: they reach the cell and wait here, then go
    // into the editor where its caret is the moment it takes the focus ("Japan", not "Jpan").
    // Enter or Tab pressed meanwhile waits too, and then commits what was typed.
    const early: { text: string; key: KeyPress | null } = {
      text: '',
      key: null,
    };
    // A key AG Grid opened the editor with (it keeps the key's input from the cell).
    let opener: string | null = null;
    let waiting = false;
    const editingHere = (cell: HTMLElement) => {
      const at = positionOf(cell);
      return at !== null && editingAt(at);
    };
    const flushEarly = (editor: Editor | null) => {
      const { text, key } = early;
      early.text = '';
      early.key = null;
      opener = null;
      waiting = false;
      if (!editor) return;
      if (text) insertText(editor, text);
      // A frame later: the editor has drawn what the text chose (a list's first match).
      if (key) pressLater(editor, key);
    };
    const waitForEditor = () => {
      if (waiting) return;
      waiting = true;
      whenEditorOpen(root, EDITOR_WAIT_FRAMES, (editor) => {
        if (waiting) flushEarly(editor);
      });
    };
    const onEditorFocus = (event: FocusEvent) => {
      if (!(event.target instanceof Element) || !event.target.matches(EDITOR)) return;
      if (opening) deliver(opening, event.target as Editor);
      flushEarly(event.target as Editor);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (opening && (event.key === 'Enter' || event.key === 'Tab')) {
        // The composed text is not in the editor yet: AG Grid would close it empty.
        event.preventDefault();
        event.stopImmediatePropagation();
        opening.key = { key: event.key, shiftKey: event.shiftKey };
        return;
      }
      const cell = cellOf(event.target);
      if (!cell) return;
      const editing = editingHere(cell);
      if (editing && (event.key === 'Enter' || event.key === 'Tab') && (opener || early.text)) {
        // Before AG Grid hears it: it would close the editor before the text is in it.
        event.preventDefault();
        event.stopImmediatePropagation();
        early.key = { key: event.key, shiftKey: event.shiftKey };
        waitForEditor();
      } else if (event.key === 'Escape') {
        early.text = '';
        early.key = null;
        opener = null;
      } else if (event.key.length === 1 && !editing && cellEditable(cell)) opener = event.key;
    };

    const onBeforeInput = (event: InputEvent) => {
      const cell = cellOf(event.target);
      if (!cell || composing) return;
      // The composition's own input is let through: it is cleared when it ends.
      if (event.inputType === 'insertCompositionText') return;
      event.preventDefault();
      // Text committed without a composition (some input methods, dictation).
      if (event.inputType === 'insertText' && event.data) {
        if (!opening && editingHere(cell)) {
          early.text += event.data;
          waitForEditor();
          return;
        }
        opener = null;
        before = [...cell.childNodes];
        edit(cell, event.data);
      }
    };

    root.addEventListener('focusin', onFocusIn);
    root.addEventListener('focusout', onFocusOut);
    root.addEventListener('compositionstart', onCompositionStart);
    root.addEventListener('compositionend', onCompositionEnd);
    root.addEventListener('beforeinput', onBeforeInput);
    // Before AG Grid's own listener: it opens the editor on this key.
    root.addEventListener('keydown', onKeyDown, true);
    // A popup editor is drawn outside the grid: its focus is heard on the document.
    document.addEventListener('focusin', onEditorFocus, true);
    return () => {
      document.removeEventListener('focusin', onEditorFocus, true);
      root.removeEventListener('focusin', onFocusIn);
      root.removeEventListener('focusout', onFocusOut);
      root.removeEventListener('compositionstart', onCompositionStart);
      root.removeEventListener('compositionend', onCompositionEnd);
      root.removeEventListener('beforeinput', onBeforeInput);
      root.removeEventListener('keydown', onKeyDown, true);
      root.querySelectorAll('.ag-cell[contenteditable]').forEach((c) => {
        c.removeAttribute('contenteditable');
      });
    };
  }, [api, host, ready, editable]);
}

const EDITOR = [
  '.ag-cell-inline-editing input',
  '.ag-cell-inline-editing textarea',
  '.ag-cell-inline-editing select',
  '.ag-popup-editor input',
  '.ag-popup-editor textarea',
].join(', ');

/** The event a list editor hears with text typed before it opened (a cancelled one took it). */
export const TYPED_TEXT = 'youcheng:typed-text';
/** The event a list editor hears with keys typed after its opening key, before it had the focus. */
export const TYPED_MORE = 'youcheng:typed-more';

type Editor = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** An Enter or Tab held back until the editor has the text typed before it. */
interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
}

/** Presses a held-back key in the editor a frame later, once it has drawn its text. */
function pressLater(editor: Editor, key: KeyPress): void {
  requestAnimationFrame(() =>
    editor.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true })),
  );
}

/** Text on its way into a cell's editor, with the Enter or Tab pressed before it arrived. */
interface Opening {
  readonly at: CellAt;
  text: string;
  readonly first: string;
  key: KeyPress | null;
  /** Delivered, or given up. */
  done: boolean;
}

/** A cell as AG Grid's editing calls name it. */
interface CellAt {
  readonly rowIndex: number;
  readonly colKey: string;
  readonly rowPinned: 'bottom' | null;
}

/** Calls back with the cell's editor once it is open and focused, or null if it never is. */
function whenEditorOpen(root: HTMLElement, frames: number, then: (e: Editor | null) => void) {
  const editor = root.querySelector<Editor>(EDITOR) ?? document.querySelector<Editor>(EDITOR);
  if (editor && document.activeElement === editor) return then(editor);
  if (frames <= 0) return then(null);
  requestAnimationFrame(() => whenEditorOpen(root, frames - 1, then));
}

/** Types text into the open editor at its caret (over its selection), as keys would. */
function insertText(editor: Editor, text: string): void {
  if (editor instanceof HTMLSelectElement) {
    // A list editor that reads every name of its values adds the keys to its typed word.
    const heard = new CustomEvent(TYPED_MORE, { detail: text, cancelable: true });
    if (editor.dispatchEvent(heard)) putText(editor, text);
    return;
  }
  const start = editor.selectionStart ?? editor.value.length;
  const end = editor.selectionEnd ?? start;
  editor.setRangeText(text, start, end, 'end');
  // React's editors hear the input event; the value it reads is the one just set.
  editor.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Sets the open editor's text as if typed (React's editors hear the input event); a list
 * editor chooses the entry whose code or label is the text.
 */
function putText(editor: Editor, text: string): void {
  if (editor instanceof HTMLSelectElement) {
    // A list editor that reads every name of its values (EnumEditor) takes the text itself.
    const heard = new CustomEvent(TYPED_TEXT, { detail: text, cancelable: true });
    if (!editor.dispatchEvent(heard)) return;
    const wanted = text.trim().toLowerCase();
    const option = [...editor.options].find(
      (o) => o.value.toLowerCase() === wanted || o.text.trim().toLowerCase() === wanted,
    );
    if (option) {
      editor.value = option.value;
      editor.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return;
  }
  const proto = editor instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement;
  Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set?.call(editor, text);
  editor.dispatchEvent(new Event('input', { bubbles: true }));
  editor.setSelectionRange(text.length, text.length);
  // An editor that selects its text once shown would select over the caret: put it back.
  requestAnimationFrame(() => editor.setSelectionRange(text.length, text.length));
}
