import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  Shell,
  WebContents,
} from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Platform } from '../core/platform';
import { FONTS_LOADED } from '../reports/document';
import { WEB_PREFERENCES } from './policy';

/**
 * The Electron side of the platform interface: native open and save dialogs, the system
 * viewer, and printing. Electron objects come in as parameters so tests can pass fakes.
 *
 * A report prints from a hidden, sandboxed window of its own (never the app's window): the
 * document is written to a private temporary folder, loaded, its fonts awaited, then printed
 * to PDF at the A4 size its CSS asks for (Electron's default is Letter) or handed to the
 * system print dialog; the window and the file are gone afterwards.
 */

type WindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** printToPDF's options: the page's own CSS decides size and margins; no browser header. */
export const PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  pageSize: 'A4',
  displayHeaderFooter: false,
} as const;

/** The system dialog's defaults: A4 with backgrounds, the user still choosing the printer. */
export const PRINT_OPTIONS = { silent: false, printBackground: true, pageSize: 'A4' } as const;

export function electronPlatform(deps: {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  window: () => BrowserWindow | null;
  /** The window class reports print from (BrowserWindow). */
  Window: WindowClass;
  /** A folder for the document while it prints (the app's temp folder). */
  tempDir: () => string;
}): Platform {
  async function withDocument<T>(html: string, work: (c: WebContents) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(path.join(deps.tempDir(), 'youcheng-print-'));
    const file = path.join(dir, 'report.html');
    const win = new deps.Window({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: { ...WEB_PREFERENCES },
    });
    try {
      await writeFile(file, html, { mode: 0o600 });
      await win.loadFile(file);
      await win.webContents.executeJavaScript(FONTS_LOADED);
      return await work(win.webContents);
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }

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
    printToPdf: (html) =>
      withDocument(
        html,
        async (contents) => new Uint8Array(await contents.printToPDF(PDF_OPTIONS)),
      ),
    print: (html) =>
      withDocument(
        html,
        (contents) =>
          new Promise<boolean>((resolve, reject) => {
            contents.print(PRINT_OPTIONS, (success, reason) => {
              // Cancelling the dialog is the user's choice, not a failure.
              if (success) resolve(true);
              else if (reason === 'cancelled') resolve(false);
              else reject(new Error(reason));
            });
          }),
      ),
  };
}
