import nodePath from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from './ipc';
import { createDesktopServices, writeFailure, type DesktopDependencies } from './services';

function dependencies(overrides: Partial<DesktopDependencies> = {}): DesktopDependencies {
  return {
    chooseSaveLocation: vi.fn(async (defaultPath: string) => defaultPath),
    writeFile: vi.fn(async () => {}),
    openWriteStream: vi.fn(async () => ({
      write: vi.fn(async () => {}),
      close: vi.fn(async () => {}),
    })),
    rename: vi.fn(async () => {}),
    remove: vi.fn(async () => {}),
    randomId: () => '0b6c1d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
    documentsFolder: () => '/home/reporter/Documents',
    appVersion: '0.1.0',
    platform: 'linux',
    electronVersion: '45.5.0',
    ...overrides,
  };
}

const request = {
  suggestedName: 'Harbour case.casefile',
  mediaType: 'application/zip',
  data: new Uint8Array([9, 8]),
};

describe('host:save-file', () => {
  it('starts the dialog in Documents with the suggested name and writes the bytes there', async () => {
    const deps = dependencies();
    const result = await createDesktopServices(deps)['host:save-file'](request);
    const expected = nodePath.join('/home/reporter/Documents', 'Harbour case.casefile');
    expect(deps.chooseSaveLocation).toHaveBeenCalledWith(expected);
    expect(deps.writeFile).toHaveBeenCalledWith(expected, request.data);
    expect(result).toEqual({ saved: true, location: expected });
  });

  it('writes nothing when the reporter cancels', async () => {
    const deps = dependencies({ chooseSaveLocation: vi.fn(async () => undefined) });
    await expect(createDesktopServices(deps)['host:save-file'](request)).resolves.toEqual({
      saved: false,
    });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('explains a failed write in words', async () => {
    const failure = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const deps = dependencies({ writeFile: vi.fn(async () => Promise.reject(failure)) });
    const saving = createDesktopServices(deps)['host:save-file'](request);
    await expect(saving).rejects.toBeInstanceOf(ServiceError);
    await expect(saving).rejects.toThrow(
      /is not allowed to write to .*Harbour case\.casefile\. Choose another folder\./,
    );
  });
});

describe('host:get-info', () => {
  it('answers the versions', async () => {
    await expect(createDesktopServices(dependencies())['host:get-info']({})).resolves.toEqual({
      appVersion: '0.1.0',
      platform: 'linux',
      electronVersion: '45.5.0',
    });
  });
});

describe('writeFailure', () => {
  it('falls back to the system message for unknown errors', () => {
    expect(writeFailure('/x', new Error('strange'))).toBe('Casefile could not save /x: strange');
    expect(writeFailure('/x', { code: 'ENOSPC' })).toBe(
      'There is not enough space on the disk to save /x.',
    );
  });
});

describe('saving in pieces (host:save-stream-*)', () => {
  const streamId = '0b6c1d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
  const chosen = nodePath.join('/home/reporter/Documents', 'Harbour case.casefile');
  const temporary = `${chosen}.0b6c1d4e.part`;

  function withFile() {
    const written: Uint8Array[] = [];
    const file = {
      write: vi.fn(async (data: Uint8Array) => void written.push(data)),
      close: vi.fn(async () => {}),
    };
    const deps = dependencies({ openWriteStream: vi.fn(async () => file) });
    return { deps, file, written, services: createDesktopServices(deps) };
  }

  it('writes to a temporary file beside the chosen one and renames it when finished', async () => {
    const { deps, written, services } = withFile();
    const opened = await services['host:save-stream-open']({
      suggestedName: 'Harbour case.casefile',
      mediaType: 'application/zip',
    });
    expect(opened).toEqual({ opened: true, streamId, location: chosen });
    expect(deps.openWriteStream).toHaveBeenCalledWith(temporary);
    await expect(
      services['host:save-stream-write']({ streamId, data: new Uint8Array([1, 2]) }),
    ).resolves.toEqual({ written: 2 });
    await expect(
      services['host:save-stream-write']({ streamId, data: new Uint8Array([3]) }),
    ).resolves.toEqual({ written: 3 });
    expect(written).toHaveLength(2);
    expect(deps.rename).not.toHaveBeenCalled();
    await expect(services['host:save-stream-close']({ streamId })).resolves.toEqual({
      saved: true,
      location: chosen,
    });
    expect(deps.rename).toHaveBeenCalledWith(temporary, chosen);
    // Finished: the stream is gone.
    await expect(
      services['host:save-stream-write']({ streamId, data: new Uint8Array([4]) }),
    ).rejects.toThrow(/no longer being saved/);
  });

  it('opens nothing when the reporter cancels the dialog', async () => {
    const { deps, services } = withFile();
    (deps.chooseSaveLocation as ReturnType<typeof vi.fn>).mockResolvedValueOnce(undefined);
    await expect(
      services['host:save-stream-open']({ suggestedName: 'x.casefile', mediaType: '' }),
    ).resolves.toEqual({ opened: false });
    expect(deps.openWriteStream).not.toHaveBeenCalled();
  });

  it('deletes the temporary file when abandoned, and when a write fails', async () => {
    const { deps, file, services } = withFile();
    await services['host:save-stream-open']({ suggestedName: 'x.casefile', mediaType: '' });
    await expect(services['host:save-stream-abort']({ streamId })).resolves.toEqual({
      aborted: true,
    });
    expect(file.close).toHaveBeenCalled();
    expect(deps.remove).toHaveBeenCalledWith(
      `${nodePath.join('/home/reporter/Documents', 'x.casefile')}.0b6c1d4e.part`,
    );
    expect(deps.rename).not.toHaveBeenCalled();

    await services['host:save-stream-open']({ suggestedName: 'x.casefile', mediaType: '' });
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    file.write.mockRejectedValueOnce(full);
    await expect(
      services['host:save-stream-write']({ streamId, data: new Uint8Array([1]) }),
    ).rejects.toThrow(/not enough space/);
    expect(deps.remove).toHaveBeenCalledTimes(2);
  });
});
