import { app, type Session, type WebContents } from 'electron';
import { isNavigationAllowed, isPermissionGranted, isRequestAllowed } from './requestPolicy';

/**
 * Locks down a session: every request that is not the app's own is cancelled before it leaves,
 * every permission is refused, and no device (USB, serial, HID) is ever offered.
 */
export function hardenSession(session: Session, options: { allowDevTools: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, options) });
  });
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(isPermissionGranted(permission, webContents.getURL()));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // The spellchecker downloads dictionaries from Google; the windows have spellcheck off as well.
  session.setSpellCheckerEnabled(false);
}

/**
 * Applies to every webContents the app ever creates (windows, DevTools, anything a future feature
 * adds): no new windows, no navigation away from the page, no redirects, no `<webview>`.
 */
export function hardenEveryWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(contents.getURL(), event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
