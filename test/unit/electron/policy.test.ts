import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  registryPath,
  WEB_PREFERENCES,
  windowOpenDecision,
} from '../../../main/electron/policy';

describe('Electron policy', () => {
  it.each([
    [APP_ENTRY, true],
    ['app://youcheng/', true],
    ['app://youcheng/assets/index.js', true],
    ['app://other/index.html', false],
    ['app://user:pw@youcheng/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:3000/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>x</h1>', false],
    ['not a url', false],
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('denies new windows and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
    ]) {
      expect(permissionDecision(p)).toBe(false);
    }
  });

  const ours = new Set([7]);
  it.each([
    [{ frameUrl: APP_ENTRY, isMainFrame: true, webContentsId: 7 }, true],
    [{ frameUrl: APP_ENTRY, isMainFrame: false, webContentsId: 7 }, false],
    [{ frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 7 }, false],
    [{ frameUrl: APP_ENTRY, isMainFrame: true, webContentsId: 8 }, false],
    [{ frameUrl: undefined, isMainFrame: true, webContentsId: 7 }, false],
  ])('sender %j trusted: %s', (sender, trusted) => {
    expect(isTrustedSender(sender, ours)).toBe(trusted);
  });

  it('keeps the secure web preferences', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it.each([
    [['electron', '.', '--db', '/data/a.db'], {}, '/data/a.db'],
    [['electron', '.', '--db=/data/b.db'], { YOUCHENG_DB: '/env.db' }, '/data/b.db'],
    [['electron', '.'], { YOUCHENG_DB: '/env.db' }, '/env.db'],
    [['electron', '.'], {}, '/home/u/.config/youcheng/registry.db'],
  ])('finds the registry from %j and %j', (argv, env, expected) => {
    expect(registryPath(argv, env, '/home/u/.config/youcheng/')).toBe(expected);
  });

  it('reopens the registry used last unless --db or YOUCHENG_DB names one', () => {
    const last = '/data/jiangsu.db';
    expect(registryPath([], {}, '/u', last)).toBe(last);
    expect(registryPath(['--db', '/x.db'], {}, '/u', last)).toBe('/x.db');
    expect(registryPath([], { YOUCHENG_DB: '/y.db' }, '/u', last)).toBe('/y.db');
    expect(registryPath([], {}, '/u', null)).toBe('/u/registry.db');
  });
});
