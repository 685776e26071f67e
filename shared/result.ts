/**
 * What crosses the door: a value, or an error as data. Codes are few and stable, so the
 * renderer and the CLI can act on them; `key` and `params` let each side word the message in
 * its own language, and `message` is the English wording for logs and the CLI.
 */
export const ERROR_CODES = [
  'validation', // the input does not fit the contract or a value is refused
  'not_found',
  'conflict', // a stale version: someone else saved first
  'rule', // the domain refuses (a stage the tie cannot reach, a duplicate tie)
  'forbidden', // the sender, the token or the role is not allowed
  'busy', // the registry stayed locked by another writer
  'job_running', // a long job (an import, a restore) holds the registry until it ends
  'storage', // the disk is full or the file cannot be written
  'unavailable', // the operation needs something this host does not have
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IssueDetail {
  /** Where in the input: `['patch', 'established_on']`, or a row and column for pastes. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

export interface WireError {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
  readonly details?: readonly IssueDetail[] | undefined;
  /** For conflicts: the record as it is now, so the user sees what won. */
  readonly current?: unknown;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };
