import { openRegistry, type Registry, type RegistryOptions } from '../../main/registry';
import type { CallContext, Clock, IdSource } from '../../main/context';

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

/** A registry built by the real migrations, in memory unless a file is given. */
export function testRegistry(options: Partial<RegistryOptions> = {}): Promise<Registry> {
  return openRegistry({
    file: ':memory:',
    host: 'cli',
    clock: steppingClock(),
    ids: sequentialIds(),
    osUser: 'tester',
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
