import type { Command } from 'commander';
import { Option } from 'commander';
import path from 'node:path';
import { RegistryOpenError } from '../../db/connection';
import { engineOf, redactUrl } from '../../db/engine';
import { formatMessage, type Lang } from '../../shared/i18n';
import { AppError } from '../core/errors';
import { openErrorText, openRegistry, type Registry } from '../registry';
import { CliFailure, JOB_WORKER, parseLang, startSession, userOption, type Io } from './common';

/**
 * `youcheng migrate --from A --to B`: moves a registry between engines, a SQLite file into an
 * office's PostgreSQL database (`postgres://…`) when it outgrows one machine, or back into a
 * file. Every row comes across with its ids, versions and stamps, the audit log and the undo
 * history included, in one transaction; the target must be empty.
 */
export function registerMigrate(program: Command, io: Io): void {
  program
    .command('migrate')
    .description(
      'copy a registry into an empty one, between a file and a PostgreSQL database (postgres://…)',
    )
    .requiredOption('--from <registry>', 'the registry to copy: a file or a postgres:// URL')
    .requiredOption('--to <registry>', 'the empty registry to fill: a file or a postgres:// URL')
    .addOption(
      new Option('--lang <lang>', 'language of messages (zh or en)')
        .argParser(parseLang)
        .default('en'),
    )
    .addOption(userOption())
    .action(async (opts: { from: string; to: string; lang: Lang; user?: string }) => {
      const t = (key: string, params: Record<string, unknown> = {}) =>
        formatMessage(key, params, opts.lang);
      const resolve = (target: string) =>
        engineOf(target) === 'postgres' ? target : path.resolve(target);
      const from = resolve(opts.from);
      const to = resolve(opts.to);
      if (from === to) throw new CliFailure(t('moving.same'));
      const open = async (file: string, backups: 'auto' | 'off') => {
        try {
          return await openRegistry({
            file,
            host: 'cli',
            lang: opts.lang,
            backups,
            jobWorker: JOB_WORKER,
          });
        } catch (error) {
          if (error instanceof RegistryOpenError)
            throw new CliFailure(openErrorText(error, opts.lang));
          throw error;
        }
      };
      const source = await open(from, 'auto');
      let target: Registry | undefined;
      try {
        // The copy carries every record, the audit log and every staff account with its
        // password hash: in a shared registry only who may administer staff (an approver)
        // may take it elsewhere, as only they may read those accounts through the door.
        const ctx = await (await startSession(source, opts.lang, opts.user)).as('staff:list');
        // A new file needs no backup of its empty self.
        target = await open(to, 'off');
        let result;
        try {
          // A job (main/jobs): the copy runs in a worker, with connections of its own.
          result = await source.jobs.run(
            {
              kind: 'migrate',
              to: {
                file: target.file,
                engine: target.engine,
                busyTimeoutMs: 5000,
                paths: target.paths,
              },
              shown: redactUrl(to),
            },
            ctx,
          );
        } catch (error) {
          if (error instanceof AppError && error.key.startsWith('moving.'))
            throw new CliFailure(t(error.key, { ...error.params }));
          throw error;
        }
        const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
        io.err(t('moving.done', { from: redactUrl(from), to: redactUrl(to), rows }));
        io.out(
          JSON.stringify({ from: redactUrl(from), to: redactUrl(to), rows: result.rows }, null, 2),
        );
      } finally {
        await target?.close();
        await source.close();
      }
    });
}
