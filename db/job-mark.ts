import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Engine } from './engine';
import type { Db } from './schema';

/**
 * The registry-level mark of a long job (an import, a restore) that holds the registry's write
 * lock for seconds or minutes, so that every client of the registry, in this process or
 * another, refuses a write at once, naming the job and who started it, instead of waiting out
 * the busy timeout. The mark never outlives the process holding it (kill -9 included):
 * - beside a SQLite file, a file `<registry>.job` naming the process; a mark whose process is
 *   gone is stale and ignored (and replaced by the next job);
 * - on PostgreSQL, a session advisory lock held by a connection of its own, whose
 *   `application_name` carries the job and its actor; the server drops both with the session.
 */

export type JobMarkKind = 'import' | 'restore';

export interface JobMark {
  readonly kind: JobMarkKind;
  /** Who started it, as the audit log names them; '' when the server would not say. */
  readonly actor: string;
  /** ISO-8601 UTC. */
  readonly startedAt: string;
}

export interface HeldMark {
  release(): Promise<void>;
}

/** The job lock's two keys ('youc' and 'jobs' in ASCII), apart from the write lock's. */
const LOCK_KEYS = [0x796f7563, 0x6a6f6273] as const;
const APP_PREFIX = 'youcheng-job';
/** PostgreSQL keeps 63 bytes of an application_name. */
const APP_NAME_BYTES = 63;

const sidecar = (file: string) => `${file}.job`;

interface SidecarMark extends JobMark {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readSidecar(file: string): SidecarMark | null {
  let text: string;
  try {
    text = readFileSync(sidecar(file), 'utf8');
  } catch {
    return null;
  }
  try {
    const mark = JSON.parse(text) as SidecarMark;
    if (typeof mark.pid !== 'number' || typeof mark.kind !== 'string') return null;
    // Another machine's process cannot be asked; a registry file is one machine's anyway.
    if (mark.host === os.hostname() && !processAlive(mark.pid)) return null;
    return mark;
  } catch {
    // Half written by a process killed between open and write: nobody holds it.
    return null;
  }
}

function markOf(m: JobMark): JobMark {
  return { kind: m.kind, actor: m.actor, startedAt: m.startedAt };
}

/** The mark clipped into an application_name: prefix, kind, start (seconds), actor. */
function appName(mark: JobMark): string {
  const head = `${APP_PREFIX}:${mark.kind}:${Math.floor(Date.parse(mark.startedAt) / 1000)}:`;
  let actor = mark.actor;
  while (Buffer.byteLength(head + actor) > APP_NAME_BYTES) actor = [...actor].slice(0, -1).join('');
  return head + actor;
}

function parseAppName(name: string | null): JobMark {
  const [prefix, kind, seconds, ...actor] = (name ?? '').split(':');
  if (prefix !== APP_PREFIX || (kind !== 'import' && kind !== 'restore'))
    return { kind: 'import', actor: '', startedAt: new Date().toISOString() };
  return {
    kind,
    actor: actor.join(':'),
    startedAt: new Date(Number(seconds) * 1000).toISOString(),
  };
}

/**
 * Takes the registry's job mark, or says whose it is: a held mark to release when the job
 * ends, or the mark of the job already running.
 */
export async function claimJobMark(
  target: { readonly engine: Engine; readonly file: string },
  mark: JobMark,
): Promise<{ held: HeldMark } | { other: JobMark }> {
  if (target.engine === 'postgres') return claimOnServer(target.file, mark);
  if (target.file === ':memory:') return { held: { release: async () => {} } };
  const file = sidecar(target.file);
  const token = randomBytes(8).toString('hex');
  const body = JSON.stringify({ ...mark, pid: process.pid, host: os.hostname(), token });
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = readSidecar(target.file);
      if (other) return { other: markOf(other) };
      rmSync(file, { force: true }); // stale: its process is gone
      continue;
    }
    try {
      writeSync(fd, body);
    } finally {
      closeSync(fd);
    }
    return {
      held: {
        async release() {
          // Only our own: a stale mark replaced by another job stays theirs.
          if (readSidecar(target.file)?.token === token) rmSync(file, { force: true });
        },
      },
    };
  }
  const other = readSidecar(target.file);
  return { other: other ? markOf(other) : mark };
}

const MARK_QUERY = `select a.application_name as name
  from pg_locks l left join pg_stat_activity a on a.pid = l.pid
 where l.locktype = 'advisory' and l.granted and l.objsubid = 2
   and l.classid = $1 and l.objid = $2
   and l.database = (select oid from pg_database where datname = current_database())
 limit 1`;

async function claimOnServer(
  url: string,
  mark: JobMark,
): Promise<{ held: HeldMark } | { other: JobMark }> {
  const client = new pg.Client({ connectionString: url, application_name: appName(mark) });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      'select pg_try_advisory_lock($1, $2) as ok',
      [...LOCK_KEYS],
    );
    if (rows[0]?.ok) return { held: { release: () => client.end() } };
    const held = await client.query<{ name: string | null }>(MARK_QUERY, [...LOCK_KEYS]);
    await client.end();
    // Released between the two questions: say it as the job we were about to start.
    return { other: held.rows[0] ? parseAppName(held.rows[0].name) : mark };
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/** The job running on the registry now, in any process, or null. */
export async function currentJobMark(
  target: { readonly engine: Engine; readonly file: string },
  db: Db,
): Promise<JobMark | null> {
  if (target.engine === 'postgres') {
    const { rows } = await db.executeQuery<{ name: string | null }>(
      CompiledQuery.raw(MARK_QUERY, [...LOCK_KEYS]),
    );
    return rows.length > 0 ? parseAppName(rows[0]!.name) : null;
  }
  if (target.file === ':memory:') return null;
  const mark = readSidecar(target.file);
  return mark ? markOf(mark) : null;
}
