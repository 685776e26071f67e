import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createChromiumPrinter,
  launchChromium,
  type ChromiumPrinter,
  type ChromiumPrinterOptions,
} from '../../main/reports/chromium';
import { buildOffice, eventWriter } from '../support/office';
import { call, testRegistry } from '../support/registry';

/**
 * The warm Chromium of the browser host and the CLI (main/reports/chromium.ts), on the real
 * /usr/bin/chromium: launched once and reused, replaced when it dies, closed when idle and
 * when its owner closes. The launcher is the real one, only counted.
 */

const DOC = (n: number) =>
  `<!doctype html><html><head><style>@page { size: A4; margin: 20mm; }</style></head>` +
  `<body><h1>Document number ${n}</h1></body></html>`;

const dir = mkdtempSync(path.join(tmpdir(), 'yc-printer-'));
let files = 0;

/** The text pdftotext reads from PDF bytes, spaces collapsed. */
function textOf(bytes: Uint8Array): string {
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const file = path.join(dir, `doc-${++files}.pdf`);
  writeFileSync(file, bytes);
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout.replace(/\s+/g, ' ');
}

/** The browser process's id, as Chromium itself reports it. */
async function pidOf(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const main = processInfo.find((p) => p.type === 'browser');
    if (!main) throw new Error('Chromium named no browser process');
    return main.id;
  } finally {
    await cdp.detach();
  }
}

function disconnected(browser: Browser, withinMs = 15_000): Promise<void> {
  if (!browser.isConnected()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the browser is still connected')), withinMs);
    browser.once('disconnected', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const printers: ChromiumPrinter[] = [];

/** A printer whose launches are recorded, closed after the test whatever happens. */
function counted(options: Omit<ChromiumPrinterOptions, 'launch'> = {}) {
  const launched: Browser[] = [];
  const printer = createChromiumPrinter({
    ...options,
    launch: async () => {
      const browser = await launchChromium();
      launched.push(browser);
      return browser;
    },
  });
  printers.push(printer);
  return { printer, launched };
}

afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

describe('the warm Chromium printer', () => {
  it('launches on the first PDF and prints the next one on the same browser', async () => {
    const { printer, launched } = counted();
    expect(launched).toHaveLength(0);
    expect(textOf(await printer.pdf(DOC(1)))).toContain('Document number 1');
    const [browser] = launched;
    if (!browser) throw new Error('no launch');
    const pid = await pidOf(browser);
    expect(textOf(await printer.pdf(DOC(2)))).toContain('Document number 2');
    expect(launched).toHaveLength(1);
    expect(browser.isConnected()).toBe(true);
    expect(await pidOf(browser)).toBe(pid);
    // Each PDF had a context of its own, closed after it.
    expect(browser.contexts()).toHaveLength(0);
  }, 60_000);

  it('prints several PDFs at once on one browser, each its own document', async () => {
    const { printer, launched } = counted();
    const pdfs = await Promise.all([1, 2, 3].map((n) => printer.pdf(DOC(n))));
    expect(pdfs.map((bytes) => textOf(bytes).match(/Document number (\d)/)?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(launched).toHaveLength(1);
  }, 60_000);

  it('replaces a browser that was killed between PDFs', async () => {
    const { printer, launched } = counted();
    await printer.pdf(DOC(1));
    const first = launched[0] as Browser;
    const pid = await pidOf(first);
    process.kill(pid, 'SIGKILL');
    await disconnected(first);
    expect(textOf(await printer.pdf(DOC(2)))).toContain('Document number 2');
    expect(launched).toHaveLength(2);
    expect(await pidOf(launched[1] as Browser)).not.toBe(pid);
  }, 60_000);

  it('prints on a new browser when the PDF meets the old one dead', async () => {
    const { printer, launched } = counted();
    await printer.pdf(DOC(1));
    // No waiting for Playwright to notice: the next PDF finds out itself.
    process.kill(await pidOf(launched[0] as Browser), 'SIGKILL');
    expect(textOf(await printer.pdf(DOC(2)))).toContain('Document number 2');
    expect(launched).toHaveLength(2);
    expect(launched[1]?.isConnected()).toBe(true);
  }, 60_000);

  it('closes the browser after the idle time, and launches again for the next PDF', async () => {
    const { printer, launched } = counted({ idleMs: 300 });
    await printer.pdf(DOC(1));
    await printer.pdf(DOC(2));
    const first = launched[0] as Browser;
    await disconnected(first);
    expect(launched).toHaveLength(1);
    expect(textOf(await printer.pdf(DOC(3)))).toContain('Document number 3');
    expect(launched).toHaveLength(2);
    await disconnected(launched[1] as Browser);
  }, 60_000);

  it('close() closes the browser for good: a later PDF is refused, nothing relaunches', async () => {
    const { printer, launched } = counted();
    await printer.pdf(DOC(1));
    await printer.close();
    expect(launched[0]?.isConnected()).toBe(false);
    await expect(printer.pdf(DOC(2))).rejects.toThrow(/closed/);
    expect(launched).toHaveLength(1);
  }, 60_000);

  it('closed while its browser starts, keeps no browser', async () => {
    const { printer, launched } = counted();
    const pending = printer.pdf(DOC(1));
    await printer.close();
    await expect(pending).rejects.toThrow(/closed/);
    expect(launched).toHaveLength(1);
    await disconnected(launched[0] as Browser);
  }, 60_000);
});

describe('the registry’s printer', () => {
  it('prints every PDF of a registry on one browser, closed with the registry', async () => {
    const launched: Browser[] = [];
    const registry = await testRegistry({
      printer: {
        launch: async () => {
          const browser = await launchChromium();
          launched.push(browser);
          return browser;
        },
      },
    });
    try {
      await buildOffice((channel, input) => call(registry, channel, input), eventWriter(registry));
      const pdf = async (lang: 'zh' | 'en') =>
        Buffer.from(
          (await call<{ base64: string }>(registry, 'reports:pdf', { asOf: '2025-12-31', lang }))
            .base64,
          'base64',
        );
      expect(launched).toHaveLength(0);
      expect(textOf(await pdf('zh'))).toContain('全省共有国际友好城市11对');
      expect(textOf(await pdf('en'))).toContain(
        'the province has 11 friendship cities in 8 countries on 5 continents',
      );
      expect(launched).toHaveLength(1);
      expect(launched[0]?.isConnected()).toBe(true);
    } finally {
      await registry.close();
    }
    expect(launched[0]?.isConnected()).toBe(false);
  }, 90_000);
});

/** The Chromium processes whose parent is `pid` (Playwright starts the browser directly). */
function chromiumChildren(pid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((line) => /chrom/i.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('the browser host with a warm Chromium', () => {
  it('stops on Ctrl-C as it always did: server and registry closed, exit 0, no browser left', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'yc-serve-'));
    const child = spawn(
      process.execPath,
      [
        'bin/youcheng.mjs',
        'serve',
        '--db',
        path.join(home, 'registry.db'),
        '--port',
        '0',
        '--state',
        path.join(home, 'state'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = new URL(
        await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout }).once('line', resolve);
          void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
        }),
      );
      const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
      const res = await fetch(`${url.origin}/api/call/reports:pdf`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ asOf: '2025-12-31', lang: 'en' }),
      });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
      const browsers = chromiumChildren(child.pid as number);
      expect(browsers).toHaveLength(1);
      // Playwright's own SIGINT handler would exit with 130 before the host's shutdown.
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(spawnSync('ps', ['-p', String(browsers[0])]).status).not.toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
