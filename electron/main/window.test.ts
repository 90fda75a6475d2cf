import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real electron package cannot load here (its binary is not installed, and it would try to
// download it), so a stand-in BrowserWindow records what the factory asks for.
const made = vi.hoisted(
  () => [] as Array<{ options: Record<string, unknown>; loaded: string[]; destroy: () => void }>,
);
vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    readonly webContents: { id: number; once: (event: string, listener: () => void) => void };
    private readonly record: (typeof made)[number];
    constructor(options: Record<string, unknown>) {
      const listeners = new Map<string, () => void>();
      this.webContents = {
        id: nextId++,
        once: (event, listener) => listeners.set(event, listener),
      };
      this.record = { options, loaded: [], destroy: () => listeners.get('destroyed')?.() };
      made.push(this.record);
    }
    once(): void {}
    show(): void {}
    async loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
    }
  }
  return { BrowserWindow };
});

const { createCasefileWindow, trustedWebContentsIds } = await import('./window');

describe('createCasefileWindow', () => {
  beforeEach(() => {
    made.length = 0;
  });

  it('locks every window down', () => {
    createCasefileWindow({ preload: '/app/dist/electron/preload.cjs', allowDevTools: false });
    const prefs = made[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      plugins: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('has DevTools only when asked (development)', () => {
    createCasefileWindow({ preload: 'p', allowDevTools: true });
    expect((made[0]?.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('opens the app origin and trusts the window until it is destroyed', () => {
    createCasefileWindow({ preload: 'p', allowDevTools: false });
    const record = made[0];
    expect(record?.loaded).toEqual(['app://casefile/']);
    expect(record?.options.show).toBe(false);
    const [id] = [...trustedWebContentsIds()].slice(-1);
    expect(id).toBeDefined();
    record?.destroy();
    expect(trustedWebContentsIds().has(id as number)).toBe(false);
  });
});
