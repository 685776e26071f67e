import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMAND_NEEDS, SHORTCUTS, type PageCommand } from '../../shared/commands';
import { LANGUAGE_NAMES, type Lang } from '../../shared/i18n';
import { usePermissions } from '../auth/session';
import { runCommand } from './commands';

type Action = 'cut' | 'copy' | 'paste' | 'zoomIn' | 'zoomOut' | 'resetZoom';
type Item =
  | { kind: 'command'; command: PageCommand; label: string }
  | { kind: 'action'; id: Action; label: string }
  | { kind: 'radio'; command: PageCommand; label: string; checked: boolean; lang?: string }
  | { kind: 'separator' };

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const hintOf = (command: PageCommand) => {
  const s = SHORTCUTS[command];
  return s ? (mac ? s.mac : s.other) : undefined;
};

const ZOOM_KEY = 'youcheng.zoom';
function setZoom(next: number) {
  const z = Math.min(2, Math.max(0.5, Math.round(next * 10) / 10));
  localStorage.setItem(ZOOM_KEY, String(z));
  document.documentElement.style.zoom = String(z);
}
const zoom = () => Number(localStorage.getItem(ZOOM_KEY) ?? '1') || 1;

/**
 * The browser host's in-app menu: the native menu's commands (File, Edit, View, Help) as a row
 * of menu buttons. Each opens a list of items moved through with the arrow keys; Escape closes
 * it and gives focus back to its button. Cut, copy and paste act on what had focus before.
 */
