import nodePath from 'node:path';
import { ServiceError, type IpcServices } from './ipc';

/**
 * What the desktop services need from Electron and the file system, passed in so the services
 * can be tested without either.
 */
export interface DesktopDependencies {
  /** Shows a native save dialog; resolves with the chosen path, or undefined when cancelled. */
  chooseSaveLocation(defaultPath: string): Promise<string | undefined>;
  /** Writes bytes to a path, replacing what is there (the dialog has already asked about that). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** The user's Documents folder, where save dialogs start. */
  documentsFolder(): string;
  appVersion: string;
  platform: string;
  electronVersion: string;
}

/** The desktop service behind every channel of the IPC contract. */
export function createDesktopServices(deps: DesktopDependencies): IpcServices {
  return {
    'host:save-file': async ({ suggestedName, data }) => {
      // suggestedName has been checked by the contract to be a bare name, so joining is safe.
      const chosen = await deps.chooseSaveLocation(
        nodePath.join(deps.documentsFolder(), suggestedName),
      );
      if (chosen === undefined) return { saved: false };
      try {
        await deps.writeFile(chosen, data);
      } catch (error) {
        throw new ServiceError(writeFailure(chosen, error), { cause: error });
      }
      return { saved: true, location: chosen };
    },
    'host:get-info': async () => ({
      appVersion: deps.appVersion,
      platform: deps.platform,
      electronVersion: deps.electronVersion,
    }),
  };
}

/** A sentence for a failed write, by the file system's error code. */
export function writeFailure(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Casefile is not allowed to write to ${path}. Choose another folder.`;
    case 'ENOSPC':
      return `There is not enough space on the disk to save ${path}.`;
    case 'EROFS':
      return `${path} is on a disk that cannot be written to. Choose another folder.`;
    case 'ENOENT':
      return `The folder for ${path} no longer exists. Choose another folder.`;
    case 'EISDIR':
      return `${path} is a folder. Choose a file name.`;
    default:
      return `Casefile could not save ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
