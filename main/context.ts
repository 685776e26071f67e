import { v7 as uuidv7 } from 'uuid';
import type { Lang } from '../shared/i18n';
import type { Role } from '../shared/staff';

/** Time, as the services see it: injected so tests are deterministic. */
export interface Clock {
  now(): Date;
}

/** Ids are made by the app (UUIDv7: time-ordered, unique across registries to be merged). */
export interface IdSource {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const uuidV7Ids: IdSource = { next: () => uuidv7() };

/** Who is calling and in which language they read; set by the door for every call. */
export interface CallContext {
  readonly actor: string;
  readonly lang: Lang;
  /** Which client (window, browser tab, CLI run) calls: its sign-in is bound to it. */
  readonly client?: string;
  /** The signed-in staff member's role in a shared registry; absent: the one local user. */
  readonly role?: Role;
}
