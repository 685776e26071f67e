import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { acceleratorOf, menuTemplate, type MenuActions } from '../../../main/electron/menu';
import { registryPicker } from '../../../main/electron/registry-dialogs';
import { gridKeyCommand, PAGE_COMMANDS, SHORTCUTS } from '../../../shared/commands';
import type { RecentRegistry } from '../../../shared/ipc/registries';

const recent: RecentRegistry[] = [
  { file: '/data/jiangsu.db', name: 'jiangsu.db', exists: true },
  { file: '/data/nanjing.db', name: 'nanjing.db', exists: true },
  { file: '/gone/old.db', name: 'old.db', exists: false },
];

function fakes() {
  return {
    send: vi.fn(),
    setLanguage: vi.fn(),
    about: vi.fn(),
    newRegistry: vi.fn(),
    openRegistry: vi.fn(),
    openRecent: vi.fn(),
    openDataFolder: vi.fn(),
  } satisfies MenuActions;
}

/** Every item of the template, submenus included, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}
const byId = (template: MenuItemConstructorOptions[], id: string) =>
  items(template).find((i) => i.id === id);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  it.each(['zh', 'en'] as const)('has File, Edit, View and Help, all worded in %s', (lang) => {
    const template = menuTemplate({ lang, recent, current: '/data/jiangsu.db' }, fakes(), 'linux');
    expect(template).toHaveLength(4);
    for (const item of items(template)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toBeTruthy();
      // No untranslated key (menu.x) ever reaches a label.
      expect(item.label).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$/);
    }
    const labels = template.map((m) => m.label);
    expect(labels).toEqual(
      lang === 'zh' ? ['文件', '编辑', '视图', '帮助'] : ['File', 'Edit', 'View', 'Help'],
    );
  });

  it('disables what the signed-in role may not do: a viewer writes nothing, an editor all but switching', () => {
    const viewer = menuTemplate(
      { lang: 'en', recent, current: '', role: 'viewer' },
      fakes(),
      'linux',
    );
    const disabled = items(viewer)
      .filter((i) => i.enabled === false && (i.id ?? i.role))
      .map((i) => i.id ?? i.role)
      .sort();
    expect(disabled).toEqual(
      ['backup', 'cut', 'fillDown', 'import', 'paste', 'redo', 'redo-alt', 'undo'].sort(),
    );
    // Which file the desktop app opens stays its user's, whatever the role.
    expect(byId(viewer, 'registry:open')?.enabled).not.toBe(false);
    for (const role of ['editor', 'approver', null] as const) {
      const template = menuTemplate({ lang: 'en', recent, current: '', role }, fakes(), 'linux');
      for (const id of ['import', 'backup', 'undo', 'redo', 'fillDown', 'cut', 'paste'])
        expect(
          items(template).find((i) => (i.id ?? i.role) === id)?.enabled,
          `${role} ${id}`,
        ).not.toBe(false);
    }
  });

  it('offers every command the issue names', () => {
    const template = menuTemplate({ lang: 'en', recent, current: '' }, fakes(), 'linux');
    const [file, edit, view, help] = template.map((m) =>
      items((m.submenu as MenuItemConstructorOptions[]) ?? []).map((i) => i.id ?? i.role),
    );
    expect(file).toEqual(
      expect.arrayContaining([
        'registry:new',
        'registry:open',
        'recent',
        'import',
        'export',
        'backup',
        'print',
      ]),
    );
    expect(edit).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'find', 'fillDown']),
    );
    expect(view).toEqual(
      expect.arrayContaining([
        'language',
        'language:zh',
        'language:en',
        'layout:reset',
        'zoomIn',
        'zoomOut',
        'resetZoom',
      ]),
    );
    expect(help).toEqual(['about', 'dataFolder']);
  });

  it('sends the page its commands, and keeps files, about and the folder in main', () => {
    const actions = fakes();
    const template = menuTemplate(
      { lang: 'zh', recent, current: '/data/jiangsu.db' },
      actions,
      'win32',
    );
    for (const id of [
      'import',
      'export',
      'backup',
      'print',
      'undo',
      'redo',
      'fillDown',
      'find',
      'layout:reset',
    ])
      click(byId(template, id));
    expect(actions.send.mock.calls.map((c) => c[0])).toEqual([
      'import',
      'export',
      'backup',
      'print',
      'undo',
      'redo',
      'fillDown',
      'find',
      'layout:reset',
    ]);
    for (const c of actions.send.mock.calls) expect(PAGE_COMMANDS).toContain(c[0]);
    click(byId(template, 'registry:new'));
    click(byId(template, 'registry:open'));
    click(byId(template, 'about'));
    click(byId(template, 'dataFolder'));
    click(byId(template, 'language:en'));
    expect(actions.newRegistry).toHaveBeenCalledOnce();
    expect(actions.openRegistry).toHaveBeenCalledOnce();
    expect(actions.about).toHaveBeenCalledOnce();
    expect(actions.openDataFolder).toHaveBeenCalledOnce();
    expect(actions.setLanguage).toHaveBeenCalledWith('en');
  });

  it('lists recent registries, the open one checked, a vanished one disabled', () => {
    const actions = fakes();
    const template = menuTemplate(
      { lang: 'en', recent, current: '/data/jiangsu.db' },
      actions,
      'linux',
    );
    const list = byId(template, 'recent')?.submenu as MenuItemConstructorOptions[];
    expect(list.map((i) => [i.label, i.checked, i.enabled])).toEqual([
      ['/data/jiangsu.db', true, true],
      ['/data/nanjing.db', false, true],
      ['/gone/old.db', false, false],
    ]);
    click(list[1]);
    expect(actions.openRecent).toHaveBeenCalledWith('/data/nanjing.db');
    const empty = menuTemplate({ lang: 'zh', recent: [], current: '' }, actions, 'linux');
    const none = byId(empty, 'recent')?.submenu as MenuItemConstructorOptions[];
    expect(none).toEqual([{ label: '没有最近打开的登记簿', enabled: false }]);
  });

  it.each(['linux', 'win32', 'darwin'] as const)(
    'has accelerators that are the grids’ own keys on %s',
    (platform) => {
      const template = menuTemplate({ lang: 'en', recent, current: '' }, fakes(), platform);
      const mac = platform === 'darwin';
      expect(byId(template, 'undo')?.accelerator).toBe('CmdOrCtrl+Z');
      expect(byId(template, 'redo')?.accelerator).toBe(mac ? 'CmdOrCtrl+Shift+Z' : 'CmdOrCtrl+Y');
      expect(byId(template, 'fillDown')?.accelerator).toBe('CmdOrCtrl+D');
      expect(byId(template, 'find')?.accelerator).toBe('CmdOrCtrl+F');
      if (!mac)
        expect(byId(template, 'redo-alt')).toMatchObject({
          accelerator: 'Ctrl+Shift+Z',
          visible: false,
        });
      // Cut, copy and paste keep Electron's roles: the page's clipboard events, which grids take.
      const roles = items(template).map((i) => i.role);
      expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste']));
      // Each accelerator of a grid command, pressed as a key, is that command in the grid.
      for (const command of ['undo', 'redo', 'fillDown'] as const) {
        const accelerators = items(template)
          .filter(
            (i) => i.click && (i.id === command || (command === 'redo' && i.id === 'redo-alt')),
          )
          .map((i) => String(i.accelerator));
        for (const accelerator of accelerators) {
          const parts = accelerator.split('+');
          const event = {
            key: parts.at(-1)!.toLowerCase(),
            ctrlKey: !mac && parts.some((p) => p === 'CmdOrCtrl' || p === 'Ctrl'),
            metaKey: mac && parts.includes('CmdOrCtrl'),
            shiftKey: parts.includes('Shift'),
          };
          expect(gridKeyCommand(event), `${accelerator} on ${platform}`).toBe(command);
        }
      }
    },
  );

  it('derives every accelerator from the one table of shortcuts', () => {
    for (const command of Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[])
      expect(acceleratorOf(command, 'linux')).toMatch(/^CmdOrCtrl\+/);
    expect(acceleratorOf('backup', 'linux')).toBeUndefined();
  });
});

describe('the registry dialogs', () => {
  const win = null;
  it('open an existing file, or name a new one (with .db added), null when cancelled', async () => {
    const calls: unknown[] = [];
    const dialog = {
      showOpenDialog: vi.fn(async (options: unknown) => {
        calls.push(options);
        return { canceled: false, filePaths: ['/data/city.db'] };
      }),
      showSaveDialog: vi.fn(async (options: unknown) => {
        calls.push(options);
        return { canceled: false, filePath: '/data/新的登记簿' };
      }),
    };
    const pick = registryPicker({
      dialog: dialog as never,
      window: () => win,
      folder: () => '/data',
    });
    expect(await pick('open', 'zh')).toBe('/data/city.db');
    expect(await pick('create', 'zh')).toBe('/data/新的登记簿.db');
    expect(calls[0]).toMatchObject({ title: '打开登记簿', defaultPath: '/data' });
    expect(calls[1]).toMatchObject({ title: '新建登记簿', defaultPath: '/data/登记簿.db' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await pick('open', 'en')).toBeNull();
  });
});
