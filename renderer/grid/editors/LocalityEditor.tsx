import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { LocalityRow } from '../../../shared/model';

/**
 * Our locality in a cell, offered from the registry's localities (any other name is still
 * typed, and main answers it as it would in a paste).
 */
export function LocalityEditor(
  props: CustomCellEditorProps & { localities: readonly LocalityRow[] },
) {
  const listId = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() =>
    props.eventKey && props.eventKey.length === 1
      ? props.eventKey
      : String(props.initialValue ?? ''),
  );
  useEffect(() => {
    ref.current?.focus();
    if (!(props.eventKey && props.eventKey.length === 1)) ref.current?.select();
  }, [props.eventKey]);
  return (
    <>
      <input
        ref={ref}
        className="cell-editor"
        list={listId}
        aria-label={props.colDef.headerName}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onValueChange(e.target.value);
        }}
      />
      <datalist id={listId}>
        {props.localities.map((l) => (
          <option key={l.id} value={l.name}>
            {[l.name_zh, l.name_en].filter((n) => n && n !== l.name).join(' · ')}
          </option>
        ))}
      </datalist>
    </>
  );
}
