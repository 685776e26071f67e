import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createI18n, isLang, type Lang } from '../../shared/i18n';
import { can, type Role, type Whoami } from '../../shared/staff';
import { pathsBeside, type RegistryPaths } from '../core/platform';
import { systemClock } from '../core/context';
import { engineOf } from '../../db/engine';
import { openRegistry, APP_VERSION } from '../registry';
import {
  lastRegistry,
  loadRecent,
  openWorkspace,
  RECENT_FILE,
  SAMPLE_FILE,
  sampleCsv,
  type Workspace,
} from '../registries/workspace';
import { MENU_EVENT } from './bridge';
import { bindContract, windowClient } from './ipc';
import { jobWorkerFile } from './job-worker';
import { menuTemplate } from './menu';
import { APP_SCHEME, registryPath } from './policy';
import { electronPlatform } from './platform';
import { createAppProtocolHandler } from './protocol';
import { openWithRecovery } from './recovery';
import { registryPicker } from './registry-dialogs';
import { createMainWindow, hardenContents, hardenSession } from './window';

/**
 * The Electron composition root, kept thin: the core (registry, services, door) is the same one
 * the browser host and the CLI use; this file only wires it to windows, IPC and menus.
 */

// Must precede 'ready': app:// is a standard, secure scheme with fetch, like https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

const distDir = path.join(__dirname, '..');
let workspace: Workspace | null = null;
let mainWindow: BrowserWindow | null = null;
let lang: Lang = 'zh';
/** The signed-in member's role (null: a local registry, or nobody signed in yet). */
let menuRole: Role | null = null;

function windowIds(): ReadonlySet<number> {
  return new Set(BrowserWindow.getAllWindows().map((w) => w.webContents.id));
}

const osLang = (): Lang => (app.getLocale().toLowerCase().startsWith('zh') ? 'zh' : 'en');

/** Attachments travel with a registry; backups stay in this user's data folder, one per file. */
function pathsFor(file: string, defaultFile: string): RegistryPaths {
  const backups = path.join(app.getPath('userData'), 'backups');
  const own = createHash('sha256').update(file).digest('hex').slice(0, 8);
  return {
    // A server's registry keeps its scans in this user's data folder.
    files:
      engineOf(file) === 'postgres'
        ? path.join(app.getPath('userData'), 'files')
        : pathsBeside(file).files,
    backups:
      file === defaultFile
        ? backups
        : path.join(backups, `${path.basename(file, path.extname(file))}-${own}`),
  };
}

/** Reports a refusal from the workspace (a file that is not a registry, say) in a dialog. */
function showRefusal(error: unknown): void {
  const t = createI18n(lang).t;
  const key = (error as { key?: unknown }).key;
  const params = (error as { params?: Record<string, unknown> }).params ?? {};
  dialog.showErrorBox(
    t('menu.openFailed'),
    typeof key === 'string'
      ? t(key, params)
      : error instanceof Error
        ? error.message
        : String(error),
  );
}

async function switchRegistry(work: (w: Workspace) => Promise<unknown>): Promise<void> {
  if (!workspace) return;
  try {
    await work(workspace);
    mainWindow?.webContents.reload();
  } catch (error) {
    showRefusal(error);
  }
}

