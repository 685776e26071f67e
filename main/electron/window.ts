import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
} from 'electron';
import {
  APP_ENTRY,
  isAllowedNavigation,
  permissionDecision,
  WEB_PREFERENCES,
  windowOpenDecision,
} from './policy';

/** Every web contents, whatever created it: no navigation away, no new windows, no webviews. */
export function hardenContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const guard = (event: { preventDefault(): void; url?: string }, url?: string) => {
    if (!isAllowedNavigation(url ?? event.url ?? '')) event.preventDefault();
  };
  contents.on('will-navigate', guard as never);
  // Frames inside the page (an iframe a bug or an injected string could add) are held too.
  contents.on('will-frame-navigate', guard as never);
  contents.on('will-redirect', guard as never);
  contents.on('will-attach-webview', ((event: { preventDefault(): void }) =>
    event.preventDefault()) as never);
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

/** Permission requests and checks are all denied, and so is every device (USB, HID, serial). */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> &
    Partial<Pick<Session, 'setDevicePermissionHandler'>>,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionDecision(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler?.((details) => permissionDecision(details.deviceType));
}

export interface WindowOptions {
  readonly preload: string;
  readonly title: string;
}

type WindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(Window: WindowClass, options: WindowOptions): BrowserWindow {
  const win = new Window({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: options.title,
    backgroundColor: '#f6f7f9',
    webPreferences: { ...WEB_PREFERENCES, preload: options.preload },
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
