import {
  HOST_BRIDGE_GLOBAL,
  SAVE_STREAM_CHUNK_MAX,
  ipcContract,
  type HostBridge,
  type IpcResult,
} from '@shared/ipc/contract';
import {
  HostError,
  type Host,
  type SaveFileRequest,
  type SaveFileResult,
  type SaveStream,
  type SaveStreamRequest,
} from './host';

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
    async openSaveStream(request: SaveStreamRequest): Promise<SaveStream | undefined> {
      const checked = ipcContract['host:save-stream-open'].request.parse(request);
      const opened = unwrap(await bridge.saveStreamOpen(checked), (value) =>
        ipcContract['host:save-stream-open'].response.parse(value),
      );
      if (!opened.opened || !opened.streamId) return undefined;
      const streamId = opened.streamId;
      return {
        write: async (chunk) => {
          // Pieces larger than the channel takes are sent in parts.
          for (let at = 0; at < chunk.byteLength; at += SAVE_STREAM_CHUNK_MAX) {
            const data = chunk.subarray(at, at + SAVE_STREAM_CHUNK_MAX) as Uint8Array<ArrayBuffer>;
            unwrap(await bridge.saveStreamWrite({ streamId, data }), (value) =>
              ipcContract['host:save-stream-write'].response.parse(value),
            );
          }
        },
        close: async () =>
          unwrap(await bridge.saveStreamClose({ streamId }), (value) =>
            ipcContract['host:save-stream-close'].response.parse(value),
          ),
        abort: async () => {
          await bridge.saveStreamAbort({ streamId });
        },
      };
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
