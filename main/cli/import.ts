import { Option, type Command } from 'commander';
import { columnLabelIn, formatMessage, type Lang } from '../../shared/i18n';
import { ENCODINGS, type Encoding } from '../../shared/ipc/interchange';
import type { ImportSummary } from '../../shared/ipc/interchange';
import { AppError } from '../core/errors';
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
 * `youcheng import --db FILE PATH`: the same import as the wizard's, in one transaction.
 * Standard output gets the summary as JSON; a refused file exits with 1 and every problem on
 * standard error, one per line, naming the row, column and value.
 */
export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description(
      'import a CSV or XLSX file (ties, or a whole registry workbook) in one transaction',
    )
    .addOption(dbOption())
    .argument('<path>', 'the CSV or XLSX file')
    .option('--dry-run', 'check every row and report, writing nothing', false)
    .option('--sheet <name>', 'import only this sheet of a workbook')
    .addOption(
      new Option(
        '--encoding <encoding>',
        'the encoding of a CSV (detected when not given)',
      ).choices(ENCODINGS),
    )
    .addOption(
      new Option('--lang <lang>', 'language of messages (zh or en)')
        .argParser(parseLang)
        .default('en'),
    )
    .addOption(userOption())
    .action(
      async (
        file: string,
        opts: {
          db?: string;
          dryRun: boolean;
          sheet?: string;
          encoding?: Encoding;
          lang: Lang;
          user?: string;
        },
      ) => {
        let summary: ImportSummary;
        try {
          // The wizard's import is `import:run` (a dry run, `import:preview`): the same sign-in
          // and role, and the role goes on to the checks inside (an approval decided by a sheet).
          summary = await withSession(requireDb(opts.db), opts, async (s) =>
            s.registry.services.interchange.importFile(
              file,
              { dryRun: opts.dryRun, sheet: opts.sheet, encoding: opts.encoding },
              await s.as(opts.dryRun ? 'import:preview' : 'import:run'),
            ),
          );
        } catch (error) {
          if (error instanceof AppError) throw new CliFailure(describeRefusal(error, opts.lang));
          if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            throw new CliFailure(`There is no file ${file}.`);
          throw error;
        }
        io.out(JSON.stringify(summary, null, 2));
        // What the wizard says beside its summary, for a person reading the terminal.
        for (const sheet of summary.sheets) {
          const names = sheet.ignored
            .map((c) => columnLabelIn(c, opts.lang))
            .join(opts.lang === 'zh' ? '、' : ', ');
          if (sheet.ignored.length > 0)
            io.err(
              `${sheet.name}: ${formatMessage('import.wizard.unknown', { count: sheet.ignored.length, names }, opts.lang)}`,
            );
          for (const notice of sheet.notices)
            io.err(`${sheet.name}: ${formatMessage(notice.key, notice.params, opts.lang)}`);
        }
      },
    );
}

/** A refused import as lines: the headline, then one line per problem. */
export function describeRefusal(error: AppError, lang: Lang): string {
  const lines = [formatMessage(error.key, error.params, lang)];
  for (const detail of error.extra.details ?? []) {
    const reason = formatMessage(detail.key, detail.params, lang);
    const p = detail.params as Record<string, unknown>;
    if (p.line === undefined) continue;
    lines.push(
      formatMessage(
        p.column ? 'import.issue' : 'import.issueNoColumn',
        { sheet: p.sheet, line: p.line, column: p.column, letter: p.letter, cell: p.cell, reason },
        lang,
      ),
    );
  }
  return lines.join('\n');
}
