import { z } from 'zod';
import { command, query } from './channel';

/**
 * Several registries: a province and its cities may keep separate files. The host keeps the
 * list of recent files (in its user-data folder, never in a registry); the renderer asks which
 * file is open, opens or creates another, or the sample registry to explore before real data.
 */
export interface RecentRegistry {
  readonly file: string;
  /** The file's name without its folder, for menus and the window title. */
  readonly name: string;
  readonly exists: boolean;
}

export interface RegistriesInfo {
  readonly file: string;
  readonly name: string;
  /** Most recent first, the open one included. */
  readonly recent: readonly RecentRegistry[];
  /** Whether this host can switch registries at all (the CLI cannot). */
  readonly canSwitch: boolean;
  /** Whether native file dialogs choose the file (the desktop app); else a path is typed. */
  readonly canPick: boolean;
  /** Whether the open registry is the sample one. */
  readonly sample: boolean;
}

/** A path on the machine of the host (main checks it is absolute and usable). */
const registryFile = z.string().trim().min(1).max(1024);

export const registriesChannels = {
  'registries:current': query(z.strictObject({})).returns<RegistriesInfo>(),
  'registries:open': command(
    z.strictObject({
      file: registryFile,
      /** Make a new, empty registry there (refused if a file is already there). */
      create: z.boolean().default(false),
    }),
  ).returns<RegistriesInfo>(),
  /** A native open or save dialog chooses the file (the desktop app only); null if cancelled. */
  'registries:pick': command(
    z.strictObject({ mode: z.enum(['open', 'create']) }),
  ).returns<RegistriesInfo | null>(),
  'registries:forget': command(z.strictObject({ file: registryFile })).returns<RegistriesInfo>(),
  /** Opens the sample registry (the Nanjing ties), making it on first use; its own file. */
  'registries:sample': command(z.strictObject({})).returns<RegistriesInfo>(),
};
