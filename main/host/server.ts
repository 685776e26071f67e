import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isLang } from '../../shared/i18n';
import type { WireResult } from '../../shared/result';
import type { Door } from '../core/door';
import {
  contentTypeOf,
  contentSecurityPolicy,
  isAllowedHost,
  isAllowedOrigin,
  isInside,
  isLoopbackAddress,
  renderIndexHtml,
  SECURITY_HEADERS,
  tokenMatches,
} from '../core/security';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The browser host: the built renderer and the same contract as the Electron app, over HTTP on
 * 127.0.0.1. Every call needs this run's random token; a browser's Origin and Host must be our
 * own, and only loopback peers are answered. It is how the app is tested end to end.
 */
export interface HostOptions {
  readonly door: Door;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  readonly port?: number;
  /** The address to listen on: loopback only (127.0.0.1 unless another loopback is named). */
  readonly address?: string;
  readonly token?: string;
  /** Largest request body accepted, in bytes. */
  readonly maxBody?: number;
}

export interface RunningHost {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

const API_PREFIX = '/api/call/';

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: WireResult<unknown>): void {
  send(res, status, JSON.stringify(result), { 'Content-Type': 'application/json; charset=utf-8' });
}

function refusal(
  code: 'forbidden' | 'validation' | 'not_found',
  message: string,
): WireResult<never> {
  return {
    ok: false,
    error: {
      code,
      key: code === 'forbidden' ? 'errors.forbidden' : 'errors.validation.invalid',
      params: {},
      message,
    },
  };
}

/**
 * Each browser tab names itself with a random id it keeps for its life (sessionStorage), sent
 * beside the run's token: a sign-in binds to that tab and this run together (`run` is drawn
 * from the token), so a tab id seen by another host run opens nothing here. A call without a
 * well-formed id is a client of its own, thrown away after it: it never shares a session.
 */
export const CLIENT_HEADER = 'x-youcheng-client';
export function clientOf(header: string | string[] | undefined, run: string): string {
  return typeof header === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(header)
    ? `tab:${run}:${header}`
    : `tab:${run}:once-${randomBytes(12).toString('base64url')}`;
}

/** `application/json`, with parameters (`; charset=utf-8`) or none: not `application/jsonfoo`. */
export function isJsonType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

class BodyTooLarge extends Error {}

/**
 * The body, up to `max` bytes. A larger one is refused as soon as it is known (its declared
 * length, or the byte past the limit); what is still coming is read and dropped rather than
 * the connection reset, so the caller hears 413 and why.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBody ?? 64 * 1024 * 1024;
  const run = createHash('sha256').update(token).digest('base64url').slice(0, 12);
  const root = path.resolve(options.staticDir);
  let port = 0;

  async function serveStatic(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain' });
      return;
    }
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    } catch {
      send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
      return;
    }
    if (!isInside(root, relative)) {
      send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
      return;
    }
    const file = path.join(root, relative);
    try {
      const body = await readFile(file);
      if (relative === 'index.html') {
        const nonce = randomBytes(16).toString('base64');
        send(res, 200, renderIndexHtml(body.toString('utf8'), nonce), {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(nonce),
        });
        return;
      }
      send(res, 200, body, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache' });
    } catch {
      send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
    }
  }

  async function serveCall(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
  ): Promise<void> {
    if (req.method !== 'POST') {
      sendResult(res, 405, refusal('validation', 'Calls are POST requests.'));
      return;
    }
    const auth = req.headers.authorization;
    const given = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    if (!tokenMatches(given, token)) {
      sendResult(res, 403, refusal('forbidden', 'This call lacks the host token.'));
      return;
    }
    if (!isJsonType(req.headers['content-type'])) {
      // A form post from another page cannot set this type without a preflight we never answer.
      sendResult(res, 415, refusal('validation', 'Calls carry application/json.'));
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req, maxBody);
      // Fatal decoding: Buffer#toString would store bytes that are not UTF-8 as U+FFFD.
      input = body.length === 0 ? {} : JSON.parse(UTF8.decode(body));
    } catch (error) {
      const message =
        error instanceof BodyTooLarge
          ? `The request is larger than ${maxBody} bytes.`
          : error instanceof TypeError
            ? 'The request body is not valid UTF-8.'
            : 'The request body is not JSON.';
      if (error instanceof BodyTooLarge) {
        // The answer goes now and the connection ends after it. The rest of the body is read
        // and dropped meanwhile (a reset with unread bytes could lose the answer too), for a
        // few seconds at most: an endless body is cut off then.
        res.setHeader('Connection', 'close');
        sendResult(res, 413, refusal('validation', message));
        res.once('finish', () => setTimeout(() => req.destroy(), 5000).unref());
        return;
      }
      sendResult(res, 400, refusal('validation', message));
      return;
    }
    const lang = req.headers['x-youcheng-lang'];
    const result = await options.door(channel, input, {
      trusted: true,
      lang: isLang(lang) ? lang : undefined,
      client: clientOf(req.headers[CLIENT_HEADER], run),
    });
    sendResult(res, 200, result);
  }

  const server = createServer((req, res) => {
    // Only loopback peers, only our own Host and Origin; everything else is refused before routing.
    if (!isLoopbackAddress(req.socket.remoteAddress) || !isAllowedHost(req.headers.host, port)) {
      send(res, 403, 'Forbidden', { 'Content-Type': 'text/plain' });
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendResult(res, 403, refusal('forbidden', 'Calls from another origin are refused.'));
      return;
    }
    // Everything from here runs inside the promise: a throw on a hostile URL (a lone `%` that
    // decodeURIComponent rejects) is an answer, never an uncaught exception that stops the host.
    const work = (async () => {
      const pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
      if (pathname.startsWith(API_PREFIX)) {
        let channel: string;
        try {
          channel = decodeURIComponent(pathname.slice(API_PREFIX.length));
        } catch {
          sendResult(res, 404, refusal('not_found', 'No such channel.'));
          return;
        }
        return serveCall(req, res, channel);
      }
      if (pathname.startsWith('/api/'))
        return sendResult(res, 404, refusal('not_found', 'No such endpoint.'));
      return serveStatic(req, res, pathname);
    })();
    work.catch(() => {
      if (!res.headersSent)
        sendResult(res, 500, refusal('validation', 'The host failed to answer.'));
      else res.destroy();
    });
  });

  const address = options.address ?? '127.0.0.1';
  // Bound to a loopback address only: the host is never reachable from the network, whatever
  // a caller asks for (0.0.0.0 or a LAN address would publish the registry).
  if (!isLoopbackAddress(address) || address.startsWith('::ffff:'))
    throw new Error(`The browser host listens on loopback only, not on ${address}.`);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, address, () => resolve());
  });
  const bound = (server.address() as AddressInfo).address;
  if (!isLoopbackAddress(bound)) {
    server.close();
    throw new Error(`The browser host bound ${bound}, which is not loopback.`);
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
