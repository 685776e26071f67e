import type { IpcRenderer } from 'electron';
import { CHANNEL_NAMES as CHANNELS } from '../../shared/ipc/channels';

export const MENU_EVENT = 'youcheng:menu';

/**
 * The object the preload exposes: one function per channel of the contract and a menu
 * listener, frozen. The renderer never sees ipcRenderer itself, so it can reach nothing else.
 */
export function buildBridge(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): Readonly<Record<string, unknown>> {
  const bridge: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    bridge[channel] = (input: unknown) => ipc.invoke(channel, input);
  }
  bridge.onMenu = (listener: (command: string) => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipc.on(MENU_EVENT, handler);
    return () => ipc.removeListener(MENU_EVENT, handler);
  };
  return Object.freeze(bridge);
}
