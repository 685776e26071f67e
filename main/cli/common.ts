import { InvalidArgumentError, Option } from 'commander';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegistryOpenError } from '../../db/connection';
import { formatMessage, isLang, type Lang } from '../../shared/i18n';
import type { Channel } from '../../shared/ipc/contract';
import type { WireError, WireResult } from '../../shared/result';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import { openErrorText, openRegistry, type Registry, type RegistryOptions } from '../registry';

/** What every command shares: output streams, failures, options, opening the registry. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The worker of long jobs, bundled beside the CLI (dist/node/jobs-worker.mjs). Run from its
 * sources (a test) the CLI has none beside it, and its jobs run in its own process.
 */
export const JOB_WORKER: string | undefined = (() => {
  const file = fileURLToPath(new URL('./jobs-worker.mjs', import.meta.url));
  return existsSync(file) ? file : undefined;
})();

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export class CliFailure extends Error {}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`“${value}” is not a port number (0–65535).`);
  }
  return port;
}

export function parseLang(value: string): Lang {
  if (!isLang(value)) throw new InvalidArgumentError(`“${value}” is not a language: use zh or en.`);
  return value;
}

export function dbOption() {
  return new Option(
    '--db <registry>',
    'the registry: a file (created if missing) or a postgres:// URL of an office server',
  ).env('YOUCHENG_DB');
}

export function requireDb(db: string | undefined): string {
  if (!db)
    throw new CliFailure(
      'Name the registry with --db FILE or --db postgres://… (or set YOUCHENG_DB).',
    );
  return db;
}

export async function withRegistry<T>(
  file: string,
  lang: Lang | undefined,
  work: (r: Registry) => Promise<T>,
  options: Partial<RegistryOptions> = {},
): Promise<T> {
  let registry: Registry;
  try {
    registry = await openRegistry({
      file,
      host: 'cli',
      jobWorker: JOB_WORKER,
      ...(lang ? { lang } : {}),
      ...options,
    });
  } catch (error) {
    if (error instanceof RegistryOpenError)
      throw new CliFailure(openErrorText(error, lang ?? 'en'));
    throw error;
  }
  if (registry.startup.backupError)
    processIo.err(
      `youcheng: ${formatMessage('recovery.dailyFailed', { detail: registry.startup.backupError, folder: registry.paths.backups }, lang ?? 'en')}`,
    );
  try {
    return await work(registry);
  } finally {
    await registry.close();
  }
}

/** `--user`: who signs in to a shared registry; the password never goes on the command line. */
export function userOption() {
  return new Option(
    '--user <name>',
    'in a shared registry (one with staff accounts), sign in as this staff member; the password comes from YOUCHENG_PASSWORD',
  );
}

/** A refusal by the door, worded for the terminal: the code, the message, and what to do. */
export function refusalText(
  error: Pick<WireError, 'code' | 'key' | 'message'>,
  lang: Lang,
  user: string | undefined,
): string {
  const text = `${error.code}: ${error.message}`;
  if (
    user === undefined &&
    (error.key === 'auth.signInNeeded' || error.key === 'auth.needs.viewer')
  )
    return `${text}\n${formatMessage('auth.cliSignIn', {}, lang)}`;
  return text;
}

/** One run of a command on a registry, as one client of its door (signed in, in shared mode). */
export interface Session {
  readonly registry: Registry;
  readonly lang: Lang;
  /** Calls a channel through the door, as this run (its messages in `lang`, if given). */
  call(channel: string, input: unknown, lang?: Lang): Promise<WireResult<unknown>>;
  /**
   * The context for doing `channel`'s work without the door (an import from a path, a backup):
   * admitted by the door's own rule, so the same sign-in and role are needed either way, and
   * the role travels on to the checks inside the writes. Refusals are CLI failures.
   */
  as(channel: Channel): Promise<CallContext>;
}

/**
 * Signs this run in when `user` is given (password from YOUCHENG_PASSWORD). Each run is a
 * client of its own: nothing it signs in outlives it or is shared with another run.
 */
export async function startSession(
  registry: Registry,
  lang: Lang,
  user: string | undefined,
): Promise<Session> {
  const meta = { trusted: true, lang, client: `cli:${randomUUID()}` };
  if (user !== undefined) {
    const password = process.env.YOUCHENG_PASSWORD ?? '';
    const signedIn = await registry.door('auth:signIn', { name: user, password }, meta);
    if (!signedIn.ok) throw new CliFailure(refusalText(signedIn.error, lang, user));
  }
  return {
    registry,
    lang,
    call: (channel, input, said) =>
      registry.door(channel, input, said ? { ...meta, lang: said } : meta),
    async as(channel) {
      try {
        return await registry.admit(channel, meta);
      } catch (error) {
        if (error instanceof AppError)
          throw new CliFailure(
            refusalText(
              {
                code: error.code,
                key: error.key,
                message: formatMessage(error.key, error.params, lang),
              },
              lang,
              user,
            ),
          );
        throw error;
      }
    },
  };
}

/** Opens the registry and starts a session on it for the length of `work`. */
export function withSession<T>(
  file: string,
  opts: { readonly lang?: Lang | undefined; readonly user?: string | undefined },
  work: (session: Session) => Promise<T>,
  options: Partial<RegistryOptions> = {},
): Promise<T> {
  return withRegistry(
    file,
    opts.lang,
    async (registry) => work(await startSession(registry, opts.lang ?? 'en', opts.user)),
    options,
  );
}
