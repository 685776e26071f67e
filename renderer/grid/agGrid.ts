import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  CustomFilterModule,
  DateFilterModule,
  DragAndDropModule,
  EventApiModule,
  ExternalFilterModule,
  GridStateModule,
  HighlightChangesModule,
  InfiniteRowModelModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  PinnedRowModule,
  QuickFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextEditorModule,
  TextFilterModule,
  themeQuartz,
  type Module,
} from 'ag-grid-community';

/**
 * The AG Grid features the four grids use, and no others (not AllCommunityModule): the bundle
 * the window parses at start is smaller, and each grid builds only these features' services.
 * AG Grid names a missing one in the console (error #200) when a grid asks for it.
 */
export const GRID_MODULES: readonly Module[] = [
  // Rows: all at once (letters, steps) or in pages from main (ties, visits).
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  InfiniteRowModelModule,
  // The blank row under the last one.
  PinnedRowModule,
  RowSelectionModule,
  // Editors: AG Grid's text and long-text ones, the app's own (enum, date, country, place, ties).
  TextEditorModule,
  NumberEditorModule,
  LargeTextEditorModule,
  CustomEditorModule,
  // Column filters (text, number, date; the app's checklists), the quick search of the
  // client-side grids and the screens' own filter (steps waiting on someone).
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  CustomFilterModule,
  QuickFilterModule,
  ExternalFilterModule,
  // Kept layout (column state, sort, filters), headers dragged to move, a column fitted to
  // its content on a double click of its edge.
  GridStateModule,
  DragAndDropModule,
  ColumnAutoSizeModule,
  // Cell classes (a cell range, refusals), the blank row's class, cells flashed after a
  // change, headers and messages in the UI language. (No AG Grid tooltips: a refused cell
  // gives its reason as its own title.)
  CellStyleModule,
  RowStyleModule,
  HighlightChangesModule,
  LocaleModule,
  // The grid api the hooks call.
  ColumnApiModule,
  RowApiModule,
  CellApiModule,
  ScrollApiModule,
  RenderApiModule,
  EventApiModule,
];

ModuleRegistry.registerModules([...GRID_MODULES]);

export const gridTheme = themeQuartz.withParams({
  // The app's own stack (styles.css): in English its curly quotes come from a Latin font.
  fontFamily: 'var(--app-font)',
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 32,
  headerHeight: 36,
  accentColor: '#b3261e',
});
