import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createDoor, type Handlers } from '../../../main/core/door';
import { bindContract } from '../../../main/electron/ipc';
import { APP_ENTRY, isTrustedSender, permissionDecision } from '../../../main/electron/policy';
import { createAppProtocolHandler } from '../../../main/electron/protocol';
import { hardenContents, hardenSession } from '../../../main/electron/window';
import { contentSecurityPolicy } from '../../../main/core/security';
import { CHANNELS } from '../../../shared/ipc/contract';

/**
 * What electronegativity cannot see: the fuses flipped at packaging, the app:// protocol,
 * and the door's own refusal of an untrusted sender.
 */
describe('packaging', () => {
  const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
    electronFuses?: Record<string, boolean>;
    asar?: boolean;
  };

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['grantFileProtocolExtraPrivileges', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('packs the app into an asar archive (what integrity validation checks)', () => {
    expect(config.asar).toBe(true);
  });

  it('explains every electronegativity finding it accepts, each with its own reason', () => {
    const accepted = JSON.parse(readFileSync('electronegativity.json', 'utf8')) as {
      accepted: { id: string; file: string; why: string }[];
      exclude: Record<string, string>;
    };
    const checks = electronegativityChecks();
    expect(accepted.accepted.length + Object.keys(accepted.exclude).length).toBeGreaterThan(0);
    const ids = accepted.accepted.map((a) => `${a.id} ${a.file}`);
    expect(new Set(ids).size, 'each finding is accepted once').toBe(ids.length);
    for (const a of accepted.accepted) {
      // A finding electronegativity can actually report, at a place it names.
      expect([...checks.ids], a.id).toContain(a.id);
      expect(a.file, a.id).toMatch(/\S/);
      // Its reason is a sentence of its own that points at the code doing what the check asks
      // for, and at the tests that hold it there: files that exist.
      expect(a.why.length, a.id).toBeGreaterThan(40);
      expect(a.why, a.id).toMatch(/[.)]$/);
      const cited = [
        ...a.why.matchAll(/\b((?:main|renderer|shared|test|scripts)\/[\w./-]+\.\w+)/g),
      ];
      expect(cited.length, `${a.id} cites where it is handled`).toBeGreaterThan(0);
      for (const [, file] of cited) expect(existsSync(file!), `${a.id} cites ${file}`).toBe(true);
      expect(
        cited.some(([, f]) => f!.startsWith('test/')),
        `${a.id} cites its test`,
      ).toBe(true);
    }
    const reasons = Object.values(accepted.exclude);
    expect(new Set(reasons).size, 'each excluded check has its own reason').toBe(reasons.length);
    for (const [check, why] of Object.entries(accepted.exclude)) {
      expect([...checks.names], check).toContain(check);
      expect(why.length, check).toBeGreaterThan(20);
      expect(why, check).toMatch(/[.)]$/);
    }
  });
});

/** The checks the installed electronegativity has: their class names and the ids they report. */
function electronegativityChecks(): { names: Set<string>; ids: Set<string> } {
  const dir = path.join(
    'node_modules',
    '@doyensec',
    'electronegativity',
    'dist',
    'finder',
    'checks',
  );
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.js')) continue;
    names.add(path.basename(entry, '.js'));
    for (const [, id] of readFileSync(path.join(dir, entry), 'utf8').matchAll(
      /this\.id = "([A-Z_]+)"/g,
    ))
      ids.add(id!);
  }
  return { names, ids };
}

describe('the app:// protocol', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'yc-hardening-'));
  const root = path.join(base, 'renderer');
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<html><head></head><body></body></html>');
  const handle = createAppProtocolHandler(root);

  it.each([
    ['a malformed escape', 'app://youcheng/%', 404],
    ['an escape that decodes to a traversal', 'app://youcheng/%2e%2e%2f%2e%2e%2fetc/passwd', 404],
    ['a backslash traversal', 'app://youcheng/..%5c..%5csecret', 404],
    ['another host', 'app://youcheng.evil/index.html', 404],
  ])('answers %s with %d', async (_label, url, status) => {
    expect((await handle(new Request(url))).status).toBe(status);
  });

  it('answers nothing but GET', async () => {
    const post = await handle(new Request('app://youcheng/index.html', { method: 'POST' }));
    expect(post.status).toBe(404);
  });

  it('states the same policy as a header and a meta tag (less frame-ancestors)', async () => {
    const res = await handle(new Request(APP_ENTRY));
    const header = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(header)?.[1] ?? '';
    const html = await res.text();
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(header).toBe(contentSecurityPolicy(nonce));
    expect(meta).toBe(contentSecurityPolicy(nonce, { meta: true }));
    expect(header).toContain("frame-ancestors 'none'");
    expect(meta).not.toContain('frame-ancestors');
    for (const policy of [header, meta ?? ''])
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the sender, at the door', () => {
  const ours = new Set([7]);
  it.each([
    ['a destroyed frame', { frameUrl: undefined, isMainFrame: false, webContentsId: 7 }],
    ['an iframe on our origin', { frameUrl: APP_ENTRY, isMainFrame: false, webContentsId: 7 }],
    ['a page on file://', { frameUrl: 'file:///tmp/x.html', isMainFrame: true, webContentsId: 7 }],
    [
      'a look-alike host',
      { frameUrl: 'app://youcheng.evil/', isMainFrame: true, webContentsId: 7 },
    ],
    ['a devtools page', { frameUrl: 'devtools://devtools/', isMainFrame: true, webContentsId: 7 }],
    ['another web contents', { frameUrl: APP_ENTRY, isMainFrame: true, webContentsId: 8 }],
  ])('distrusts %s', (_label, sender) => {
    expect(isTrustedSender(sender, ours)).toBe(false);
  });

  it('refuses every channel to an untrusted sender before its handler runs', async () => {
    let ran = 0;
    const handlers = Object.fromEntries(
      CHANNELS.map((c) => [c, async () => (ran++, null)]),
    ) as unknown as Handlers;
    const door = createDoor(handlers, { actor: async () => 'x' });
    const ipc = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    bindContract(
      { handle: (c: string, h: never) => ipc.set(c, h), removeHandler: () => undefined } as never,
      door,
      () => ours,
      () => 'en',
    );
    for (const channel of CHANNELS) {
      const result = await ipc.get(channel)?.({ sender: { id: 7 }, senderFrame: null }, {});
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(ran).toBe(0);
  });
});

describe('web contents and sessions', () => {
  it('holds navigation in frames too, and denies devices', () => {
    const events = new Map<string, (e: { preventDefault(): void }, url?: string) => void>();
    hardenContents({
      on: (name: string, h: never) => events.set(name, h),
      setWindowOpenHandler: () => undefined,
    } as never);
    let prevented = false;
    events.get('will-frame-navigate')?.({ preventDefault: () => (prevented = true) }, 'https://x/');
    expect(prevented).toBe(true);
    let device: ((d: { deviceType: string }) => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: (h: never) => (device = h),
    } as never);
    for (const deviceType of ['usb', 'hid', 'serial'])
      expect(device?.({ deviceType }), deviceType).toBe(false);
    expect(permissionDecision('openExternal')).toBe(false);
  });
});
