import { Worker } from 'node:worker_threads';
import { claimJobMark, currentJobMark, type HeldMark, type JobMark } from '../../db/job-mark';
import type { ImportProgress } from '../../shared/ipc/interchange';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import type { ServiceDeps } from '../core/transaction';
import { runJobIn } from './jobs';
import {
  errorOf,
  type JobKind,
  type JobOf,
  type JobResults,
  type JobStart,
  type JobTarget,
  type WorkerMessage,
} from './protocol';

/**
 * Long jobs (an import and its preview, the whole-registry export, a restore, a migration)
 * run in a worker thread, with a connection of their own where they need one (a preview only
 * reads its file), so the host's event loop and its connection stay free: the window
 * and the browser host keep answering, and the import's progress reaches the bar. An import
 * or a restore holds the registry's write lock until it ends; while it runs, every write from
 * elsewhere is refused at once as "an import is running" (the registry's job mark, db/job-mark.ts,
 * tells other processes and other PostgreSQL clients too); reads go on (WAL, MVCC).
 *
 * All-or-nothing is the job's own transaction, as it always was: a worker that fails rolls it
 * back; one terminated (the registry closing) or killed with the process leaves nothing, as a
 * kill -9 of the app does. Without a worker file (a registry in memory, a test) a job runs in
 * the host's process, on the host's connection, through the very same code.
 */
export interface JobRunner {
  run<K extends JobKind>(
    spec: JobOf<K>,
    ctx: CallContext,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<JobResults[K]>;
  /** Throws the "job running" refusal while a job holds the write lock, here or elsewhere. */
  refuseWrite(): Promise<void>;
  /** Ends the running workers (their transactions roll back) and refuses new jobs. */
  close(): Promise<void>;
}

/** The jobs that hold the write lock for their whole run, and the mark they leave. */
const MARKED: Partial<Record<JobKind, JobMark['kind']>> = {
  import: 'import',
  restore: 'restore',
};

/** "An import is running", naming who started it and when (the host's local time). */
export function jobRunning(mark: JobMark): AppError {
  const at = new Date(mark.startedAt);
  const time = Number.isNaN(at.getTime())
    ? ''
    : new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
  return new AppError(
    'job_running',
    mark.actor ? `jobs.running.${mark.kind}` : `jobs.running.${mark.kind}Anonymous`,
    { actor: mark.actor, time, since: mark.startedAt },
  );
}

export interface JobRunnerOptions {
  /** The registry a worker opens; null: no worker and no mark (a bare ServiceDeps). */
  readonly target: JobTarget | null;
  /** The bundled worker entry (dist/node/jobs-worker.mjs, dist/electron/jobs-worker.cjs). */
  readonly worker: string | null;
  readonly deps: ServiceDeps;
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { target, deps } = options;
  // A worker cannot reach a registry in memory: such a registry's jobs run here.
  const workerFile = target && target.file !== ':memory:' ? options.worker : null;
  let closed = false;
  /** The mark of the job holding the write lock in this process. */
  let local: JobMark | null = null;
  const workers = new Set<Worker>();
  const running = new Set<Promise<unknown>>();

  function inWorker(
    file: string,
    start: JobStart,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(file, { workerData: start });
      workers.add(worker);
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        fn();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') onProgress(message.progress);
        else if (message.type === 'done') settle(() => resolve(message.value));
        else settle(() => reject(errorOf(message.failure)));
      });
      worker.on('error', (error) => settle(() => reject(error)));
      worker.on('exit', (code) => {
        workers.delete(worker);
        settle(() =>
          reject(
            closed
              ? new AppError('unavailable', 'jobs.stopped', {})
              : new Error(`The job's worker ended with code ${code} before it finished.`),
          ),
        );
      });
    });
  }

  async function run<K extends JobKind>(
    spec: JobOf<K>,
    ctx: CallContext,
    onProgress: (progress: ImportProgress) => void = () => {},
  ): Promise<JobResults[K]> {
    if (closed) throw new AppError('unavailable', 'jobs.stopped', {});
    const markKind = MARKED[spec.kind];
    let held: HeldMark | null = null;
    if (markKind) {
      if (local) throw jobRunning(local);
      const mark: JobMark = {
        kind: markKind,
        actor: ctx.actor,
        startedAt: deps.clock.now().toISOString(),
      };
      // Taken here, not in the worker: it lives as long as this process (or its session).
      local = mark;
      try {
        if (target) {
          const claimed = await claimJobMark(target, mark);
          if ('other' in claimed) throw jobRunning(claimed.other);
          held = claimed.held;
        }
      } catch (error) {
        local = null;
        throw error;
      }
    }
    const work = (async () => {
      try {
        if (!workerFile || !target) return await runJobIn(spec, deps, ctx, onProgress);
        const start: JobStart = { target, spec, ctx, at: deps.clock.now().toISOString() };
        return (await inWorker(workerFile, start, onProgress)) as JobResults[K];
      } finally {
        if (markKind) {
          local = null;
          await held?.release();
        }
      }
    })();
    running.add(work);
    try {
      return await work;
    } finally {
      running.delete(work);
    }
  }

  return {
    run,
    async refuseWrite() {
      if (local) throw jobRunning(local);
      if (!target) return;
      const other = await currentJobMark(target, deps.db);
      if (other) throw jobRunning(other);
    },
    async close() {
      closed = true;
      await Promise.all([...workers].map((w) => w.terminate()));
      // Each job's own ending: its mark released, its caller told it stopped.
      await Promise.allSettled([...running]);
    },
  };
}

const inline = new WeakMap<ServiceDeps, JobRunner>();

/** The registry's job runner; a bare ServiceDeps (a unit test's) runs its jobs here. */
export function jobsOf(deps: ServiceDeps): JobRunner {
  if (deps.jobs) return deps.jobs;
  let runner = inline.get(deps);
  if (!runner) {
    runner = createJobRunner({ target: null, worker: null, deps });
    inline.set(deps, runner);
  }
  return runner;
}
