import {
  contract,
  isChannel,
  type Channel,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/ipc/contract';
import { formatMessage, type Lang } from '../../shared/i18n';
import { issuesToDetails } from '../../shared/issues';
import type { IssueDetail, WireError, WireResult } from '../../shared/result';
import type { Role } from '../../shared/staff';
import type { CallContext } from './context';
import { loneSurrogateIn } from '../../shared/names';
import { AppError } from './errors';

/** Every channel's implementation: a missing or mistyped handler is a compile error. */
export type Handlers = {
  [K in Channel]: (input: ParsedInputOf<K>, ctx: CallContext) => Promise<OutputOf<K>>;
};

/** What the transport knows about a call before the door looks at it. */
export interface CallMeta {
  /** The transport's verdict on the sender (Electron frame, HTTP token and origin). */
  readonly trusted: boolean;
  readonly lang?: Lang | undefined;
  /**
   * Which client calls (an Electron window, a browser tab): a sign-in binds to it. Calls without
   * one (the CLI, tests) share one local client.
   */
  readonly client?: string | undefined;
}

export interface DoorOptions {
  readonly actor: () => Promise<string>;
  readonly lang?: Lang;
  readonly log?: (channel: string, error: unknown) => void;
  /** Channels that may not run on this host (a viewer's writes, say). */
  readonly refuse?: (channel: Channel) => string | null;
  /**
   * Who the client is and whether it may call the channel (shared mode: signed in, with the
   * role the channel needs); throws an AppError to refuse. Without it every call is `actor()`.
   */
  readonly admit?: (channel: Channel, client: string) => Promise<{ actor: string; role?: Role }>;
  /**
   * Asked before every write channel runs; throws an AppError to refuse it (a long job holds
   * the registry's write lock: the refusal names it, instead of a busy timeout).
   */
  readonly beforeWrite?: (channel: Channel) => Promise<void>;
}

/** The client of calls that name none: the CLI's one user, the tests. */
export const LOCAL_CLIENT = 'local';

export type Door = (
  channel: unknown,
  input: unknown,
  meta: CallMeta,
) => Promise<WireResult<unknown>>;

function wireError(
  code: WireError['code'],
  key: string,
  params: Record<string, unknown>,
  lang: Lang,
  extra: { details?: readonly Omit<IssueDetail, 'message'>[]; current?: unknown } = {},
): { ok: false; error: WireError } {
  const details = extra.details?.map((d) => ({
    ...d,
    message: formatMessage(d.key, d.params, lang),
  }));
  const head = formatMessage(key, params, lang);
  // The summary names each bad field, so a CLI user sees what to fix without the details.
  const message =
    details && details.length > 0 && code === 'validation'
      ? details
          .map((d) => (d.path.length > 0 ? `${d.path.join('.')}: ${d.message}` : d.message))
          .join('\n')
      : head;
  return {
    ok: false,
    error: {
      code,
      key,
      params,
      message,
      ...(details ? { details } : {}),
      ...(extra.current !== undefined ? { current: extra.current } : {}),
    },
  };
}

/** The engine's own failures that the user can act on, by their result code, worded by key. */
export function storageFailure(
  error: unknown,
): { code: 'busy' | 'storage'; key: string; sqlite: string } | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')
    return { code: 'busy', key: 'errors.busy', sqlite: code };
  if (code === 'SQLITE_FULL') return { code: 'storage', key: 'storage.full', sqlite: code };
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'))
    return { code: 'storage', key: 'storage.readonly', sqlite: code };
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_'))
    return { code: 'storage', key: 'storage.io', sqlite: code };
  return postgresFailure(code);
}

/**
 * PostgreSQL's (SQLSTATE codes, and the socket's when the server is gone), worded as the
 * file's are: a writer that waited too long is busy; a full disk is full; a lost server says so.
 */
