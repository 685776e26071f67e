import * as XLSX from '@e965/xlsx';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Spreadsheet files written by tests, in a fresh folder per call of `scratch()`. */
export function scratch(): (name: string, bytes: Uint8Array | string) => string {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-sheets-'));
  return (name, bytes) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
}

export type XCell = string | number | boolean | null | XLSX.CellObject;

/** An XLSX workbook from rows of cells; a CellObject gives a typed cell (a date, a formula). */
export function xlsxBytes(sheets: Record<string, XCell[][]>): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet: XLSX.WorkSheet = {};
    let maxC = 0;
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        maxC = Math.max(maxC, c);
        const ref = XLSX.utils.encode_cell({ r, c });
        sheet[ref] =
          typeof value === 'object'
            ? value
            : typeof value === 'number'
              ? { t: 'n', v: value }
              : typeof value === 'boolean'
                ? { t: 'b', v: value }
                : { t: 's', v: value };
      });
    });
    sheet['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, rows.length - 1), c: maxC },
    });
    XLSX.utils.book_append_sheet(workbook, sheet, name);
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** An Excel date cell: the serial of a UTC calendar day, shown in a date format. */
export function excelDate(iso: string): XLSX.CellObject {
  const serial = (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return { t: 'n', v: serial, z: 'yyyy-mm-dd' };
}

export function readXlsx(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'buffer', cellFormula: true });
}

export { XLSX };
