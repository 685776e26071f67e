import { Option, type Command } from 'commander';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { csvBytes, workbookBytes, type Headings } from '../interchange/export';
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
 * `youcheng export --db FILE --out PATH [--headings canonical|zh|en] [--force]`: `.csv` writes
 * the ties sheet; `.xlsx` the whole registry, a sheet per entity, which `youcheng import` reads
 * back. `--headings zh` (or `en`) heads and words them as an office does (我方、外方城市、阶段;
 * 市级, 日本) instead of the interchange format's column ids and codes. An existing file is
 * replaced only with `--force`.
 */
export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('export the ties as CSV, or the whole registry as an XLSX workbook')
    .addOption(dbOption())
    .addOption(new Option('--out <path>', 'the file to write: .csv or .xlsx').makeOptionMandatory())
    .addOption(
      new Option(
        '--headings <headings>',
        "the interchange format's column ids and codes, or an office's headings and labels in Chinese or English",
      )
        .choices(['canonical', 'zh', 'en'])
        .default('canonical'),
    )
    .option('--force', 'replace the file if it exists', false)
    .addOption(
      new Option('--lang <lang>', 'language of messages (zh or en)')
        .argParser(parseLang)
        .default('en'),
    )
    .addOption(userOption())
    .action(
      async (opts: {
        db?: string;
        out: string;
        headings: Headings;
        force: boolean;
        lang: Lang;
        user?: string;
      }) => {
        const ext = path.extname(opts.out).toLowerCase();
        if (ext !== '.csv' && ext !== '.xlsx')
          throw new CliFailure(
            `Name the output .csv (ties) or .xlsx (the whole registry): ${opts.out}`,
          );
        // Checked before the registry is read, so a mistyped path costs nothing.
        await checkTarget(opts.out, opts.force);
        const tables = await withSession(requireDb(opts.db), opts, async (s) => {
          await s.as('export:registry');
          return s.registry.services.interchange.registryTables(opts.headings);
        });
        const bytes =
          ext === '.xlsx'
            ? workbookBytes(tables)
            : csvBytes(tables.find((t) => t.kind === 'ties')!);
        try {
          // `wx` fails if the file appeared meanwhile: nothing is replaced without --force.
          await writeFile(opts.out, bytes, { flag: opts.force ? 'w' : 'wx' });
        } catch (error) {
          throw new CliFailure(writeFailure(opts.out, error as NodeJS.ErrnoException));
        }
        io.err(`youcheng: wrote ${opts.out}`);
      },
    );
}

async function kindOf(file: string): Promise<'file' | 'folder' | null> {
  try {
    return (await stat(file)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new CliFailure(writeFailure(file, error as NodeJS.ErrnoException));
  }
}

async function checkTarget(out: string, force: boolean): Promise<void> {
  const existing = await kindOf(out);
  if (existing === 'folder')
    throw new CliFailure(`${out} is a folder: give the name of the file to write in it.`);
  if (existing === 'file' && !force)
    throw new CliFailure(`${out} already exists: add --force to replace it.`);
  const folder = path.dirname(path.resolve(out));
  const parent = await kindOf(folder);
  if (parent === null)
    throw new CliFailure(`There is no folder ${folder}: create it first, or write elsewhere.`);
  if (parent === 'file')
    throw new CliFailure(`${folder} is a file, not a folder: the export cannot go inside it.`);
}

function writeFailure(file: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EEXIST':
      return `${file} already exists: add --force to replace it.`;
    case 'EACCES':
    case 'EPERM':
      return `${file} cannot be written: permission denied.`;
    case 'EISDIR':
      return `${file} is a folder: give the name of the file to write in it.`;
    case 'ENOSPC':
      return `${file} cannot be written: the disk is full.`;
    case 'EROFS':
      return `${file} cannot be written: the disk is read-only.`;
    default:
      return `${file} cannot be written (${error.code ?? error.message}).`;
  }
}
