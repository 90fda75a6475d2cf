import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('applicationMenuTemplate', () => {
  it('always has the Edit menu, so copy and paste shortcuts work', () => {
    for (const isMac of [true, false]) {
      expect(roles(applicationMenuTemplate({ isMac, isDevelopment: false }))).toContain('editMenu');
    }
  });

  it('has reload and DevTools only in development', () => {
    const shipped = roles(applicationMenuTemplate({ isMac: false, isDevelopment: false }));
    expect(shipped).not.toContain('reload');
    expect(shipped).not.toContain('forceReload');
    expect(shipped).not.toContain('toggleDevTools');
    const development = roles(applicationMenuTemplate({ isMac: false, isDevelopment: true }));
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('puts the app menu first on macOS only', () => {
    expect(roles(applicationMenuTemplate({ isMac: true, isDevelopment: false }))[0]).toBe(
      'appMenu',
    );
    expect(roles(applicationMenuTemplate({ isMac: false, isDevelopment: false }))).not.toContain(
      'appMenu',
    );
  });
});
