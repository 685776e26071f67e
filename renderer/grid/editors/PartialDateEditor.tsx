import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n';
import { dateHint } from './dateHint';

/**
 * A typed cell editor: it hands the grid the text or value the user chose; main converts and
 * validates it, so the rules live in one place and a refusal comes back with its reason.
 */
export function PartialDateEditor(props: CustomCellEditorProps & { lang: Lang }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => initialText(props));
  useEffect(() => {
    ref.current?.focus();
    if (props.eventKey && props.eventKey.length === 1) ref.current?.setSelectionRange(1, 1);
    else ref.current?.select();
  }, [props.eventKey]);
  const hint = dateHint(text, props.lang);
  return (
    <div className="cell-editor-wrap">
      <input
        ref={ref}
        className={`cell-editor${hint && !hint.ok ? ' invalid' : ''}`}
        aria-label={props.colDef.headerName}
        aria-invalid={hint ? !hint.ok : undefined}
        title={hint?.text ?? t('dateInput.hint')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onValueChange(e.target.value);
        }}
      />
    </div>
  );
}

/** Typing into a cell starts the editor with that key, as in Excel. */
function initialText(props: CustomCellEditorProps): string {
  if (props.eventKey && props.eventKey.length === 1) return props.eventKey;
  return props.value === null || props.value === undefined ? '' : String(props.value);
}
