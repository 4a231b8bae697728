import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const WINDOW_TITLE = 'SSP Desk';

export interface MainWindowExtras {
  /** DevTools: on in development, off in a packaged app. */
  devTools?: boolean;
  /** Window icon (Linux and Windows; macOS takes it from the bundle). */
  icon?: string;
  /** Place and size (window-state.ts initialBounds: fitted to the display's work area). */
  bounds?: { x: number; y: number; width: number; height: number };
  /** Minimum size, never larger than the work area. */
  min?: { width: number; height: number };
}

/**
 * The main window's options. The renderer gets no Node, no Electron and no way out: context
 * isolation and the Chromium sandbox on, Node integration off everywhere, web security on, no
 * webview tags, no navigation by dropping a file on the window, no spellchecker (it would send
 * nothing anywhere, but it keeps a dictionary of words typed: names and notes). Hidden until the
 * first paint is ready, so the user never sees a blank white window.
 */
export function mainWindowOptions(preloadPath: string, extras: MainWindowExtras = {}): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: extras.bounds?.width ?? 1280,
    height: extras.bounds?.height ?? 820,
    ...(extras.bounds ? { x: extras.bounds.x, y: extras.bounds.y } : {}),
    minWidth: extras.min?.width ?? 960,
    minHeight: extras.min?.height ?? 600,
    show: false,
    backgroundColor: '#ffffff',
    ...(extras.icon ? { icon: extras.icon } : {}),
    webPreferences: { preload: preloadPath, ...secureWebPreferences(extras.devTools ?? false) },
  };
}

/**
 * Every window's web preferences but the preload: the main window adds its preload, the projector
 * window (projection-window.ts) has none.
 */
export function secureWebPreferences(devTools: boolean): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    enableWebSQL: false,
    safeDialogs: true,
    devTools,
  };
}
