import nodePath from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from './ipc';
import { createDesktopServices, writeFailure, type DesktopDependencies } from './services';

function dependencies(overrides: Partial<DesktopDependencies> = {}): DesktopDependencies {
  return {
    chooseSaveLocation: vi.fn(async (defaultPath: string) => defaultPath),
    writeFile: vi.fn(async () => {}),
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
