// The main process's wiring, run in Node against a stand-in for Electron (whose binary is not
// installed here): what happens before `ready`, which handlers the session, the app:// protocol and
// IPC get, and what they answer. The rules themselves are tested next to their modules; this checks
// that index.ts connects every one of them.
import type * as fsPromises from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: Array<{
    options: { webPreferences: Record<string, unknown> };
    url?: string;
    webContentsId: number;
  }> = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  // The main process reads Electron's version from here, as it does in Electron.
  Object.defineProperty(process.versions, 'electron', { value: '45.5.0', configurable: true });
  const session = {
    beforeRequest: undefined as
      | undefined
      | ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void),
    permissionRequest: undefined as undefined | Listener,
    permissionCheck: undefined as undefined | Listener,
    devicePermission: undefined as undefined | Listener,
    spellChecker: undefined as undefined | boolean,
  };
  const state = {
    calls,
    appListeners,
    ipcHandlers,
    windows,
    session,
    whenReady,
    ready: () => ready(),
    protocolHandler: undefined as undefined | ((request: Request) => Promise<Response>),
    privileged: undefined as unknown,
    menuTemplate: undefined as unknown,
    userData: undefined as undefined | string,
  };
  return state;
});

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    readonly webContents: { id: number; once: Listener; mainFrame: object };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.webContents = { id: nextId++, once: () => undefined, mainFrame: {} };
      electron.windows.push({ options, webContentsId: this.webContents.id });
      electron.calls.push('new BrowserWindow');
    }
    static getAllWindows() {
      return [];
    }
    static getFocusedWindow() {
      return null;
    }
    once(): void {}
    async loadURL(url: string): Promise<void> {
      const record = electron.windows[electron.windows.length - 1];
      if (record) record.url = url;
    }
  }
  return {
    app: {
      isPackaged: false,
      enableSandbox: () => electron.calls.push('enableSandbox'),
      commandLine: { hasSwitch: () => false, getSwitchValue: () => '' },
      getPath: (name: string) => `/home/reporter/${name}`,
      setPath: (name: string, value: string) => {
        if (name === 'userData') electron.userData = value;
        electron.calls.push(`setPath ${name}`);
      },
      requestSingleInstanceLock: () => {
        electron.calls.push('requestSingleInstanceLock');
        return true;
      },
      on: (event: string, listener: Listener) => electron.appListeners.set(event, listener),
      // Resolved by the test, after it has checked what happened before ready.
      whenReady: () => {
        electron.calls.push('whenReady');
        return electron.whenReady;
      },
      getVersion: () => '0.1.0',
      quit: () => electron.calls.push('quit'),
      exit: () => electron.calls.push('exit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        electron.privileged = schemes;
        electron.calls.push('registerSchemesAsPrivileged');
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        electron.calls.push(`protocol.handle ${scheme}`);
        electron.protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onBeforeRequest: (listener: typeof electron.session.beforeRequest) => {
            electron.session.beforeRequest = listener;
          },
        },
        setPermissionRequestHandler: (handler: Listener) => {
          electron.session.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          electron.session.permissionCheck = handler;
        },
        setDevicePermissionHandler: (handler: Listener) => {
          electron.session.devicePermission = handler;
        },
        setSpellCheckerEnabled: (enabled: boolean) => {
          electron.session.spellChecker = enabled;
        },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => electron.ipcHandlers.set(channel, handler),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => {
        electron.menuTemplate = template;
        return template;
      },
      setApplicationMenu: () => electron.calls.push('setApplicationMenu'),
    },
    dialog: { showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    BrowserWindow,
  };
});

// app:// reads files through node:fs/promises; answer for index.html only, from memory.
vi.mock('node:fs/promises', async (importOriginal) => {
  const original = await importOriginal<typeof fsPromises>();
  return {
    ...original,
    readFile: vi.fn(async (path: string) => {
      if (String(path).replace(/\\/g, '/').endsWith('/renderer/index.html'))
        return Buffer.from('<!doctype html><title>Casefile</title>');
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    }),
  };
});

