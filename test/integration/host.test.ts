import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host/server';
import type { Registry } from '../../main/registry';
import { testRegistry } from '../support/registry';

let registry: Registry;
let host: RunningHost;
let staticDir: string;

beforeAll(async () => {
  registry = await testRegistry();
  const base = mkdtempSync(path.join(tmpdir(), 'yc-host-'));
  staticDir = path.join(base, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<html><head><meta property="csp-nonce" nonce="__YOUCHENG_NONCE__"></head><body></body></html>',
  );
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(base, 'secret.txt'), 'not for the web');
  host = await startHost({ door: registry.door, staticDir, maxBody: 1024 * 1024 });
});

afterAll(async () => {
  await host.close();
  await registry.close();
});

/** A raw HTTP request, so tests can set Host and Origin as an attacker would. */
function send(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const authed = (extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${host.token}`,
  ...extra,
});

describe('the browser host', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers the contract with the token', async () => {
    const res = await send('/api/call/ties:list', {
      method: 'POST',
      headers: authed(),
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { rows: [], total: 0 } });
  });

  it.each([
    ['no token', { 'Content-Type': 'application/json' }],
    ['a wrong token', { 'Content-Type': 'application/json', Authorization: 'Bearer nope' }],
    [
      'a token of the right length but wrong',
      { 'Content-Type': 'application/json', Authorization: `Bearer ${'x'.repeat(32)}` },
    ],
  ])('refuses a call with %s', async (_label, headers) => {
    const res = await send('/api/call/ties:create', {
      method: 'POST',
      headers,
      body: JSON.stringify({ local: 'A', local_level: 'city', partner: 'B', country: 'JP' }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
    expect(
      (
        await registry.services.ties.list({
          sort: [],
          filter: {},
          quick: '',
          deleted: false,
          offset: 0,
          limit: 10,
        })
      ).total,
    ).toBe(0);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await send('/api/call/ties:list', {
      method: 'POST',
      headers: authed({ Origin: 'http://evil.example' }),
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await send('/api/call/ties:list', {
      method: 'POST',
      headers: authed({ Host: `evil.example:${host.port}` }),
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a form post that is not JSON, bad JSON and an oversized body', async () => {
    expect(
      (
        await send('/api/call/ties:list', {
          method: 'POST',
          headers: authed({ 'Content-Type': 'text/plain' }),
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(
      (await send('/api/call/ties:list', { method: 'POST', headers: authed(), body: '{nope' }))
        .status,
    ).toBe(400);
    expect(
      (
        await send('/api/call/ties:list', {
          method: 'POST',
          headers: authed(),
          body: 'x'.repeat(2 * 1024 * 1024),
        })
      ).status,
    ).toBe(413);
  });

  it('accepts application/json exactly, with or without parameters', async () => {
    for (const [type, status] of [
      ['application/json', 200],
      ['application/json; charset=utf-8', 200],
      ['Application/JSON ;charset=UTF-8', 200],
      ['application/jsonfoo', 415],
      ['application/json-patch+json', 415],
      ['application/jsonp; charset=utf-8', 415],
    ] as const) {
      const res = await send('/api/call/ties:list', {
        method: 'POST',
        headers: authed({ 'Content-Type': type }),
        body: '{}',
      });
      expect(res.status, type).toBe(status);
    }
  });

  it('answers 413 with why to a body over the limit, declared or streamed, and keeps answering', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x20);
    // Declared: fetch sends its length, and the host refuses before reading it.
    const declared = await fetch(`${host.origin}/api/call/ties:list`, {
      method: 'POST',
      headers: authed(),
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'The request is larger than 1048576 bytes.' },
    });
    // Streamed in chunks with no length: refused at the byte past the limit.
    const streamed = await send('/api/call/ties:list', {
      method: 'POST',
      headers: authed(),
      body: big.toString(),
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.message).toMatch(/larger than 1048576 bytes/);
    expect(
      (await send('/api/call/ties:list', { method: 'POST', headers: authed(), body: '{}' })).status,
    ).toBe(200);
  });

  it('answers a hostile view state or column name as a validation, not internal', async () => {
    const post = async (channel: string, input: unknown) =>
      JSON.parse(
        (
          await send(`/api/call/${channel}`, {
            method: 'POST',
            headers: authed(),
            body: typeof input === 'string' ? input : JSON.stringify(input),
          })
        ).body,
      ) as { ok: boolean; error?: { code: string; key: string; details?: { key: string }[] } };
    // JSON.stringify itself cannot write 100,000 levels: the body is written by hand.
    const deepBody = `{"grid":"ties","name":"deep","state":{"x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`;
    const cases: [string, unknown, string][] = [
      ['views:save', deepBody, 'errors.validation.tooDeep'],
      [
        'views:save',
        { grid: 'ties', name: 'huge', state: { columns: 'x'.repeat(300 * 1024) } },
        'errors.validation.tooLarge',
      ],
      [
        'grid:paste',
        { grid: 'ties', columns: ['constructor'], rows: [], text: 'x' },
        'errors.validation.column',
      ],
      [
        'grid:paste',
        { grid: 'ties', columns: ['__proto__'], rows: [], text: 'x' },
        'errors.validation.column',
      ],
      [
        'grid:bulk',
        { grid: 'ties', column: 'toString', value: 'x', rows: [{ id: 'a', version: 1 }] },
        'errors.validation.column',
      ],
    ];
    for (const [channel, input, key] of cases) {
      const result = await post(channel, input);
      expect(result.ok, `${channel} ${key}`).toBe(false);
      expect(result.error?.code, `${channel} ${key}`).toBe('validation');
      // A body too deep may be refused by the host before the door (then without details).
      if (result.error?.details) expect(result.error.details.map((d) => d.key)).toContain(key);
      else expect(key).toBe('errors.validation.tooDeep');
    }
    expect(await post('views:list', { grid: 'ties' })).toEqual({ ok: true, value: [] });
  });

  it('answers an unknown channel with an error, not a crash', async () => {
    const res = await send('/api/call/ties:drop', {
      method: 'POST',
      headers: authed(),
      body: '{}',
    });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serves the renderer with a fresh nonce and a strict policy', async () => {
    const a = await send('/');
    const b = await send('/index.html');
    const csp = String(a.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.body).not.toContain('__YOUCHENG_NONCE__');
    expect(a.headers['content-security-policy']).not.toBe(b.headers['content-security-policy']);
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
  ])('never serves %s from outside the renderer', async (p) => {
    const res = await send(p);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('not for the web');
  });

  it('refuses a peer that is not loopback, even with the token and our Host', async () => {
    // Linux lets a socket bound to the machine's own LAN address connect to 127.0.0.1: the
    // host then sees a non-loopback peer, as it would from another machine.
    const { networkInterfaces } = await import('node:os');
    const lan = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    const peers = [...lan];
    for (const localAddress of peers) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: host.port,
            localAddress,
            path: '/api/call/ties:list',
            method: 'POST',
            headers: authed(),
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end('{}');
      });
      expect(status, `from ${localAddress}`).toBe(403);
    }
    // And from loopback the same request is answered.
    expect(
      (await send('/api/call/ties:list', { method: 'POST', headers: authed(), body: '{}' })).status,
    ).toBe(200);
  });

  it.each(['0.0.0.0', '::', '192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'localhost.evil'])(
    'will not listen on %s',
    async (address) => {
      await expect(startHost({ door: registry.door, staticDir, address })).rejects.toThrow(
        /loopback only/,
      );
    },
  );

  it('answers a malformed escape in a channel or a path, and keeps answering', async () => {
    for (const p of ['/api/call/%', '/api/call/ties%3', '/%E0%A4%A', '/assets/%']) {
      const res = await send(p, { method: 'POST', headers: authed(), body: '{}' });
      expect([404, 405]).toContain(res.status);
    }
    expect(
      (await send('/api/call/%', { method: 'POST', headers: authed(), body: '{}' })).status,
    ).toBe(404);
    expect((await send('/', {})).status).toBe(200);
  });

  it('refuses an opaque (null) Origin, as a sandboxed frame or a file page sends', async () => {
    const res = await send('/api/call/ties:list', {
      method: 'POST',
      headers: authed({ Origin: 'null' }),
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('listens on loopback only', async () => {
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return expect(external).toBeUndefined();
    const refused = await new Promise<boolean>((resolve) => {
      const req = request(
        { host: external.address, port: host.port, path: '/', timeout: 2000 },
        () => resolve(false),
      );
      req.on('error', () => resolve(true));
      req.on('timeout', () => {
        req.destroy();
        resolve(true);
      });
      req.end();
    });
    expect(refused).toBe(true);
  });
});
