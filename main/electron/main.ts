import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { createI18n, isLang, type Lang } from '../../shared/i18n';
import { pathsBeside } from '../platform';
import { systemClock } from '../context';
import { engineOf } from '../../db/engine';
import { openRegistry, APP_VERSION, type Registry } from '../registry';
import { MENU_EVENT } from './bridge';
import { bindContract, windowClient } from './ipc';
import { menuTemplate } from './menu';
import { APP_SCHEME, registryPath } from './policy';
import { electronPlatform } from './platform';
import { createAppProtocolHandler } from './protocol';
import { openWithRecovery } from './recovery';
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
let registry: Registry | null = null;
let mainWindow: BrowserWindow | null = null;
let lang: Lang = 'zh';

function windowIds(): ReadonlySet<number> {
  return new Set(BrowserWindow.getAllWindows().map((w) => w.webContents.id));
}

function installMenu(): void {
  const template = menuTemplate(
    lang,
    {
      send: (command) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_EVENT, command),
      setLanguage: (next) => {
        lang = next;
        installMenu();
        // Through the door, so the change is audited under the user's name like any other.
        const window = BrowserWindow.getFocusedWindow() ?? mainWindow;
        void registry?.door(
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
          detail: t('menu.aboutDetail', { version: APP_VERSION, registry: registry?.file ?? '' }),
        });
      },
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
  const file = registryPath(process.argv, process.env, app.getPath('userData'));
  // Attachments travel with the registry file (a server's, in this user's data folder);
  // backups stay in this user's data folder.
  const paths = {
    files:
      engineOf(file) === 'postgres'
        ? path.join(app.getPath('userData'), 'files')
        : pathsBeside(file).files,
    backups: path.join(app.getPath('userData'), 'backups'),
  };
  registry = await openWithRecovery({
    file,
    backupsDir: paths.backups,
    lang: app.getLocale().startsWith('zh') ? 'zh' : 'en',
    clock: systemClock,
    dialog,
    open: () =>
      openRegistry({
        file,
        host: 'electron',
        nativeBinding,
        platform: electronPlatform({
          dialog,
          shell,
          window: () => mainWindow,
          Window: BrowserWindow,
          tempDir: () => app.getPath('temp'),
        }),
        paths,
      }),
  });
  if (!registry) {
    app.quit();
    return;
  }
  if (registry.startup.backupError) {
    const t = createI18n(app.getLocale().startsWith('zh') ? 'zh' : 'en').t;
    void dialog.showMessageBox({
      type: 'warning',
      title: t('backups.title'),
      message: t('recovery.dailyFailed', {
        detail: registry.startup.backupError,
        folder: paths.backups,
      }),
    });
  }
  const saved = (await registry.services.settings.get()).language;
  lang = isLang(saved) ? saved : app.getLocale().startsWith('zh') ? 'zh' : 'en';
  bindContract(ipcMain, registry.door, windowIds, () => lang);
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
    void registry?.close().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