describe('the main process', () => {
  beforeAll(async () => {
    await import('./index');
  });

  afterAll(() => {
    // Other test files in this worker must not think they run in Electron.
    Reflect.deleteProperty(process.versions, 'electron');
  });

  it('registers app: as a privileged scheme, enables the sandbox and takes the lock before ready', () => {
    const beforeReady = electron.calls.slice(0, electron.calls.indexOf('whenReady'));
    expect(beforeReady).toEqual(
      expect.arrayContaining([
        'registerSchemesAsPrivileged',
        'enableSandbox',
        'setPath userData',
        'requestSingleInstanceLock',
      ]),
    );
    expect(electron.privileged).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(electron.userData?.replace(/\\/g, '/')).toBe('/home/reporter/appData/Casefile');
    expect(electron.appListeners.has('web-contents-created')).toBe(true);
    // Nothing of the session or windows may exist before ready.
    expect(electron.protocolHandler).toBeUndefined();
    expect(electron.windows).toHaveLength(0);
  });

  it('once ready, hardens the session, serves app://, handles IPC and opens one locked window', async () => {
    electron.ready();
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
    expect(electron.protocolHandler).toBeDefined();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual([
      'host:get-info',
      'host:save-file',
      'host:save-stream-abort',
      'host:save-stream-close',
      'host:save-stream-open',
      'host:save-stream-write',
    ]);
    expect(electron.session.spellChecker).toBe(false);
    expect(electron.calls).toContain('setApplicationMenu');
    const [window] = electron.windows;
    expect(window?.url).toBe('app://casefile/');
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(String(window?.options.webPreferences.preload).replace(/\\/g, '/')).toMatch(
      /\/preload\.cjs$/,
    );
  });

  it('cancels every request that is not the app’s own', () => {
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      electron.session.beforeRequest?.({ url }, (answer) => {
        cancel = answer.cancel;
      });
      return cancel;
    };
    expect(decide('app://casefile/assets/index.js')).toBe(false);
    expect(decide('blob:app://casefile/1234')).toBe(false);
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    // Unpackaged here, so DevTools may load.
    expect(decide('devtools://devtools/bundled/devtools_app.html')).toBe(false);
  });

  it('denies every permission, request and check alike', () => {
    let granted: boolean | undefined;
    electron.session.permissionRequest?.(
      { getURL: () => 'app://casefile/' },
      'media',
      (answer: boolean) => {
        granted = answer;
      },
    );
    expect(granted).toBe(false);
    expect(electron.session.permissionCheck?.(null, 'clipboard-read', 'app://casefile')).toBe(
      false,
    );
    expect(electron.session.devicePermission?.({})).toBe(false);
  });

  it('serves the renderer over app:// with the CSP, and refuses to leave its folder', async () => {
    const handler = electron.protocolHandler!;
    const index = await handler(new Request('app://casefile/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    await expect(index.text()).resolves.toContain('<title>Casefile</title>');

    const escape = await handler(new Request('app://casefile/..%2f..%2fpackage.json'));
    expect(escape.status).toBe(403);
    expect(escape.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler(new Request('app://casefile/missing.js'))).status).toBe(404);
    expect(
      (await handler(new Request('app://casefile/', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
  });

  it('answers IPC only from the main frame of its own window', async () => {
    const getInfo = electron.ipcHandlers.get('host:get-info')!;
    const [window] = electron.windows;
    const mainFrame = { url: 'app://casefile/', parent: null, processId: 4, routingId: 1 };
    const event = (frame: object | null, webContentsId = window!.webContentsId) => ({
      senderFrame: frame,
      sender: { id: webContentsId, mainFrame },
    });

    await expect(getInfo(event(mainFrame), {})).resolves.toEqual({
      ok: true,
      value: { appVersion: '0.1.0', platform: process.platform, electronVersion: '45.5.0' },
    });
    const iframe = { url: 'app://casefile/', parent: mainFrame, processId: 4, routingId: 2 };
    await expect(getInfo(event(iframe), {})).resolves.toMatchObject({ ok: false });
    await expect(
      getInfo(event({ ...mainFrame, url: 'https://example.com/' }), {}),
    ).resolves.toMatchObject({ ok: false });
    await expect(getInfo(event(mainFrame, 999), {})).resolves.toMatchObject({ ok: false });
    await expect(getInfo(event(null), {})).resolves.toMatchObject({ ok: false });
  });
});
