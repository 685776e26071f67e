import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_SCAN_BYTES } from '../../shared/ipc/letters';
import { AppError } from '../core/errors';
import { isInside } from '../core/security';

/**
 * Scans of letters live in the registry's own folder (`paths.files`), one folder per letter,
 * so they travel with the registry file. Only PDFs and images are accepted, recognised by
 * their first bytes rather than their name.
 */
const KINDS: readonly { mime: string; ext: string; test: (b: Uint8Array) => boolean }[] = [
  {
    mime: 'application/pdf',
    ext: '.pdf',
    test: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  },
  {
    mime: 'image/png',
    ext: '.png',
    test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  },
  { mime: 'image/jpeg', ext: '.jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/tiff',
    ext: '.tif',
    test: (b) =>
      (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) ||
      (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a),
  },
];

export function scanKind(bytes: Uint8Array): { mime: string; ext: string } | null {
  return KINDS.find((k) => k.test(bytes)) ?? null;
}

/** Whether the system may open `file`: its bytes and its name say the same PDF or image kind. */
export function openableScan(file: string, bytes: Uint8Array): boolean {
  const kind = scanKind(bytes);
  return kind !== null && mimeOfScan(file) === kind.mime;
}

export function mimeOfScan(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return (
    KINDS.find(
      (k) =>
        k.ext === ext ||
        (ext === '.jpeg' && k.ext === '.jpg') ||
        (ext === '.tiff' && k.ext === '.tif'),
    )?.mime ?? 'application/octet-stream'
  );
}

/** A file name safe on every system, keeping the staff's own wording (Chinese included). */
export function safeName(name: string, ext: string): string {
  const base =
    path
      .basename(name)
      // Characters no file system takes in a name, and control characters.
      .replace(/[\\/:*?"<>|]/g, '_')
      .replace(/\p{Cc}/gu, '_')
      .replace(/^\.+/, '')
      .slice(0, 120) || 'scan';
  return path.extname(base).toLowerCase() === ext ? base : `${base}${ext}`;
}

export function refusedScan(key: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('validation', key, params, { details: [{ path: ['scan'], key, params }] });
}

/** Checks and stores a scan; returns its path relative to the files folder. */
export async function storeScan(
  filesDir: string,
  letterId: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  if (bytes.length === 0) throw refusedScan('errors.scan.empty');
  if (bytes.length > MAX_SCAN_BYTES)
    throw refusedScan('errors.scan.tooLarge', { max: Math.round(MAX_SCAN_BYTES / 1024 / 1024) });
  const kind = scanKind(bytes);
  if (!kind) throw refusedScan('errors.scan.kind', { name });
  const relative = path.join('letters', letterId, safeName(name, kind.ext));
  const target = path.join(filesDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  // Written beside and renamed into place: a crash never leaves half a scan under its name.
  await writeFile(`${target}.partial`, bytes);
  await rename(`${target}.partial`, target);
  return relative;
}

export async function readScan(
  filesDir: string,
  relative: string,
): Promise<{ file: string; bytes: Buffer }> {
  if (!isInside(filesDir, relative)) throw refusedScan('errors.scan.missing');
  const file = path.join(filesDir, relative);
  try {
    await stat(file);
  } catch {
    throw new AppError('not_found', 'errors.scan.missing', {});
  }
  return { file, bytes: await readFile(file) };
}
