import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openRegistry, type Registry, type RegistryOptions } from '../../main/registry';
import { pathsBeside } from '../../main/core/platform';
import { adminQuery } from './postgres-server';
import type { CallContext, Clock, IdSource } from '../../main/core/context';

/** A clock that starts at a fixed instant and moves one second per reading. */
export function steppingClock(
  start = '2026-01-15T09:00:00.000Z',
  stepMs = 1000,
): Clock & { set(iso: string): void } {
  let t = Date.parse(start);
  return {
    now: () => {
      const d = new Date(t);
      t += stepMs;
      return d;
    },
    set: (iso: string) => {
      t = Date.parse(iso);
    },
  };
}

/** Ids that sort in creation order and are readable in failures: `id-000001`, … */
export function sequentialIds(prefix = 'id'): IdSource {
  let n = 0;
  return { next: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}

export const ctx: CallContext = { actor: 'tester', lang: 'en' };

/**
 * Which engine the registries of this test run use: `postgres` in the vitest project of that
 * name (a private server started by test/support/postgres-global.ts), SQLite otherwise.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' =
  process.env.YOUCHENG_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let databases = 0;

/**
 * A fresh, empty registry database on the run's PostgreSQL server, copied from the migrated
 * template; dropped again when the registry closes.
 */
export async function postgresTestRegistry(options: Partial<RegistryOptions> = {}) {
  const base = inject('postgresUrl');
  const name = `t_${process.pid}_${++databases}`;
  await adminQuery(base, [`create database ${name} template youcheng_template`]);
  const registry = await openRegistry({
    host: 'cli',
    clock: steppingClock(),
    ids: sequentialIds(),
    unnamedActor: 'tester',
    paths: pathsBeside(path.join(os.tmpdir(), `youcheng-${name}.db`)),
    ...options,
    file: `${base}${name}`,
  });
  const close = async () => {
    await registry.close();
    await adminQuery(base, [`drop database if exists ${name} with (force)`]);
  };
  return new Proxy(registry, {
    get: (target, key) => (key === 'close' ? close : Reflect.get(target, key, target)),
  });
}

/**
 * A registry built by the real migrations: in memory unless a file is given, or, in the
 * PostgreSQL project, a fresh database on the run's server (a given file stays a SQLite file).
 */
export function testRegistry(options: Partial<RegistryOptions> = {}): Promise<Registry> {
  if (TEST_ENGINE === 'postgres' && (options.file === undefined || options.file === ':memory:'))
    return postgresTestRegistry(options);
  return openRegistry({
    file: ':memory:',
    host: 'cli',
    clock: steppingClock(),
    ids: sequentialIds(),
    unnamedActor: 'tester',
    ...options,
  });
}

/** Calls the door as a trusted sender and unwraps the value, failing loudly on an error. */
export async function call<T = unknown>(
  registry: Registry,
  channel: string,
  input: unknown,
): Promise<T> {
  const result = await registry.door(channel, input, { trusted: true });
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
