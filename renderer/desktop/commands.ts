import { useEffect, useEffectEvent } from 'react';
import { isPageCommand, type PageCommand } from '../../shared/commands';
import { runsInElectron } from '../api/client';

/**
 * The menu's commands inside the page: the native menu's (through the preload) and the in-app
 * menu's reach the same handlers. The screen in front registers its own (a grid's undo, find);
 * the newest registration answers first, and the app's own handler answers the rest.
 */
type Handler = (command: PageCommand) => boolean;
const handlers: Handler[] = [];
let pending: PageCommand | null = null;

export function runCommand(command: PageCommand): boolean {
  for (const handler of [...handlers].reverse()) if (handler(command)) return true;
  return false;
}

/** Keeps a command for the screen about to open (Import… from the Reports screen, say). */
export function deferCommand(command: PageCommand): void {
  pending = command;
}

/** The deferred command, if it is one of `names`; taken once. */
export function takeDeferred(names: readonly PageCommand[]): PageCommand | null {
  const command = pending;
  if (command && names.includes(command)) {
    pending = null;
    return command;
  }
  return null;
}

/** Registers `handler` while the component is mounted; it may read the latest props. */
export function useCommands(handler: Handler): void {
  const run = useEffectEvent(handler);
  useEffect(() => {
    const h: Handler = (c) => run(c);
    handlers.push(h);
    return () => {
      handlers.splice(handlers.indexOf(h), 1);
    };
  }, []);
}

/** The native menu's commands, in the desktop app. */
export function listenToNativeMenu(): () => void {
  if (!runsInElectron()) return () => undefined;
  const off = window.youcheng?.onMenu?.((command) => {
    if (isPageCommand(command)) runCommand(command);
  });
  return off ?? (() => undefined);
}

/** Whether focus is in a text field outside the grids, where the browser's own undo applies. */
export function typingInField(): boolean {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return false;
  if (el.closest('.ag-root-wrapper')) return false;
  return (
    el.isContentEditable ||
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type))
  );
}
