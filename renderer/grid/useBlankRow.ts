import type { CellEditRequestEvent, GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, type Lang } from '../../shared/i18n';
import { attempt } from '../api/client';
import { errorText } from '../i18n';
import { keptText } from './logic/cells';
import { toTsv } from './logic/clipboard';
import { draftOutcome } from './logic/blankRow';
import type { GridRow, GridSpec, Report } from './spec';
import type { GridData } from './useGridData';

/** The id of the blank row pinned below a grid's rows (never a record's: ids are UUIDs). */
export const BLANK_ROW_ID = 'blank-row';

/**
 * The blank row at the bottom of a grid, as in Excel: what is typed into it is kept there until
 * it makes a record (the columns the record needs are named meanwhile), then the record is
 * created through the paste path, so it keeps every rule a pasted row keeps, and the row is
 * blank again. Pasting at it adds every line as a record (`useClipboard`).
 */
export function useBlankRow<R extends GridRow>({
  spec,
  api,
  data,
  lang,
  enabled,
  headerOf,
  report,
  changed,
}: {
  spec: GridSpec<R>;
  api: RefObject<GridApi<R> | null>;
  data: GridData<R>;
  lang: Lang;
  /** Records can be added here: the live rows, by someone who may edit. */
  enabled: boolean;
  headerOf: (column: string) => string;
  report: Report;
  changed: () => void;
}) {
  const { t } = useTranslation();
  const draft = useRef<Record<string, string>>({});
  const [shown, setShown] = useState<Record<string, string>>({});
  const rows = useMemo(
    () =>
      enabled ? [{ id: BLANK_ROW_ID, version: 0, deleted_at: null, ...shown } as unknown as R] : [],
    [enabled, shown],
  );

  const put = (next: Record<string, string>) => {
    draft.current = next;
    setShown(next);
  };

  const onCellEditRequest = async (event: CellEditRequestEvent<R>) => {
    const column = event.colDef.colId ?? event.colDef.field;
    if (!column) return;
    const text = keptText(event.newValue).trim();
    const next = { ...draft.current };
    if (text) next[column] = text;
    else delete next[column];
    put(next);
    const columns = Object.keys(next);
    if (columns.length === 0) return;
    report('saving', t('grid.saving'));
    const result = await attempt('grid:paste', {
      grid: spec.name,
      columns,
      rows: [],
      text: toTsv([columns.map((c) => next[c] ?? '')]),
      from: 'blankRow',
    });
    if (result.ok) {
      put({});
      report('saved', t('editing.created', { count: result.value.created }));
      await data.refresh(result.value.createdIds);
      changed();
      api.current?.ensureIndexVisible(Math.max(0, data.displayed - 1));
      return;
    }
    const outcome = draftOutcome(result.error.details ?? [], columns);
    if (outcome.kind === 'incomplete') {
      report(
        'idle',
        t('editing.stillNeeded', {
          columns: outcome.missing.map(headerOf).join(lang === 'zh' ? '、' : ', '),
        }),
      );
      return;
    }
    // Said in the status bar, the row kept as typed to be corrected: a dialog would be much
    // for one row being typed (a pasted block lists its refusals in one).
    const message =
      outcome.refused.length > 0
        ? outcome.refused
            .map(
              (d) =>
                `${headerOf(String(d.path[1] ?? ''))}: ${formatMessage(d.key, d.params, lang)}`,
            )
            .join(' ')
        : errorText(result.error, lang);
    report('error', t('grid.refused', { message }));
  };

  return { rows, onCellEditRequest, isBlank: (id: string | undefined) => id === BLANK_ROW_ID };
}
