import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';
import { enumLabel, valuesOf, type VocabularyName } from '../../../shared/enums';
import type { Lang } from '../../../shared/i18n';
import { typedEnum } from '../logic/typed';
import { TYPED_MORE, TYPED_TEXT } from '../useTypeToEdit';

/** How long a pause ends a typed word (as a native list's type-ahead does). */
const TYPING_PAUSE_MS = 1000;

/**
 * A typed cell editor: it hands the grid the text or value the user chose; main converts and
 * validates it, so the rules live in one place and a refusal comes back with its reason.
 * Typing picks a value by its code, label or alias in either language (“市级”, “city”).
 */
export function EnumEditor(
  props: CustomCellEditorProps & { vocabulary: VocabularyName; lang: Lang },
) {
  const ref = useRef<HTMLSelectElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const { vocabulary, onValueChange, eventKey } = props;
  useEffect(() => {
    const select = ref.current;
    if (!select) return undefined;
    const choose = (text: string) => {
      typed.current = { text, at: Date.now() };
      const value = typedEnum(vocabulary, text);
      if (value) onValueChange(value);
    };
    // The key that opened the editor is the first letter typed.
    if (eventKey && eventKey.length === 1) choose(eventKey);
    // Text typed before the editor opened (a word, an input method's composition), and keys
    // typed after the opening key but before the focus came here: heard before the focus is
    // taken, since that is when the keys that waited for it are handed over.
    const onTyped = (event: Event) => {
      if (!(event instanceof CustomEvent) || typeof event.detail !== 'string') return;
      event.preventDefault();
      choose(event.type === TYPED_MORE ? typed.current.text + event.detail : event.detail);
    };
    select.addEventListener(TYPED_TEXT, onTyped);
    select.addEventListener(TYPED_MORE, onTyped);
    select.focus();
    return () => {
      select.removeEventListener(TYPED_TEXT, onTyped);
      select.removeEventListener(TYPED_MORE, onTyped);
    };
  }, [eventKey, vocabulary, onValueChange]);
  return (
    <select
      ref={ref}
      className="cell-editor"
      aria-label={props.colDef.headerName}
      value={String(props.value ?? '')}
      onChange={(e) => onValueChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        const now = Date.now();
        const text = (now - typed.current.at < TYPING_PAUSE_MS ? typed.current.text : '') + e.key;
        typed.current = { text, at: now };
        const value = typedEnum(vocabulary, text);
        // The native type-ahead reads the UI language's labels only; this reads every name.
        e.preventDefault();
        if (value) onValueChange(value);
      }}
    >
      {valuesOf(props.vocabulary).map((v) => (
        <option key={v} value={v}>
          {enumLabel(props.vocabulary, v, props.lang)}
        </option>
      ))}
    </select>
  );
}
