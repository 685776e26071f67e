import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { WireResult } from '../../shared/result';

/** A real browser host on a fresh registry, started for one test and stopped after it. */
export interface Host {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly db: string;
  readonly dir: string;
  /** Calls the contract over HTTP as the page would, for setting up and checking state. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  raw(channel: string, input: unknown): Promise<WireResult<unknown>>;
}

export async function startHost(dir: string): Promise<{ host: Host; stop(): Promise<void> }> {
  const db = path.join(dir, 'registry.db');
  // The recent list and the sample registry live in the test's own folder, not the user's.
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/youcheng.mjs', 'serve', '--db', db, '--port', '0', '--state', path.join(dir, 'state')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
    setTimeout(() => reject(new Error(`host did not start: ${stderr}`)), 15_000);
  });
  const parsed = new URL(url);
  const token = /token=([^&]+)/.exec(parsed.hash)?.[1] ?? '';
  // The fixture is one client of the host, as a tab is: a call without an id would be a
  // throwaway client, and the first account's sign-in would not last to the next call.
  const client = `fixture-${randomBytes(12).toString('hex')}`;
  const raw = async (channel: string, input: unknown) => {
    const res = await fetch(`${parsed.origin}/api/call/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'X-Youcheng-Client': client,
      },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as WireResult<unknown>;
  };
  const host: Host = {
    url,
    origin: parsed.origin,
    token,
    db,
    dir,
    raw,
    async call<T>(channel: string, input: unknown = {}) {
      const result = await raw(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as T;
    },
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { host, stop };
}

type Fixtures = {
  host: Host;
  /** Whether the registry starts without an office (the first-run dialog shows). */
  firstRun: boolean;
  /** Console errors and CSP violations seen by the page; each test ends by expecting none. */
  pageErrors: string[];
  lang: 'zh' | 'en';
  /** What AG Grid said in the console; every test ends by expecting nothing. */
  agGridConsole: void;
};

export const test = base.extend<Fixtures>({
  lang: ['zh', { option: true }],
  firstRun: [false, { option: true }],
  host: async ({ firstRun }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'youcheng-e2e-'));
    const { host, stop } = await startHost(dir);
    // Most tests start in an office that has been set up; the first-run tests do not.
    if (!firstRun) await host.call('settings:update', { patch: { officeName: '测试外办' } });
    await use(host);
    await stop();
    rmSync(dir, { recursive: true, force: true });
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
  // AG Grid reports a feature it lacks (a module the app did not register, error #200) or an
  // option it ignores only in the console, where no assertion would see it: any such line, in
  // any page of the test's browser context, fails the test that caused it.
  agGridConsole: [
    async ({ context }, use) => {
      const lines: string[] = [];
      context.on('console', (m: ConsoleMessage) => {
        if (/AG Grid: (error|warning) #/.test(m.text())) lines.push(m.text());
      });
      await use();
      expect(lines, 'AG Grid reported in the console').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, lang }, use) => {
    // The first run follows the system language; tests choose it explicitly.
    await page.addInitScript((l) => {
      if (!localStorage.getItem('youcheng.lang')) {
        localStorage.setItem('youcheng.lang', l);
        // As if the user had chosen it: the registry's own language does not override it.
        localStorage.setItem('youcheng.langChosen', '1');
      }
    }, lang);
    await use(page);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join('test-results', 'screenshots', `${name}.png`),
    fullPage: false,
  });
}