function installMenu(): void {
  const info = workspace?.info();
  const pick = registryPicker({
    dialog,
    window: () => mainWindow,
    folder: () => path.dirname(workspace?.current().file ?? app.getPath('documents')),
  });
  const template = menuTemplate(
    { lang, recent: info?.recent ?? [], current: info?.file ?? '', role: menuRole },
    {
      send: (command) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_EVENT, command),
      setLanguage: (next) => {
        lang = next;
        installMenu();
        // Through the door, so the change is audited under the user's name like any other;
        // a viewer's switch is this window's only (the office's default is not theirs to set).
        const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
        if (can(menuRole, 'edit'))
          void workspace?.door(
            'settings:update',
            { patch: { language: next } },
            { trusted: true, ...(window ? { client: windowClient(window.webContents.id) } : {}) },
          );
        mainWindow?.webContents.send(MENU_EVENT, `language:${next}`);
      },
      about: () => {
        const t = createI18n(lang).t;
        void dialog.showMessageBox({
          type: 'info',
          title: t('menu.about'),
          message: t('app.title'),
          detail: t('menu.aboutDetail', {
            version: APP_VERSION,
            registry: workspace?.current().file ?? '',
          }),
        });
      },
      newRegistry: () =>
        void switchRegistry(async (w) => {
          const file = await pick('create', lang);
          if (file) await w.open(file, true);
        }),
      openRegistry: () =>
        void switchRegistry(async (w) => {
          const file = await pick('open', lang);
          if (file) await w.open(file);
        }),
      openRecent: (file) => void switchRegistry((w) => w.open(file)),
      openDataFolder: () => void shell.openPath(app.getPath('userData')),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(distDir, 'renderer')));
  // In development `npm start` points at an Electron-ABI build of better-sqlite3; a packaged
  // app carries its own rebuilt copy and ignores the variable.
  const nativeBinding = app.isPackaged
    ? undefined
    : process.env.YOUCHENG_NATIVE_BINDING || undefined;
  const userData = app.getPath('userData');
  const recentFile = path.join(userData, RECENT_FILE);
  const defaultFile = registryPath([], {}, userData);
  // The registry open last reopens, unless --db or YOUCHENG_DB names one.
  const named = registryPath(
    process.argv,
    process.env,
    userData,
    lastRegistry(loadRecent(recentFile)),
  );
  // A postgres:// URL is not a path.
  const file = engineOf(named) === 'postgres' ? named : path.resolve(named);
  const pick = registryPicker({
    dialog,
    window: () => mainWindow,
    folder: () => path.dirname(workspace?.current().file ?? file),
  });
  const switcher: { current?: Workspace } = {};
  const open = (f: string) => {
    const paths = pathsFor(f, defaultFile);
    return openRegistry({
      file: f,
      host: 'electron',
      nativeBinding,
      // Long jobs (import and its preview, export, restore) run in a worker beside main: the
      // window keeps answering. Packaged, from app.asar.unpacked (job-worker.ts).
      jobWorker: jobWorkerFile(__dirname),
      platform: {
        ...electronPlatform({
          dialog,
          shell,
          window: () => mainWindow,
          Window: BrowserWindow,
          tempDir: () => app.getPath('temp'),
        }),
        get registries() {
          return switcher.current && { ...switcher.current, pick };
        },
      },
      paths,
    });
  };
  const first = await openWithRecovery({
    file,
    backupsDir: pathsFor(file, defaultFile).backups,
    lang: osLang(),
    clock: systemClock,
    dialog,
    open: () => open(file),
  });
  if (!first) {
    app.quit();
    return;
  }
  workspace = await openWorkspace(first, {
    open,
    recentFile,
    canPick: true,
    sample: {
      file: path.join(userData, SAMPLE_FILE),
      csv: app.isPackaged
        ? path.join(process.resourcesPath, 'samples', 'nanjing-ties.csv')
        : sampleCsv(path.join(distDir, '..')),
    },
    onSwitch: () => installMenu(),
  });
  switcher.current = workspace;
  if (first.startup.backupError) {
    const t = createI18n(osLang()).t;
    void dialog.showMessageBox({
      type: 'warning',
      title: t('backups.title'),
      message: t('recovery.dailyFailed', {
        detail: first.startup.backupError,
        folder: first.paths.backups,
      }),
    });
  }
  const saved = (await first.services.settings.get()).language;
  lang = isLang(saved) ? saved : osLang();
  // The menu follows the signed-in member's role: what the sign-in calls answer says who it is.
  const opened = workspace;
  const door: typeof opened.door = async (channel, input, meta) => {
    const result = await opened.door(channel, input, meta);
    if (result.ok && typeof channel === 'string' && channel.startsWith('auth:')) {
      const role = (result.value as Whoami).staff?.role ?? null;
      if (role !== menuRole) {
        menuRole = role;
        installMenu();
      }
    }
    return result;
  };
  bindContract(ipcMain, door, windowIds, () => lang);
  installMenu();
  mainWindow = createMainWindow(BrowserWindow, {
    preload: path.join(__dirname, 'preload.cjs'),
    title: createI18n(lang).t('app.title'),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    void (workspace?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
