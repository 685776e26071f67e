import { parentPort, workerData } from 'node:worker_threads';
import type { Db } from '../../db/schema';
import { uuidV7Ids } from '../core/context';
import { headlessPlatform } from '../core/platform';
import type { ServiceDeps } from '../core/transaction';
import { connect } from './connection';
import { runJobIn } from './jobs';
import { failureOf, type JobKind, type JobStart, type WorkerMessage } from './protocol';

/**
 * The worker thread of one job (see runner.ts): opens the registry again with a connection of
 * its own (the host has migrated it already), runs the job, posts its progress and its
 * result, closes the connection. No electron here: this file is bundled for every host.
 */
const start = workerData as JobStart;
const WITHOUT_CONNECTION: ReadonlySet<JobKind> = new Set<JobKind>(['restore', 'preview']);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function open(start: JobStart): Promise<{ deps: ServiceDeps; close(): Promise<void> }> {
  const { db, storage } = await connect(start.target);
  const at = new Date(start.at);
  const deps: ServiceDeps = {
    db,
    engine: start.target.engine,
    storage,
    clock: { now: () => new Date(at) },
    ids: uuidV7Ids,
    platform: headlessPlatform('cli'),
    paths: start.target.paths,
  };
  return { deps, close: () => db.destroy() };
}

async function main(): Promise<void> {
  try {
    // A restore opens the files it needs itself, a preview reads only its file; the others
    // read or write through a connection.
    const value = WITHOUT_CONNECTION.has(start.spec.kind)
      ? await runJobIn(start.spec, bare(start), start.ctx, () => {})
      : await withConnection(start);
    post({ type: 'done', value });
  } catch (error) {
    post({ type: 'failed', failure: failureOf(error) });
  }
}

async function withConnection(start: JobStart): Promise<unknown> {
  const { deps, close } = await open(start);
  try {
    return await runJobIn(start.spec, deps, start.ctx, (progress) =>
      post({ type: 'progress', progress }),
    );
  } finally {
    await close();
  }
}

/** What a restore or a preview needs of ServiceDeps: the clock (no connection is opened). */
function bare(start: JobStart): ServiceDeps {
  const at = new Date(start.at);
  return {
    db: null as unknown as Db,
    clock: { now: () => new Date(at) },
    ids: uuidV7Ids,
    platform: headlessPlatform('cli'),
    paths: start.target.paths,
  };
}

// No top-level await: the Electron build of this file is CommonJS.
void main();
