// Casefile's Electron main process: the app's lifecycle and the wiring of the pieces in this folder.
// Everything with a rule in it lives in a small module with tests; this file only connects them.
import { errorMessage } from '@shared/domain/errorMessage';
import { randomUUID } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { app, BrowserWindow, dialog, Menu, session, type SaveDialogOptions } from 'electron';
import { registerAppScheme, serveRendererFiles } from './appProtocol';
import { hardenEveryWebContents, hardenSession } from './hardening';
import { registerIpcHandlers } from './ipcHandlers';
import { applicationMenuTemplate } from './menu';
import { createDesktopServices } from './services';
import { createCasefileWindow, trustedWebContentsIds } from './window';

/**
 * The folder (inside the platform's application-data folder) that holds the Electron profile and so
 * every case. Set explicitly so it does not follow package.json's name or productName, which differ
 * between `npm start` and the packaged app. A `--user-data-dir` switch (used by the tests) wins.
 */
const USER_DATA_FOLDER = 'Casefile';

// The bundle sits in dist/electron/ next to dist/renderer/, in the repository and inside app.asar.
const rendererDir = nodePath.join(__dirname, '..', 'renderer');
const preloadPath = nodePath.join(__dirname, 'preload.cjs');
const isDevelopment = !app.isPackaged;

// These must all happen before the app is ready.
registerAppScheme();
app.enableSandbox();
if (app.commandLine.hasSwitch('user-data-dir')) {
  app.setPath('userData', nodePath.resolve(app.commandLine.getSwitchValue('user-data-dir')));
} else {
  app.setPath('userData', nodePath.join(app.getPath('appData'), USER_DATA_FOLDER));
}

// Two instances would share one IndexedDB; the second one hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenEveryWebContents();

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, { allowDevTools: isDevelopment });
      serveRendererFiles(rendererDir);
      registerIpcHandlers(
        createDesktopServices({
          chooseSaveLocation: async (defaultPath) => {
            const owner = BrowserWindow.getFocusedWindow();
            const options = {
              defaultPath,
              properties: ['createDirectory', 'showOverwriteConfirmation'],
            } satisfies SaveDialogOptions;
            const result = owner
              ? await dialog.showSaveDialog(owner, options)
              : await dialog.showSaveDialog(options);
            return result.canceled || !result.filePath ? undefined : result.filePath;
          },
          writeFile: (path, data) => writeFile(path, data),
          openWriteStream: async (path) => {
            // 'wx': a new file only; the temporary name is random, so nothing is overwritten.
            const handle = await open(path, 'wx');
            return {
              write: async (data) => {
                let at = 0;
                while (at < data.byteLength) {
                  const { bytesWritten } = await handle.write(data, at, data.byteLength - at);
                  at += bytesWritten;
                }
              },
              close: () => handle.close(),
            };
          },
          rename: (from, to) => rename(from, to),
          remove: (path) => rm(path, { force: true }),
          randomId: () => randomUUID(),
          documentsFolder: () => app.getPath('documents'),
          appVersion: app.getVersion(),
          platform: process.platform,
          electronVersion: process.versions.electron,
        }),
        trustedWebContentsIds,
      );
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          applicationMenuTemplate({ isMac: process.platform === 'darwin', isDevelopment }),
        ),
      );
      createCasefileWindow({ preload: preloadPath, allowDevTools: isDevelopment });

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) {
          createCasefileWindow({ preload: preloadPath, allowDevTools: isDevelopment });
        }
      });
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Casefile could not start', errorMessage(error));
      app.exit(1);
    });
}
