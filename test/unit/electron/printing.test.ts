import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPlatform, PDF_OPTIONS, PRINT_OPTIONS } from '../../../main/electron/platform';
import { FONTS_LOADED } from '../../../main/reports/document';

/** A fake BrowserWindow that records what printing does with it. */
class FakePrintWindow {
  static created: FakePrintWindow[] = [];
  static printResult: [boolean, string] = [true, ''];
  loaded: string | null = null;
  loadedHtml: string | null = null;
  destroyed = false;
  readonly scripts: string[] = [];
  readonly pdfOptions: unknown[] = [];
  readonly printOptions: unknown[] = [];
  readonly webContents = {
    executeJavaScript: async (code: string) => {
      this.scripts.push(code);
      return 1;
    },
    printToPDF: async (options: unknown) => {
      this.pdfOptions.push(options);
      return Buffer.from('%PDF-1.7 fake');
    },
    print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
      this.printOptions.push(options);
      setTimeout(() => callback(...FakePrintWindow.printResult), 0);
    },
  };
  constructor(readonly options: { show: boolean; webPreferences: Record<string, unknown> }) {
    FakePrintWindow.created.push(this);
  }
  async loadFile(file: string) {
    this.loaded = file;
    this.loadedHtml = readFileSync(file, 'utf8');
  }
  destroy() {
    this.destroyed = true;
  }
}

function platform(tempDir: string) {
  FakePrintWindow.created = [];
  return electronPlatform({
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    } as never,
    shell: { openPath: async () => '' },
    window: () => null,
    Window: FakePrintWindow as never,
    tempDir: () => tempDir,
  });
}

const HTML =
  '<!doctype html><html><head><style>@page { size: A4 }</style></head><body>友城</body></html>';

describe('printing in the desktop app', () => {
  it('prints a report to PDF in a hidden, sandboxed window at the page’s own A4 size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-print-'));
    const bytes = await platform(dir).printToPdf?.(HTML);
    expect(Buffer.from(bytes ?? []).toString()).toBe('%PDF-1.7 fake');
    const win = FakePrintWindow.created[0] as FakePrintWindow;
    expect(FakePrintWindow.created).toHaveLength(1);
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loadedHtml).toBe(HTML);
    // Fonts are awaited before printing; printing itself does not wait for them.
    expect(win.scripts).toEqual([FONTS_LOADED]);
    expect(win.pdfOptions).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, pageSize: 'A4' });
    // The window and the document's file are gone afterwards.
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loaded as string)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('hands a report to the system print dialog, and a cancelled dialog is no failure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-print-'));
    const p = platform(dir);
    FakePrintWindow.printResult = [true, ''];
    expect(await p.print?.(HTML)).toBe(true);
    expect(FakePrintWindow.created[0]?.printOptions).toEqual([PRINT_OPTIONS]);
    expect(PRINT_OPTIONS).toMatchObject({ silent: false, pageSize: 'A4' });
    FakePrintWindow.printResult = [false, 'cancelled'];
    expect(await p.print?.(HTML)).toBe(false);
    FakePrintWindow.printResult = [false, 'failed'];
    await expect(p.print?.(HTML)).rejects.toThrow('failed');
    expect(FakePrintWindow.created.every((w) => w.destroyed)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    FakePrintWindow.printResult = [true, ''];
  });

  it('cleans up when printing fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yc-print-'));
    const p = platform(dir);
    const original = FakePrintWindow.prototype.loadFile;
    FakePrintWindow.prototype.loadFile = async () => {
      throw new Error('ERR_FILE_NOT_FOUND');
    };
    try {
      await expect(p.printToPdf?.(HTML)).rejects.toThrow('ERR_FILE_NOT_FOUND');
    } finally {
      FakePrintWindow.prototype.loadFile = original;
    }
    expect(FakePrintWindow.created[0]?.destroyed).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});
