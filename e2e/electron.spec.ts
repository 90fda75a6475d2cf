// The desktop app, driven through Playwright's Electron support: the window opens Casefile's own
// origin, the page has no Node.js and only the bridge, and nothing can leave the app (new windows,
// navigation, network requests, permissions, files outside the renderer folder).
//
// These tests need Electron's binary, which its package downloads from GitHub on first use. Where
// it is absent they are skipped, and say so.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIPPED =
  'Electron binary not installed (it is downloaded from GitHub, unreachable here): Electron tests skipped.';

/**
 * Electron's executable, found the way its package would find it but without loading the package
 * (its index.js downloads the binary when it is missing; so would Playwright's default lookup).
 */
function electronExecutable(): string | undefined {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative || 'electron')
    : relative
      ? join(packageDir, 'dist', relative)
      : undefined;
  return candidate && existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
}

const executablePath = electronExecutable();
if (!executablePath) console.log(SKIPPED);

test.describe('Casefile in Electron', () => {
  test.skip(!executablePath, SKIPPED);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    for (const built of [
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/renderer/index.html',
    ]) {
      if (!existsSync(join(root, built)))
        throw new Error(`${built} is missing: run "npm run build" first.`);
    }
    // A profile of its own, so the tests never touch a reporter's cases.
    userData = mkdtempSync(join(tmpdir(), 'casefile-electron-e2e-'));
    app = await electron.launch({
      executablePath,
      // The app folder, as `npm start` and the package run it: Electron reads package.json's main
      // (dist/electron/main.cjs) and takes the app's name and version from it.
      args: [root, `--user-data-dir=${userData}`],
      cwd: root,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens Casefile’s own origin, app://casefile/', async () => {
    expect(page.url()).toBe('app://casefile/');
    await expect(page.locator('body')).not.toBeEmpty();
  });

  // What the locked webPreferences mean for the page; electron/main/window.test.ts checks the
  // settings themselves (Electron has no public API to read them back from a window).
  test('the page has no Node.js and exactly the bridge’s functions', async () => {
    const seen = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      const bridge = scope['casefileHost'] as Record<string, unknown> | undefined;
      return {
        require: typeof scope['require'],
        process: typeof scope['process'],
        module: typeof scope['module'],
        buffer: typeof scope['Buffer'],
        ipcRenderer: typeof scope['ipcRenderer'],
        bridge: bridge ? Object.keys(bridge).sort() : null,
        kinds: bridge ? Object.values(bridge).map((value) => typeof value) : [],
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
      ipcRenderer: 'undefined',
      bridge: ['getInfo', 'saveFile'],
      kinds: ['function', 'function'],
    });
  });

  test('the bridge answers in the contract’s shape and refuses bad requests with a sentence', async () => {
    const info = await page.evaluate(() =>
      (
        globalThis as unknown as { casefileHost: { getInfo(r: object): Promise<unknown> } }
      ).casefileHost.getInfo({}),
    );
    expect(info).toMatchObject({
      ok: true,
      value: { electronVersion: expect.any(String), platform: process.platform },
    });

    const refused = await page.evaluate(() =>
      (
        globalThis as unknown as { casefileHost: { saveFile(r: object): Promise<unknown> } }
      ).casefileHost.saveFile({
        suggestedName: '../../.bashrc',
        mediaType: 'text/plain',
        data: new Uint8Array([1]),
      }),
    );
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('suggestedName') });
  });

  test('window.open is denied', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('navigating away is blocked', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe('app://casefile/');
  });

  test('network requests fail, from the page and from the session', async () => {
    const fromPage = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/');
        return 'loaded';
      } catch {
        return 'failed';
      }
    });
    expect(fromPage).toBe('failed');

    // The page's CSP would stop that fetch on its own; a main-process request meets only the
    // session's request filter, which cancels it (net::ERR_BLOCKED_BY_CLIENT).
    const fromSession = await app.evaluate(async ({ net }) => {
      try {
        await net.fetch('https://example.com/');
        return 'loaded';
      } catch (error) {
        return String(error);
      }
    });
    expect(fromSession).not.toBe('loaded');
  });

  test('every permission is denied', async () => {
    const states = await page.evaluate(async () => ({
      geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
      notifications: await Notification.requestPermission(),
    }));
    expect(states).toEqual({ geolocation: 'denied', notifications: 'denied' });
  });

  test('app:// serves only the renderer folder, always with the CSP', async () => {
    const answers = await page.evaluate(async () => {
      const index = await fetch('app://casefile/');
      const escape = await fetch('app://casefile/..%2f..%2fpackage.json');
      const missing = await fetch('app://casefile/no-such-file.js');
      return {
        index: index.status,
        type: index.headers.get('content-type'),
        csp: index.headers.get('content-security-policy'),
        escape: escape.status,
        escapeCsp: escape.headers.get('content-security-policy'),
        missing: missing.status,
      };
    });
    expect(answers.index).toBe(200);
    expect(answers.type).toBe('text/html; charset=utf-8');
    expect(answers.csp).toContain("default-src 'none'");
    expect(answers.csp).toContain("frame-ancestors 'none'");
    expect(answers.escape).toBe(403);
    expect(answers.escapeCsp).toContain("default-src 'none'");
    expect(answers.missing).toBe(404);
  });
});
