import { createBrowserHost } from './browserHost';
import { createElectronHost, findHostBridge } from './electronHost';
import type { Host } from './host';

export type { Host, SaveFileRequest, SaveFileResult, SaveStream, SaveStreamRequest } from './host';
export { HostError } from './host';

let host: Host | undefined;

/** The host the app runs in, chosen once: Electron when the preload's bridge is there. */
export function getHost(): Host {
  if (!host) {
    const bridge = findHostBridge();
    host = bridge ? createElectronHost(bridge) : createBrowserHost();
  }
  return host;
}
