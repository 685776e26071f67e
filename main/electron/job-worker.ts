import { existsSync } from 'node:fs';
import path from 'node:path';

/** The jobs worker's bundle (scripts/bundle.mjs), beside main.cjs in dist/electron. */
export const JOB_WORKER = 'jobs-worker.cjs';

/** What finding the worker needs of the platform: its path rules, and whether a file is there. */
export interface WorkerFileSystem {
  readonly join: (...parts: string[]) => string;
  readonly exists: (file: string) => boolean;
}

const nodeFileSystem: WorkerFileSystem = { join: path.join, exists: existsSync };

/**
 * A path inside the app's archive as electron-builder unpacks it: `…/resources/app.asar/…`
 * becomes `…/resources/app.asar.unpacked/…` (either separator); any other path, a development
 * build's dist/electron, is returned as it is.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/**
 * Where the jobs worker (main/jobs) starts from. A packaged app's main.cjs runs from inside
 * app.asar, and a worker thread cannot start from a file inside the archive, so
 * electron-builder.yml unpacks jobs-worker.cjs (`asarUnpack`) beside it into
 * app.asar.unpacked, with the packages it still requires at run time (better-sqlite3 and its
 * loader; pg is bundled in); nothing the worker loads is then read from the archive. When the
 * file is not there (a build that left it out), no worker: the jobs run in main's own process,
 * as before there was one, so an import still works, only without the window answering.
 */
export function jobWorkerFile(
  mainDir: string,
  fs: WorkerFileSystem = nodeFileSystem,
): string | undefined {
  const file = unpackedPath(fs.join(mainDir, JOB_WORKER));
  return fs.exists(file) ? file : undefined;
}
