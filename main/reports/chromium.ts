import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { FONTS_LOADED } from './document';

/**
 * PDFs for the browser host and the CLI, from Chromium driven by Playwright: Debian's
 * /usr/bin/chromium where it is installed (machines that cannot download Playwright's
 * browsers), or Playwright's own browser elsewhere; YOUCHENG_CHROMIUM names another. The page
 * is a static document (no script, nothing to fetch), printed at the A4 size its CSS asks for.
 */

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The same switches the end-to-end tests use (playwright.config.ts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumExecutable(
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  const named = env.YOUCHENG_CHROMIUM;
  if (named) return named;
  return exists(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/**
 * A headless Chromium with the executable and switches above. Playwright's own signal handlers
 * are off: its SIGINT handler exits the process with 130 as soon as the browser is closed,
 * ahead of the host's shutdown (closing the server, then the registry, which closes this
 * browser). Its exit handler stays, and a browser whose parent died exits with its pipe.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumExecutable();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

/** One document in a context of its own, so no state (cookies, storage) passes between PDFs. */
async function printOn(browser: Browser, html: string): Promise<Uint8Array> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(FONTS_LOADED);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    // A browser that died has nothing left to close.
    await context.close().catch(() => undefined);
  }
}

/**
 * How long a browser with nothing to print stays up: long enough for the next PDF of a
 * session to skip the launch (seconds on a small machine), short enough not to hold a few
 * hundred MB for nothing.
 */
export const PRINTER_IDLE_MS = 60_000;

export interface ChromiumPrinterOptions {
  /** Starts the browser (launchChromium by default); tests count launches through it. */
  readonly launch?: () => Promise<Browser>;
  /** Milliseconds without a PDF after which the browser is closed. */
  readonly idleMs?: number;
}

export interface ChromiumPrinter {
  /** Prints one HTML document to PDF bytes; several may print at once, each in its own page. */
  pdf(html: string): Promise<Uint8Array>;
  /** Closes the browser for good: a later `pdf` is refused, never relaunches one. */
  close(): Promise<void>;
}

/**
 * One Chromium kept warm between PDFs: launched on the first, shared by those that follow
 * (launching dominates the time of a PDF), closed when idle and when its owner closes. A
 * browser that died or disconnected is replaced, even under a PDF that met it dead. A live
 * browser keeps Node's event loop busy, so the owner (the registry) closes the printer; the
 * idle timer is unref'd and never keeps a process alive on its own.
 */
export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): ChromiumPrinter {
  const launch = options.launch ?? launchChromium;
  const idleMs = options.idleMs ?? PRINTER_IDLE_MS;
  let current: Promise<Browser> | null = null;
  /** The browser `current` resolved to, once it has. */
  let live: Browser | null = null;
  let printing = 0;
  let idle: NodeJS.Timeout | null = null;
  let closed = false;

  function browser(): Promise<Browser> {
    if (closed) return Promise.reject(new Error('The PDF printer is closed.'));
    if (current) return current;
    const launching: Promise<Browser> = launch().then((b) => {
      // Closed while it started: it is not kept.
      if (closed) {
        void b.close().catch(() => undefined);
        throw new Error('The PDF printer is closed.');
      }
      if (current === launching) live = b;
      b.on('disconnected', () => drop(b));
      return b;
    });
    // A launch that failed is not remembered: the next PDF tries again.
    launching.catch(() => {
      if (current === launching) current = null;
    });
    current = launching;
    return launching;
  }

  /** Forgets a browser that went away, so the next PDF launches another. */
  function drop(b: Browser): void {
    if (live !== b) return;
    live = null;
    current = null;
  }

  /** Forgets the browser and closes it, whatever state it is in. */
  async function shutDown(): Promise<void> {
    const was = current;
    current = null;
    live = null;
    const b = await was?.catch(() => null);
    await b?.close().catch(() => undefined);
  }

  function stopIdleTimer(): void {
    if (idle) clearTimeout(idle);
    idle = null;
  }

  function startIdleTimer(): void {
    stopIdleTimer();
    if (closed || !current) return;
    idle = setTimeout(() => {
      idle = null;
      if (printing === 0) void shutDown();
    }, idleMs);
    idle.unref();
  }

  return {
    async pdf(html) {
      printing += 1;
      stopIdleTimer();
      try {
        const first = await browser();
        try {
          return await printOn(first, html);
        } catch (error) {
          // Killed or crashed since the last PDF (or during this one): once more on a new one.
          if (first.isConnected() || closed) throw error;
          drop(first);
          return await printOn(await browser(), html);
        }
      } finally {
        printing -= 1;
        if (printing === 0) startIdleTimer();
      }
    },
    async close() {
      closed = true;
      stopIdleTimer();
      await shutDown();
    },
  };
}

/** Prints one document in a Chromium of its own, closed after (a one-off; hosts keep a printer). */
export async function chromiumPdf(html: string): Promise<Uint8Array> {
  const printer = createChromiumPrinter();
  try {
    return await printer.pdf(html);
  } finally {
    await printer.close();
  }
}
