import { InvalidArgumentError, Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { parsePartialDate, precisionOf } from '../../shared/dates';
import { formatMessage, type Lang } from '../../shared/i18n';
import { dateProblemIssue } from '../../shared/dates';
import type { Settings } from '../../shared/settings';
import {
  CliFailure,
  dbOption,
  parseLang,
  refusalText,
  requireDb,
  userOption,
  withSession,
  type Io,
} from './common';

/**
 * `youcheng report`: the annual summary as JSON (the keys of the domain contract), HTML or
 * PDF, through the same door and service as the app. A bad flag stops before the registry is
 * opened, with a message naming the flag and what was wrong.
 */

const FORMATS = ['json', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** A full day in any ledger form (2025-12-31, 2025/12/31, 2025年12月31日), as YYYY-MM-DD. */
export function parseDay(flag: string) {
  return (value: string): string => {
    const parsed = parsePartialDate(value);
    if (!parsed.ok) {
      const { key, params } = dateProblemIssue(parsed.problem);
      throw new InvalidArgumentError(`${flag}: ${formatMessage(key, params, 'en')}`);
    }
    if (precisionOf(parsed.date) !== 'day')
      throw new InvalidArgumentError(
        `${flag}: give a full day (YYYY-MM-DD), not “${value}”; a report is as of a day.`,
      );
    return parsed.date;
  };
}

function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`“${value}” is not a format: use json, html or pdf.`);
  return value as Format;
}

interface ReportOptions {
  db?: string;
  asOf: string;
  since?: string;
  locality?: string;
  lang?: Lang;
  format: Format;
  out?: string;
  user?: string;
}

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'the annual summary as of a date: JSON figures (the domain contract), HTML or PDF (A4)',
    )
    .addOption(dbOption())
    .addOption(
      new Option('--as-of <date>', 'the report date, a full day (YYYY-MM-DD)')
        .argParser(parseDay('--as-of'))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--since <date>',
        'the start of the period (default: 1 January of that year)',
      ).argParser(parseDay('--since')),
    )
    .addOption(new Option('--locality <name>', 'only this locality and the localities under it'))
    .addOption(
      new Option(
        '--lang <lang>',
        "language of the document (zh or en; default: the registry's)",
      ).argParser(parseLang),
    )
    .addOption(
      new Option('--format <format>', 'json, html or pdf').argParser(parseFormat).default('json'),
    )
    .addOption(new Option('--out <file>', 'write to this file (required for pdf)'))
    .addOption(userOption())
    .action(async (opts: ReportOptions) => {
      if (opts.since !== undefined && opts.since > opts.asOf)
        throw new CliFailure(`--since ${opts.since} is after --as-of ${opts.asOf}.`);
      if (opts.format === 'pdf' && !opts.out)
        throw new CliFailure('A PDF goes to a file: add --out FILE.');
      const file = requireDb(opts.db);
      // Messages are in the document's language once it is known (the registry's, by default).
      let said: Lang = opts.lang ?? 'en';
      const result = await withSession(file, { lang: said, user: opts.user }, async (s) => {
        // Every figure comes through the door as this run: signed in, in a shared registry.
        const settings = await s.call('settings:get', {});
        if (!settings.ok) return settings;
        const lang = opts.lang ?? (settings.value as Settings).language ?? 'zh';
        said = lang;
        const request = {
          asOf: opts.asOf,
          ...(opts.since !== undefined ? { since: opts.since } : {}),
          ...(opts.locality !== undefined ? { locality: opts.locality } : {}),
        };
        switch (opts.format) {
          case 'json':
            return s.call('reports:annual', request, lang);
          case 'html':
            return s.call('reports:html', { ...request, lang }, lang);
          case 'pdf':
            return s.call('reports:pdf', { ...request, lang }, lang);
        }
      });
      if (!result.ok) throw new CliFailure(refusalText(result.error, said, opts.user));
      const value = result.value as { html?: string; base64?: string };
      const body: string | Buffer =
        opts.format === 'json'
          ? `${JSON.stringify(result.value, null, 2)}\n`
          : opts.format === 'html'
            ? (value.html ?? '')
            : Buffer.from(value.base64 ?? '', 'base64');
      if (opts.out) {
        await writeFile(opts.out, body);
        io.err(`youcheng: wrote ${opts.out}`);
      } else {
        io.out(typeof body === 'string' ? body : body.toString('utf8'));
      }
    });
}
