import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, checkIntegrity } from '../../db/backup';
import { openSqlite, RegistryOpenError } from '../../db/connection';
import { engineOf } from '../../db/engine';
import { formatMessage, type Lang } from '../../shared/i18n';
import { restoreRegistry, RestoreRefused } from '../backups/backups';
import { systemClock } from '../core/context';
import { pathsBeside } from '../core/platform';
import { CliFailure, dbOption, parseLang, requireDb, withRegistry, type Io } from './common';

/**
 * `youcheng backup` and `youcheng restore`: SQLite's online backup of a registry to a file, and
 * the atomic replacement of a registry by a backup (after keeping a backup of what it replaces).
 * Each prints its result as JSON on standard output.
 */
export function registerBackupCommands(program: Command, io: Io): void {
  const langOption = () =>
    new Option('--lang <lang>', 'language of messages (zh or en)')
      .argParser(parseLang)
      .default('en');

  program
    .command('backup')
    .description('copy a registry to a file with SQLite online backup (safe while it is in use)')
    .addOption(dbOption())
    .requiredOption('--out <path>', 'the backup file to write (must not exist)')
    .addOption(langOption())
    .action(async (opts: { db?: string; out: string; lang: Lang }) => {
      if (engineOf(requireDb(opts.db)) === 'postgres')
        throw new CliFailure(formatMessage('backups.onServer', {}, opts.lang));
      const file = path.resolve(requireDb(opts.db));
      const out = path.resolve(opts.out);
      const t = (key: string, params: Record<string, unknown>) =>
        formatMessage(key, params, opts.lang);
      if (!existsSync(file)) throw new CliFailure(t('backups.cliNoRegistry', { file }));
      if (existsSync(out)) throw new CliFailure(t('backups.cliExists', { out }));
      let opened;
      try {
        opened = openSqlite({ file });
      } catch (error) {
        if (error instanceof RegistryOpenError) throw new CliFailure(error.message);
        throw error;
      }
      try {
        const problems = checkIntegrity(opened.sqlite, 'quick');
        if (problems.length > 0)
          throw new CliFailure(
            t('recovery.integrity', { file, detail: problems.slice(0, 3).join('; ') }),
          );
        await backupDatabase(opened.sqlite, out);
      } finally {
        await opened.db.destroy();
      }
      io.err(t('backups.cliDone', { file, out }));
      io.out(JSON.stringify({ file, out }, null, 2));
    });

  program
    .command('restore')
    .description(
      'replace a registry with a backup, atomically, keeping a backup of what it replaces',
    )
    .addOption(dbOption())
    .requiredOption('--from <path>', 'the backup to restore (a Youcheng registry file)')
    .addOption(langOption())
    .action(async (opts: { db?: string; from: string; lang: Lang }) => {
      if (engineOf(requireDb(opts.db)) === 'postgres')
        throw new CliFailure(formatMessage('backups.onServer', {}, opts.lang));
      const file = path.resolve(requireDb(opts.db));
      const from = path.resolve(opts.from);
      const t = (key: string, params: Record<string, unknown>) =>
        formatMessage(key, params, opts.lang);
      let result;
      try {
        result = await restoreRegistry({
          file,
          from,
          backupsDir: pathsBeside(file).backups,
          clock: systemClock,
        });
      } catch (error) {
        if (error instanceof RestoreRefused)
          throw new CliFailure(
            t(`backups.refused.${error.reason}`, { file: from, detail: error.detail }),
          );
        throw error;
      }
      await withRegistry(file, opts.lang, async (r) =>
        r.services.backups.recordRestore(
          { from, schema: result.schema, safety: result.safety?.file ?? null },
          { actor: await r.actor(), lang: opts.lang },
        ),
      );
      io.err(t('backups.cliRestored', { file, from }));
      if (result.safety) io.err(t('backups.cliSafety', { safety: result.safety.file }));
      if (result.damagedCopy) io.err(t('backups.cliDamaged', { copy: result.damagedCopy }));
      io.out(
        JSON.stringify(
          {
            file,
            from,
            schema: result.schema,
            safety: result.safety?.file ?? null,
            damagedCopy: result.damagedCopy,
          },
          null,
          2,
        ),
      );
    });
}
