import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appliedMigrationNames, checkIntegrity, userTables } from '../db/backup';
import {
  openSqlite,
  refreshStatistics,
  RegistryOpenError,
  type OpenOptions,
} from '../db/connection';
import { engineOf, redactUrl, type Engine } from '../db/engine';
import { openPostgres } from '../db/postgres';
import { appliedMigrations, migrateToLatest, recordedMigrations } from '../db/migrate';
import { LATEST_SCHEMA } from '../db/migrations';
import { fillPlaceKeys } from './places/place-keys.fill';
import type { Db } from '../db/schema';
import { formatMessage, type Lang } from '../shared/i18n';
import {
  backupBase,
  backupDue,
  KNOWN_MIGRATIONS,
  listBackups,
  newestGoodBackup,
  takeBackup,
  type BackupEntry,
} from './backups/backups';
import type { AppInfo } from '../shared/ipc/reference';
import { systemClock, uuidV7Ids, type Clock, type IdSource } from './core/context';
import {
  createAdmission,
  createDoor,
  type Admission,
  type Door,
  type DoorOptions,
  type Handlers,
} from './core/door';
import { createHandlers } from './core/handlers';
import { headlessPlatform, pathsBeside, type Platform, type RegistryPaths } from './core/platform';
import { createChromiumPrinter, type ChromiumPrinterOptions } from './reports/chromium';
import { createServices, type Services } from './core/services';
import type { ServiceDeps } from './core/transaction';
import { createJobRunner, type JobRunner } from './jobs/runner';

export const APP_VERSION = '0.1.0';

export interface RegistryOptions extends Pick<OpenOptions, 'nativeBinding' | 'busyTimeoutMs'> {
  /** A SQLite file (or `:memory:`), or a `postgres://` URL of an office's shared registry. */
  readonly file: string;
  readonly host: AppInfo['host'];
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** The name recorded when the settings name nobody (tests give one); UNNAMED_ACTOR otherwise. */
  readonly unnamedActor?: string;
  readonly lang?: Lang;
  readonly log?: DoorOptions['log'];
  /** Native capabilities of the host; the browser host and the CLI have none. */
  readonly platform?: Platform;
  /** Where attachments and backups live; beside the file unless the host says otherwise. */
  readonly paths?: RegistryPaths;
  /**
   * Backups on open: `auto` (the default) takes one before any migration of an existing file
   * and one a day; `off` is for tests that count files, never for a host.
   */
  readonly backups?: 'auto' | 'off';
  /** The Chromium that prints PDFs where the platform has no printToPdf (tests shorten its idle time, count its launches). */
  readonly printer?: ChromiumPrinterOptions;
  /**
   * The bundled worker entry that runs long jobs (import, export, restore) beside the host
   * (main/jobs); without it they run in this process. A registry in memory never uses one.
   */
  readonly jobWorker?: string | undefined;
}

