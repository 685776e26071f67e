import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildBridge, MENU_EVENT } from '../../../main/electron/bridge';
import { bindContract } from '../../../main/electron/ipc';
import { APP_ENTRY } from '../../../main/electron/policy';
import { createAppProtocolHandler } from '../../../main/electron/protocol';
import { createMainWindow, hardenContents, hardenSession } from '../../../main/electron/window';
import type { Door } from '../../../main/core/door';
import { CHANNELS } from '../../../shared/ipc/contract';

/** Small fakes of the Electron objects the wiring touches. */
class FakeContents extends EventEmitter {
  static next = 1;
  readonly id = FakeContents.next++;
  windowOpenHandler: (() => unknown) | null = null;
  setWindowOpenHandler(handler: () => unknown) {
    this.windowOpenHandler = handler;
  }
}

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeContents();
  loaded: string | null = null;
  shown = false;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    FakeWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
}

function navigationEvent(url: string) {
  let prevented = false;
  return { event: { url, preventDefault: () => (prevented = true) }, prevented: () => prevented };
}

describe('Electron wiring with fakes', () => {
  it('creates a secure window that loads the app entry and shows when ready', () => {
    const win = createMainWindow(FakeWindow as never, {
      preload: '/p/preload.cjs',
      title: '友城',
    }) as unknown as FakeWindow;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/p/preload.cjs',
    });
    expect(win.loaded).toBe(APP_ENTRY);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('stops navigation away, redirects, webviews and new windows', () => {
    const contents = new FakeContents();
    hardenContents(contents as never);
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-navigate', away.event, 'https://evil.example/');
    expect(away.prevented()).toBe(true);
    const home = navigationEvent(APP_ENTRY);
    contents.emit('will-navigate', home.event, APP_ENTRY);
    expect(home.prevented()).toBe(false);
    const redirect = navigationEvent('file:///etc/passwd');
    contents.emit('will-redirect', redirect.event);
    expect(redirect.prevented()).toBe(true);
    const webview = navigationEvent('');
    contents.emit('will-attach-webview', webview.event);
    expect(webview.prevented()).toBe(true);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const calls: {
      request?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
      check?: (wc: unknown, p: string) => boolean;
    } = {};
    hardenSession({
      setPermissionRequestHandler: (h: never) => (calls.request = h),
      setPermissionCheckHandler: (h: never) => (calls.check = h),
    } as never);
    const answers: boolean[] = [];
    calls.request?.(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(calls.check?.(null, 'clipboard-read')).toBe(false);
  });

  it('binds every channel to the door and checks the sender frame', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (c: string, h: never) => handlers.set(c, h),
      removeHandler: (c: string) => handlers.delete(c),
    };
    const seen: { channel: unknown; input: unknown; trusted: boolean }[] = [];
    const door: Door = async (channel, input, meta) => {
      seen.push({ channel, input, trusted: meta.trusted });
      return { ok: true, value: null };
    };
    const unbind = bindContract(
      ipcMain as never,
      door,
      () => new Set([42]),
      () => 'zh',
    );
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const main = { url: APP_ENTRY, parent: null };
    await handlers.get('ties:list')?.({ sender: { id: 42 }, senderFrame: main }, { quick: 'x' });
    await handlers.get('ties:list')?.(
      { sender: { id: 42 }, senderFrame: { url: APP_ENTRY, parent: main } },
      {},
    );
    await handlers.get('ties:list')?.({ sender: { id: 9 }, senderFrame: main }, {});
    await handlers.get('ties:list')?.(
      { sender: { id: 42 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      {},
    );
    expect(seen.map((s) => s.trusted)).toEqual([true, false, false, false]);
    expect(seen[0]).toEqual({ channel: 'ties:list', input: { quick: 'x' }, trusted: true });
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('exposes one frozen function per channel and nothing of ipcRenderer', async () => {
    const invoked: unknown[][] = [];
    const ipc = Object.assign(new EventEmitter(), {
      invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve('r')),
    });
    const bridge = buildBridge(ipc as never);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS, 'onMenu'].sort());
    expect(await (bridge['ties:get'] as (i: unknown) => Promise<unknown>)({ id: 'a' })).toBe('r');
    expect(invoked).toEqual([['ties:get', { id: 'a' }]]);
    expect('invoke' in bridge || 'send' in bridge || 'ipcRenderer' in bridge).toBe(false);
    const commands: string[] = [];
    const off = (bridge.onMenu as (l: (c: string) => void) => () => void)((c) => commands.push(c));
    ipc.emit(MENU_EVENT, {}, 'find');
    ipc.emit(MENU_EVENT, {}, { not: 'a string' });
    off();
    ipc.emit(MENU_EVENT, {}, 'after');
    expect(commands).toEqual(['find']);
  });

  it('serves the renderer on app:// with a fresh nonce and the CSP, and nothing outside it', async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'yc-proto-'));
    const root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(
      path.join(root, 'index.html'),
      '<html><head><meta property="csp-nonce" nonce="__YOUCHENG_NONCE__"></head></html>',
    );
    writeFileSync(path.join(root, 'assets', 'a.js'), 'console.log(1)');
    writeFileSync(path.join(root, '..', 'secret.txt'), 'secret');
    const handle = createAppProtocolHandler(root);
    const first = await handle(new Request('app://youcheng/index.html'));
    const second = await handle(new Request('app://youcheng/'));
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await first.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    expect(
      (await handle(new Request('app://youcheng/assets/a.js'))).headers.get('content-type'),
    ).toMatch(/javascript/);
    expect((await handle(new Request('app://youcheng/../secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://youcheng/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });
});

describe('the Electron composition root', () => {
  it('wires the core, the protocol, IPC, the menu and a hardened window', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-electron-'));
    process.env.YOUCHENG_DB = path.join(dir, 'registry.db');
    const record: Record<string, unknown[]> = {
      handled: [],
      protocols: [],
      privileged: [],
      menus: [],
      appEvents: [],
    };
    let ready: () => void = () => undefined;
    const whenReady = new Promise<void>((r) => (ready = r));
    vi.doMock('electron', () => {
      const app = {
        enableSandbox: () => record.appEvents?.push('sandbox'),
        requestSingleInstanceLock: () => true,
        on: (name: string) => record.appEvents?.push(name),
        whenReady: () => whenReady,
        isPackaged: false,
        getPath: () => dir,
        getLocale: () => 'zh-CN',
        quit: () => record.appEvents?.push('quit'),
      };
      return {
        app,
        BrowserWindow: Object.assign(FakeWindow, {
          getAllWindows: () => FakeWindow.created,
          getFocusedWindow: () => null,
        }),
        dialog: {
          showErrorBox: (...a: unknown[]) => record.appEvents?.push(['error', ...a]),
          showMessageBox: async () => ({}),
        },
        shell: { openPath: async () => '' },
        ipcMain: { handle: (c: string) => record.handled?.push(c), removeHandler: () => undefined },
        Menu: {
          buildFromTemplate: (t: unknown) => t,
          setApplicationMenu: (m: unknown) => record.menus?.push(m),
        },
        protocol: {
          registerSchemesAsPrivileged: (s: unknown) => record.privileged?.push(s),
          handle: (scheme: string) => record.protocols?.push(scheme),
        },
        session: {
          defaultSession: {
            setPermissionRequestHandler: () => record.appEvents?.push('perm-request'),
            setPermissionCheckHandler: () => record.appEvents?.push('perm-check'),
          },
        },
      };
    });
    FakeWindow.created = [];
    await import('../../../main/electron/main');
    expect(record.privileged).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    ]);
    expect(record.appEvents).toEqual(
      expect.arrayContaining([
        'sandbox',
        'second-instance',
        'web-contents-created',
        'window-all-closed',
      ]),
    );
    ready();
    await vi.waitFor(() => expect(FakeWindow.created.length).toBe(1), { timeout: 10_000 });
    expect(record.protocols).toEqual(['app']);
    expect(record.appEvents).toEqual(expect.arrayContaining(['perm-request', 'perm-check']));
    expect([...(record.handled as string[])].sort()).toEqual([...CHANNELS].sort());
    expect(record.menus).toHaveLength(1);
    const win = FakeWindow.created[0] as FakeWindow;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(win.options.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toBe(APP_ENTRY);
    vi.doUnmock('electron');
    delete process.env.YOUCHENG_DB;
  });
});
