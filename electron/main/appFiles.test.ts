import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { appResponseHeaders, mediaTypeOf, resolveAppFile } from './appFiles';

const root = nodePath.resolve('/opt/casefile/dist/renderer');

describe('resolveAppFile', () => {
  it('serves index.html for the root and for folders', () => {
    expect(resolveAppFile(root, 'app://casefile/')).toEqual({
      ok: true,
      file: nodePath.join(root, 'index.html'),
    });
    expect(resolveAppFile(root, 'app://casefile')).toEqual({
      ok: true,
      file: nodePath.join(root, 'index.html'),
    });
    expect(resolveAppFile(root, 'app://casefile/docs/')).toEqual({
      ok: true,
      file: nodePath.join(root, 'docs', 'index.html'),
    });
  });

  it('maps paths to files inside the folder, ignoring query and fragment', () => {
    expect(resolveAppFile(root, 'app://casefile/assets/index-1a2b.js?x=1#y')).toEqual({
      ok: true,
      file: nodePath.join(root, 'assets', 'index-1a2b.js'),
    });
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppFile(root, 'app://casefile/assets/a%20b.png')).toEqual({
      ok: true,
      file: nodePath.join(root, 'assets', 'a b.png'),
    });
  });

  it.each([
    'app://casefile/..%2f..%2fetc/passwd',
    'app://casefile/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://casefile/assets/..%5c..%5csecret.txt',
    'app://casefile/assets/.%2f..%2f..%2fsecret.txt',
    'app://casefile/C:%2fWindows%2fwin.ini',
    'app://casefile/index.html%00.png',
  ])('refuses %s', (url) => {
    const result = resolveAppFile(root, url);
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it.each([
    'app://casefile/../../etc/passwd',
    'app://casefile/%2e%2e/%2e%2e/etc/passwd',
    'app://casefile/a/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    'app://casefile/assets/./../../../etc/passwd',
  ])('never leaves the folder for %s', (url) => {
    // The URL parser already folds these dot segments (as Chromium does before the handler runs),
    // so they land inside the folder at worst; the point is that they never land outside it.
    const result = resolveAppFile(root, url);
    if (result.ok) expect(result.file.startsWith(root + nodePath.sep)).toBe(true);
  });

  it('refuses malformed encodings with 400', () => {
    expect(resolveAppFile(root, 'app://casefile/%E0%A4%A')).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('refuses other hosts, ports and schemes with 404', () => {
    for (const url of [
      'app://evil/index.html',
      'app://casefile:1/index.html',
      'https://casefile/index.html',
    ]) {
      expect(resolveAppFile(root, url)).toMatchObject({ ok: false, status: 404 });
    }
  });

  it('holds the same line under Windows path rules', () => {
    const winRoot = 'C:\\Program Files\\Casefile\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(winRoot, 'app://casefile/assets/x.js', nodePath.win32)).toEqual({
      ok: true,
      file: `${winRoot}\\assets\\x.js`,
    });
    for (const url of [
      'app://casefile/..%5c..%5c..%5cWindows%5cwin.ini',
      'app://casefile/C:%5cWindows%5cwin.ini',
      'app://casefile/%2e%2e%2fsecret',
    ]) {
      expect(resolveAppFile(winRoot, url, nodePath.win32).ok).toBe(false);
    }
  });
});

describe('mediaTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.JS', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/core.wasm', 'application/wasm'],
    ['fonts/inter.woff2', 'font/woff2'],
    ['icon.svg', 'image/svg+xml'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mediaTypeOf(file)).toBe(type);
  });
});

describe('appResponseHeaders', () => {
  it('always carries the full policy, with the header-only directives', () => {
    const headers = appResponseHeaders();
    expect(headers['Content-Security-Policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBeUndefined();
    expect(appResponseHeaders('text/html; charset=utf-8')['Content-Type']).toBe(
      'text/html; charset=utf-8',
    );
  });
});
