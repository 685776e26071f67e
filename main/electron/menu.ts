import type { MenuItemConstructorOptions } from 'electron';
import { createI18n, type Lang } from '../../shared/i18n';

export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  send(command: string): void;
  setLanguage(lang: Lang): void;
  about(): void;
}

/**
 * The application menu. Edit uses Electron's roles so the grids' own shortcuts (copy, paste,
 * undo) reach the page unchanged; language switches at run time.
 */
export function menuTemplate(
  lang: Lang,
  actions: MenuActions,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const t = createI18n(lang).t;
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        platform === 'darwin'
          ? { role: 'close', label: t('menu.close') }
          : { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
        { type: 'separator' },
        { label: t('menu.find'), accelerator: 'CmdOrCtrl+F', click: () => actions.send('find') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        {
          label: t('app.language'),
          submenu: [
            {
              label: '中文',
              type: 'radio',
              checked: lang === 'zh',
              click: () => actions.setLanguage('zh'),
            },
            {
              label: 'English',
              type: 'radio',
              checked: lang === 'en',
              click: () => actions.setLanguage('en'),
            },
          ],
        },
        { type: 'separator' },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [{ label: t('menu.about'), click: () => actions.about() }],
    },
  ];
  return template;
}
