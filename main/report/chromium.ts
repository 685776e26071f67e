import { existsSync } from 'node:fs';
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

/** Prints one HTML document to PDF bytes in a fresh headless Chromium. */
export async function chromiumPdf(html: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(FONTS_LOADED);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
