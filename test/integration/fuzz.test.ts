import fc from 'fast-check';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../main/host/server';
import type { Registry } from '../../main/registry';
import { contract, CHANNELS, type Channel } from '../../shared/ipc/contract';
import type { ErrorCode, WireResult } from '../../shared/result';
import { digest, populate, type Populated } from '../support/populate';
import { testRegistry } from '../support/registry';

/**
 * The contract fuzzed: arbitrary payloads to every channel, and arbitrary channel names,
 * through the door and through the browser host's HTTP. Nothing crashes, nothing is an
 * internal error, a malformed input gets a validation-class answer, and a refused input leaves
 * every table as it was. Seeded (test/support/setup.ts), so a run is repeatable.
 */

/** The answers an input may get: never `internal`, `busy`, `storage` or `forbidden`. */
// 'unavailable': a capability this host lacks (a native dialog in the CLI) is refused, not crashed on.
const REFUSALS: readonly ErrorCode[] = [
  'validation',
  'not_found',
  'conflict',
  'rule',
  'unavailable',
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 300);

let registry: Registry;
let made: Populated;
let host: RunningHost;
const counts = { door: 0, doorRefused: 0, channelNames: 0, http: 0, httpRefused: 0 };

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'yc-fuzz-'));
  registry = await testRegistry({ file: path.join(dir, 'registry.db') });
  made = await populate(registry);
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head></html>');
  host = await startHost({ door: registry.door, staticDir, maxBody: 256 * 1024 });
});
afterAll(async () => {
  console.log('fuzzed payloads:', JSON.stringify(counts));
  await host.close();
  await registry.close();
});

/** Keys any channel's input might have, so objects often reach past the first check. */
const KEYS = [
  'id',
  'version',
  'patch',
  'name',
  'level',
  'parent_id',
  'local',
  'local_level',
  'partner',
  'partner_zh',
  'country',
  'region',
  'kind',
  'stage',
  'established_on',
  'intent_signed_on',
  'first_contact_on',
  'notes',
  'fields',
  'tie_id',
  'title',
  'doc_type',
  'signed_on',
  'status',
  'authority',
  'submitted_on',
  'decided_on',
  'outcome',
  'direction',
  'leader',
  'start_on',
  'end_on',
  'size',
  'ties',
  'amount',
  'currency',
  'sort',
  'quick',
  'deleted',
  'offset',
  'limit',
  'entity',
  'entity_id',
  'waiting',
  'language',
  'staffName',
  'officeName',
  'continentOverrides',
  '__proto__',
  'constructor',
];

function values(): fc.Arbitrary<unknown> {
  const ids = [...made.ties, ...made.letters, ...made.steps, ...made.visits].map((r) => r.id);
  return fc.oneof(
    fc.constantFrom(...ids, 'id-999999', ''),
    fc.integer({ min: -2, max: 5 }),
    fc.constantFrom('1978', '2016-09', '2018年5月29日', '1999-02-30', 'JP', '日本', 'Atlantis'),
    fc.constantFrom('established', '已结好', 'friendship', 'city', 'outgoing', 'zh', null, true),
    fc.string({ maxLength: 30 }),
    fc.anything({ maxDepth: 2 }),
  );
}

function payload(): fc.Arbitrary<unknown> {
  const shaped = fc.dictionary(fc.constantFrom(...KEYS), values(), { maxKeys: 6 });
  const withPatch = fc.record({
    id: values(),
    version: values(),
    patch: fc.dictionary(fc.constantFrom(...KEYS), values(), { maxKeys: 4 }),
  });
  return fc.oneof(
    { arbitrary: fc.anything({ maxDepth: 3 }), weight: 2 },
    { arbitrary: shaped, weight: 3 },
    { arbitrary: withPatch, weight: 2 },
  );
}

/** Every row of the audit log up to `seq` is as it was: the log only ever grows. */
const auditUpTo = (seq: number) =>
  JSON.stringify(registry.sqlite.prepare('select * from audit_log where seq <= ?').all(seq));
const lastAudit = () =>
  Number(registry.sqlite.prepare('select coalesce(max(seq), 0) from audit_log').pluck().get());

function judge(channel: string, result: WireResult<unknown>, before: string): void {
  if (!result.ok) {
    expect(REFUSALS, `${channel}: ${result.error.code} ${result.error.message}`).toContain(
      result.error.code,
    );
    expect(digest(registry.sqlite), `${channel} changed the registry and refused`).toBe(before);
  } else if (!(contract[channel as Channel]?.writes ?? false)) {
    expect(digest(registry.sqlite), `${channel} only reads`).toBe(before);
  }
}

describe('the door, fuzzed', () => {
  it.each(CHANNELS)(
    '%s answers any payload without crashing or losing a row',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(payload(), async (input) => {
          const before = digest(registry.sqlite);
          const seq = lastAudit();
          const audit = auditUpTo(seq);
          const result = await registry.door(channel, input, { trusted: true });
          counts.door++;
          if (!result.ok) counts.doorRefused++;
          judge(channel, result, before);
          expect(auditUpTo(seq)).toBe(audit);
        }),
        { numRuns: RUNS },
      );
      // Sixty valid reports:pdf payloads, each a PDF on the registry's Chromium, may outlast the
      // default on a loaded machine.
    },
    120_000,
  );

  it('answers any channel name that is not one with not_found, touching nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ties:', ':'),
          fc.anything({ maxDepth: 1 }),
        ),
        payload(),
        async (name, input) => {
          fc.pre(!(CHANNELS as readonly unknown[]).includes(name));
          const before = digest(registry.sqlite);
          const result = await registry.door(name, input, { trusted: true });
          counts.channelNames++;
          expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
          expect(digest(registry.sqlite)).toBe(before);
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});

function post(pathname: string, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${host.token}`,
          'Content-Length': body.length,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe("the browser host's HTTP, fuzzed", () => {
  it('answers every request with a result as data, and keeps answering', async () => {
    const segment = fc.oneof(
      fc.constantFrom(...CHANNELS),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
      fc.stringMatching(/^[a-z:%/.?#\\0-9A-F]{0,16}$/),
    );
    const body = fc.oneof(
      payload().map((p) => Buffer.from(JSON.stringify(p) ?? 'null')),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      fc.string({ maxLength: 60 }).map((s) => Buffer.from(s)),
    );
    await fc.assert(
      fc.asyncProperty(segment, body, async (channel, bytes) => {
        const before = digest(registry.sqlite);
        const res = await post(`/api/call/${channel}`, bytes);
        counts.http++;
        expect([200, 400, 404, 405, 413, 415]).toContain(res.status);
        const result = JSON.parse(res.body) as WireResult<unknown>;
        if (!result.ok) counts.httpRefused++;
        const name = (() => {
          try {
            return decodeURIComponent(channel.split(/[?#]/)[0] ?? '');
          } catch {
            return '';
          }
        })();
        judge(name, result, before);
      }),
      { numRuns: HTTP_RUNS },
    );
    // Still up after all of it.
    const alive = await post('/api/call/ties:list', Buffer.from('{}'));
    expect(JSON.parse(alive.body)).toMatchObject({ ok: true });
  });
});
