import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';

/**
 * Security rules as small pure predicates, each with a table-driven test. The browser host and
 * the Electron shell both build on these.
 */

/** Addresses the browser host may bind to and accept calls from. */
export function isLoopbackAddress(address: string | undefined | null): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}

/** The Host header must name our own loopback origin: a defence against DNS rebinding. */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return (
    hostHeader === `127.0.0.1:${port}` ||
    hostHeader === `localhost:${port}` ||
    hostHeader === `[::1]:${port}`
  );
}

/** A browser's Origin, if it sent one, must be the host's own; tools send none. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Compares tokens in constant time, so a wrong guess teaches nothing about the right one. */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether `candidate` resolves to a path inside `root` (no `..`, no absolute escape). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(root, candidate));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export const NONCE_PLACEHOLDER = '__YOUCHENG_NONCE__';

/**
 * The renderer's policy: scripts and styles from our own origin only; AG Grid's injected
 * theme styles carry the per-load nonce instead of loosening `style-src`; nothing remote.
 * The Reports preview needs nothing more: its `srcdoc` frame inherits this very policy, and
 * the report's one style element gets the nonce (fonts are data: URLs, charts inline SVG).
 */
export function contentSecurityPolicy(nonce: string, { meta = false } = {}): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ];
  // A <meta> policy cannot carry frame-ancestors (browsers ignore it there and complain).
  return (meta ? directives.filter((d) => !d.startsWith('frame-ancestors')) : directives).join(
    '; ',
  );
}

/** The built index.html with this load's nonce and the policy also stated as a meta tag. */
export function renderIndexHtml(html: string, nonce: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce, { meta: true })}">`;
  return html
    .split(NONCE_PLACEHOLDER)
    .join(nonce)
    .replace(/<head>/i, `<head>\n    ${meta}`);
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
