import { v7 as uuidv7 } from 'uuid';
import type { Lang } from '../../shared/i18n';
import type { Role } from '../../shared/staff';

/** Time, as the services see it: injected so tests are deterministic. */
export interface Clock {
  now(): Date;
}

/** Ids are made by the app (UUIDv7: time-ordered, unique across registries to be merged). */
export interface IdSource {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };
/**
 * UUIDv7 from the uuid library, with its random bytes drawn from a pool: by itself it asks
 * crypto for 16 bytes per id, which is most of an id's cost when an import makes hundreds of
 * thousands. Passing the bytes in turns off the library's own ordering of ids made in the
 * same millisecond, so this keeps that state as the library does: a counter seeded from the
 * random bytes at each new millisecond and stepped within one (on overflow, into the next).
 */
export function pooledUuidV7(): IdSource {
  const pool = new Uint8Array(16 * 256);
  let used = pool.length;
  let msecs = -Infinity;
  let seq = 0;
  // The library writes each id's bytes here and the id's text is made from them: no array
  // of its own, no view of the pool and no second string per id.
  const random = new Uint8Array(16);
  const bytes = new Uint8Array(16);
  return {
    next() {
      if (used === pool.length) {
        crypto.getRandomValues(pool);
        used = 0;
      }
      for (let i = 0; i < 16; i++) random[i] = pool[used + i]!;
      used += 16;
      const now = Date.now();
      if (now > msecs) {
        seq = (random[6]! << 23) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
        msecs = now;
      } else {
        seq = (seq + 1) | 0;
        if (seq === 0) msecs++;
      }
      uuidv7({ random, msecs, seq }, bytes, 0);
      return uuidText(bytes);
    },
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Sixteen bytes as a UUID's text, in lower case (as the uuid library writes it). */
function uuidText(b: Uint8Array): string {
  const h = (i: number) => HEX[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

export const uuidV7Ids: IdSource = pooledUuidV7();

/** Who is calling and in which language they read; set by the door for every call. */
export interface CallContext {
  readonly actor: string;
  readonly lang: Lang;
  /** Which client (window, browser tab, CLI run) calls: its sign-in is bound to it. */
  readonly client?: string;
  /** The signed-in staff member's role in a shared registry; absent: the one local user. */
  readonly role?: Role;
}
