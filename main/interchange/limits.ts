/**
 * What an import accepts, so a hostile or mistaken file is refused with a clear message
 * before it can exhaust memory. A ledger of 50,000 rows sits well inside every one.
 */
export const LIMITS = {
  /** Largest file accepted, in bytes (a 50,000-row workbook is about 3 MB, as CSV about 8). */
  fileBytes: 40 * 1024 * 1024,
  /** All entries of an XLSX together, once inflated: refuses zip bombs whatever they declare. */
  unzippedBytes: 160 * 1024 * 1024,
  /** Data rows in one sheet. */
  rows: 100_000,
  /** Columns in one row: ledgers have a few dozen; a 100,000-column row is refused. */
  columns: 512,
  /** Characters on one physical line of a CSV, checked before the parser splits it. */
  lineChars: 256 * 1024,
  /** Characters in one CSV record (csv-parse's own bound on its buffers). */
  recordChars: 1024 * 1024,
  /** Uploads not used for this long are removed. */
  uploadTtlMs: 60 * 60 * 1000,
  /** Rows shown by a preview. */
  previewRows: 8,
} as const;
