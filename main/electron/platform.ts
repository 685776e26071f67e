import type { BrowserWindow, Dialog, Shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { Platform } from '../platform';

/**
 * The Electron side of the platform interface: native open and save dialogs and the system
 * viewer. (Printing is added where reports need it.) Electron objects come in as parameters so
 * tests can pass fakes.
 */
export function electronPlatform(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  window: () => BrowserWindow | null;
}): Platform {
  return {
    kind: 'electron',
    async pickFile({ title, filters }) {
      const win = deps.window();
      const options = {
        title,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['openFile' as const],
      };
      const result = win
        ? await deps.dialog.showOpenDialog(win, options)
        : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile({ title, defaultName, bytes }) {
      const win = deps.window();
      const options = { title, defaultPath: defaultName };
      const result = win
        ? await deps.dialog.showSaveDialog(win, options)
        : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, bytes);
      return result.filePath;
    },
    async openPath(file) {
      const error = await deps.shell.openPath(file);
      if (error) throw new Error(error);
    },
  };
}
