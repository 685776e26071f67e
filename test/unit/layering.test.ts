import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JS config module without types
import { layers } from '../../eslint.layers.js';

/**
 * The layering rule must be able to fail: each probe imports across a boundary of
 * ../shared/style.md and must be refused; each allowed import must pass.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    ...layers,
  ],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering', () => {
  it.each([
    ['shared/probe.ts', "import fs from 'node:fs';"],
    ['shared/probe.ts', "import path from 'path';"],
    ['shared/probe.ts', "import { Kysely } from 'kysely';"],
    ['shared/probe.ts', "import { openRegistry } from '../main/registry';"],
    ['shared/ipc/probe.ts', "import { getTie } from '../../db/ties.repository';"],
    ['shared/probe.ts', "import { app } from 'electron';"],
    ['db/probe.ts', "import { createDoor } from '../main/door';"],
    ['db/migrations/20990101T0000_probe.ts', "import { toJsonText } from '../json';"],
    ['main/probe.ts', "import { app } from 'electron';"],
    ['main/host/probe.ts', "import { App } from '../../renderer/App';"],
    ['renderer/probe.tsx', "import fs from 'node:fs';"],
    ['renderer/ties/probe.tsx', "import { openSqlite } from '../../db/connection';"],
    ['renderer/probe.tsx', "import { createDoor } from '../main/door';"],
    ['renderer/probe.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/places/probe.tsx', "import OpenCC from 'opencc-js';"],
    ['shared/probe.ts', "import OpenCC from 'opencc-js/t2cn';"],
  ])('refuses %s: %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found.length, found.join('\n')).toBe(1);
    expect(found[0]).toMatch(/^no-restricted-imports/);
  });

  it.each([
    ['main/probe.ts', "await db.selectFrom('ties').selectAll().execute();"],
    ['main/ties/probe.ts', "await env.trx.insertInto('ties').values(row).execute();"],
    ['main/undo/probe.ts', "await trx.updateTable('commands').set(marks).execute();"],
    ['main/grid/probe.ts', "await db.deleteFrom('saved_views').execute();"],
    ['main/reports/probe.ts', 'await db.selectNoFrom((eb) => eb.val(1).as("one")).execute();'],
    ['main/registry.ts', "sqlite.prepare('select 1').get();"],
    ['main/grid/probe.ts', 'await sql`savepoint grid_row`.execute(trx);'],
    ['main/probe.ts', "await sql.raw('select 1').execute(db);"],
    ['main/interchange/probe.ts', "await env.trx.selectFrom('letters').selectAll().execute();"],
    ['main/interchange/appliers/probe.ts', "await trx.selectFrom('visits').selectAll().execute();"],
    ['main/interchange/probe.ts', 'await sql`savepoint import_row`.execute(env.trx);'],
    ['renderer/probe.tsx', "db.selectFrom('ties');"],
  ])('refuses SQL outside db/ in %s: %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found.length, found.join('\n')).toBe(1);
    expect(found[0]).toMatch(/^no-restricted-syntax: SQL lives in db\/ only/);
  });

  it.each([
    ['shared/probe.ts', "import { z } from 'zod'; import { parsePartialDate } from './dates';"],
    [
      'db/probe.ts',
      "import Database from 'better-sqlite3'; import { firstDay } from '../shared/dates';",
    ],
    ['main/probe.ts', "import fs from 'node:fs'; import { getTie } from '../db/ties.repository';"],
    [
      'main/electron/probe.ts',
      "import { app } from 'electron'; import { createDoor } from '../door';",
    ],
    [
      'renderer/probe.tsx',
      "import React from 'react'; import { contract } from '../shared/ipc/contract';",
    ],
    ['db/migrations/20990101T0000_probe.ts', "import { sql } from 'kysely';"],
    [
      'db/probe.ts',
      "await db.selectFrom('ties').selectAll().execute(); await sql`select 1`.execute(db);",
    ],
    [
      'main/probe.ts',
      "const views = await listViews(db, 'ties'); const rows = list.filter(Boolean);",
    ],
    ['main/places/probe.ts', "import OpenCC from 'opencc-js/t2cn';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
