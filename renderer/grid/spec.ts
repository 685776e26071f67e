import type { ColDef, GridApi } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { GridPageQuery, GridView } from '../../shared/grid-query';
import type { Lang } from '../../shared/i18n';
import type { GridName } from '../../shared/ipc/grid';
import type { Page } from '../../shared/model';
import type { WireResult } from '../../shared/result';
import type { Reference } from '../reference';

export interface GridRow {
  readonly id: string;
  readonly version: number;
  readonly deleted_at: string | null;
  readonly deleted_by?: string | null;
}

/** What a registry grid needs to know about its records; the grid does the rest. */
export interface GridSpec<R extends GridRow> {
  readonly name: GridName;
  /** i18n key of the screen title. */
  readonly title: string;
  columns(lang: Lang, reference: Reference): ColDef<R>[];
  /** A small registry: every row at once, sorted and filtered in the grid. */
  list?(deleted: boolean): Promise<R[]>;
  /**
   * A large registry (50,000 ties, 200,000 visits): pages from main, which sorts, filters and
   * searches in SQL (AG Grid's infinite row model).
   */
  query?(view: GridPageQuery): Promise<Page<R>>;
  get(id: string): Promise<WireResult<R>>;
  update(row: R, column: string, value: unknown): Promise<WireResult<R>>;
  setDeleted(row: R, deleted: boolean): Promise<WireResult<R>>;
  /** The question asked before deleting one row. */
  confirmDelete(row: R, t: TFunction): string;
  /** A row in a few words, for a list of rows (the delete confirmation's). */
  describe?(row: R): string;
  /**
   * For a paged grid: rows per value of a checklist column under its view (main leaves the
   * column's own filter out).
   */
  counts?(column: string, view: GridView): Promise<ReadonlyMap<string, number>>;
  /** A dialog to add a record, if the grid has one. */
  renderCreate?(props: {
    lang: Lang;
    reference: Reference;
    onClose: () => void;
    onCreated: (row: R) => void;
  }): ReactNode;
  /** Extra filter the screen offers (the approvals' “waiting only”). */
  readonly filter?: { readonly label: string; readonly test: (row: R) => boolean };
  /** Columns whose edit records a decision (a step's outcome): read-only but for approvers. */
  readonly decisions?: readonly string[];
}

/** The status bar's last word: a save in progress, done, or refused. */
export type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string };

/** Tells the status bar how something went. */
export type Report = (kind: Status['kind'], text: string) => void;

/**
 * What a screen's toolbar controls (Import, Export…) may use of the grid they sit in: its api
 * once ready, its name, its view for a paged grid, the status bar, and a reload after an import.
 */
export interface GridHandle<R extends GridRow> {
  readonly api: GridApi<R> | null;
  readonly name: GridName;
  readonly lang: Lang;
  /** For a grid paged from main: its view now, so main selects the rows itself. */
  readonly view: (() => GridView) | undefined;
  readonly report: Report;
  /** Rows changed outside the grid (an import): read them again. */
  readonly reload: () => void;
}
