import type { MenuItemConstructorOptions } from 'electron';

/** What the application menu depends on. */
export interface MenuOptions {
  /** macOS puts an app menu first and keeps the app running without windows. */
  isMac: boolean;
  /** Reload and DevTools are development tools; a reporter's window has neither. */
  isDevelopment: boolean;
}

/**
 * The application menu, built only from Electron's standard roles. The Edit menu is what makes
 * Cmd/Ctrl+C, V, X, Z and A work in text fields on every platform (on macOS they are menu
 * shortcuts); zoom is kept for reading small screenshots.
 */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(options.isDevelopment
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(options.isMac ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
