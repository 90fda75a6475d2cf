import { errorMessage } from '@shared/domain/errorMessage';
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
  /** Opens a new file for writing in pieces. */
  openWriteStream(path: string): Promise<WriteStream>;
  /** Renames a file (the finished temporary file to the chosen name, replacing what is there). */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file if it is there. */
  remove(path: string): Promise<void>;
  /** A random UUID. */
  randomId(): string;
  /** The user's Documents folder, where save dialogs start. */
  documentsFolder(): string;
  appVersion: string;
  platform: string;
  electronVersion: string;
}

/** A file open for writing. */
export interface WriteStream {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

interface OpenStream {
  file: WriteStream;
  temporary: string;
  chosen: string;
  written: number;
}

/** The desktop service behind every channel of the IPC contract. */
export function createDesktopServices(deps: DesktopDependencies): IpcServices {
  // Files being saved in pieces, by stream id. The temporary file sits beside the chosen one (same
  // folder, so the final rename cannot cross disks) and takes its name only when complete, so a
  // cancelled or failed export never leaves a half bundle under the name the reporter chose.
  const streams = new Map<string, OpenStream>();
  const stream = (streamId: string): OpenStream => {
    const open = streams.get(streamId);
    if (!open)
      throw new ServiceError('That file is no longer being saved (it was finished or abandoned).');
    return open;
  };
  return {
    'host:save-stream-open': async ({ suggestedName }) => {
      const chosen = await deps.chooseSaveLocation(
        nodePath.join(deps.documentsFolder(), suggestedName),
      );
      if (chosen === undefined) return { opened: false };
      const streamId = deps.randomId();
      const temporary = `${chosen}.${streamId.slice(0, 8)}.part`;
      try {
        streams.set(streamId, {
          file: await deps.openWriteStream(temporary),
          temporary,
          chosen,
          written: 0,
        });
      } catch (error) {
        throw new ServiceError(writeFailure(chosen, error), { cause: error });
      }
      return { opened: true, streamId, location: chosen };
    },
    'host:save-stream-write': async ({ streamId, data }) => {
      const open = stream(streamId);
      try {
        await open.file.write(data);
      } catch (error) {
        streams.delete(streamId);
        await open.file.close().catch(() => undefined);
        await deps.remove(open.temporary).catch(() => undefined);
        throw new ServiceError(writeFailure(open.chosen, error), { cause: error });
      }
      open.written += data.byteLength;
      return { written: open.written };
    },
    'host:save-stream-close': async ({ streamId }) => {
      const open = stream(streamId);
      streams.delete(streamId);
      try {
        await open.file.close();
        await deps.rename(open.temporary, open.chosen);
      } catch (error) {
        await deps.remove(open.temporary).catch(() => undefined);
        throw new ServiceError(writeFailure(open.chosen, error), { cause: error });
      }
      return { saved: true, location: open.chosen };
    },
    'host:save-stream-abort': async ({ streamId }) => {
      const open = streams.get(streamId);
      if (!open) return { aborted: false };
      streams.delete(streamId);
      await open.file.close().catch(() => undefined);
      await deps.remove(open.temporary);
      return { aborted: true };
    },
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
      return `Casefile could not save ${path}: ${errorMessage(error)}`;
  }
}
