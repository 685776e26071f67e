/**
 * A child process for the crash tests: it writes against a registry file in a loop and reports
 * each write on stdout only after it returned (committed), so a parent that kills it with
 * SIGKILL at a random moment knows which writes must have survived.
 *
 *   node crash-worker.mjs edits   FILE TRIAL WORKDIR   creates, edits and multi-row imports
 *   node crash-worker.mjs backups FILE TRIAL WORKDIR   backups while editing
 *   node crash-worker.mjs migrate FILE                 opens (backs up, migrates) an old file
 */
import { writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { takeBackup } from '../../main/backups/backups';
import { systemClock, uuidV7Ids } from '../../main/core/context';
import { headlessPlatform } from '../../main/core/platform';
import { openRegistry, type Registry } from '../../main/registry';
import type { ServiceDeps } from '../../main/core/transaction';
import { runImport } from '../../main/interchange/import';
import type { TieRow } from '../../shared/model';

/** A line on stdout, written synchronously: once it is out, the write it names had returned. */
function report(line: string): void {
  writeSync(1, `${line}\n`);
}

/**
 * The import step: the real importer (main/interchange) on a ties sheet, in one transaction
 * under one command, exactly as the app and the CLI run it.
 */
export async function importFile(registry: Registry, file: string): Promise<number> {
  const deps: ServiceDeps = {
    db: registry.db,
    clock: systemClock,
    ids: uuidV7Ids,
    platform: headlessPlatform('cli'),
    paths: registry.paths,
  };
  const ctx = { actor: await registry.actor(), lang: 'en' as const };
  const summary = await runImport(deps, ctx, file, path.basename(file), { dryRun: false });
  return summary.created + summary.updated + summary.unchanged;
}

/** A ties sheet of `n` rows tagged `tag` (partner names and notes), in the interchange format. */
export function batchFile(dir: string, tag: string, n: number): string {
  const file = path.join(dir, `${tag}.csv`);
  const lines = ['local,local_level,partner,country,stage,established_on,notes'];
  for (let j = 0; j < n; j++)
    lines.push(`南京市,city,${tag}-${j},JP,established,${1980 + (j % 40)},batch:${tag}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Rows in the batch `k` of a trial: from 2 to 40, so some imports take a while. */
export const batchSize = (k: number) => 2 + ((k * 7) % 39);

async function call<T>(registry: Registry, channel: string, input: unknown): Promise<T | null> {
  const result = await registry.door(channel, input, { trusted: true });
  return result.ok ? (result.value as T) : null;
}

async function edits(file: string, trial: number, workdir: string): Promise<void> {
  const registry = await openRegistry({ file, host: 'cli', backups: 'off' });
  report('READY');
  const known: TieRow[] = [];
  for (let i = 0; ; i++) {
    if (i % 5 === 2) {
      const tag = `B${trial}-${i}`;
      const n = await importFile(registry, batchFile(workdir, tag, batchSize(i)));
      report(`BATCH ${tag} ${n}`);
    } else if (i % 2 === 0 || known.length === 0) {
      const tie = await call<TieRow>(registry, 'ties:create', {
        local: '南京市',
        local_level: 'city',
        partner: `P${trial}-${i}`,
        country: 'KR',
        notes: `create:${trial}:${i}`,
      });
      if (tie) {
        known.push(tie);
        report(`CREATE ${tie.id} ${trial} ${i}`);
      }
    } else {
      const index = (i * 31) % known.length;
      const target = known[index] as TieRow;
      const updated = await call<TieRow>(registry, 'ties:update', {
        id: target.id,
        version: target.version,
        patch: { notes: `edit:${trial}:${i}` },
      });
      if (updated) {
        known[index] = updated;
        report(`EDIT ${updated.id} ${trial} ${i}`);
      }
    }
  }
}

async function backups(file: string, trial: number): Promise<void> {
  const registry = await openRegistry({ file, host: 'cli', backups: 'off' });
  report('READY');
  const target = { file: registry.file, dir: registry.paths.backups, clock: systemClock };
  for (let i = 0; ; i++) {
    const entry = await takeBackup(registry.sqlite, target, 'manual');
    report(`BACKUP ${entry.name}`);
    const tie = await call<TieRow>(registry, 'ties:create', {
      local: '南京市',
      local_level: 'city',
      partner: `K${trial}-${i}`,
      country: 'DE',
    });
    if (tie) report(`CREATE ${tie.id} ${trial} ${i}`);
  }
}

async function migrate(file: string): Promise<void> {
  report('START');
  const started = Date.now();
  const registry = await openRegistry({ file, host: 'cli' });
  report(`OPENED ${Date.now() - started}`);
  await registry.close();
}

const [mode, file, trial, workdir] = process.argv.slice(2);
const run =
  mode === 'edits'
    ? edits(file as string, Number(trial), workdir as string)
    : mode === 'backups'
      ? backups(file as string, Number(trial))
      : migrate(file as string);
run.catch((error: unknown) => {
  process.stderr.write(`crash-worker: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(3);
});
