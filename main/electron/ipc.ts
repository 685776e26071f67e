import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Lang } from '../../shared/i18n';
import type { Door } from '../core/door';
import { isTrustedSender } from './policy';

/** The client a window's calls come from: each window signs in on its own. */
export const windowClient = (webContentsId: number) => `window:${webContentsId}`;

/**
 * Binds every channel of the contract to the door. The sender is checked here (top frame of
 * one of our windows, on our own origin); the door checks the input.
 */
export function bindContract(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  door: Door,
  windowIds: () => ReadonlySet<number>,
  lang: () => Lang,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender(
        {
          frameUrl: frame?.url,
          isMainFrame: frame !== null && frame !== undefined && frame.parent === null,
          webContentsId: event.sender.id,
        },
        windowIds(),
      );
      return door(channel, input, {
        trusted,
        lang: lang(),
        client: windowClient(event.sender.id),
      });
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
