import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../db/migrate';
import { openPostgres } from '../../db/postgres';
import { adminQuery, startPostgres } from './postgres-server';

/**
 * Global setup of the PostgreSQL project: one private server for the whole run, and a template
 * database migrated to the latest schema. Each test's registry is a `CREATE DATABASE … TEMPLATE`
 * copy of it (test/support/registry.ts), which is far quicker than migrating afresh.
 */
export const TEMPLATE_DB = 'youcheng_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  try {
    await adminQuery(server.baseUrl, [`create database ${TEMPLATE_DB}`]);
    const { db } = await openPostgres({ url: server.url(TEMPLATE_DB) });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('postgresUrl', server.baseUrl);
  return () => server.stop();
}
