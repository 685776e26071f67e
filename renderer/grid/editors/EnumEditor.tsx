import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';
import { enumLabel, valuesOf, type VocabularyName } from '../../../shared/enums';
import type { Lang } from '../../../shared/i18n';

/**
 * A typed cell editor: it hands the grid the text or value the user chose; main converts and
 * validates it, so the rules live in one place and a refusal comes back with its reason.
 */
export function EnumEditor(
  props: CustomCellEditorProps & { vocabulary: VocabularyName; lang: Lang },
) {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <select
      ref={ref}
      className="cell-editor"
      aria-label={props.colDef.headerName}
      value={String(props.value ?? '')}
      onChange={(e) => props.onValueChange(e.target.value)}
    >
      {valuesOf(props.vocabulary).map((v) => (
        <option key={v} value={v}>
          {enumLabel(props.vocabulary, v, props.lang)}
        </option>
      ))}
    </select>
  );
}
