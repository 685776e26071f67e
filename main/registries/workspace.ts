import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineOf, redactUrl } from '../../db/engine';
import { RegistryOpenError } from '../../db/connection';
import type { Lang } from '../../shared/i18n';
import type { RecentRegistry, RegistriesInfo } from '../../shared/ipc/registries';
import type { Whoami } from '../../shared/staff';
import type { CallContext } from '../core/context';
import type { Door } from '../core/door';
import { AppError } from '../core/errors';
import type { Registry } from '../registry';

/**
 * Several registries, one open at a time: a province and its cities may keep separate files.
 * The workspace holds the open registry, switches to another (opening or creating it), and
 * remembers the recent files and the last one in a small JSON file in the host's user-data
 * folder, never in a registry. Its door always reaches the registry open now, so a host binds
 * it once. Plain Node: the desktop app and the browser host both use it, and tests drive it.
 */

export interface RecentState {
  /** The registry open last, reopened on the next start. */
  readonly last: string | null;
  /** Most recent first, without duplicates. */
  readonly recent: readonly string[];
}

export const MAX_RECENT = 8;
/** In the user-data folder: the recent list, and the sample registry once made. */
export const RECENT_FILE = 'recent-registries.json';
export const SAMPLE_FILE = 'sample-nanjing.db';
/** The folder Electron calls userData for this app, so both hosts share one recent list. */
export const APP_FOLDER = '友城 Youcheng';

export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}

/** The sample spreadsheet: in `resources/samples/` of the checkout, or of a packaged app. */
export function sampleCsv(resources: string): string {
  return path.join(resources, 'resources', 'samples', 'nanjing-ties.csv');
}
export const EMPTY_RECENT: RecentState = { last: null, recent: [] };

/** The state after opening `file`: it goes first, and is the one reopened next time. */
export function remember(state: RecentState, file: string, max = MAX_RECENT): RecentState {
  return { last: file, recent: [file, ...state.recent.filter((f) => f !== file)].slice(0, max) };
}

/** The state without `file` (a file moved away, or the user's choice). */
export function forget(state: RecentState, file: string): RecentState {
  return {
    last: state.last === file ? null : state.last,
    recent: state.recent.filter((f) => f !== file),
  };
}

/** Reads the recent list; a missing or damaged file is an empty list, never a failure. */
export function loadRecent(file: string): RecentState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<RecentState>;
    const recent = Array.isArray(raw.recent)
      ? raw.recent.filter((f): f is string => typeof f === 'string' && path.isAbsolute(f))
      : [];
    const last = typeof raw.last === 'string' && path.isAbsolute(raw.last) ? raw.last : null;
    return { last, recent: recent.slice(0, MAX_RECENT) };
  } catch {
    return EMPTY_RECENT;
  }
}

/** Writes the list beside its final name and renames it into place. */
export function saveRecent(file: string, state: RecentState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2), { mode: 0o600 });
  renameSync(temp, file);
}

/** Where the last session left off: the last registry if its file is still there. */
export function lastRegistry(state: RecentState): string | null {
  return state.last && existsSync(state.last) ? state.last : null;
}

export interface WorkspaceOptions {
  /** Opens (or makes, when missing) a registry file; the host's own openRegistry call. */
  readonly open: (file: string) => Promise<Registry>;
  /** The recent list's JSON file, in the user-data folder; none keeps it in memory only. */
  readonly recentFile?: string;
  /** The sample registry's file and the spreadsheet it is made from. */
  readonly sample?: { readonly file: string; readonly csv: string };
  /** Told after every switch (the desktop app rebuilds its menu and reloads its window). */
  readonly onSwitch?: (registry: Registry) => void;
  /** Whether native dialogs choose files (the desktop app). */
  readonly canPick?: boolean;
}

export interface Workspace {
  readonly door: Door;
  current(): Registry;
  info(): RegistriesInfo;
  state(): RecentState;
  /** Opens `file`, or with `create` makes a new registry there; the old one is closed. */
  open(file: string, create?: boolean, by?: string): Promise<RegistriesInfo>;
  forget(file: string): RegistriesInfo;
  /** Opens the sample registry, making it from its spreadsheet on first use. */
  openSample(ctx: CallContext): Promise<RegistriesInfo>;
  close(): Promise<void>;
}

const SAMPLE_OFFICE: Record<Lang, string> = {
  zh: '南京市人民政府外事办公室（示例）',
  en: 'Nanjing Foreign Affairs Office (sample)',
};

function usablePath(file: string): string {
  if (file.includes('\u0000') || !path.isAbsolute(file))
    throw new AppError('validation', 'registries.errors.relative', { file });
  return path.resolve(file);
}

