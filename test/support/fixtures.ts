import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Relative to the project root, where tests and `npm run soak` run. */
export const FIXTURES = path.resolve('test', 'fixtures', 'schemas');

/** Replays the fixture of schema `name` (test/fixtures/schemas) into a registry file. */
export function writeFixture(name: string, file: string): string {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec(readFileSync(path.join(FIXTURES, `${name}.sql`), 'utf8'));
  } finally {
    sqlite.close();
  }
  return file;
}
