import { Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHEETS } from '../../shared/interchange';
import { csvBytes, workbookBytes } from '../interchange/export';
import { CliFailure, dbOption, requireDb, withRegistry, type Io } from './common';

/**
 * `youcheng export --db FILE --out PATH`: `.csv` writes the ties sheet of the interchange
 * format; `.xlsx` the whole registry, a sheet per entity, which `youcheng import` reads back.
 */
export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('export the ties as CSV, or the whole registry as an XLSX workbook')
    .addOption(dbOption())
    .addOption(new Option('--out <path>', 'the file to write: .csv or .xlsx').makeOptionMandatory())
    .action(async (opts: { db?: string; out: string }) => {
      const ext = path.extname(opts.out).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx')
        throw new CliFailure(
          `Name the output .csv (ties) or .xlsx (the whole registry): ${opts.out}`,
        );
      const tables = await withRegistry(requireDb(opts.db), undefined, (registry) =>
        registry.services.interchange.registryTables(),
      );
      const bytes =
        ext === '.xlsx'
          ? workbookBytes(tables)
          : csvBytes(tables.find((t) => t.name === SHEETS.ties.en)!);
      await writeFile(opts.out, bytes);
      io.err(`youcheng: wrote ${opts.out}`);
    });
}
