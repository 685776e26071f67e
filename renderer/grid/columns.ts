import type {
  ColDef,
  ICellRendererComp,
  ICellRendererParams,
  IRowNode,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { comparePartialDates } from '../../shared/dates';
import {
  enumLabel,
  valuesOf,
  VOCABULARIES,
  type EnumEntry,
  type VocabularyName,
} from '../../shared/enums';
import type { Lang } from '../../shared/i18n';
import type { CountryRow } from '../../shared/model';
import { CountryEditor } from './editors/CountryEditor';
import { ChecklistFilter, type ChecklistParams } from './filters/ChecklistFilter';
import { EnumEditor } from './editors/EnumEditor';
import { PartialDateEditor } from './editors/PartialDateEditor';
import { comparePlaces } from './logic/sort';

/** A value main refused, kept at its cell with the reason until the user corrects it. */
export interface CellError {
  readonly value: string;
  readonly message: string;
}

export interface GridContext {
  readonly errors: Map<string, CellError>;
  /** A row changed outside a cell edit (a scan attached from its cell). */
  readonly rowChanged: (row: { id: string }) => void;
}

export const cellKey = (rowId: string, column: string) => `${rowId}:${column}`;

type Row = { readonly id: string };

/**
 * Renders a cell's text, or the refused value with its reason. A plain DOM component (not a
 * React one) using textContent: cheap at 50,000 rows, and what staff typed is never markup.
 */
export class RefusableCellRenderer implements ICellRendererComp<Row> {
  private gui: HTMLSpanElement = document.createElement('span');

  init(params: ICellRendererParams<Row, unknown, GridContext>): void {
    this.render(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<Row, unknown, GridContext>): boolean {
    this.render(params);
    return true;
  }

  private render(params: ICellRendererParams<Row, unknown, GridContext>): void {
    const column = params.colDef?.colId ?? params.colDef?.field;
    const error =
      params.data && column
        ? params.context?.errors.get(cellKey(params.data.id, column))
        : undefined;
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
    // The refused value in the user's words (a stage's label, not its code).
    this.gui.textContent = `⚠ ${text || error.value}`;
    const reason = document.createElement('span');
    reason.className = 'sr-only';
    reason.textContent = error.message;
    this.gui.append(reason);
  }
}

/**
 * While a cell holds a refused value, it shows and edits that value (kept for correction);
 * otherwise the column's own value.
 */
export function withRefusals<R extends Row>(col: ColDef<R>): ColDef<R> {
  const id = col.colId ?? (col.field as string | undefined) ?? '';
  const own = col.valueGetter;
  return {
    ...col,
    colId: id,
    // A plain cell is AG Grid's own text (no component per cell, the cheapest at open); a
    // refused one shows the value with its reason. The blank row shows its typed text, never
    // a column's own controls (a letter's scan). Every change of a cell's refusal refreshes
    // the cell with `force`, which asks this again.
    cellRendererSelector: (p) =>
      p.node.rowPinned ||
      (p.data && (p.context as GridContext | undefined)?.errors.has(cellKey(p.data.id, id)))
        ? { component: RefusableCellRenderer }
        : undefined,
    valueGetter: (p: ValueGetterParams<R, unknown>) => {
      const error = p.data
        ? (p.context as GridContext | undefined)?.errors.get(cellKey(p.data.id, id))
        : undefined;
      if (error) return error.value;
      // The blank row holds only what was typed into it, as typed: a column's own getter
      // expects a whole record.
      if (p.node?.rowPinned) return p.data ? (p.data as Record<string, unknown>)[id] : undefined;
      if (typeof own === 'function') return own(p);
      return p.data ? (p.data as Record<string, unknown>)[id] : undefined;
    },
  };
}

/** A stored code as the UI language names it; an unknown code as it is. */
export function enumText(vocabulary: VocabularyName, value: unknown, lang: Lang): string {
  return (VOCABULARIES[vocabulary] as Record<string, EnumEntry>)[String(value)]
    ? enumLabel(vocabulary, value as never, lang)
    : String(value ?? '');
}

function labels(vocabulary: VocabularyName, value: unknown): string {
  const entry = (VOCABULARIES[vocabulary] as Record<string, EnumEntry>)[String(value)];
  return entry ? `${String(value)} ${entry.en} ${entry.zh}` : String(value ?? '');
}

/** Column builders shared by the four grids; ids are the contract's column names. */
export function columnKit<R extends Row>(
  t: TFunction,
  lang: Lang,
  countries: ReadonlyMap<string, CountryRow>,
  namespace = 'columns',
) {
  const header = (id: string) => t(`${namespace}.${id}`);
  const value = (p: { data?: R | undefined }, id: string) =>
    p.data ? (p.data as Record<string, unknown>)[id] : undefined;

  const text = (id: string, width = 140, extra: Partial<ColDef<R>> = {}): ColDef<R> => ({
    colId: id,
    headerName: header(id),
    width,
    filter: 'agTextColumnFilter',
    cellEditor: 'agTextCellEditor',
    ...extra,
  });

  const longText = (id: string, width = 240): ColDef<R> =>
    text(id, width, {
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: 4000, rows: 6, cols: 50 },
    });

  const number = (id: string, width = 100): ColDef<R> =>
    text(id, width, { filter: 'agNumberColumnFilter', type: 'rightAligned' });

  const enumeration = (id: string, vocabulary: VocabularyName, width = 130): ColDef<R> => ({
    colId: id,
    headerName: header(id),
    width,
    // A checklist of the vocabulary's values (its filter reads the stored code).
    filter: ChecklistFilter,
    filterParams: {
      known: valuesOf(vocabulary),
      label: (v: string) => enumText(vocabulary, v, lang),
    } satisfies ChecklistParams,
    valueFormatter: (p: ValueFormatterParams<R>) =>
      p.value ? enumText(vocabulary, p.value, lang) : '',
    getQuickFilterText: (p) => labels(vocabulary, p.value),
    cellEditor: EnumEditor,
    cellEditorParams: { vocabulary, lang },
  });

  const date = (id: string, width = 130): ColDef<R> => ({
    colId: id,
    headerName: header(id),
    width,
    filter: 'agTextColumnFilter',
    comparator: (a: string | null, b: string | null) =>
      a === b ? 0 : !a ? 1 : !b ? -1 : comparePartialDates(a, b),
    cellEditor: PartialDateEditor,
    cellEditorParams: { lang },
  });

  const country = (id = 'country', width = 140): ColDef<R> => ({
    colId: id,
    headerName: header(id),
    width,
    // A checklist of the countries the rows hold, by their names in the UI language.
    filter: ChecklistFilter,
    filterParams: {
      known: null,
      label: (code: string) => countries.get(code)?.[lang] ?? code,
    } satisfies ChecklistParams,
    valueFormatter: (p) =>
      p.value ? (countries.get(String(p.value))?.[lang] ?? String(p.value)) : '',
    getQuickFilterText: (p) => {
      const c = countries.get(String(p.value));
      return c ? `${c.code} ${c.en} ${c.zh}` : String(p.value ?? '');
    },
    cellEditor: CountryEditor,
    cellEditorPopup: true,
    cellEditorPopupPosition: 'under',
    cellEditorParams: { countries: [...countries.values()], lang },
  });

  /**
   * A locality's or partner's name in a grid that holds its rows (letters, steps): sorted by
   * the name's pinyin key from main, as the paged grids sort in SQL, never by code point.
   */
  const place = (
    id: string,
    keyOf: (row: R) => string,
    width = 140,
    extra: Partial<ColDef<R>> = {},
  ): ColDef<R> =>
    text(id, width, {
      comparator: (a: unknown, b: unknown, nodeA: IRowNode<R>, nodeB: IRowNode<R>) =>
        comparePlaces(
          { key: nodeA.data ? keyOf(nodeA.data) : '', name: String(a ?? '') },
          { key: nodeB.data ? keyOf(nodeB.data) : '', name: String(b ?? '') },
        ),
      ...extra,
    });

  const fields = (id = 'fields', width = 160): ColDef<R> => ({
    ...text(id, width),
    valueFormatter: (p) =>
      Array.isArray(p.value)
        ? p.value
            .map((f: string) => enumLabel('field', f as never, lang))
            .join(lang === 'zh' ? '、' : ', ')
        : String(p.value ?? ''),
    getQuickFilterText: (p) =>
      Array.isArray(p.value) ? p.value.map((f: string) => labels('field', f)).join(' ') : '',
    filterValueGetter: (p) => {
      const v = value(p, id);
      return Array.isArray(v) ? v.map((f: string) => labels('field', f)).join(' ') : '';
    },
    cellEditorParams: { useFormatter: true },
  });

  return { text, longText, number, enumeration, date, country, place, fields, header };
}
