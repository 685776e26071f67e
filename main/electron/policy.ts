/**
 * The Electron shell's security rules as pure predicates (tested table-driven): what the
 * window may navigate to, who may call the contract, which permissions are granted.
 */

/** The renderer is served from this custom scheme and host, never from file:// or the web. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'youcheng';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (
      u.protocol === `${APP_SCHEME}:` &&
      u.host === APP_HOST &&
      u.username === '' &&
      u.password === ''
    );
  } catch {
    return false;
  }
}

/** Navigation away from the app is never allowed; in-app navigation is a reload at most. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** No page opens windows: links to the web are not followed at all. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The renderer needs no camera, microphone, notifications, geolocation or anything else. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

export interface SenderInfo {
  readonly frameUrl: string | undefined;
  /** Whether the calling frame is the top frame of its page (not an iframe). */
  readonly isMainFrame: boolean;
  readonly webContentsId: number;
}

/** Calls are answered only from the top frame of one of our windows showing our own page. */
export function isTrustedSender(sender: SenderInfo, windowIds: ReadonlySet<number>): boolean {
  return sender.isMainFrame && windowIds.has(sender.webContentsId) && isAppUrl(sender.frameUrl);
}

/** Secure defaults for every window we create; tests assert each of them. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

/**
 * Where the registry lives: `--db FILE`, else YOUCHENG_DB, else the one open last (from the
 * recent list), else `registry.db` in the user-data folder.
 */
export function registryPath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userData: string,
  last: string | null = null,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db' && argv[i + 1]) return argv[i + 1] as string;
    if (arg?.startsWith('--db=')) return arg.slice('--db='.length);
  }
  if (env.YOUCHENG_DB) return env.YOUCHENG_DB;
  if (last) return last;
  return `${userData.replace(/[\\/]+$/, '')}/registry.db`;
}
