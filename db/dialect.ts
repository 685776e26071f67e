import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/**
 * Kysely's SQLite dialect with two changes for a registry several processes may write:
 * - transactions begin IMMEDIATE, taking the write lock up front, so a second writer waits in
 *   the busy handler instead of failing with SQLITE_BUSY when a deferred read upgrades;
 * - a transaction SQLite already rolled back (a full disk) is not rolled back twice;
 * - DDL is transactional (SQLite supports it; Kysely assumes not), so the Migrator wraps a
 *   whole run of migrations and its bookkeeping in one transaction.
 */

/**
 * Marks the async work running inside a registry transaction. SQLite has one connection, so a
 * query on the root db from inside a transaction would wait for itself forever; with this
 * mark it fails at once, naming the mistake (pass the transaction instead).
 */
export const insideTransaction = new AsyncLocalStorage<true>();

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: SqliteDialectConfig['database'];
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#database = config.database;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    if (insideTransaction.getStore()) {
      throw new Error(
        'The registry was queried outside the open transaction: pass the transaction (env.trx), not the db.',
      );
    }
    return super.acquireConnection();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
   * SQLITE_NOMEM…). A second `rollback` then fails with "no transaction is active", and that
   * error would replace the one the user must hear (the disk is full) with an internal one.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const db = typeof this.#database === 'function' ? null : this.#database;
    if (db && (db as { inTransaction?: boolean }).inTransaction === false) return;
    await super.rollbackTransaction(connection);
  }
}

/** What a prepared query needs of the connection to run a statement itself. */
export interface SqliteStatements {
  prepare(sql: string): {
    readonly reader: boolean;
    all(parameters: readonly unknown[]): unknown[];
    run(parameters: readonly unknown[]): unknown;
  };
}

export class RegistrySqliteAdapter extends SqliteAdapter {
  constructor(
    /** The one connection, for `prepared` queries inside a transaction (db/prepared.ts). */
    readonly statements: SqliteStatements | null,
  ) {
    super();
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class RegistrySqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    const { database } = this.#config;
    return new RegistrySqliteAdapter(
      typeof database === 'function' ? null : (database as unknown as SqliteStatements),
    );
  }
}
