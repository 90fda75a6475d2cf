import { describe, expect, it, vi } from 'vitest';
import { bridgeMethodName, ipcChannels } from '@shared/ipc/contract';
import { buildHostBridge } from './bridge';

const methods = ipcChannels.map((channel) => [channel, bridgeMethodName(channel)] as const);

describe('buildHostBridge', () => {
  it('has exactly one function per channel of the contract, and nothing else', () => {
    const bridge = buildHostBridge(methods, vi.fn());
    expect(Object.keys(bridge).sort()).toEqual(ipcChannels.map(bridgeMethodName).sort());
    expect(Object.keys(bridge).sort()).toEqual([
      'getInfo',
      'saveFile',
      'saveStreamAbort',
      'saveStreamClose',
      'saveStreamOpen',
      'saveStreamWrite',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends one request on its own channel and resolves with the answer', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: { saved: false } }));
    const bridge = buildHostBridge(methods, invoke);
    const request = { suggestedName: 'a.txt', mediaType: 'text/plain', data: new Uint8Array([1]) };
    await expect(bridge.saveFile(request)).resolves.toEqual({ ok: true, value: { saved: false } });
    expect(invoke).toHaveBeenCalledWith('host:save-file', request);
  });

  it('passes only the first argument on', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: {} }));
    const bridge = buildHostBridge(methods, invoke);
    await (bridge.getInfo as (...args: unknown[]) => Promise<unknown>)({}, 'smuggled');
    expect(invoke).toHaveBeenCalledWith('host:get-info', {});
  });

  it('turns a failed invoke into an error result', async () => {
    const bridge = buildHostBridge(
      methods,
      vi.fn(async () => Promise.reject(new Error('No handler registered'))),
    );
    await expect(bridge.getInfo({})).resolves.toEqual({
      ok: false,
      error: 'Casefile’s desktop side did not answer: No handler registered',
    });
  });
});
