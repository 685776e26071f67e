import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../main/cli/cli';
import { CHANNELS } from '../../shared/ipc/contract';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const db = () => path.join(mkdtempSync(path.join(tmpdir(), 'yc-cli-')), 'registry.db');

describe('the youcheng CLI', () => {
  it('lists every channel with its input JSON schema', async () => {
    const { io, out } = capture();
    expect(await main(['channels'], io)).toBe(0);
    const listed = JSON.parse(out.join('\n'));
    expect(Object.keys(listed).sort()).toEqual([...CHANNELS].sort());
    expect(listed['ties:create'].writes).toBe(true);
    expect(listed['ties:create'].input.required).toEqual(
      expect.arrayContaining(['local', 'partner', 'country']),
    );
    expect(listed['ties:list'].writes).toBe(false);
  });

  it('calls a channel and prints only the result as JSON', async () => {
    const file = db();
    const { io, out, err } = capture();
    const input = JSON.stringify({
      local: '南京',
      local_level: '市级',
      partner: 'Nagoya',
      country: '日本',
      stage: 'established',
      established_on: '1978',
    });
    expect(await main(['call', '--db', file, 'ties:create', input], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      local: '南京',
      country: 'JP',
      stage: 'established',
    });
    expect(err).toEqual([]);
    const listed = capture();
    expect(await main(['call', '--db', file, 'ties:list'], listed.io)).toBe(0);
    expect(JSON.parse(listed.out.join('\n')).total).toBe(1);
  });

  it('exits 1 naming the bad field on stderr, with nothing on stdout', async () => {
    const { io, out, err } = capture();
    const code = await main(
      [
        'call',
        '--db',
        db(),
        'ties:create',
        '{"local":"A","local_level":"city","partner":"B","country":"Atlantis"}',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/validation: country: “Atlantis” is not a country we know/);
  });

  it.each([
    [['call', '--db', 'x.db', 'ties:list', '{nope'], /The input is not JSON/],
    [['call', 'ties:list'], /Name the registry with --db FILE/],
    [['serve', '--db', 'x.db', '--port', 'eighty'], /“eighty” is not a port number/],
    [['call', '--db', 'x.db', '--lang', 'fr', 'ties:list'], /“fr” is not a language/],
    [['frobnicate'], /unknown command/],
  ])('refuses %j with a clear message', async (argv, message) => {
    const { io, out, err } = capture();
    expect(await main(argv, io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(message);
  });

  it('words errors in Chinese with --lang zh', async () => {
    const { io, err } = capture();
    await main(['call', '--db', db(), '--lang', 'zh', 'ties:get', '{"id":"missing"}'], io);
    expect(err.join('\n')).toContain('该友城关系已不存在');
  });

  it('refuses a file that is not a registry', async () => {
    const { io, err } = capture();
    expect(await main(['call', '--db', path.resolve('package.json'), 'ties:list'], io)).toBe(1);
    expect(err.join('\n')).toMatch(/is not a Youcheng registry/);
  });

  it('has --help on every command', async () => {
    for (const argv of [
      ['--help'],
      ['call', '--help'],
      ['serve', '--help'],
      ['channels', '--help'],
    ]) {
      const { io, out } = capture();
      expect(await main(argv, io)).toBe(0);
      expect(out.join('\n')).toMatch(/Usage: youcheng/);
    }
  });

  it('refuses another program’s SQLite file given to --db, adding nothing to it', async () => {
    const file = db();
    const other = new Database(file);
    other.exec("create table notes (body text); insert into notes values ('hello')");
    other.close();
    const before = readFileSync(file);
    const { io, out, err } = capture();
    expect(await main(['call', '--db', file, 'ties:list'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err.join('\n')).toMatch(/is a database of another program \(its tables: notes\)/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('runs from a fresh shell through the bin with a clean stdout', () => {
    const run = spawnSync(
      process.execPath,
      ['bin/youcheng.mjs', 'call', '--db', db(), 'countries:list'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const countries = JSON.parse(run.stdout) as { code: string }[];
    expect(countries.find((c) => c.code === 'JP')).toBeTruthy();
    // China itself is not a partner country (domain.md, Places and countries).
    expect(countries.find((c) => c.code === 'CN')).toBeUndefined();
  });
});
