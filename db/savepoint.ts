import { sql } from 'kysely';
import type { Executor } from './schema';

/**
 * A savepoint inside the caller's transaction: `work` either keeps all it wrote or, when it
 * throws, none of it (the error is passed on). Services use it so one refused row of a paste,
 * an import or an undo leaves the rest of the transaction clean. `name` is a fixed identifier
 * from code, never user input.
 */
export async function inSavepoint<T>(
  db: Executor,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const id = sql.id(name);
  await sql`savepoint ${id}`.execute(db);
  try {
    const out = await work();
    await sql`release savepoint ${id}`.execute(db);
    return out;
  } catch (error) {
    await sql`rollback to savepoint ${id}`.execute(db);
    await sql`release savepoint ${id}`.execute(db);
    throw error;
  }
}
