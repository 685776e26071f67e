import os from 'node:os';
import path from 'node:path';
import { openSqlite, type OpenOptions } from '../db/connection';
import { appliedMigrations, migrateToLatest } from '../db/migrate';
import { LATEST_SCHEMA } from '../db/migrations';
import type { Db } from '../db/schema';
import type { Lang } from '../shared/i18n';
import type { AppInfo } from '../shared/ipc/reference';
import { systemClock, uuidV7Ids, type Clock, type IdSource } from './context';
import { createDoor, type Door, type DoorOptions } from './door';
import { createHandlers } from './handlers';
import { headlessPlatform, pathsBeside, type Platform, type RegistryPaths } from './platform';
import { createServices, type Services } from './services';

export const APP_VERSION = '0.1.0';

export interface RegistryOptions extends Pick<OpenOptions, 'nativeBinding' | 'busyTimeoutMs'> {
  readonly file: string;
  readonly host: AppInfo['host'];
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** Who the OS says is logged in; the staff name in settings wins over it. */
  readonly osUser?: string;
  readonly lang?: Lang;
  readonly log?: DoorOptions['log'];
  /** Native capabilities of the host; the browser host and the CLI have none. */
  readonly platform?: Platform;
  /** Where attachments and backups live; beside the file unless the host says otherwise. */
  readonly paths?: RegistryPaths;
}

export interface Registry {
  readonly file: string;
  readonly db: Db;
  readonly paths: RegistryPaths;
  readonly services: Services;
  readonly door: Door;
  actor(): Promise<string>;
  close(): Promise<void>;
}

export function osUserName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/**
 * The composition root of the core: opens the file, brings its schema up to date, builds the
 * services and the door. The Electron app, the browser host and the CLI all start here.
 */
export async function openRegistry(options: RegistryOptions): Promise<Registry> {
  const file = options.file === ':memory:' ? options.file : path.resolve(options.file);
  const { db } = openSqlite({
    file,
    nativeBinding: options.nativeBinding,
    busyTimeoutMs: options.busyTimeoutMs ?? 5000,
  });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const paths =
    options.paths ??
    (file === ':memory:'
      ? pathsBeside(path.join(os.tmpdir(), `youcheng-memory-${process.pid}.db`))
      : pathsBeside(file));
  const deps = {
    db,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? uuidV7Ids,
    platform:
      options.platform ?? headlessPlatform(options.host === 'electron' ? 'cli' : options.host),
    paths,
  };
  const services = createServices(deps);
  const osUser = options.osUser ?? osUserName();
  const actor = async () => (await services.settings.get()).staffName ?? osUser;
  const info = async (): Promise<AppInfo> => ({
    version: APP_VERSION,
    registry: file,
    schema: (await appliedMigrations(db)).at(-1) ?? LATEST_SCHEMA,
    actor: await actor(),
    host: options.host,
  });
  const door = createDoor(createHandlers(services, info), {
    actor,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    file,
    db,
    paths,
    services,
    door,
    actor,
    close: () => db.destroy(),
  };
}
