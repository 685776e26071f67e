import type { CustomCellEditorProps } from 'ag-grid-react';
import { useState } from 'react';
import type { Lang } from '../../../shared/i18n';
import type { VisitRow } from '../../../shared/model';
import { TiePicker, type PickedTie } from '../../components/TiePicker';

/**
 * The ties a visit served, picked in its cell: the chips it has, a search by partner or
 * locality to add more. It hands the grid the ties' ids (main links exactly those); Enter on
 * an empty search ends the edit, Escape drops it.
 */
export function TiesEditor(props: CustomCellEditorProps<VisitRow> & { lang: Lang }) {
  const [ties, setTies] = useState<PickedTie[]>(() => [...(props.data?.ties ?? [])]);
  return (
    <div className="ties-editor">
      <TiePicker
        id={`ties-editor-${props.data?.id ?? ''}`}
        label={props.colDef.headerName ?? ''}
        value={ties}
        onChange={(next) => {
          setTies(next);
          props.onValueChange(next.map((x) => x.id));
        }}
        lang={props.lang}
        autoFocus
      />
    </div>
  );
}
