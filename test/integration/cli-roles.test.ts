import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram, main } from '../../main/cli/cli';
import { openRegistry } from '../../main/registry';
import type { Role } from '../../shared/staff';

/**
 * One rule for who may write, on every path: on a registry with staff accounts, every CLI
 * command that opens it signs in (`--user`, password in YOUCHENG_PASSWORD) and is held to the
 * role the door would ask for the same work.
 */

// Each sign-in verifies a scrypt hash (32 MiB); a loaded machine needs more than 30 s per test.
vi.setConfig({ testTimeout: 180_000 });

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const PASSWORDS: Record<Role, string> = {
  approver: 'approver-pass',
  editor: 'editor-pass',
  viewer: 'viewer-pass',
};
const NAMES: Record<Role, string> = { approver: '李伟', editor: '王芳', viewer: 'Zhang Min' };

let dir: string;
let shared: string;
let sheet: string;
let decisions: string;
let backup: string;

/** A shared registry with an approver, an editor and a viewer, and one tie. */
async function sharedRegistry(file: string): Promise<void> {
  const r = await openRegistry({ file, host: 'cli', unnamedActor: 'os-user', backups: 'off' });
  const as = (channel: string, input: unknown) =>
    r.door(channel, input, { trusted: true, client: 'setup' });
  await as('ties:create', { local: '南京', local_level: 'city', partner: 'Perth', country: 'AU' });
  await as('staff:create', { name: NAMES.approver, password: PASSWORDS.approver });
  await as('staff:create', { name: NAMES.editor, password: PASSWORDS.editor, role: 'editor' });
  await as('staff:create', { name: NAMES.viewer, password: PASSWORDS.viewer, role: 'viewer' });
  await r.close();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'yc-cli-roles-'));
  shared = path.join(dir, 'shared.db');
  await sharedRegistry(shared);
  sheet = path.join(dir, 'ties.csv');
  writeFileSync(
    sheet,
    'local,local_level,partner,country,stage\n南京,city,Nagoya,JP,contact\n南京,city,Leipzig,DE,contact\n',
  );
  // A whole-registry workbook whose approval steps carry decisions (as the attack's did).
  const source = path.join(dir, 'source.db');
  const s = await openRegistry({ file: source, host: 'cli', backups: 'off' });
  const tie = await s.door(
    'ties:create',
    { local: '南京', local_level: 'city', partner: 'Malmö', country: 'SE', stage: 'intent' },
    { trusted: true },
  );
  if (!tie.ok) throw new Error(tie.error.message);
  const tieId = (tie.value as { id: string }).id;
  for (const authority of ['市政府', '省外办', '省政府', '全国友协'])
    await s.door(
      'steps:create',
      {
        tie_id: tieId,
        authority,
        submitted_on: '2025-01-02',
        decided_on: '2025-02-03',
        outcome: 'approved',
      },
      { trusted: true },
    );
  await s.close();
  decisions = path.join(dir, 'decisions.xlsx');
  expect(await main(['export', '--db', source, '--out', decisions], capture().io)).toBe(0);
  backup = path.join(dir, 'kept.db');
  process.env.YOUCHENG_PASSWORD = PASSWORDS.editor;
  const made = capture();
  expect(
    await main(['backup', '--db', shared, '--out', backup, '--user', NAMES.editor], made.io),
  ).toBe(0);
});

afterEach(() => {
  delete process.env.YOUCHENG_PASSWORD;
});

let n = 0;
const fresh = (name: string) => path.join(dir, `${++n}-${name}`);

/**
 * Every command that opens a registry, with the least role its work needs and how to run it on
 * the shared registry. The door's channel for the same work decides the role.
 */
const COMMANDS: Record<string, { needs: Role; argv: () => string[] }> = {
  call: { needs: 'editor', argv: () => ['call', '--db', shared, 'ties:create', tieInput()] },
  import: { needs: 'editor', argv: () => ['import', '--db', shared, sheet] },
  export: { needs: 'viewer', argv: () => ['export', '--db', shared, '--out', fresh('x.xlsx')] },
  report: { needs: 'viewer', argv: () => ['report', '--db', shared, '--as-of', '2025-12-31'] },
  backup: { needs: 'editor', argv: () => ['backup', '--db', shared, '--out', fresh('b.db')] },
  restore: { needs: 'approver', argv: () => ['restore', '--db', shared, '--from', backup] },
  migrate: { needs: 'approver', argv: () => ['migrate', '--from', shared, '--to', fresh('m.db')] },
};
/** Commands that open no registry, or whose every client signs in at the door itself. */
const EXEMPT = {
  channels: 'lists the contract; opens no registry',
  serve: 'the browser host: every tab signs in through the door',
};