export interface Registry {
  /** The file, or the PostgreSQL URL (with its password, for reconnecting; show `shown`). */
  readonly file: string;
  /** What to show of `file`: the URL's password is masked. */
  readonly shown: string;
  readonly engine: Engine;
  readonly db: Db;
  /** The SQLite handle behind `db` (backups, checks); asking for it on PostgreSQL throws. */
  readonly sqlite: Database.Database;
  readonly paths: RegistryPaths;
  readonly services: Services;
  /**
   * Each channel's implementation behind the door (writes wrapped in their transaction), for a
   * path that has admitted its caller itself and holds parsed input.
   */
  readonly handlers: Handlers;
  readonly door: Door;
  /** The door's own check of who may do a channel's work, for paths that call a service directly. */
  readonly admit: Admission;
  /** Backups taken while opening (before a migration, the daily one), and one that failed. */
  readonly startup: { readonly backups: readonly BackupEntry[]; readonly backupError?: string };
  /** Where its long jobs run (a worker, or this process). */
  readonly jobs: JobRunner;
  actor(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Who a change is recorded as when the settings name nobody and no one is signed in. Never the
 * operating system's account: a shared office PC's login (or `root`) is nobody's name. The
 * first run asks for the name; until then the record says it was not given.
 */
export const UNNAMED_ACTOR = '未署名';

/**
 * The composition root of the core: opens the file, brings its schema up to date, builds the
 * services and the door. The Electron app, the browser host and the CLI all start here.
 */
export async function openRegistry(options: RegistryOptions): Promise<Registry> {
  if (engineOf(options.file) === 'postgres') return openPostgresRegistry(options);
  const file = options.file === ':memory:' ? options.file : path.resolve(options.file);
  const paths =
    options.paths ??
    (file === ':memory:'
      ? pathsBeside(path.join(os.tmpdir(), `youcheng-memory-${process.pid}.db`))
      : pathsBeside(file));
  const clock = options.clock ?? systemClock;
  const size = file === ':memory:' ? null : sizeOf(file);
  // Only a file that does not exist is new. An empty one beside backups of it is a registry
  // that a failed copy or a full disk emptied: it is refused, naming the backup to restore.
  if (size === 0 && listBackups(paths.backups, backupBase(file)).length > 0)
    throw damaged(file, paths, en('recovery.emptyFile', {}));
  const existed = size !== null && size > 0;
  let opened: ReturnType<typeof openSqlite>;
  try {
    opened = openSqlite({
      file,
      nativeBinding: options.nativeBinding,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      ...(existed ? { inspect: (sqlite) => checkBeforeMigrating(sqlite, file, paths) } : {}),
    });
  } catch (error) {
    // A header SQLite cannot read (a truncated or overwritten file) is damage too, when the
    // file has backups: the user hears which one to restore, as for damaged pages.
    if (
      existed &&
      error instanceof RegistryOpenError &&
      error.reason === 'not_a_registry' &&
      error.i18n === undefined &&
      listBackups(paths.backups, backupBase(file)).length > 0
    )
      throw damaged(file, paths, error.message);
    throw error;
  }
  const { db, sqlite } = opened;
  let startup: Registry['startup'];
  try {
    startup = await backupAndMigrate(db, sqlite, {
      file,
      paths,
      clock,
      existed,
      backups: options.backups ?? 'auto',
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return assemble(options, {
    file,
    shown: file,
    engine: 'sqlite',
    db,
    sqlite: () => sqlite,
    storage: file === ':memory:' ? undefined : { file, sqlite },
    paths,
    startup,
  });
}

/**
 * An office's shared registry on PostgreSQL: the same migrations and services; no file checks
 * or backups (the server keeps its data safe, and `pg_dump` backs it up).
 */
async function openPostgresRegistry(options: RegistryOptions): Promise<Registry> {
  const shown = redactUrl(options.file);
  const { db } = await openPostgres({
    url: options.file,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
  });
  try {
    await refuseNewerSchema(db, shown);
    await migrateToLatest(db);
    await fillPlaceKeys(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return assemble(options, {
    file: options.file,
    shown,
    engine: 'postgres',
    db,
    sqlite: () => {
      throw new Error(`${shown} is a PostgreSQL registry: it has no SQLite handle.`);
    },
    storage: undefined,
    paths: options.paths ?? pathsOnServer(options.file),
    startup: { backups: [] },
  });
}

/** Attachments of a server registry are kept per user, under a folder named after the URL. */
function pathsOnServer(url: string): RegistryPaths {
  let name = 'postgres';
  try {
    const u = new URL(url);
    name = `${u.hostname || 'local'}-${u.port || '5432'}-${u.pathname.replace(/^\//, '') || 'postgres'}`;
  } catch {
    // A URL pg accepts but URL does not: one shared folder name.
  }
  return pathsBeside(path.join(os.homedir(), '.youcheng', name.replace(/[^\w.-]+/g, '_')));
}

/** A registry written by a newer Youcheng is never migrated or written to. */
async function refuseNewerSchema(db: Db, shown: string): Promise<void> {
  let applied: string[];
  try {
    applied = await recordedMigrations(db);
  } catch {
    return; // A new, empty database: nothing applied yet.
  }
  const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.includes(name));
  if (unknown.length > 0) {
    const params = { file: shown, migrations: unknown.join(', ') };
    throw new RegistryOpenError('newer_schema', en('recovery.newerSchema', params), {
      key: 'recovery.newerSchema',
      params,
    });
  }
}

/** The services and the door over an opened, migrated registry, whichever its engine. */
function assemble(
  options: RegistryOptions,
  o: {
    file: string;
    shown: string;
    engine: Engine;
    db: Db;
    sqlite: () => Database.Database;
    storage: ServiceDeps['storage'];
    paths: RegistryPaths;
    startup: Registry['startup'];
  },
): Registry {
  const { db, paths } = o;
  const base: ServiceDeps = {
    db,
    engine: o.engine,
    storage: o.storage,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? uuidV7Ids,
    platform:
      options.platform ?? headlessPlatform(options.host === 'electron' ? 'cli' : options.host),
    paths,
  };
  const jobs = createJobRunner({
    target: {
      file: o.file,
      engine: o.engine,
      nativeBinding: options.nativeBinding,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      paths,
    },
    worker: options.jobWorker ?? null,
    deps: base,
  });
  const deps: ServiceDeps = { ...base, jobs };
  const unnamed = options.unnamedActor ?? UNNAMED_ACTOR;
  const fallbackActor = async () => (await services.settings.get()).staffName ?? unnamed;
  // The browser host and the CLI print through one Chromium, kept warm while the registry is
  // open (a launch costs seconds); the Electron app has its own printToPDF and never starts one.
  const printer = deps.platform.printToPdf ? null : createChromiumPrinter(options.printer);
  const services = createServices(deps, fallbackActor, printer ? { pdf: printer.pdf } : {});
  const actor = fallbackActor;
  const info = async (): Promise<AppInfo> => {
    const settings = await services.settings.get();
    return {
      version: APP_VERSION,
      registry: o.shown,
      registryName: registryName(o.file),
      office: { zh: settings.officeName, en: settings.officeNameEn },
      language: settings.language,
      schema: (await appliedMigrations(db)).at(-1) ?? LATEST_SCHEMA,
      actor: await actor(),
      host: options.host,
    };
  };
  const doorOptions: DoorOptions = {
    actor,
    admit: (channel, client) => services.staff.admit(channel, client, options.host),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.log ? { log: options.log } : {}),
    beforeWrite: () => jobs.refuseWrite(),
  };
  const admit = createAdmission(doorOptions);
  const handlers = createHandlers(deps, services, info);
  const door = createDoor(handlers, doorOptions, admit);
  return {
    file: o.file,
    shown: o.shown,
    engine: o.engine,
    db,
    get sqlite() {
      return o.sqlite();
    },
    paths,
    services,
    handlers,
    door,
    admit,
    startup: o.startup,
    jobs,
    actor,
    async close() {
      try {
        // First: a job's worker holds a connection and may hold the write lock.
        await jobs.close();
        await printer?.close();
      } finally {
        await db.destroy();
      }
    },
  };
}

/** A registry as a person names it: `registry.db`, or `youcheng @ db.office.local`. */
export function registryName(file: string): string {
  if (engineOf(file) !== 'postgres') return path.basename(file);
  try {
    const url = new URL(file);
    return `${decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres'} @ ${url.hostname || 'localhost'}`;
  } catch {
    return redactUrl(file);
  }
}

/** The file's size, or null when there is no file. */
function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

const en = (key: string, params: Record<string, unknown>) => formatMessage(key, params, 'en');

function integrityText(params: Record<string, unknown>, lang: Lang): string {
  const lines = [formatMessage('recovery.integrity', params, lang)];
  if (params.backup)
    lines.push(
      formatMessage('recovery.newest', params, lang),
      formatMessage('recovery.command', params, lang),
    );
  else lines.push(formatMessage('recovery.none', params, lang));
  return lines.join('\n');
}

/** A registry that would not open, worded for the user in `lang` (the CLI, the hosts). */
export function openErrorText(error: RegistryOpenError, lang: Lang): string {
  if (!error.i18n) return error.message;
  if (error.reason === 'integrity') return integrityText({ ...error.i18n.params }, lang);
  return formatMessage(error.i18n.key, error.i18n.params, lang);
}

/** A damaged registry, naming the newest good backup (and the command to restore it). */
function damaged(file: string, paths: RegistryPaths, detail: string): RegistryOpenError {
  const good = newestGoodBackup(paths.backups, file);
  const params = {
    file,
    detail,
    folder: paths.backups,
    ...(good ? { backup: good.file, at: good.at } : {}),
  };
  return new RegistryOpenError('integrity', integrityText(params, 'en'), {
    key: 'recovery.integrity',
    params,
  });
}

/**
 * Before anything writes to an existing file: its pages must pass SQLite's quick check (a
 * damaged registry is never migrated or written to; the user hears which backup to restore),
 * and it must not come from a newer version of Youcheng.
 */
function checkBeforeMigrating(sqlite: Database.Database, file: string, paths: RegistryPaths) {
  let tables: string[];
  try {
    tables = userTables(sqlite);
  } catch (error) {
    // Not even the schema reads: a damaged header, or no database at all (openSqlite words it).
    if ((error as { code?: string }).code === 'SQLITE_CORRUPT')
      throw damaged(file, paths, (error as Error).message);
    throw error;
  }
  let problems: string[];
  try {
    problems = checkIntegrity(sqlite, 'quick');
  } catch (error) {
    problems = [(error as Error).message];
  }
  if (problems.length > 0) throw damaged(file, paths, problems.slice(0, 3).join('; '));
  const applied = appliedMigrationNames(sqlite) ?? [];
  // Another program's database is never adopted: no Youcheng table is added to it.
  if (tables.length > 0 && !applied.some((name) => KNOWN_MIGRATIONS.includes(name))) {
    const params = { file, tables: tables.slice(0, 5).join(', ') };
    throw new RegistryOpenError('not_a_registry', en('recovery.foreign', params), {
      key: 'recovery.foreign',
      params,
    });
  }
  const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.includes(name));
  if (unknown.length > 0) {
    const params = { file, migrations: unknown.join(', ') };
    throw new RegistryOpenError('newer_schema', en('recovery.newerSchema', params), {
      key: 'recovery.newerSchema',
      params,
    });
  }
}

/**
 * A backup before a migration of a file that has data (always; if it cannot be written the
 * file is not migrated), the migration, then the daily backup when the newest is over a day old.
 */
async function backupAndMigrate(
  db: Db,
  sqlite: Database.Database,
  o: {
    file: string;
    paths: RegistryPaths;
    clock: Clock;
    existed: boolean;
    backups: 'auto' | 'off';
  },
): Promise<Registry['startup']> {
  const taken: BackupEntry[] = [];
  const target = { file: o.file, dir: o.paths.backups, clock: o.clock };
  const applied = o.existed ? (appliedMigrationNames(sqlite) ?? []) : [];
  const pending = KNOWN_MIGRATIONS.filter((name) => !applied.includes(name));
  if (o.backups === 'auto' && applied.length > 0 && pending.length > 0) {
    try {
      taken.push(await takeBackup(sqlite, target, 'pre-migration'));
    } catch (error) {
      const params = { file: o.file, detail: (error as Error).message, folder: o.paths.backups };
      throw new RegistryOpenError('backup_failed', en('recovery.backupFailed', params), {
        key: 'recovery.backupFailed',
        params,
      });
    }
  }
  await migrateToLatest(db);
  await fillPlaceKeys(db);
  refreshStatistics(sqlite, 'open');
  if (o.backups === 'auto' && o.existed && backupDue(target.dir, o.file, o.clock.now())) {
    try {
      taken.push(await takeBackup(sqlite, target, 'auto'));
    } catch (error) {
      // The registry opens all the same; the host tells the user the daily copy failed.
      return { backups: taken, backupError: (error as Error).message };
    }
  }
  return { backups: taken };
}
