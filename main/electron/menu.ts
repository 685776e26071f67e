import type { MenuItemConstructorOptions } from 'electron';
import { COMMAND_NEEDS, SHORTCUTS, type PageCommand } from '../../shared/commands';
import { can, type Role } from '../../shared/staff';
import { createI18n, type Lang } from '../../shared/i18n';
import type { RecentRegistry } from '../../shared/ipc/registries';

export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  send(command: PageCommand): void;
  setLanguage(lang: Lang): void;
  about(): void;
  newRegistry(): void;
  openRegistry(): void;
  openRecent(file: string): void;
  openDataFolder(): void;
}

export interface MenuState {
  readonly lang: Lang;
  /** Most recent first; the open registry is checked. */
  readonly recent: readonly RecentRegistry[];
  readonly current: string;
  /** The signed-in member's role in a shared registry (none: the one local user, all items). */
  readonly role?: Role | null;
}

/** A command's accelerator in Electron's notation (`CmdOrCtrl` where both platforms agree). */
export function acceleratorOf(command: PageCommand, platform: NodeJS.Platform): string | undefined {
  const shortcut = SHORTCUTS[command];
  if (!shortcut) return undefined;
  const mac = platform === 'darwin';
  return (mac ? shortcut.mac : shortcut.other).replace(/^(Cmd|Ctrl)\+/, 'CmdOrCtrl+');
}

/**
 * The application menu. Undo, redo, fill down and find go to the page, which applies them to
 * the grid in front (the registry's own undo, not a text field's); the page's own key handling
 * comes first, so the grids' shortcuts and the menu's accelerators are the same keys and a key
 * is never acted on twice. Cut, copy and paste keep Electron's roles: they raise the page's
 * clipboard events, which the grids handle. Registry files, the about box and the data folder
 * are main's own.
 */
export function menuTemplate(
  state: MenuState,
  actions: MenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const { lang } = state;
  const t = createI18n(lang).t;
  const mac = platform === 'darwin';
  const page = (command: PageCommand, label: string): MenuItemConstructorOptions => {
    const accelerator = acceleratorOf(command, platform);
    // A command the member's role does not include is shown disabled, as the page hides it.
    // The registry's own commands are main's here: which file the app opens is this machine's.
    const needs = command.startsWith('registry:') ? undefined : COMMAND_NEEDS[command];
    return {
      id: command,
      label,
      ...(accelerator ? { accelerator } : {}),
      ...(needs && !can(state.role, needs) ? { enabled: false } : {}),
      click: () => actions.send(command),
    };
  };
  const writes = can(state.role, 'edit');
  const recent: MenuItemConstructorOptions[] =
    state.recent.length === 0
      ? [{ label: t('menu.noRecent'), enabled: false }]
      : state.recent.map((r) => ({
          label: r.file,
          type: 'checkbox' as const,
          checked: r.file === state.current,
          enabled: r.exists,
          click: () => actions.openRecent(r.file),
        }));
  return [
    {
      label: t('menu.file'),
      submenu: [
        {
          id: 'registry:new',
          label: t('menu.newRegistry'),
          accelerator: acceleratorOf('registry:new', platform) ?? '',
          click: () => actions.newRegistry(),
        },
        {
          id: 'registry:open',
          label: t('menu.openRegistry'),
          accelerator: acceleratorOf('registry:open', platform) ?? '',
          click: () => actions.openRegistry(),
        },
        { id: 'recent', label: t('menu.recent'), submenu: recent },
        { type: 'separator' },
        page('import', t('menu.import')),
        page('export', t('menu.export')),
        page('backup', t('menu.backup')),
        { type: 'separator' },
        page('print', t('menu.print')),
        { type: 'separator' },
        mac ? { role: 'close', label: t('menu.close') } : { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        page('undo', t('menu.undo')),
        page('redo', t('menu.redo')),
        // The grids also take Ctrl+Shift+Z for redo; this item carries that second key.
        ...(mac
          ? []
          : [
              {
                ...page('redo', t('menu.redo')),
                id: 'redo-alt',
                accelerator: 'Ctrl+Shift+Z',
                visible: false,
              },
            ]),
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut'), enabled: writes },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste'), enabled: writes },
        { role: 'selectAll', label: t('menu.selectAll') },
        { type: 'separator' },
        page('fillDown', t('menu.fillDown')),
        page('find', t('menu.find')),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        {
          id: 'language',
          label: t('menu.language'),
          submenu: [
            {
              id: 'language:zh',
              label: '中文',
              type: 'radio',
              checked: lang === 'zh',
              click: () => actions.setLanguage('zh'),
            },
            {
              id: 'language:en',
              label: 'English',
              type: 'radio',
              checked: lang === 'en',
              click: () => actions.setLanguage('en'),
            },
          ],
        },
        page('layout:reset', t('menu.resetLayout')),
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        { id: 'about', label: t('menu.about'), click: () => actions.about() },
        { id: 'dataFolder', label: t('menu.dataFolder'), click: () => actions.openDataFolder() },
      ],
    },
  ];
}