function postgresFailure(
  code: string,
): { code: 'busy' | 'storage'; key: string; sqlite: string } | null {
  // lock_not_available (the write lock's timeout), serialization_failure, deadlock_detected.
  if (code === '55P03' || code === '40001' || code === '40P01')
    return { code: 'busy', key: 'errors.busy', sqlite: code };
  if (code === '53100') return { code: 'storage', key: 'storage.full', sqlite: code };
  if (code === '25006') return { code: 'storage', key: 'storage.readonly', sqlite: code };
  // connection_exception (08…), admin or crash shutdown, cannot_connect_now, and the socket.
  if (
    /^08[0-9A-Z]{3}$/.test(code) ||
    /^57P0[1-3]$/.test(code) ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'EPIPE'
  )
    return { code: 'storage', key: 'storage.server', sqlite: code };
  return null;
}

/**
 * Who may call `channel` and as whom: the host's refusals, then (in shared mode) the sign-in
 * and the role the channel needs. The door asks it for every call; a path that reaches a
 * service without the door (the CLI's import, export, backup…) asks it too, for the channel
 * whose work it does, so both are held to one rule written once. Throws an AppError to refuse.
 */
export type Admission = (channel: Channel, meta: CallMeta) => Promise<CallContext>;

export function createAdmission(options: DoorOptions): Admission {
  return async (channel, meta) => {
    const lang = meta.lang ?? options.lang ?? 'en';
    const refusal = options.refuse?.(channel);
    if (refusal) throw new AppError('forbidden', refusal);
    const client = meta.client ?? LOCAL_CLIENT;
    if (!options.admit) return { actor: await options.actor(), lang, client };
    const admitted = await options.admit(channel, client);
    return {
      actor: admitted.actor,
      lang,
      client,
      ...(admitted.role ? { role: admitted.role } : {}),
    };
  };
}

/**
 * The one door: checks the sender, parses the input with the contract's schema, calls the
 * handler and returns a result as data. Handlers never see unvalidated input, and nothing
 * thrown inside escapes as anything but `{ ok: false }`.
 */
export function createDoor(
  handlers: Handlers,
  options: DoorOptions,
  admission: Admission = createAdmission(options),
): Door {
  return async (channel, input, meta) => {
    const lang = meta.lang ?? options.lang ?? 'en';
    if (!meta.trusted) return wireError('forbidden', 'errors.forbidden', {}, lang);
    if (!isChannel(channel)) {
      return wireError(
        'not_found',
        'errors.unknownChannel',
        // Not String(channel): an object without toString would throw out of the door.
        { channel: (typeof channel === 'string' ? channel : `(${typeof channel})`).slice(0, 80) },
        lang,
      );
    }
    let ctx: CallContext;
    // Before the input is parsed: a client that may not call a channel learns nothing of it.
    try {
      ctx = await admission(channel, { ...meta, lang });
    } catch (error) {
      if (error instanceof AppError)
        return wireError(error.code, error.key, { ...error.params }, lang);
      options.log?.(channel, error);
      const storage = storageFailure(error);
      if (storage) return wireError(storage.code, storage.key, { sqlite: storage.sqlite }, lang);
      return wireError('internal', 'errors.internal', {}, lang);
    }
    // Any string, not only names: SQLite would store a lone surrogate as U+FFFD, silently.
    const broken = loneSurrogateIn(input);
    if (broken) {
      return wireError('validation', 'errors.validation.invalid', {}, lang, {
        details: [
          { path: broken.path, key: 'errors.name.surrogate', params: { code: broken.code } },
        ],
      });
    }
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error.issues, (key, params) =>
        formatMessage(key, params, lang),
      );
      return wireError('validation', 'errors.validation.invalid', {}, lang, { details });
    }
    try {
      if (contract[channel].writes) await options.beforeWrite?.(channel);
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError)
        return wireError(error.code, error.key, { ...error.params }, lang, error.extra);
      const storage = storageFailure(error);
      if (storage) return wireError(storage.code, storage.key, { sqlite: storage.sqlite }, lang);
      options.log?.(channel, error);
      return wireError('internal', 'errors.internal', {}, lang);
    }
  };
}
