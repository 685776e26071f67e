import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A private PostgreSQL server for one test or benchmark run: initdb into a temporary folder,
 * listening on 127.0.0.1 on a free port (and a socket in that folder), fsync off (the data is
 * thrown away), stopped and removed afterwards. PostgreSQL refuses to run as root, so under
 * root it runs as the `postgres` user. Missing binaries are an error, never a skip.
 */

export interface PostgresServer {
  /** `postgres://youcheng@127.0.0.1:PORT/` — append a database name. */
  readonly baseUrl: string;
  readonly port: number;
  url(database: string): string;
  stop(): Promise<void>;
}

/** The newest installed server's bin folder (Debian keeps each major in its own). */
export function postgresBin(): string {
  const root = process.env.YOUCHENG_PG_BIN ? null : '/usr/lib/postgresql';
  if (!root) return process.env.YOUCHENG_PG_BIN as string;
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest)
    throw new Error(
      'PostgreSQL is not installed: the tests of the PostgreSQL engine need its server ' +
        '(apt-get install postgresql, or set YOUCHENG_PG_BIN to the folder holding initdb and postgres).',
    );
  return path.join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs as the unprivileged `postgres` user when we are root. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'youcheng-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0)
      throw new Error('Running as root, and there is no `postgres` user to run the server as.');
    chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
  }
  chmodSync(dir, 0o700);
  const [initCmd, initArgs] = asServerUser(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'youcheng',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const [cmd, args] = asServerUser(path.join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=128MB',
  ]);
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `postgres://youcheng@127.0.0.1:${port}/`;
  const url = (database: string) => `${baseUrl}${database}`;
  const stop = async () => {
    if (child.exitCode === null) {
      // A fast shutdown through pg_ctl: runuser does not pass signals on to the server.
      const [ctl, ctlArgs] = asServerUser(path.join(bin, 'pg_ctl'), [
        'stop',
        '-D',
        data,
        '-m',
        'fast',
        '-w',
        '-t',
        '20',
      ]);
      spawnSync(ctl, ctlArgs, { stdio: 'ignore' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${log}`);
    }
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL did not accept connections: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { baseUrl, port, url, stop };
}

/** Runs statements on the server's maintenance database (create and drop databases). */
export async function adminQuery(baseUrl: string, statements: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: `${baseUrl}postgres` });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