let partners = 0;
const tieInput = () =>
  JSON.stringify({
    local: '南京',
    local_level: 'city',
    partner: `Partner ${++partners}`,
    country: 'FR',
  });

const below: Record<Role, Role | null> = { viewer: null, editor: 'viewer', approver: 'editor' };

async function run(argv: string[], as?: Role, password?: string) {
  if (as) process.env.YOUCHENG_PASSWORD = password ?? PASSWORDS[as];
  else delete process.env.YOUCHENG_PASSWORD;
  const c = capture();
  const code = await main(as ? [...argv, '--user', NAMES[as]] : argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

describe('the CLI in a shared registry', () => {
  it('lists every command: each signs in, or is exempt for a stated reason', () => {
    const names = buildProgram(capture().io).commands.map((c) => c.name());
    expect([...Object.keys(COMMANDS), ...Object.keys(EXEMPT)].sort()).toEqual([...names].sort());
    for (const name of Object.keys(COMMANDS)) {
      const command = buildProgram(capture().io).commands.find((c) => c.name() === name)!;
      expect(
        command.options.map((o) => o.long),
        name,
      ).toContain('--user');
    }
  });

  it.each(Object.entries(COMMANDS))(
    '%s: refused without a sign-in, with a wrong password, below its role; done with it',
    async (_name, { needs, argv }) => {
      const anonymous = await run(argv());
      expect(anonymous.code).toBe(1);
      expect(anonymous.out).toBe('');
      expect(anonymous.err).toMatch(/Sign in first|needs a staff account/);
      expect(anonymous.err).toMatch(/--user NAME .*YOUCHENG_PASSWORD/);

      const wrong = await run(argv(), needs, 'not-the-password');
      expect(wrong.code).toBe(1);
      expect(wrong.err).toMatch(/That name and password do not match/);

      const lower = below[needs];
      if (lower) {
        const refused = await run(argv(), lower);
        expect(refused.code, refused.err).toBe(1);
        expect(refused.err).toMatch(
          needs === 'approver' ? /needs the role Approver/ : /needs the role Editor/,
        );
      }

      const done = await run(argv(), needs);
      expect(done.code, done.err).toBe(0);
    },
  );

  it('records the signed-in member, never the OS user, for an import', async () => {
    const actors = async () => {
      const check = await openRegistry({ file: shared, host: 'cli', backups: 'off' });
      try {
        return (await check.db.selectFrom('audit_log').select('actor').execute()).map(
          (a) => a.actor,
        );
      } finally {
        await check.close();
      }
    };
    const before = await actors();
    const other = fresh('other.csv');
    writeFileSync(other, 'local,local_level,partner,country\n南京,city,Busan,KR\n');
    const r = await run(['import', '--db', shared, other], 'editor');
    expect(r.code, r.err).toBe(0);
    const added = (await actors()).slice(before.length);
    expect(added.length).toBeGreaterThan(0);
    expect(new Set(added)).toEqual(new Set([NAMES.editor]));
  });

  it('keeps an editor from deciding approval steps by importing a workbook', async () => {
    const editor = await run(['import', '--db', shared, decisions], 'editor');
    expect(editor.code).toBe(1);
    expect(editor.err).toMatch(/needs the role Approver/);
    const approver = await run(['import', '--db', shared, decisions], 'approver');
    expect(approver.code, approver.err).toBe(0);
  });

  it('restores over a registry too damaged to open, with no staff table left to ask', async () => {
    const broken = fresh('broken.db');
    writeFileSync(broken, 'not a database at all'.repeat(100));
    const r = await run(['restore', '--db', broken, '--from', backup]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(broken)).toBe(true);
  });

  it('ends every error with a newline, in the user’s language', () => {
    const spawned = spawnSync(
      process.execPath,
      ['bin/youcheng.mjs', 'report', '--db', shared, '--as-of', '2025-12-31', '--lang', 'zh'],
      { encoding: 'utf8', env: { ...process.env, YOUCHENG_PASSWORD: '' } },
    );
    expect(spawned.status).toBe(1);
    expect(spawned.stdout).toBe('');
    expect(spawned.stderr).toMatch(/请先登录/);
    expect(spawned.stderr).toMatch(/--user 姓名/);
    expect(spawned.stderr.endsWith('\n')).toBe(true);
  });
});
