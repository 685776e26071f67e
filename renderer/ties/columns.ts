import type {
  ColDef,
  ICellRendererComp,
  ICellRendererParams,
  ValueFormatterParams,
} from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { comparePartialDates } from '../../shared/dates';
import { enumLabel, VOCABULARIES, type EnumEntry, type VocabularyName } from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { TieColumn } from '../../shared/ipc/ties';
import type { CountryRow, TieRow } from '../../shared/model';
import { CountryEditor, EnumEditor, PartialDateEditor } from './editors';

/** A value main refused, kept at its cell with the reason until the user corrects it. */
export interface CellError {
  readonly value: string;
  readonly message: string;
}

export interface GridContext {
  readonly errors: Map<string, CellError>;
}

export const cellKey = (rowId: string, column: string) => `${rowId}:${column}`;

/**
 * Renders a cell's text, or the refused value with its reason. A plain DOM component (not a
 * React one) using textContent: cheap at 50,000 rows, and what staff typed is never markup.
 */
export class RefusableCellRenderer implements ICellRendererComp<TieRow> {
  private gui: HTMLSpanElement = document.createElement('span');

  init(params: ICellRendererParams<TieRow, unknown, GridContext>): void {
    this.render(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<TieRow, unknown, GridContext>): boolean {
    this.render(params);
    return true;
  }

  private render(params: ICellRendererParams<TieRow, unknown, GridContext>): void {
    const field = params.colDef?.field;
    const error =
      params.data && field ? params.context?.errors.get(cellKey(params.data.id, field)) : undefined;
    const text =
      params.valueFormatted ??
      (params.value === null || params.value === undefined ? '' : String(params.value));
    this.gui.replaceChildren();
    if (!error) {
      this.gui.className = '';
      this.gui.removeAttribute('title');
      this.gui.textContent = text;
      return;
    }
    this.gui.className = 'cell-refused';
    this.gui.title = error.message;
    this.gui.textContent = `⚠ ${error.value}`;
    const reason = document.createElement('span');
    reason.className = 'sr-only';
    reason.textContent = error.message;
    this.gui.append(reason);
  }
}

function labels(vocabulary: VocabularyName, value: unknown): string {
  const entry = (VOCABULARIES[vocabulary] as Record<string, EnumEntry>)[String(value)];
  return entry ? `${String(value)} ${entry.en} ${entry.zh}` : String(value ?? '');
}

export function tieColumnDefs(
  t: TFunction,
  lang: Lang,
  countries: ReadonlyMap<string, CountryRow>,
): ColDef<TieRow>[] {
  const header = (field: TieColumn) => t(`columns.${field}`);

  const text = (field: TieColumn, width = 140): ColDef<TieRow> => ({
    field,
    colId: field,
    headerName: header(field),
    width,
    filter: 'agTextColumnFilter',
    cellEditor: 'agTextCellEditor',
  });

  const enumColumn = (
    field: TieColumn,
    vocabulary: VocabularyName,
    width = 130,
  ): ColDef<TieRow> => ({
    field,
    colId: field,
    headerName: header(field),
    width,
    filter: 'agTextColumnFilter',
    valueFormatter: (p: ValueFormatterParams<TieRow>) =>
      p.value ? enumLabel(vocabulary, p.value as never, lang) : '',
    filterValueGetter: (p) => labels(vocabulary, p.data?.[field]),
    getQuickFilterText: (p) => labels(vocabulary, p.value),
    cellEditor: EnumEditor,
    cellEditorParams: { vocabulary, lang },
  });

  const dateColumn = (field: TieColumn): ColDef<TieRow> => ({
    field,
    colId: field,
    headerName: header(field),
    width: 130,
    filter: 'agTextColumnFilter',
    comparator: (a: string | null, b: string | null) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : comparePartialDates(a, b),
    cellEditor: PartialDateEditor,
    cellEditorParams: { lang },
  });

  const columns: ColDef<TieRow>[] = [
    { ...text('local', 130), pinned: 'left' },
    enumColumn('local_level', 'level', 100),
    { ...text('partner', 170), pinned: 'left' },
    text('partner_zh', 140),
    {
      field: 'country',
      colId: 'country',
      headerName: header('country'),
      width: 140,
      filter: 'agTextColumnFilter',
      valueFormatter: (p) =>
        p.value ? (countries.get(String(p.value))?.[lang] ?? String(p.value)) : '',
      filterValueGetter: (p) => {
        const c = p.data ? countries.get(p.data.country) : undefined;
        return c ? `${c.code} ${c.alpha3} ${c.en} ${c.zh}` : (p.data?.country ?? '');
      },
      getQuickFilterText: (p) => {
        const c = countries.get(String(p.value));
        return c ? `${c.code} ${c.en} ${c.zh}` : String(p.value ?? '');
      },
      cellEditor: CountryEditor,
      cellEditorPopup: true,
      cellEditorPopupPosition: 'under',
      cellEditorParams: { countries: [...countries.values()], lang },
    },
    text('region', 120),
    enumColumn('kind', 'kind', 170),
    enumColumn('stage', 'stage', 120),
    dateColumn('established_on'),
    dateColumn('intent_signed_on'),
    dateColumn('first_contact_on'),
    text('signed_place', 120),
    text('our_signatory', 130),
    text('partner_signatory', 130),
    {
      ...text('fields', 160),
      valueFormatter: (p) =>
        Array.isArray(p.value)
          ? p.value
              .map((f: string) => enumLabel('field', f as never, lang))
              .join(lang === 'zh' ? '、' : ', ')
          : '',
      valueGetter: (p) => p.data?.fields ?? [],
      getQuickFilterText: (p) =>
        Array.isArray(p.value) ? p.value.map((f: string) => labels('field', f)).join(' ') : '',
      filterValueGetter: (p) => (p.data?.fields ?? []).map((f) => labels('field', f)).join(' '),
      cellEditorParams: { useFormatter: true },
    },
    {
      ...text('notes', 260),
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 4000, rows: 6, cols: 50 },
    },
  ];
  return columns.map((col) => ({ ...col, cellRenderer: RefusableCellRenderer }));
}
