import { Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHEETS } from '../../shared/interchange';
import { csvBytes, workbookBytes } from '../interchange/export';
import type { Lang } from '../../shared/i18n';
import {
  CliFailure,
  dbOption,
  parseLang,
  requireDb,
  userOption,
  withSession,
  type Io,
} from './common';

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
    .addOption(
      new Option('--lang <lang>', 'language of messages (zh or en)')
        .argParser(parseLang)
        .default('en'),
    )
    .addOption(userOption())
    .action(async (opts: { db?: string; out: string; lang: Lang; user?: string }) => {
      const ext = path.extname(opts.out).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx')
        throw new CliFailure(
          `Name the output .csv (ties) or .xlsx (the whole registry): ${opts.out}`,
        );
      const tables = await withSession(requireDb(opts.db), opts, async (s) => {
        await s.as('export:registry');
        return s.registry.services.interchange.registryTables();
      });
      const bytes =
        ext === '.xlsx'
          ? workbookBytes(tables)
          : csvBytes(tables.find((t) => t.name === SHEETS.ties.en)!);
      await writeFile(opts.out, bytes);
      io.err(`youcheng: wrote ${opts.out}`);
    });
}
