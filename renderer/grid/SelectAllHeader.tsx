import type { IHeaderParams } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The selection column's header checkbox for a paged grid (AG Grid's own selects only a
 * client-side grid's rows): ticked, it selects every row of the view through `useSelectAll`.
 */
export function SelectAllHeader(
  props: IHeaderParams & {
    selectAll: () => Promise<void>;
    clear: () => void;
    isAll: () => boolean;
  },
) {
  const { t } = useTranslation();
  const box = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'none' | 'some' | 'all'>('none');
  const { api, isAll } = props;
  useEffect(() => {
    const update = () => {
      const some = api.getSelectedNodes().length > 0;
      setState(isAll() ? 'all' : some ? 'some' : 'none');
    };
    api.addEventListener('selectionChanged', update);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('selectionChanged', update);
    };
  }, [api, isAll]);
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some';
  }, [state]);
  // The header cell itself takes the keyboard's focus: it is named as its checkbox is.
  const label = t('editing.selectAll');
  useEffect(() => props.eGridHeader.setAttribute('aria-label', label), [props.eGridHeader, label]);
  return (
    <input
      ref={box}
      type="checkbox"
      className="select-all"
      aria-label={label}
      checked={state === 'all'}
      onChange={() => {
        if (state === 'none') {
          setState('all');
          void props.selectAll();
        } else {
          props.clear();
          setState('none');
        }
      }}
    />
  );
}
