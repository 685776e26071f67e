import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, checkIntegrity } from '../../db/backup';
import { RegistryOpenError } from '../../db/connection';
import { engineOf } from '../../db/engine';
import { formatMessage, type Lang } from '../../shared/i18n';
import { restoreRegistry, RestoreRefused } from '../backups/backups';
import { systemClock, type CallContext } from '../core/context';
import { openRegistry, type Registry } from '../registry';
import { pathsBeside } from '../core/platform';
import {
  CliFailure,
  dbOption,
  parseLang,
  requireDb,
  startSession,
  userOption,
  withRegistry,
  withSession,
  type Io,
} from './common';

/** `work` on the registry `file`, a RegistryOpenError escaping as itself (not worded yet). */
async function withOpened<T>(file: string, lang: Lang, work: (r: Registry) => Promise<T>) {
  const registry = await openRegistry({ file, host: 'cli', lang });
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}

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
    .addOption(userOption())
    .action(async (opts: { db?: string; out: string; lang: Lang; user?: string }) => {
      if (engineOf(requireDb(opts.db)) === 'postgres')
        throw new CliFailure(formatMessage('backups.onServer', {}, opts.lang));
      const file = path.resolve(requireDb(opts.db));
      const out = path.resolve(opts.out);
      const t = (key: string, params: Record<string, unknown>) =>
        formatMessage(key, params, opts.lang);
      if (!existsSync(file)) throw new CliFailure(t('backups.cliNoRegistry', { file }));
      if (existsSync(out)) throw new CliFailure(t('backups.cliExists', { out }));
      // As the app's `backups:create`: the same sign-in and role (opening checks the pages).
      await withSession(file, opts, async (s) => {
        await s.as('backups:create');
        const problems = checkIntegrity(s.registry.sqlite, 'quick');
        if (problems.length > 0)
          throw new CliFailure(
            t('recovery.integrity', { file, detail: problems.slice(0, 3).join('; ') }),
          );
        await backupDatabase(s.registry.sqlite, out);
      });
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
    .addOption(userOption())
    .action(async (opts: { db?: string; from: string; lang: Lang; user?: string }) => {
      if (engineOf(requireDb(opts.db)) === 'postgres')
        throw new CliFailure(formatMessage('backups.onServer', {}, opts.lang));
      const file = path.resolve(requireDb(opts.db));
      const from = path.resolve(opts.from);
      const t = (key: string, params: Record<string, unknown>) =>
        formatMessage(key, params, opts.lang);
      // As the app's `backups:restore` (an approver's, in a shared registry), asked of the
      // registry being replaced. One that cannot be opened (damaged, emptied) has no staff
      // table left to ask: its restore is the way back, and the damaged file is kept beside it.
      let admitted: CallContext | null = null;
      if (existsSync(file)) {
        try {
          admitted = await withOpened(file, opts.lang, (r) =>
            startSession(r, opts.lang, opts.user).then((s) => s.as('backups:restore')),
          );
        } catch (error) {
          if (!(error instanceof RegistryOpenError)) throw error;
        }
      }
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
          admitted ?? { actor: await r.actor(), lang: opts.lang },
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
