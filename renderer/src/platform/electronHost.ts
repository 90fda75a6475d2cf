import {
  HOST_BRIDGE_GLOBAL,
  ipcContract,
  type HostBridge,
  type IpcResult,
} from '@shared/ipc/contract';
import { HostError, type Host, type SaveFileRequest, type SaveFileResult } from './host';

/** Unwraps a bridge result, checking the answer against the contract rather than trusting it. */
function unwrap<T>(result: IpcResult<unknown>, parse: (value: unknown) => T): T {
  if (!result.ok) throw new HostError(result.error);
  return parse(result.value);
}

/** The Electron host: every call goes through the preload's bridge, built from the IPC contract. */
export function createElectronHost(bridge: HostBridge): Host {
  return {
    kind: 'electron',
    async saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
      const checked = ipcContract['host:save-file'].request.parse(request);
      const result = await bridge.saveFile(checked);
      return unwrap(result, (value) => ipcContract['host:save-file'].response.parse(value));
    },
  };
}

/** The preload's bridge when the renderer runs inside Casefile's Electron window. */
export function findHostBridge(scope: object = globalThis): HostBridge | undefined {
  const candidate = (scope as Record<string, unknown>)[HOST_BRIDGE_GLOBAL];
  if (candidate && typeof candidate === 'object' && 'saveFile' in candidate) {
    return candidate as HostBridge;
  }
  return undefined;
}
