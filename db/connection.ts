import Database from 'better-sqlite3';
import { closeSync, openSync } from 'node:fs';
import { Kysely } from 'kysely';
import { RegistrySqliteDialect } from './dialect';
import type { DB } from './schema';

/** SQLite before 3.51.3 can corrupt a WAL database under concurrent checkpoints. */
export const MIN_SQLITE = '3.51.3';

export class RegistryOpenError extends Error {
  constructor(
    readonly reason:
      | 'sqlite_too_old'
      | 'not_a_registry'
      | 'cannot_open'
      | 'integrity'
      | 'newer_schema'
      | 'backup_failed',
    message: string,
    /** The message as an i18n key and params, for hosts that word it in the user's language. */
    readonly i18n?: { readonly key: string; readonly params: Readonly<Record<string, unknown>> },
  ) {
    super(message);
    this.name = 'RegistryOpenError';
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function checkSqliteVersion(version: string): void {
  if (compareVersions(version, MIN_SQLITE) < 0) {
    throw new RegistryOpenError(
      'sqlite_too_old',
      `SQLite ${version} is too old: Youcheng needs ${MIN_SQLITE} or later (earlier versions can corrupt a WAL database).`,
    );
  }
}

/**
 * Kysely prepares every query afresh; the registry asks the same few hundred statements over
 * and over (an import asks each per row), so prepared statements are kept by their SQL text.
 * A statement is reused only once its previous run has returned (Kysely runs one query at a
 * time on SQLite's single connection).
 */
const STATEMENT_CACHE = 500;

function withStatementCache(sqlite: Database.Database): {
  prepare(sql: string): Database.Statement;
  close(): void;
  readonly inTransaction: boolean;
} {
  const cache = new Map<string, Database.Statement>();
  return {
    // The dialect asks whether SQLite already rolled a failed transaction back (a full disk).
    get inTransaction() {
      return sqlite.inTransaction;
    },
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt) {
        // Most recently used last, so the oldest is the first one evicted.
        cache.delete(text);
      } else {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
    close: () => {
      if (!sqlite.readonly) refreshStatistics(sqlite, 'close');
      sqlite.close();
    },
  };
}

/**
 * Keeps the query planner's statistics (sqlite_stat1) fresh, as SQLite advises for an
 * application's connections: `optimize=0x10002` once a registry is open and migrated (every
 * table checked; a table never analysed, or grown 25-fold since, is analysed), and `optimize`
 * as a connection closes (the tables it used: a job's worker closes its connection after an
 * import of 50,000 ties). `analysis_limit` bounds each analysis to a sample, a few milliseconds
 * on the largest registry. Statistics are an optimisation: a registry busy with another
 * writer, or a full disk, closes or opens all the same without them.
 */
export function refreshStatistics(sqlite: Database.Database, when: 'open' | 'close'): void {
  try {
    withBusyTimeout(sqlite, 100, () => {
      sqlite.pragma('analysis_limit = 400');
      sqlite.pragma(when === 'open' ? 'optimize = 0x10002' : 'optimize');
    });
  } catch {
    // SQLITE_BUSY or SQLITE_FULL: the next open or close tries again.
  }
}

/** Runs `work` waiting at most `ms` for another connection's lock, then the usual wait again. */
function withBusyTimeout<T>(sqlite: Database.Database, ms: number, work: () => T): T {
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  try {
    return work();
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

export interface OpenOptions {
  /** A file path, or `:memory:` for tests. */
  readonly file: string;
  /** Path to a better_sqlite3.node built for the running ABI (Electron uses its own build). */
  readonly nativeBinding?: string | undefined;
  /** How long a writer waits for another's lock before giving up (ms). */
  readonly busyTimeoutMs?: number;
  readonly readonly?: boolean;
  /**
   * Reads the file before anything writes to it (not even the switch to WAL, which rewrites its
   * header): a check that throws leaves the file byte for byte as it was.
   */
  readonly inspect?: (sqlite: Database.Database) => void;
}

/**
 * A registry holds a whole office's records: a new file is made readable by its owner only
 * (SQLite gives its -wal and -shm the same mode). An existing file keeps the mode it has.
 */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export interface OpenedRegistry {
  readonly db: Kysely<DB>;
  readonly sqlite: Database.Database;
  readonly file: string;
}

/**
 * Opens (creating if needed) a registry file with the pragmas its safety depends on: WAL with
 * synchronous=FULL (a committed edit survives power loss), foreign keys on, and a busy timeout.
 */
export function openSqlite(options: OpenOptions): OpenedRegistry {
  let sqlite: Database.Database;
  try {
    if (options.file !== ':memory:' && !options.readonly) createPrivateFile(options.file);
    sqlite = new Database(options.file, {
      timeout: options.busyTimeoutMs ?? 5000,
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    throw new RegistryOpenError(
      'cannot_open',
      `Cannot open ${options.file}: ${(e as Error).message}`,
    );
  }
  try {
    const { v } = sqlite.prepare('select sqlite_version() as v').get() as { v: string };
    checkSqliteVersion(v);
    options.inspect?.(sqlite);
    if (options.file !== ':memory:' && !options.readonly) {
      const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal')
        throw new RegistryOpenError(
          'cannot_open',
          `${options.file} cannot use WAL (got ${String(mode)}).`,
        );
    }
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // 64 MiB of page cache (SQLite's default is 2 MiB): a large import's transaction stays in
    // memory instead of spilling pages into the WAL before its commit.
    sqlite.pragma('cache_size = -65536');
  } catch (e) {
    sqlite.close();
    if (e instanceof RegistryOpenError) throw e;
    // "file is not a database" and friends: someone pointed us at a document, not a registry.
    throw new RegistryOpenError(
      'not_a_registry',
      `${options.file} is not a Youcheng registry: ${(e as Error).message}`,
    );
  }
  const db = new Kysely<DB>({
    dialect: new RegistrySqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, sqlite, file: options.file };
}

/**
 * Folds the whole write-ahead log back into the registry file and truncates it, waiting at
 * most `waitMs` for readers of older snapshots to finish (it never holds a reader up: readers
 * go on from the log or the file). A long job calls it after its commit, while its mark still
 * refuses other writes. SQLite's automatic checkpoint after that commit is passive: a reader
 * of an older snapshot can leave part of the log to the next writer's checkpoint (the host's
 * next small write, on the event loop the window waits on), and the log file keeps the size
 * the import gave it (62 MB after 20,000 ties), since SQLite reuses it and never shrinks it.
 * False when a reader kept it from finishing; the next checkpoint goes on from there.
 */
export function checkpointLog(sqlite: Database.Database, waitMs: number): boolean {
  return withBusyTimeout(sqlite, waitMs, () => {
    const rows = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return rows[0]?.busy === 0;
  });
}
