import type { WebPreferences } from 'electron';

/**
 * The webPreferences of every Casefile window, in one place so no window can be made with weaker
 * ones. The page gets no Node.js, runs in Chromium's sandbox, is isolated from the preload, may not
 * embed other pages, load insecure content or turn a dropped file into a navigation; spellcheck is
 * off because its dictionaries are downloaded from the network. DevTools exist only in development.
 */
export function lockedWebPreferences(options: { preload: string; allowDevTools: boolean }): WebPreferences {
  return {
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
    // A page that opens alert() in a loop can otherwise lock the window.
    safeDialogs: true,
    devTools: options.allowDevTools,
  };
}