function hasContent(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

/** A registry that would not open, as a refusal naming the file and why. */
function openFailure(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A damaged file with a good backup: the refusal names the backup and the restore command.
  if (
    error instanceof RegistryOpenError &&
    error.reason === 'integrity' &&
    error.i18n?.params.backup
  )
    return new AppError('rule', 'recovery.integrityBackup', { ...error.i18n.params });
  if (error instanceof RegistryOpenError && error.i18n)
    return new AppError('rule', error.i18n.key, { ...error.i18n.params });
  return new AppError('rule', 'registries.errors.cannotOpen', {
    file,
    detail: error instanceof Error ? error.message : String(error),
  });
}

/** A workspace on `first`: a file to open, or a registry the host opened itself. */
export async function openWorkspace(
  first: string | Registry,
  options: WorkspaceOptions,
): Promise<Workspace> {
  let state = options.recentFile ? loadRecent(options.recentFile) : EMPTY_RECENT;
  let registry = typeof first === 'string' ? await options.open(first) : first;
  const save = () => {
    if (!options.recentFile) return;
    try {
      saveRecent(options.recentFile, state);
    } catch {
      // The list is a convenience: a read-only profile folder must not stop the registry.
    }
  };
  // A server's URL carries its password: it is never written to the recent list.
  if (registry.file !== ':memory:' && engineOf(registry.file) === 'sqlite') {
    state = remember(state, registry.file);
    save();
  }

  const entry = (file: string): RecentRegistry => ({
    file,
    name: path.basename(file),
    exists: existsSync(file),
  });
  const info = (): RegistriesInfo => ({
    file: redactUrl(registry.file),
    name:
      engineOf(registry.file) === 'postgres'
        ? redactUrl(registry.file)
        : path.basename(registry.file),
    recent: state.recent.map(entry),
    canSwitch: true,
    canPick: options.canPick ?? false,
    sample: options.sample !== undefined && registry.file === path.resolve(options.sample.file),
  });

  // The clients a switch signed out, told why on their next look at who they are, until they
  // sign in again (a tab that only finds the sign-in form again would not know what happened).
  let signedOut: { clients: Set<string>; from: string; by: string | null } | null = null;

  async function switchTo(file: string, by?: string): Promise<void> {
    let next: Registry;
    try {
      next = await options.open(file);
    } catch (error) {
      throw openFailure(file, error);
    }
    const old = registry;
    const clients = old.services.staff.signedInClients();
    signedOut =
      clients.length > 0 ? { clients: new Set(clients), from: info().name, by: by ?? null } : null;
    registry = next;
    if (engineOf(next.file) === 'sqlite') state = remember(state, next.file);
    save();
    await old.close();
    options.onSwitch?.(next);
  }

  const workspace: Workspace = {
    async door(channel, input, meta) {
      const result = await registry.door(channel, input, meta);
      const client = meta.client;
      if (!signedOut || client === undefined || !signedOut.clients.has(client) || !result.ok)
        return result;
      if (channel === 'auth:signIn') signedOut.clients.delete(client);
      if (channel !== 'auth:whoami') return result;
      const who = result.value as Whoami;
      if (!who.shared || who.staff !== null) {
        signedOut.clients.delete(client);
        return result;
      }
      return { ok: true, value: { ...who, signedOut: { from: signedOut.from, by: signedOut.by } } };
    },
    current: () => registry,
    info,
    state: () => state,
    async open(given, create = false, by) {
      const file = usablePath(given);
      if (file === registry.file) return info();
      if (create) {
        if (hasContent(file)) throw new AppError('rule', 'registries.errors.exists', { file });
        if (!existsSync(path.dirname(file)))
          throw new AppError('not_found', 'registries.errors.noFolder', {
            folder: path.dirname(file),
          });
      } else if (!existsSync(file)) {
        // An empty file is opened all the same: beside backups of it, it is a registry a failed
        // copy emptied, and the refusal names the backup to restore.
        throw new AppError('not_found', 'registries.errors.missing', { file });
      }
      await switchTo(file, by);
      return info();
    },
    forget(given) {
      const file = path.resolve(given);
      if (file !== registry.file) {
        state = forget(state, file);
        save();
      }
      return info();
    },
    async openSample(ctx) {
      const sample = options.sample;
      if (!sample) throw new AppError('unavailable', 'errors.unavailable', { what: 'sample' });
      const file = path.resolve(sample.file);
      if (file === registry.file) return info();
      const fresh = !hasContent(file);
      mkdirSync(path.dirname(file), { recursive: true });
      await switchTo(file, ctx.actor);
      if (fresh) {
        // The sample goes through the real importer, as a user's spreadsheet would.
        await registry.services.interchange.importFile(sample.csv, { dryRun: false }, ctx);
        // The sample office acts for Nanjing, the locality of every row.
        const nanjing = (await registry.services.reference.localities()).find(
          (l) => l.name === 'Nanjing' || l.name_en === 'Nanjing',
        );
        await registry.handlers['settings:update'](
          {
            patch: {
              officeName: SAMPLE_OFFICE[ctx.lang],
              ...(nanjing ? { jurisdictionId: nanjing.id } : {}),
            },
          },
          ctx,
        );
      }
      return info();
    },
    close: () => registry.close(),
  };
  return workspace;
}
