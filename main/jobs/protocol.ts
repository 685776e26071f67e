import type { CopyResult } from '../../db/copy';
import type { Engine } from '../../db/engine';
import type {
  ExportedFile,
  ImportPreview,
  ImportProgress,
  ImportSummary,
} from '../../shared/ipc/interchange';
import type { ErrorCode } from '../../shared/result';
import type { RestoreResult } from '../backups/backups';
import type { CallContext } from '../core/context';
import { AppError } from '../core/errors';
import type { RegistryPaths } from '../core/platform';
import type { ImportOptions } from '../interchange/import';
import type { Headings } from '../interchange/export';

/**
 * The long jobs that run beside the host, in a worker thread with a connection of their own
 * (see runner.ts), and what crosses between the host and the worker. Everything here is plain
 * data, so it survives the structured clone of `postMessage`.
 */
export type JobSpec =
  | {
      readonly kind: 'import';
      readonly file: string;
      readonly name: string;
      readonly options: ImportOptions;
    }
  | {
      /** The import's dry look at a file: its sheets read and planned, nothing written. */
      readonly kind: 'preview';
      readonly fileId: string;
      readonly file: string;
      readonly name: string;
      readonly options: Omit<ImportOptions, 'dryRun'>;
    }
  | { readonly kind: 'exportRegistry'; readonly today: string; readonly headings: Headings }
  | {
      readonly kind: 'restore';
      /** The backup's name, for messages; `from` is its file. */
      readonly name: string;
      readonly from: string;
      /** The registry file it replaces. */
      readonly file: string;
      readonly backupsDir: string;
    }
  | {
      readonly kind: 'migrate';
      /** The empty registry to copy into (opened and migrated by the host already). */
      readonly to: JobTarget;
      /** `to` fit to show: a URL's password masked. */
      readonly shown: string;
    };

export type JobKind = JobSpec['kind'];
export type JobOf<K extends JobKind> = Extract<JobSpec, { kind: K }>;

export interface JobResults {
  readonly import: ImportSummary;
  readonly preview: ImportPreview;
  readonly exportRegistry: ExportedFile;
  readonly restore: RestoreResult;
  readonly migrate: CopyResult;
}

/** The registry a worker opens for itself: as the host opened it, without migrating. */
export interface JobTarget {
  readonly file: string;
  readonly engine: Engine;
  readonly nativeBinding?: string | undefined;
  readonly busyTimeoutMs: number;
  readonly paths: RegistryPaths;
}

/** A worker's `workerData`: one job per worker. */
export interface JobStart {
  readonly target: JobTarget;
  readonly spec: JobSpec;
  readonly ctx: CallContext;
  /** The host's clock when the job started: the one timestamp of what the job records. */
  readonly at: string;
}

/** An error as data: an AppError whole, anything else by its name, message and code. */
export type JobFailure =
  | {
      readonly kind: 'app';
      readonly code: ErrorCode;
      readonly key: string;
      readonly params: Readonly<Record<string, unknown>>;
      readonly extra: AppError['extra'];
    }
  | {
      readonly kind: 'error';
      readonly name: string;
      readonly message: string;
      /** SQLITE_FULL, a SQLSTATE, ENOSPC…: the door words these for the user. */
      readonly code?: string;
      readonly stack?: string;
    };

export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'done'; readonly value: unknown }
  | { readonly type: 'failed'; readonly failure: JobFailure };

export function failureOf(error: unknown): JobFailure {
  if (error instanceof AppError)
    return {
      kind: 'app',
      code: error.code,
      key: error.key,
      params: error.params,
      extra: error.extra,
    };
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return {
    kind: 'error',
    name: e.name,
    message: e.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

export function errorOf(failure: JobFailure): Error {
  if (failure.kind === 'app')
    return new AppError(failure.code, failure.key, failure.params, failure.extra);
  const error = new Error(failure.message);
  error.name = failure.name;
  if (failure.stack) error.stack = failure.stack;
  if (failure.code) Object.assign(error, { code: failure.code });
  return error;
}
