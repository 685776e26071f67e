import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  PostgresDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresDialectConfig,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { insideTransaction } from './dialect';
import { RegistryOpenError } from './connection';
import { redactUrl } from './engine';
import type { DB } from './schema';

/**
 * The PostgreSQL side of the registry: a pool of connections behind Kysely's PostgresDialect,
 * made to behave like the SQLite file the rest of the code was written for.
 *
 * - Writers are serialised, as SQLite's BEGIN IMMEDIATE serialises them: every transaction
 *   takes one transaction-scoped advisory lock of the registry's database before its first
 *   statement. Reads outside transactions run side by side (MVCC). So the services' read,
 *   check, write (the optimistic version check, the next event number, the "no live tie of
 *   this pair" rule) behave exactly as on SQLite, with no serialisation failures to retry, and
 *   the audit log's sequence is in commit order: a reader that has seen seq N has seen every
 *   change before it (the report cache and the live refresh depend on that).
 * - A writer waits for the lock at most the busy timeout, then fails with lock_not_available,
 *   which the door words as "busy", like SQLITE_BUSY.
 * - Counts and sums come back from pg as bigint strings; the registry's numbers are small, so
 *   int8 and numeric are parsed to numbers, as better-sqlite3 returns them.
 */

/** The advisory lock key of registry writes ('youc' 'heng' in ASCII), distinct from Kysely's migration lock. */
export const WRITE_LOCK_KEY = '8750441263960075879';

/** Oldest server the registry is tested on (Debian 12's). */
export const MIN_POSTGRES = 130000;

const INT8 = 20;
const NUMERIC = 1700;

const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

class RegistryPostgresDriver extends PostgresDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    // A query on the root db from inside a write transaction would take a second connection
    // and wait for the write lock its own transaction holds: fail at once instead, as on SQLite.
    if (insideTransaction.getStore()) {
      throw new Error(
        'The registry was queried outside the open transaction: pass the transaction (env.trx), not the db.',
      );
    }
    return super.acquireConnection();
  }

  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`),
    );
  }
}

export class RegistryPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new RegistryPostgresDriver(this.#config);
  }
}

export interface PostgresOptions {
  readonly url: string;
  /** How long a writer waits for another's transaction before giving up (ms). */
  readonly busyTimeoutMs?: number;
  /** Connections in the pool; reads use several at once, writes one at a time. */
  readonly poolSize?: number;
}

export interface OpenedPostgres {
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
}

/** A new pool on `url`, with the registry's type parsers and timeouts; nothing checked yet. */
export function postgresPool(options: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 8,
    types: typeParsers,
    lock_timeout: options.busyTimeoutMs ?? 5000,
    application_name: 'youcheng',
  });
  // An idle connection the server dropped (a restart) must not crash the app; the pool
  // replaces it on the next query.
  pool.on('error', () => {});
  return pool;
}

/**
 * Connects to an office's PostgreSQL registry and checks the server and the database are fit:
 * a supported version, UTF-8, and byte-order ("C") collation so that sorting and grouping give
 * the same order as the SQLite file does.
 */
export async function openPostgres(options: PostgresOptions): Promise<OpenedPostgres> {
  const shown = redactUrl(options.url);
  const pool = postgresPool(options);
  try {
    let info: { version: string; encoding: string; collate: string };
    try {
      const result = await pool.query<{ version: string; encoding: string; collate: string }>(
        `select current_setting('server_version_num') as version,
                pg_encoding_to_char(encoding) as encoding, datcollate as collate
           from pg_database where datname = current_database()`,
      );
      info = result.rows[0] as typeof info;
    } catch (e) {
      throw new RegistryOpenError('cannot_open', `Cannot open ${shown}: ${(e as Error).message}`);
    }
    if (Number(info.version) < MIN_POSTGRES)
      throw new RegistryOpenError(
        'cannot_open',
        `PostgreSQL ${info.version} at ${shown} is too old: Youcheng needs PostgreSQL 13 or later.`,
      );
    if (info.encoding !== 'UTF8' || !/^(C|POSIX|C\.UTF-?8)$/i.test(info.collate))
      throw new RegistryOpenError(
        'cannot_open',
        `The database at ${shown} uses encoding ${info.encoding} and collation ${info.collate}: ` +
          `Youcheng needs UTF8 with collation C, so names sort as in a registry file. Create it with ` +
          `CREATE DATABASE youcheng OWNER youcheng ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;`,
      );
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new RegistryPostgresDialect({ pool }) });
  return { db, pool };
}
