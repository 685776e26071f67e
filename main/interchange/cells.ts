import type { ColumnDef } from '../../shared/interchange';
import { unescapeFormula } from '../../shared/interchange';
import { foldSpaces } from '../../shared/text';
import type { Cell, Format } from './source';

/**
 * A cell turned into what a grid edit or the CLI would send for its field, so the field
 * schemas of the contract convert it (dates in every ledger form, countries by any spelling,
 * enum labels in either language). Only what a file adds is handled here: Excel date cells,
 * numbers, formulas, error cells and the apostrophe that keeps text from being a formula.
 */

export type CellRead =
  { ok: true; value: unknown } | { ok: false; key: string; params: Record<string, unknown> };

/** Free text, kept as typed; every other text cell is a name or a code, its spaces folded. */
const FREE_TEXT = new Set(['notes', 'note', 'purpose', 'outcomes', 'override_reason', 'title']);

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', '√', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '']);

export function readCell(column: ColumnDef, cell: Cell | undefined, format: Format): CellRead {
  if (cell === undefined) return { ok: true, value: null };
  if (cell.error !== undefined)
    return { ok: false, key: 'import.cell.error', params: { value: cell.error } };
  if (cell.formula !== undefined)
    return { ok: false, key: 'import.cell.formula', params: { value: `=${cell.formula}` } };
  const { value } = cell;
  if (typeof value === 'string') {
    let text = value;
    if (format === 'csv') {
      // A CSV has no formulas; text that reads as one is refused unless written as '=…,
      // the spreadsheet convention for "this is text" (and what our exports write).
      if (text.startsWith('='))
        return { ok: false, key: 'import.cell.formulaText', params: { value: text } };
      text = unescapeFormula(text);
    }
    if (text.trim() === '') return { ok: true, value: null };
    if (column.type === 'bool') return boolOf(text);
    // `日\u3000本`, ` 南京 `: padding and full-width spaces typed to line a column up.
    return { ok: true, value: FREE_TEXT.has(column.id) ? text : foldSpaces(text) };
  }
  if (typeof value === 'boolean') {
    return column.type === 'bool'
      ? { ok: true, value }
      : { ok: true, value: value ? 'TRUE' : 'FALSE' };
  }
  if (value === null) return { ok: true, value: null };
  switch (column.type) {
    case 'date':
      if (cell.date) {
        return cell.date.ok
          ? { ok: true, value: cell.date.on }
          : { ok: false, key: 'errors.date.format', params: { value: cell.text } };
      }
      // A plain number in a date column is a year (1978) or a compact date (20180529). Any
      // other is read as the sheet shows it: 2005.10 typed and shown with format 0.00 is
      // stored as 2005.1, and means October 2005, not January.
      return {
        ok: true,
        value: Number.isInteger(value) ? value : cell.text.trim() || String(value),
      };
    case 'number':
      return { ok: true, value };
    case 'bool':
      return boolOf(String(value));
    default:
      // A dated cell in a text column reads as the date it shows.
      if (cell.date?.ok) return { ok: true, value: cell.date.on };
      return { ok: true, value: String(value) };
  }
}

function boolOf(text: string): CellRead {
  const key = text.trim().toLowerCase();
  if (TRUE.has(key)) return { ok: true, value: true };
  if (FALSE.has(key)) return { ok: true, value: false };
  return { ok: false, key: 'import.cell.bool', params: { value: text } };
}
