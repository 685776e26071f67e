import path from 'node:path';
import type { Lang } from '../../shared/i18n';
import type { RegistriesInfo } from '../../shared/ipc/registries';
import type { CallContext } from './context';

/**
 * What only some hosts can do, reaching the core as a small interface: the Electron app has
 * native dialogs, the system viewer and printToPDF; the browser host and the CLI do not (their
 * files travel through the contract, and their PDF comes from Chromium). A service checks
 * for a capability and answers `unavailable` where it is missing.
 */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

export interface Platform {
  readonly kind: 'electron' | 'browser' | 'cli';
  /** A native open dialog; resolves to the chosen path, or null if cancelled. */
  pickFile?(options: { title: string; filters: readonly FileFilter[] }): Promise<string | null>;
  /** A native save dialog that writes `bytes`; resolves to the path written, or null. */
  saveFile?(options: {
    title: string;
    defaultName: string;
    bytes: Uint8Array;
  }): Promise<string | null>;
  /** Opens a file with the system's viewer. */
  openPath?(file: string): Promise<void>;
  /** Prints HTML through the system dialog; resolves to false if the user cancelled. */
  print?(html: string): Promise<boolean>;
  /** Renders HTML to PDF (Electron's printToPDF; A4 from the page's CSS). */
  printToPdf?(html: string): Promise<Uint8Array>;
  /** Switching to another registry file (the desktop app and the browser host; see workspace.ts). */
  registries?: RegistrySwitch;
}

/** What the host's workspace offers the registry it opened. */
export interface RegistrySwitch {
  info(): RegistriesInfo;
  /** `by`: who asked, so the clients the switch signs out can be told. */
  open(file: string, create: boolean, by?: string): Promise<RegistriesInfo>;
  forget(file: string): RegistriesInfo;
  openSample(ctx: CallContext): Promise<RegistriesInfo>;
  /** A native dialog chooses a registry to open or a new file's place; null if cancelled. */
  pick?(mode: 'open' | 'create', lang: Lang): Promise<string | null>;
}

export const headlessPlatform = (kind: 'browser' | 'cli'): Platform => ({ kind });

/** Where a registry keeps what is not in the database file. */
export interface RegistryPaths {
  /** Attachments (scans of letters) copied into the registry's own folder. */
  readonly files: string;
  /** Automatic backups, rotated. */
  readonly backups: string;
}

/** Beside the file: `registry.db` keeps `registry-files/` and `registry-backups/`. */
export function pathsBeside(file: string): RegistryPaths {
  const dir = path.dirname(file);
  const base = path.basename(file, path.extname(file));
  return { files: path.join(dir, `${base}-files`), backups: path.join(dir, `${base}-backups`) };
}
