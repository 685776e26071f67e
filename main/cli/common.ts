import { InvalidArgumentError, Option } from 'commander';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegistryOpenError } from '../../db/connection';
import { formatMessage, isLang, type Lang } from '../../shared/i18n';
import { openErrorText, openRegistry, type Registry } from '../registry';

/** What every command shares: output streams, failures, options, opening the registry. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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
): Promise<T> {
  let registry: Registry;
  try {
    registry = await openRegistry({ file, host: 'cli', ...(lang ? { lang } : {}) });
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