export function MenuBar({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const allowed = usePermissions();

  useEffect(() => {
    document.documentElement.style.zoom = String(zoom());
  }, []);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !menuRef.current?.parentElement?.contains(e.target))
        setOpen(null);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const clipboard = (what: 'cut' | 'copy' | 'paste') => {
    const target = returnFocus.current;
    target?.focus();
    if (what !== 'paste') {
      document.execCommand(what);
      return;
    }
    void navigator.clipboard
      ?.readText()
      .then((text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        (target ?? document.body).dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      })
      .catch(() => undefined);
  };

  const every: { id: string; label: string; items: Item[] }[] = [
    {
      id: 'file',
      label: t('menu.file'),
      items: [
        { kind: 'command', command: 'registry:new', label: t('menu.newRegistry') },
        { kind: 'command', command: 'registry:open', label: t('menu.openRegistry') },
        { kind: 'separator' },
        { kind: 'command', command: 'import', label: t('menu.import') },
        { kind: 'command', command: 'export', label: t('menu.export') },
        { kind: 'command', command: 'backup', label: t('menu.backup') },
        { kind: 'separator' },
        { kind: 'command', command: 'print', label: t('menu.print') },
      ],
    },
    {
      id: 'edit',
      label: t('menu.edit'),
      items: [
        { kind: 'command', command: 'undo', label: t('menu.undo') },
        { kind: 'command', command: 'redo', label: t('menu.redo') },
        { kind: 'separator' },
        { kind: 'action', id: 'cut', label: t('menu.cut') },
        { kind: 'action', id: 'copy', label: t('menu.copy') },
        { kind: 'action', id: 'paste', label: t('menu.paste') },
        { kind: 'separator' },
        { kind: 'command', command: 'fillDown', label: t('menu.fillDown') },
        { kind: 'command', command: 'find', label: t('menu.find') },
      ],
    },
    {
      id: 'view',
      label: t('menu.view'),
      items: [
        {
          kind: 'radio',
          command: 'language:zh',
          label: LANGUAGE_NAMES.zh,
          checked: lang === 'zh',
          lang: 'zh-CN',
        },
        {
          kind: 'radio',
          command: 'language:en',
          label: LANGUAGE_NAMES.en,
          checked: lang === 'en',
          lang: 'en',
        },
        { kind: 'separator' },
        { kind: 'command', command: 'layout:reset', label: t('menu.resetLayout') },
        { kind: 'separator' },
        { kind: 'action', id: 'zoomIn', label: t('menu.zoomIn') },
        {
          kind: 'action',
          id: 'zoomOut',
          label: t('menu.zoomOut'),
        },
        { kind: 'action', id: 'resetZoom', label: t('menu.resetZoom') },
      ],
    },
    {
      id: 'help',
      label: t('menu.help'),
      items: [
        { kind: 'command', command: 'about', label: t('menu.about') },
        { kind: 'command', command: 'dataFolder', label: t('menu.dataFolder') },
      ],
    },
  ];

  // A viewer is offered no command that writes (Import, Undo, Paste…): the menus leave them out.
  const offered = (item: Item) => {
    if (item.kind === 'command') {
      const needs = COMMAND_NEEDS[item.command];
      return needs === undefined || allowed(needs);
    }
    return item.kind !== 'action' || !['cut', 'paste'].includes(item.id) || allowed('edit');
  };
  const menus = every.map((menu) => ({
    ...menu,
    items: withoutStraySeparators(menu.items.filter(offered)),
  }));

  const close = (refocus: boolean) => {
    const id = open;
    setOpen(null);
    if (refocus && id) document.getElementById(`menu-button-${id}`)?.focus();
  };

  const choose = (item: Item) => {
    setOpen(null);
    if (item.kind === 'separator') return;
    if (item.kind === 'action') {
      if (item.id === 'zoomIn') setZoom(zoom() + 0.1);
      else if (item.id === 'zoomOut') setZoom(zoom() - 0.1);
      else if (item.id === 'resetZoom') setZoom(1);
      else clipboard(item.id);
    } else {
      returnFocus.current?.focus();
      runCommand(item.command);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const i = menus.findIndex((m) => m.id === open);
      const next = menus[(i + (e.key === 'ArrowRight' ? 1 : -1) + menus.length) % menus.length];
      if (next) setOpen(next.id);
    } else return;
    e.preventDefault();
  };

  return (
    <nav className="menubar" aria-label={t('menu.menuBar')}>
      {menus.map((menu) => (
        <div key={menu.id} className="menubar-entry">
          <button
            type="button"
            id={`menu-button-${menu.id}`}
            className="menubar-button"
            aria-haspopup="menu"
            aria-expanded={open === menu.id}
            aria-controls={open === menu.id ? `menu-${menu.id}` : undefined}
            onMouseDown={() => {
              if (!open && document.activeElement instanceof HTMLElement)
                returnFocus.current = document.activeElement;
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
                if (!open && document.activeElement instanceof HTMLElement)
                  returnFocus.current = document.activeElement;
              }
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setOpen(menu.id);
              }
            }}
            onClick={() => setOpen(open === menu.id ? null : menu.id)}
          >
            {menu.label}
          </button>
          {open === menu.id ? (
            <div
              ref={menuRef}
              id={`menu-${menu.id}`}
              role="menu"
              aria-labelledby={`menu-button-${menu.id}`}
              className="menubar-menu"
              onKeyDown={onMenuKey}
            >
              {menu.items.map((item, i) =>
                item.kind === 'separator' ? (
                  <div key={`sep-${i}`} role="separator" />
                ) : (
                  <button
                    key={item.kind === 'action' ? item.id : item.command}
                    type="button"
                    role={item.kind === 'radio' ? 'menuitemradio' : 'menuitem'}
                    aria-checked={item.kind === 'radio' ? item.checked : undefined}
                    lang={item.kind === 'radio' ? item.lang : undefined}
                    tabIndex={-1}
                    data-command={item.kind === 'action' ? item.id : item.command}
                    onClick={() => choose(item)}
                  >
                    <span className="menu-check" aria-hidden="true">
                      {item.kind === 'radio' && item.checked ? '✓' : ''}
                    </span>
                    <span className="menu-label">{item.label}</span>
                    {item.kind === 'command' && hintOf(item.command) ? (
                      <kbd className="menu-hint">{hintOf(item.command)}</kbd>
                    ) : null}
                  </button>
                ),
              )}
            </div>
          ) : null}
        </div>
      ))}
    </nav>
  );
}

/** A list whose items went: no separator first, last, or after another. */
function withoutStraySeparators(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (item.kind === 'separator' && (out.length === 0 || out.at(-1)?.kind === 'separator'))
      continue;
    out.push(item);
  }
  if (out.at(-1)?.kind === 'separator') out.pop();
  return out;
}
