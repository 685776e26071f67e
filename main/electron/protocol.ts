import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  contentSecurityPolicy,
  contentTypeOf,
  isInside,
  renderIndexHtml,
  SECURITY_HEADERS,
} from '../core/security';
import { APP_HOST } from './policy';

/**
 * Serves the built renderer on app://youcheng/. index.html gets a fresh nonce per load and the
 * policy as a header and a meta tag; any path outside the renderer folder is a 404.
 */
export function createAppProtocolHandler(
  rootDir: string,
  read: (file: string) => Promise<Buffer> = readFile,
) {
  const root = path.resolve(rootDir);
  return async (request: Request): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (url.host !== APP_HOST || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    let relative: string;
    try {
      relative =
        url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      // A malformed escape (a lone `%`) names no file of ours.
      return new Response('Not found', { status: 404 });
    }
    if (!isInside(root, relative)) return new Response('Not found', { status: 404 });
    const file = path.join(root, relative);
    let body: Buffer;
    try {
      body = await read(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    if (relative === 'index.html') {
      const nonce = randomBytes(16).toString('base64');
      return new Response(renderIndexHtml(body.toString('utf8'), nonce), {
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(nonce),
        },
      });
    }
    return new Response(new Uint8Array(body), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) },
    });
  };
}
