import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type IpcChannel } from '@shared/ipc/contract';
import { createIpcHandler, senderRefusal, type IpcSender, type IpcServices } from './ipc';

/** What the pure sender check needs, read from Electron's event. */
function describeSender(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  const top = event.sender.mainFrame;
  return {
    url: frame?.url,
    isMainFrame:
      frame != null &&
      frame.parent === null &&
      frame.processId === top.processId &&
      frame.routingId === top.routingId,
    webContentsId: event.sender.id,
  };
}

/**
 * Registers one `ipcMain.handle` per channel of the contract, so the main process answers exactly
 * the channels the preload exposes. The handler receives only the first argument: the contract has
 * one request object per call.
 */
export function registerIpcHandlers(
  services: IpcServices,
  trusted: () => ReadonlySet<number>,
): void {
  const isRefused = (sender: IpcSender) => senderRefusal(sender, trusted());
  for (const channel of ipcChannels) register(channel, services, isRefused);
}

function register<C extends IpcChannel>(
  channel: C,
  services: IpcServices,
  isRefused: (sender: IpcSender) => string | undefined,
): void {
  const handler = createIpcHandler(channel, services[channel], isRefused);
  ipcMain.handle(channel, (event, request: unknown) => handler(describeSender(event), request));
}
