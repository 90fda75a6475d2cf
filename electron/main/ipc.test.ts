import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '@shared/ipc/contract';
import {
  createIpcHandler,
  describeIssues,
  senderRefusal,
  ServiceError,
  type IpcSender,
} from './ipc';

const trusted = new Set([7]);
const goodSender: IpcSender = { url: 'app://casefile/', isMainFrame: true, webContentsId: 7 };
const allowAll = () => undefined;
const saveRequest = {
  suggestedName: 'case.casefile',
  mediaType: 'application/zip',
  data: new Uint8Array([1, 2, 3]),
};

describe('senderRefusal', () => {
  it('trusts the main frame of a Casefile window on the app origin', () => {
    expect(senderRefusal(goodSender, trusted)).toBeUndefined();
    expect(
      senderRefusal({ ...goodSender, url: 'app://casefile/index.html#/cases/1' }, trusted),
    ).toBeUndefined();
  });

  it.each<[string, IpcSender]>([
    ['a closed frame', { ...goodSender, url: undefined }],
    ['another window', { ...goodSender, webContentsId: 8 }],
    ['an iframe', { ...goodSender, isMainFrame: false }],
    ['another origin', { ...goodSender, url: 'https://example.com/' }],
    ['another app host', { ...goodSender, url: 'app://evil/' }],
    ['a file page', { ...goodSender, url: 'file:///tmp/x.html' }],
  ])('refuses %s', (_what, sender) => {
    expect(senderRefusal(sender, trusted)).toMatch(/\.$/);
  });
});

describe('createIpcHandler', () => {
  it('has a readable action for every channel of the contract', async () => {
    for (const channel of ipcChannels) {
      const handler = createIpcHandler(channel, vi.fn(), () => 'No.');
      const result = await handler(goodSender, {});
      expect(result).toEqual({
        ok: false,
        error: expect.stringMatching(/^Casefile refused to [a-z]/),
      });
      expect(result.ok === false && result.error).not.toContain('undefined');
    }
  });

  it('runs the service with the parsed request and answers ok with its value', async () => {
    const service = vi.fn(async () => ({ saved: true, location: '/home/r/case.casefile' }));
    const handler = createIpcHandler('host:save-file', service, allowAll);
    await expect(handler(goodSender, { ...saveRequest, extra: 'dropped' })).resolves.toEqual({
      ok: true,
      value: { saved: true, location: '/home/r/case.casefile' },
    });
    expect(service).toHaveBeenCalledWith(saveRequest);
  });

  it('refuses an untrusted sender before parsing or running anything', async () => {
    const service = vi.fn();
    const handler = createIpcHandler('host:save-file', service, (sender) =>
      senderRefusal(sender, trusted),
    );
    const result = await handler({ ...goodSender, url: 'https://example.com/' }, saveRequest);
    expect(result).toEqual({
      ok: false,
      error:
        'Casefile refused to save the file. The request came from a page that is not part of Casefile.',
    });
    expect(service).not.toHaveBeenCalled();
  });

  it('names the path of what was wrong in the request', async () => {
    const service = vi.fn();
    const handler = createIpcHandler('host:save-file', service, allowAll);
    const result = await handler(goodSender, { ...saveRequest, suggestedName: '../../.bashrc' });
    expect(result).toEqual({
      ok: false,
      error:
        'Casefile could not save the file because the request was not valid: suggestedName: A suggested file name cannot contain a path.',
    });
    expect(service).not.toHaveBeenCalled();
  });

  it('says so when there is no request at all', async () => {
    const handler = createIpcHandler('host:get-info', vi.fn(), allowAll);
    const result = await handler(goodSender, undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(
      /^Casefile could not read the app’s information because the request was not valid: the request: /,
    );
  });

  it('passes a ServiceError’s sentence through as it is', async () => {
    const handler = createIpcHandler(
      'host:save-file',
      async () => {
        throw new ServiceError('There is not enough space on the disk to save /x.');
      },
      allowAll,
    );
    await expect(handler(goodSender, saveRequest)).resolves.toEqual({
      ok: false,
      error: 'There is not enough space on the disk to save /x.',
    });
  });

  it('turns any other failure into a sentence, never a rejection', async () => {
    const handler = createIpcHandler(
      'host:save-file',
      async () => {
        throw new TypeError('boom');
      },
      allowAll,
    );
    await expect(handler(goodSender, saveRequest)).resolves.toEqual({
      ok: false,
      error: 'Casefile could not save the file: boom',
    });
  });

  it('refuses to pass on an answer the contract does not promise', async () => {
    const handler = createIpcHandler(
      'host:get-info',
      async () => ({ appVersion: 1 }) as never,
      allowAll,
    );
    const result = await handler(goodSender, {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('appVersion');
  });
});

describe('describeIssues', () => {
  it('formats nested paths and array indexes', () => {
    expect(
      describeIssues([
        { code: 'custom', path: ['items', 2, 'name'], message: 'Too long.', input: undefined },
        { code: 'custom', path: [], message: 'Bad.', input: undefined },
      ]),
    ).toBe('items[2].name: Too long.; the request: Bad.');
  });
});
