import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, isPermissionGranted, isRequestAllowed } from './requestPolicy';

const packaged = { allowDevTools: false };
const development = { allowDevTools: true };

describe('isRequestAllowed', () => {
  it.each([
    'app://casefile/',
    'app://casefile/assets/index.js',
    'blob:app://casefile/6f1c2b1e-0000-4000-8000-000000000000',
    'data:image/png;base64,iVBORw0KGgo=',
    'APP://casefile/index.html',
  ])('lets %s through', (url) => {
    expect(isRequestAllowed(url, packaged)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4780/',
    'ws://127.0.0.1:9222/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://other-host/',
    'app://casefile:99/',
    'chrome://settings',
    'chrome-extension://abc/script.js',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url, development)).toBe(false);
  });

  it('allows DevTools only in development', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isRequestAllowed(url, development)).toBe(true);
    expect(isRequestAllowed(url, packaged)).toBe(false);
  });
});

describe('isNavigationAllowed', () => {
  it('allows only reloading the same app page', () => {
    expect(isNavigationAllowed('app://casefile/', 'app://casefile/')).toBe(true);
    expect(isNavigationAllowed('app://casefile/', 'https://example.com/')).toBe(false);
    expect(isNavigationAllowed('app://casefile/', 'app://casefile/other.html')).toBe(false);
    expect(isNavigationAllowed('https://example.com/', 'https://example.com/')).toBe(false);
    expect(isNavigationAllowed('app://casefile/', 'file:///etc/passwd')).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('refuses %s, even to the app itself', (permission) => {
    expect(isPermissionGranted(permission, 'app://casefile/')).toBe(false);
  });

  it('lets the app, and only the app, write a hash to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://casefile/')).toBe(true);
    // The permission check handler passes an origin, without a path.
    expect(isPermissionGranted('clipboard-sanitized-write', 'app://casefile')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', '')).toBe(false);
  });
});
