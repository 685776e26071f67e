/**
 * How sign-in resists guessing: the first few failures for a name or a client cost nothing;
 * after them each try must wait twice as long as the one before, up to a cap; and an account
 * that keeps failing locks (staff.service.ts keeps that count in the registry). A try made too
 * early is refused with the wait, never slept on: the host stays free for everyone else.
 */
export const FREE_FAILURES = 5;
export const LOCK_AFTER = 20;
export const FIRST_WAIT_MS = 1000;
export const MAX_WAIT_MS = 15 * 60 * 1000;
/** Names and clients remembered at most; the oldest is forgotten first (a flood of made-up names). */
export const MAX_TRACKED = 10_000;

/** How long after its last failure the next try of a key that failed `failures` times waits. */
export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_MS);
}

export interface Throttle {
  /** Milliseconds the keys must still wait at `now` (0: a try may go ahead). */
  waitMs(keys: readonly string[], now: number): number;
  /** One more failure of each key at `now`; returns the highest count among them. */
  fail(keys: readonly string[], now: number): number;
  /** A good sign-in or an unlock: these keys start again. */
  clear(keys: readonly string[]): void;
}

export function createThrottle(max = MAX_TRACKED): Throttle {
  const seen = new Map<string, { failures: number; last: number }>();
  return {
    waitMs(keys, now) {
      let wait = 0;
      for (const key of keys) {
        const entry = seen.get(key);
        if (entry) wait = Math.max(wait, entry.last + waitAfter(entry.failures) - now);
      }
      return wait;
    },
    fail(keys, now) {
      let most = 0;
      for (const key of keys) {
        const failures = (seen.get(key)?.failures ?? 0) + 1;
        seen.delete(key);
        seen.set(key, { failures, last: now });
        most = Math.max(most, failures);
        if (seen.size > max) seen.delete(seen.keys().next().value as string);
      }
      return most;
    },
    clear(keys) {
      for (const key of keys) seen.delete(key);
    },
  };
}
