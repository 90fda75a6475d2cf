import { describe, expect, it } from 'vitest';
import { lockedWebPreferences } from './webPreferences';

describe('lockedWebPreferences', () => {
  it('locks every window down', () => {
    const prefs = lockedWebPreferences({ preload: '/app/dist/electron/preload.cjs', allowDevTools: false });
    expect(prefs).toMatchObject({
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
      devTools: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });

  it('has DevTools only when asked (development)', () => {
    expect(lockedWebPreferences({ preload: 'p', allowDevTools: true }).devTools).toBe(true);
  });
});
