import type { BrowserWindow, Dialog } from 'electron';
import path from 'node:path';
import { createI18n, type Lang } from '../../shared/i18n';

/** Registry files as the dialogs filter them. */
export const REGISTRY_EXTENSIONS = ['db', 'sqlite', 'sqlite3'] as const;

/**
 * The native dialogs that choose a registry: an open dialog for an existing file, a save
 * dialog for a new one (the file is made by the workspace, not here). Electron objects come in
 * as parameters so tests pass fakes.
 */
export function registryPicker(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  window: () => BrowserWindow | null;
  /** The folder a dialog starts in (the open registry's). */
  folder: () => string;
}): (mode: 'open' | 'create', lang: Lang) => Promise<string | null> {
  return async (mode, lang) => {
    const t = createI18n(lang).t;
    const filters = [
      { name: t('registries.fileType'), extensions: [...REGISTRY_EXTENSIONS] },
      { name: t('registries.allFiles'), extensions: ['*'] },
    ];
    const win = deps.window();
    if (mode === 'open') {
      const options = {
        title: t('registries.openTitle'),
        defaultPath: deps.folder(),
        filters,
        properties: ['openFile' as const],
      };
      const result = win
        ? await deps.dialog.showOpenDialog(win, options)
        : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    const options = {
      title: t('registries.createTitle'),
      defaultPath: path.join(deps.folder(), t('registries.defaultName')),
      filters,
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const result = win
      ? await deps.dialog.showSaveDialog(win, options)
      : await deps.dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    return path.extname(result.filePath) ? result.filePath : `${result.filePath}.db`;
  };
}
