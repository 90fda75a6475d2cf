import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './origin';
import { lockedWebPreferences } from './webPreferences';

/** The webContents of windows this module made: the only senders the IPC handlers trust. */
const casefileWebContents = new Set<number>();

/** Ids of the webContents that belong to Casefile's own windows. */
export function trustedWebContentsIds(): ReadonlySet<number> {
  return casefileWebContents;
}

/**
 * The one window factory. Every window gets the locked webPreferences and opens Casefile's own
 * page; it is shown once painted so the reporter never sees a blank white frame.
 */
export function createCasefileWindow(options: { preload: string; allowDevTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 800,
    minHeight: 560,
    title: 'Casefile',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: lockedWebPreferences(options),
  });
  const id = window.webContents.id;
  casefileWebContents.add(id);
  window.webContents.once('destroyed', () => casefileWebContents.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
