import { defineConfig } from 'vitest/config';

/**
 * Tests that are about the SQLite file itself, so they run only in the `sqlite` project:
 * - crash: SIGKILL of a process writing a registry file;
 * - backups, recovery: SQLite's online backup, restores and quick_check of a file (on
 *   PostgreSQL backups are the server's job, pg_dump; the refusal is tested in engines.test);
 * - migration-fixtures, migrations: the frozen .sql fixtures and sqlite_master of each schema;
 * - storage: a full disk made with SQLite's max_page_count;
 * - hostile-files: files fed to the registry's file-level checks;
 * - writers: two processes on one file (the PostgreSQL side is engines and the bench);
 * - cli, report-cli, cli-roles: the command line on a registry file (engines.test covers --db URL);
 * - fuzz: fuzzes the door of a registry file and compares its tables through the SQLite handle;
 * - report-printer: the PDF printer's Chromium, whichever the engine (reports.test prints
 *   through the door on both);
 * - statistics: SQLite's planner statistics (sqlite_stat1); PostgreSQL's autovacuum analyses
 *   a table on its own once enough of its rows changed.
 */
const SQLITE_ONLY = [
  'test/integration/crash.test.ts',
  'test/integration/backups.test.ts',
  'test/integration/recovery.test.ts',
  'test/integration/migration-fixtures.test.ts',
  'test/integration/migrations.test.ts',
  'test/integration/storage.test.ts',
  'test/integration/hostile-files.test.ts',
  'test/integration/writers.test.ts',
  'test/integration/cli.test.ts',
  'test/integration/report-cli.test.ts',
  'test/integration/cli-roles.test.ts',
  'test/integration/fuzz.test.ts',
  'test/integration/report-printer.test.ts',
  'test/integration/statistics.test.ts',
];

const shared = {
  environment: 'node' as const,
  setupFiles: ['test/support/setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Two cores here: keep forks few so native builds and Chromium-driven tests do not starve.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'sqlite',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          // Choosing, checking and migrating to a server: it needs one.
          exclude: ['test/integration/postgres.test.ts'],
        },
      },
      {
        // The service tests again, every registry a database on a private PostgreSQL server.
        test: {
          ...shared,
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          env: { YOUCHENG_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres-global.ts'],
        },
      },
    ],
  },
});
