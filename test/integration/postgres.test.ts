import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { COPY_ORDER, type Untyped } from '../../db/copy';
import { insideTransaction } from '../../db/dialect';
import { WRITE_LOCK_KEY } from '../../db/postgres';
import {
  FALSE_SQL,
  groupConcat,
  jsonArrayElements,
  jsonArrayLength,
  TRUE_SQL,
} from '../../db/sql-dialect';
import { engineOf, redactUrl } from '../../db/engine';
import type { DB } from '../../db/schema';
import { main } from '../../main/cli/cli';
import { openRegistry, type Registry } from '../../main/registry';
import type { TieRow } from '../../shared/model';
import { populate } from '../support/populate';
import { adminQuery } from '../support/postgres-server';
import {
  call,
  ctx,
  postgresTestRegistry,
  sequentialIds,
  steppingClock,
  testRegistry,
} from '../support/registry';

/**
 * What only the PostgreSQL engine has: choosing it by URL, the server's checks, backups left
 * to the server, several handles on one database, and `youcheng migrate` between a file and a
 * server and back. (Every service test also runs on PostgreSQL: the `postgres` project.)
 */

const base = () => inject('postgresUrl');
let made = 0;
const created: string[] = [];
async function emptyDatabase(options = ''): Promise<string> {
  const name = `pgtest_${process.pid}_${++made}`;
  await adminQuery(base(), [`create database ${name} ${options}`]);
  created.push(name);
  return `${base()}${name}`;
}
afterAll(async () => {
  await adminQuery(
    base(),
    created.map((name) => `drop database if exists ${name} with (force)`),
  );
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const tempFile = (name: string) =>
  path.join(mkdtempSync(path.join(tmpdir(), 'yc-pg-')), `${name}.db`);

/** Every row of every table, in key order, as the engine returns it. */
async function everyRow(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { table, key } of COPY_ORDER) {
    let q = (db as unknown as Untyped).selectFrom(table).selectAll();
    for (const k of key) q = q.orderBy(k);
    out[table] = await q.execute();
  }
  return out;
}

describe('choosing the engine', () => {
  it('reads a postgres URL as PostgreSQL and anything else as a SQLite file', () => {
    const cases: [string, 'sqlite' | 'postgres'][] = [
      ['registry.db', 'sqlite'],
      [':memory:', 'sqlite'],
      ['/data/postgres/registry.db', 'sqlite'],
      ['C:\\Users\\fao\\registry.db', 'sqlite'],
      ['postgres://fao@db.office/youcheng', 'postgres'],
      ['postgresql://fao:secret@10.0.0.5:5433/youcheng?sslmode=require', 'postgres'],
      ['POSTGRES://fao@db/youcheng', 'postgres'],
    ];
    for (const [target, engine] of cases) expect(engineOf(target), target).toBe(engine);
  });

  it('never shows a password', async () => {
    expect(redactUrl('postgres://fao:s3cret@db.office:5432/youcheng')).toBe(
      'postgres://fao:***@db.office:5432/youcheng',
    );
    expect(redactUrl('registry.db')).toBe('registry.db');
    const registry = await postgresTestRegistry();
    expect(registry.engine).toBe('postgres');
    const info = await call<{ registry: string }>(registry, 'app:info', {});
    expect(info.registry).toMatch(/^postgres:\/\/youcheng@127\.0\.0\.1:\d+\/t_/);
    await registry.close();
  });

  it('refuses a database whose collation would sort names differently from a file', async () => {
    const url = await emptyDatabase(
      "encoding 'SQL_ASCII' lc_collate 'C' lc_ctype 'C' template template0",
    );
    await expect(openRegistry({ file: url, host: 'cli' })).rejects.toThrow(
      /needs UTF8 with collation C.*CREATE DATABASE/,
    );
  });

  it('refuses a server that cannot be reached, naming it without its password', async () => {
    const error = await openRegistry({
      file: 'postgres://fao:hunter2@127.0.0.1:1/youcheng',
      host: 'cli',
    }).catch((e: unknown) => e as Error);
    expect(String(error)).toMatch(/Cannot open postgres:\/\/fao:\*\*\*@127\.0\.0\.1:1\/youcheng/);
    expect(String(error)).not.toMatch(/hunter2/);
  });

  it('refuses a registry written by a newer Youcheng', async () => {
    const registry = await postgresTestRegistry();
    await sql`insert into kysely_migration (name, timestamp) values ('29990101T0000_future', 'x')`.execute(
      registry.db,
    );
    await expect(openRegistry({ file: registry.file, host: 'cli' })).rejects.toThrow(
      /29990101T0000_future/,
    );
    await registry.close();
  });

  it('opens through the CLI with --db URL', async () => {
    const url = await emptyDatabase();
    const created = capture();
    const input = JSON.stringify({
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
    });
    expect(await main(['call', '--db', url, 'ties:create', input], created.io)).toBe(0);
    const listed = capture();
    expect(await main(['call', '--db', url, 'ties:list'], listed.io)).toBe(0);
    expect(JSON.parse(listed.out.join('\n')).total).toBe(1);
  });
});

describe('the SQL the engines spell differently (db/sql-dialect.ts)', () => {
  it('gives the same answers on a file and on a server', async () => {
    const answers = [];
    // The same ids and clock on both, so the rows are the same rows.
    const inMemory = await openRegistry({
      file: ':memory:',
      host: 'cli',
      ids: sequentialIds(),
      clock: steppingClock(),
    });
    for (const registry of [inMemory, await postgresTestRegistry()]) {
      await populate(registry, 4);
      const db = registry.db;
      const packed = await sql<{ ids: string | null }>`select ${groupConcat(
        db,
        sql`t.id || ':' || t.version`,
        ',',
        't.id',
      )} as ids from ties t`.execute(db);
      const fields = await sql<{ value: string; n: number }>`
        select f.value as value, count(*) as n
        from (select '["trade","culture"]' as fields union all select '["trade"]') as v,
          ${jsonArrayElements(db, 'v.fields', 'f')}
        group by f.value order by f.value`.execute(db);
      const lengths = await sql<{ n: number }>`
        select ${jsonArrayLength(db, 'v.fields')} as n
        from (select '[]' as fields union all select '["a","b"]') as v order by n`.execute(db);
      const truth = await sql<{ t: number; f: number }>`
        select count(*) as t, (select count(*) from ties where ${FALSE_SQL}) as f
        from ties where ${TRUE_SQL}`.execute(db);
      answers.push({
        engine: registry.engine,
        result: [packed.rows, fields.rows, lengths.rows, truth.rows],
      });
      await registry.close();
    }
    expect(answers.map((a) => a.engine)).toEqual(['sqlite', 'postgres']);
    expect(answers[1]?.result).toEqual(answers[0]?.result);
    expect(answers[0]?.result[1]).toEqual([
      { value: 'culture', n: 1 },
      { value: 'trade', n: 2 },
    ]);
  });
});

describe('a registry on a server', () => {
  it('leaves backups to the server, saying so in the app and the CLI', async () => {
    const registry = await postgresTestRegistry();
    for (const channel of ['backups:list', 'backups:create']) {
      const result = await registry.door(channel, {}, { trusted: true });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('unavailable');
        expect(result.error.message).toMatch(/PostgreSQL server.*pg_dump/);
      }
    }
    const zh = await registry.door('backups:create', {}, { trusted: true, lang: 'zh' });
    expect(!zh.ok && zh.error.message).toMatch(/pg_dump/);
    const cli = capture();
    const out = tempFile('copy');
    expect(await main(['backup', '--db', registry.file, '--out', out], cli.io)).toBe(1);
    expect(cli.err.join('\n')).toMatch(/pg_dump/);
    await registry.close();
  });

  it('tells a writer that waited past the busy timeout that the registry is busy', async () => {
    const registry = await postgresTestRegistry({ busyTimeoutMs: 300 });
    const holder = new pg.Client({ connectionString: registry.file });
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
    const result = await registry.door(
      'ties:create',
      { local: '南京', local_level: 'city', partner: 'Nagoya', country: 'JP' },
      { trusted: true },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('busy');
    // Reads do not wait for writers.
    expect((await call<{ total: number }>(registry, 'ties:list', {})).total).toBe(0);
    await holder.query('rollback');
    await holder.end();
    await call(registry, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
    });
    await registry.close();
  });

  it('returns counts and sequence numbers as numbers, as the file does', async () => {
    const registry = await postgresTestRegistry();
    await populate(registry, 3);
    const row = await registry.db
      .selectFrom('audit_log')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('seq').as('top')])
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe('number');
    expect(typeof row.top).toBe('number');
    await registry.close();
  });

  it('fails at once, not by waiting on itself, when a transaction queries the root db', async () => {
    const registry = await postgresTestRegistry();
    await expect(
      insideTransaction.run(true, () => registry.db.selectFrom('ties').selectAll().execute()),
    ).rejects.toThrow(/pass the transaction/);
    await registry.close();
  });

  it('keeps optimistic versions across clients: of two saves from one version, one conflicts', async () => {
    const first = await postgresTestRegistry();
    const second = await openRegistry({ file: first.file, host: 'cli', unnamedActor: 'other' });
    const tie = await call<TieRow>(first, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Nagoya',
      country: 'JP',
    });
    const saves = await Promise.all(
      [first, second].map((r, i) =>
        r.door(
          'ties:update',
          { id: tie.id, version: tie.version, patch: { notes: `client ${i}` } },
          { trusted: true },
        ),
      ),
    );
    expect(saves.filter((s) => s.ok)).toHaveLength(1);
    const refused = saves.find((s) => !s.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('conflict');
    const updates = await first.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'tie')
      .where('action', '=', 'update')
      .execute();
    expect(updates).toHaveLength(1);
    const saved = await call<TieRow>(second, 'ties:get', { id: tie.id });
    expect(saved.version).toBe(tie.version + 1);
    await second.close();
    await first.close();
  });

  it('serialises writers: 20 edits from four clients at once all land, with an audit row each', async () => {
    const first = await postgresTestRegistry();
    const others = await Promise.all(
      [1, 2, 3].map(() => openRegistry({ file: first.file, host: 'cli' })),
    );
    const clients = [first, ...others];
    const ties: TieRow[] = [];
    for (let i = 0; i < 4; i++)
      ties.push(
        await call<TieRow>(first, 'ties:create', {
          local: '南京',
          local_level: 'city',
          partner: `Partner ${i}`,
          country: 'JP',
        }),
      );
    await Promise.all(
      clients.map(async (client, c) => {
        const tie = ties[c] as TieRow;
        for (let n = 0; n < 5; n++)
          await client.handlers['ties:update'](
            { id: tie.id, version: tie.version + n, patch: { notes: `edit ${n}` } },
            ctx,
          );
      }),
    );
    const audits = await first.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audits.n).toBe(20);
    for (const other of others) await other.close();
    await first.close();
  });
});

