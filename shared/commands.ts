import type { Action } from './staff';
/**
 * The commands of the application menu that the page carries out: the native menu sends them
 * to the renderer (main/electron/menu.ts), and the in-app menu of the browser host runs the
 * same ones (renderer/menu). Registry files, the about box and the data folder are main's own
 * in the desktop app.
 */
export const PAGE_COMMANDS = [
  'registry:new',
  'registry:open',
  'import',
  'export',
  'backup',
  'print',
  'undo',
  'redo',
  'fillDown',
  'find',
  'layout:reset',
  'language:zh',
  'language:en',
  'about',
  'dataFolder',
] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

/**
 * What a command does to the registry, where it does something: a member whose role lacks it
 * is not offered it. Switching registries is the browser host's (it moves every tab); in the
 * desktop app main's own menu opens files.
 */
export const COMMAND_NEEDS: Partial<Record<PageCommand, Action>> = {
  'registry:new': 'administer',
  'registry:open': 'administer',
  import: 'edit',
  backup: 'edit',
  undo: 'edit',
  redo: 'edit',
  fillDown: 'edit',
};

export function isPageCommand(value: unknown): value is PageCommand {
  return typeof value === 'string' && (PAGE_COMMANDS as readonly string[]).includes(value);
}

/** The shortcut of a command, as the grids read it and the menus show it. */
export const SHORTCUTS: Partial<Record<PageCommand, { mac: string; other: string }>> = {
  undo: { mac: 'Cmd+Z', other: 'Ctrl+Z' },
  redo: { mac: 'Cmd+Shift+Z', other: 'Ctrl+Y' },
  fillDown: { mac: 'Cmd+D', other: 'Ctrl+D' },
  find: { mac: 'Cmd+F', other: 'Ctrl+F' },
  print: { mac: 'Cmd+P', other: 'Ctrl+P' },
  'registry:open': { mac: 'Cmd+O', other: 'Ctrl+O' },
  'registry:new': { mac: 'Cmd+N', other: 'Ctrl+N' },
};

/** The shortcut as a hint beside a button (the grids take Ctrl+Shift+Z for redo as well). */
export function shortcutHint(command: PageCommand, mac = false): string {
  const s = SHORTCUTS[command];
  if (!s) return '';
  if (command === 'redo') return mac ? s.mac : `${s.other} / Ctrl+Shift+Z`;
  return mac ? s.mac : s.other;
}

/** The key a grid reads as one of the menu's commands (Ctrl or Cmd with a letter), or null. */
export function gridKeyCommand(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}): 'undo' | 'redo' | 'fillDown' | null {
  if (!(event.ctrlKey || event.metaKey)) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (key === 'd') return 'fillDown';
  return null;
}
