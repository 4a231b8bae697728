import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, in Danish and small: Rediger with the edit roles (so Ctrl+C/V/X/Z/A work
 * in every field, and on macOS at all), Vis with zoom and full screen, Hjælp with Om SSP Desk.
 * No Genindlæs (Ctrl+R would throw away what a coordinator has typed) and no developer tools in
 * the packaged app; a development run gets both, under Vis. On macOS the first menu is the app
 * menu. Pure data: app.ts builds it with Menu.buildFromTemplate.
 */
export function menuTemplate({ packaged, platform }: { packaged: boolean; platform: string }): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: 'SSP Desk',
    submenu: [
      { role: 'about', label: 'Om SSP Desk' },
      sep,
      { role: 'hide', label: 'Skjul SSP Desk' },
      { role: 'hideOthers', label: 'Skjul andre' },
      { role: 'unhide', label: 'Vis alle' },
      sep,
      { role: 'quit', label: 'Afslut SSP Desk' },
    ],
  };
  const file: MenuItemConstructorOptions = { label: 'Filer', submenu: [{ role: 'quit', label: 'Afslut' }] };
  const edit: MenuItemConstructorOptions = {
    label: 'Rediger',
    submenu: [
      { role: 'undo', label: 'Fortryd' },
      { role: 'redo', label: 'Gentag' },
      sep,
      { role: 'cut', label: 'Klip' },
      { role: 'copy', label: 'Kopiér' },
      { role: 'paste', label: 'Sæt ind' },
      { role: 'selectAll', label: 'Markér alt' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'Vis',
    submenu: [
      { role: 'resetZoom', label: 'Faktisk størrelse' },
      { role: 'zoomIn', label: 'Zoom ind' },
      { role: 'zoomOut', label: 'Zoom ud' },
      sep,
      { role: 'togglefullscreen', label: 'Fuld skærm' },
      ...(packaged ? [] : [sep, { role: 'reload', label: 'Genindlæs (udvikling)' } as const, { role: 'toggleDevTools', label: 'Udviklerværktøjer' } as const]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Hjælp',
    role: 'help',
    submenu: [{ role: 'about', label: 'Om SSP Desk' }],
  };
  return mac ? [appMenu, edit, view, help] : [file, edit, view, help];
}

/** Every role in a template, depth first (for tests and the smoke test). */
export function rolesOf(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [String(i.role)] : []), ...(Array.isArray(i.submenu) ? rolesOf(i.submenu) : [])]);
}
