import type { HostBridge, IpcChannel, IpcResult } from '@shared/ipc/contract';

/** Sends one request on a channel and resolves with the main process's answer. */
export type Invoke = (channel: IpcChannel, request: unknown) => Promise<unknown>;

/** A channel of the contract and the name of its bridge function (`bridgeMethodName`). */
export type BridgeMethod = readonly [channel: IpcChannel, methodName: string];

/**
 * Builds the object exposed to the page: one function per channel, each taking exactly one request
 * and resolving with plain data. Nothing else is on it (no `ipcRenderer`, no event emitters, no way
 * to name a channel), so a page can ask the desktop only what the contract allows.
 */
export function buildHostBridge(methods: readonly BridgeMethod[], invoke: Invoke): HostBridge {
  const bridge: Record<string, (request: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const [channel, methodName] of methods) {
    bridge[methodName] = async (request: unknown) => {
      try {
        return (await invoke(channel, request)) as IpcResult<unknown>;
      } catch (error) {
        // Only when the main process has no handler or has gone; keep the answer's shape anyway.
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, error: `Casefile’s desktop side did not answer: ${detail}` };
      }
    };
  }
  return Object.freeze(bridge) as unknown as HostBridge;
}
