// The preload of every Casefile window. It runs sandboxed, where `require` reaches only a few of
// Electron's own modules, so build-electron bundles it into one file.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcChannel } from '@shared/ipc/contract';
import { buildHostBridge, type BridgeMethod } from './bridge';

/**
 * The contract's channels, their bridge function names and the global to expose them under, read
 * from shared/ipc/contract.ts by build-electron and written in as a constant. Importing the contract
 * here would bundle zod and every schema into the preload; this way the shipped preload is a few
 * dozen lines anyone can read in full, and still cannot drift from the contract.
 */
declare const CASEFILE_BRIDGE: { global: string; methods: BridgeMethod[] };

contextBridge.exposeInMainWorld(
  CASEFILE_BRIDGE.global,
  buildHostBridge(CASEFILE_BRIDGE.methods, (channel: IpcChannel, request) =>
    ipcRenderer.invoke(channel, request),
  ),
);