describe('youcheng migrate', () => {
  it('copies a file into PostgreSQL and back, every row of every table the same', async () => {
    const file = tempFile('source');
    const source = await testRegistry({ file, backups: 'off' });
    const made = await populate(source, 12);
    // Undo history, a workflow move with a confidential reason, an undone command.
    await call(source, 'workflow:advance', {
      id: (made.ties[0] as TieRow).id,
      version: (made.ties[0] as TieRow).version,
      to: 'suspended',
      on: '2020-02-02',
      reason: '内部原因',
      confidential: true,
    });
    await call(source, 'ties:update', {
      id: (made.ties[2] as TieRow).id,
      version: (made.ties[2] as TieRow).version,
      patch: { notes: 'to be undone' },
    });
    await call(source, 'undo:undo', { scope: 'ties' });
    const original = await everyRow(source.db);
    await source.close();
    expect(original.audit_log?.length).toBeGreaterThan(20);
    expect(original.commands?.length).toBeGreaterThan(5);

    const url = await emptyDatabase();
    const there = capture();
    expect(await main(['migrate', '--from', file, '--to', url], there.io)).toBe(0);
    const counts = JSON.parse(there.out.join('\n')).rows as Record<string, number>;
    for (const { table } of COPY_ORDER) expect(counts[table], table).toBe(original[table]?.length);

    const back = tempFile('back');
    expect(await main(['migrate', '--from', url, '--to', back], capture().io)).toBe(0);

    const onServer = await openRegistry({ file: url, host: 'cli', backups: 'off' });
    const inFile = await openRegistry({ file: back, host: 'cli', backups: 'off' });
    const serverRows = await everyRow(onServer.db);
    const fileRows = await everyRow(inFile.db);
    for (const { table } of COPY_ORDER) {
      expect(serverRows[table], `${table} on the server`).toEqual(original[table]);
      expect(fileRows[table], `${table} back in a file`).toEqual(original[table]);
    }
    // The copies go on where the original stopped: new audit rows and commands follow.
    await checkContinues(onServer, original);
    await checkContinues(inFile, original);
    await onServer.close();
    await inFile.close();
  });

  it('refuses a target that already holds data, writing nothing', async () => {
    const registry = await postgresTestRegistry();
    await populate(registry, 2);
    const before = await everyRow(registry.db);
    const file = tempFile('other');
    const other = await testRegistry({ file, backups: 'off' });
    await populate(other, 1);
    await other.close();
    const run = capture();
    expect(await main(['migrate', '--from', file, '--to', registry.file], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(/already holds data \(localities: \d+.*nothing was written/);
    expect(await everyRow(registry.db)).toEqual(before);
    const same = capture();
    expect(await main(['migrate', '--from', file, '--to', file], same.io)).toBe(1);
    expect(same.err.join('\n')).toMatch(/same registry/);
    await registry.close();
  });
});

describe('youcheng migrate, with what a server cannot hold and who may move it', () => {
  it('names a row holding a NUL by table, id and column, writing nothing', async () => {
    const file = tempFile('nul');
    const source = await testRegistry({ file, backups: 'off' });
    const tie = await call<TieRow>(source, 'ties:create', {
      local: '南京',
      local_level: 'city',
      partner: 'Perth',
      country: 'AU',
    });
    // As an older version let it in: the door refuses it now, so it is written straight in.
    await source.db
      .updateTable('ties')
      .set({ notes: 'before\u0000after' })
      .where('id', '=', tie.id)
      .execute();
    await source.close();
    const url = await emptyDatabase();
    const run = capture();
    expect(await main(['migrate', '--from', file, '--to', url], run.io)).toBe(1);
    const err = run.err.join('\n');
    expect(err).toContain(`Row ${tie.id} of the table ties holds a character`);
    expect(err).toMatch(/in notes\. Nothing was written/);
    expect(err).not.toMatch(/invalid byte sequence|\n\s+at /);
    expect(run.out).toEqual([]);
    const target = await openRegistry({ file: url, host: 'cli', backups: 'off' });
    for (const rows of Object.values(await everyRow(target.db))) expect(rows).toEqual([]);
    await target.close();
  });

  it('moves a shared registry only for an approver, and it stays shared on the server', async () => {
    const file = tempFile('shared');
    const source = await testRegistry({ file, backups: 'off' });
    await source.door(
      'staff:create',
      { name: '李伟', password: 'approver-pass' },
      { trusted: true, client: 'a' },
    );
    await source.close();
    const url = await emptyDatabase();
    const anonymous = capture();
    expect(await main(['migrate', '--from', file, '--to', url], anonymous.io)).toBe(1);
    expect(anonymous.err.join('\n')).toMatch(/--user NAME/);
    process.env.YOUCHENG_PASSWORD = 'approver-pass';
    try {
      const run = capture();
      expect(await main(['migrate', '--from', file, '--to', url, '--user', '李伟'], run.io)).toBe(
        0,
      );
    } finally {
      delete process.env.YOUCHENG_PASSWORD;
    }
    const onServer = await openRegistry({ file: url, host: 'cli', backups: 'off' });
    const who = await onServer.door('auth:whoami', {}, { trusted: true, client: 'b' });
    expect(who).toMatchObject({ ok: true, value: { shared: true, staff: null } });
    const signedIn = await onServer.door(
      'auth:signIn',
      { name: '李伟', password: 'approver-pass' },
      { trusted: true, client: 'b' },
    );
    expect(signedIn).toMatchObject({ ok: true, value: { actor: '李伟' } });
    await onServer.close();
  });
});

async function checkContinues(registry: Registry, original: Record<string, unknown[]>) {
  const topAudit = Math.max(...(original.audit_log ?? []).map((r) => (r as { seq: number }).seq));
  const tie = await call<TieRow>(registry, 'ties:create', {
    local: '南京',
    local_level: 'city',
    partner: `After ${registry.engine}`,
    country: 'FR',
  });
  const rows = await registry.db
    .selectFrom('audit_log')
    .select('seq')
    .where('entity_id', '=', tie.id)
    .execute();
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.seq).toBeGreaterThan(topAudit);
  await call(registry, 'undo:undo', { scope: 'ties' });
  expect((await call<{ total: number }>(registry, 'ties:list', {})).total).toBe(12);
}
