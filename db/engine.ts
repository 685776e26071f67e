import type { Kysely } from 'kysely';

/**
 * Which engine holds a registry. A file path (or `:memory:`) is a SQLite file, the single-user
 * default; a `postgres://` or `postgresql://` URL is an office's shared PostgreSQL database.
 * Everything that differs between the two is decided here or in the dialect modules of db/.
 */
export type Engine = 'sqlite' | 'postgres';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export function engineOf(target: string): Engine {
  return POSTGRES_URL.test(target.trim()) ? 'postgres' : 'sqlite';
}

/** The engine behind an open db or transaction (Kysely names its adapter after it). */
export function engineOfDb(db: Pick<Kysely<unknown>, 'getExecutor'>): Engine {
  return db.getExecutor().adapter.constructor.name.includes('Postgres') ? 'postgres' : 'sqlite';
}

/**
 * A URL fit to show or log: the password is replaced, so it never reaches the window title,
 * the audit log or an error message.
 */
export function redactUrl(target: string): string {
  if (engineOf(target) !== 'postgres') return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return target.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
  }
}
