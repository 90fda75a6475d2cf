import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './origin';

/** The webContents of windows this module made: the only senders the IPC handlers trust. */
const casefileWebContents = new Set<number>();

/** Ids of the webContents that belong to Casefile's own windows. */
export function trustedWebContentsIds(): ReadonlySet<number> {
  return casefileWebContents;
}

/**
 * The one window factory, so no window can be made with weaker settings. The page gets no Node.js,
 * runs in Chromium's sandbox, is isolated from the preload, may not embed other pages, load
 * insecure content or turn a dropped file into a navigation; spellcheck is off because its
 * dictionaries are downloaded from the network; DevTools exist only in development. The settings
 * are written out here, not built elsewhere, so that a reader (and Electronegativity) sees them
 * where the window is made; window.test.ts checks each of them.
 *
 * The window is shown once painted, so the reporter never sees a blank white frame.
 */
export function createCasefileWindow(options: {
  preload: string;
  allowDevTools: boolean;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 800,
    minHeight: 560,
    title: 'Casefile',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: {
      preload: options.preload,
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
      // A page that opens alert() in a loop could otherwise lock the window.
      safeDialogs: true,
      devTools: options.allowDevTools,
    },
  });
  const id = window.webContents.id;
  casefileWebContents.add(id);
  window.webContents.once('destroyed', () => casefileWebContents.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
