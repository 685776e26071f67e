import type { Command } from 'commander';
import { Option } from 'commander';
import path from 'node:path';
import { copyRegistry, CopyRefused, TargetNotEmpty, UnstorableRow } from '../../db/copy';
import { RegistryOpenError } from '../../db/connection';
import { engineOf, redactUrl } from '../../db/engine';
import { formatMessage, type Lang } from '../../shared/i18n';
import { openErrorText, openRegistry, type Registry } from '../registry';
import { CliFailure, parseLang, startSession, userOption, type Io } from './common';

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
          return await openRegistry({ file, host: 'cli', lang: opts.lang, backups });
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
        await (await startSession(source, opts.lang, opts.user)).as('staff:list');
        // A new file needs no backup of its empty self.
        target = await open(to, 'off');
        let result;
        try {
          result = await copyRegistry(source.db, target.db);
        } catch (error) {
          if (error instanceof TargetNotEmpty)
            throw new CliFailure(
              t('moving.notEmpty', {
                to: redactUrl(to),
                detail: error.held.map(([table, n]) => `${table}: ${n}`).join(', '),
              }),
            );
          if (error instanceof UnstorableRow)
            throw new CliFailure(
              t('moving.unstorable', {
                table: error.table,
                id: error.row,
                column: error.column,
                to: redactUrl(to),
              }),
            );
          if (error instanceof CopyRefused)
            throw new CliFailure(
              t('moving.refused', {
                table: error.table,
                rows: error.rows,
                detail: error.detail,
                to: redactUrl(to),
              }),
            );
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
