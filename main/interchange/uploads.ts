import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../core/errors';
import { LIMITS } from './limits';

/**
 * Files waiting to be imported, named by a random id: uploads from the browser host live in a
 * private temporary folder (removed when the process ends, and swept of anything older than an
 * hour); files picked in Electron's native dialog are read where they are.
 */
export interface UploadedFile {
  readonly file: string;
  readonly name: string;
  /** Whether the file is ours to delete. */
  readonly owned: boolean;
  touched: number;
}

export function createUploads(now: () => number = Date.now) {
  const files = new Map<string, UploadedFile>();
  let dir: string | null = null;

  function folder(): string {
    if (!dir) {
      dir = path.join(
        tmpdir(),
        `youcheng-uploads-${process.pid}-${randomBytes(6).toString('hex')}`,
      );
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const made = dir;
      process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    }
    return dir;
  }

  async function sweep(): Promise<void> {
    const limit = now() - LIMITS.uploadTtlMs;
    for (const [id, upload] of files) {
      if (upload.touched < limit) await remove(id);
    }
  }

  async function remove(id: string): Promise<void> {
    const upload = files.get(id);
    files.delete(id);
    if (upload?.owned) await rm(upload.file, { force: true });
  }

  const newId = () => randomBytes(18).toString('base64url');

  return {
    async save(name: string, bytes: Uint8Array): Promise<string> {
      await sweep();
      if (bytes.length > LIMITS.fileBytes)
        throw new AppError('validation', 'import.file.tooLarge', {
          size: Math.ceil(bytes.length / 1048576),
          max: LIMITS.fileBytes / 1048576,
        });
      const id = newId();
      const file = path.join(folder(), id);
      await writeFile(file, bytes, { mode: 0o600 });
      files.set(id, { file, name: path.basename(name), owned: true, touched: now() });
      return id;
    },

    async adopt(file: string): Promise<{ fileId: string; name: string }> {
      await sweep();
      const size = (await stat(file)).size;
      if (size > LIMITS.fileBytes)
        throw new AppError('validation', 'import.file.tooLarge', {
          size: Math.ceil(size / 1048576),
          max: LIMITS.fileBytes / 1048576,
        });
      const id = newId();
      const name = path.basename(file);
      files.set(id, { file, name, owned: false, touched: now() });
      return { fileId: id, name };
    },

    get(id: string): UploadedFile {
      const upload = files.get(id);
      if (!upload) throw new AppError('not_found', 'import.file.gone', {});
      upload.touched = now();
      return upload;
    },

    remove,

    /** What is left in the folder (for tests of the clean-up). */
    async list(): Promise<string[]> {
      return dir ? readdir(dir) : [];
    },
  };
}
export type Uploads = ReturnType<typeof createUploads>;
