import { join } from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, Menu, PowerMonitor, Protocol, Screen, session as SessionModule } from 'electron';
import { createAppContext, type AppContext } from '../app-context';
import { setNativeBinding } from '../core/connection';
import { createDispatcher, type Dispatch } from '../modules';
import { createFileLogger, type Logger } from '../core/log';
import type { VaultOptions } from '../vault';
import { CONTENT_SECURITY_POLICY, developmentContentSecurityPolicy } from './csp';
import { isTrustedSender, LOCKED_CHANNEL, registerIpc } from './ipc';
import { allowWindowOpen, installContentSecurityPolicy, installSecurityHandlers } from './security';
import { APP_URL, handleAppProtocol, registerAppScheme } from './app-protocol';
import { projectionWindows } from './projection-window';
import { BINDING_ERROR_TITLE, bindingErrorText, testLoadBinding } from './native';
import { menuTemplate } from './menu';
import { APP_USER_MODEL_ID, userDataDir } from './paths';
import { debuggingSwitches } from './switches';
import { mainWindowOptions, WINDOW_TITLE } from './window';
import { initialBounds, loadWindowState, saveWindowState } from './window-state';
import { getSetting } from '../settings';
import { startIdleLock } from './idle-lock';
import { checkNativeBinding } from './native-hash';
import { reportPdfSaver } from './report-pdf';

/** The parts of the 'electron' module the shell uses; main.ts passes the real ones, tests a stand-in. */
export interface ElectronDeps {
  app: App;
  BrowserWindow: typeof BrowserWindow;
  ipcMain: IpcMain;
  powerMonitor: PowerMonitor;
  session: typeof SessionModule;
  dialog: Pick<Dialog, 'showErrorBox' | 'showSaveDialog'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  screen: Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays' | 'getDisplayMatching' | 'on'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
}

export interface StartOptions {
  /** The folder of the built main script (out/main): preload and renderer are found beside it. */
  mainDir: string;
  /** process.versions.electron: when set, better-sqlite3 must load the build made for Electron. */
  electronVersion?: string | undefined;
  /** process.resourcesPath of the packaged app. */
  resourcesPath?: string | undefined;
  env?: Record<string, string | undefined>;
  platform?: string;
  arch?: string;
  /** process.argv: a packaged app refuses debugging switches. */
  argv?: readonly string[];
  /** Tests only: cheap key derivation. The app always uses the vault's defaults. */
  vaultOptions?: VaultOptions;
  /** Tests only: how often the main process checks the system idle time (idle-lock.ts). */
  idleCheckMs?: number;
}

/** A window whose first paint never came is shown anyway after this long (and it is logged). */
export const SHOW_FALLBACK_MS = 10_000;

const LOAD_FAILED_TITLE = 'SSP Desk kunne ikke vise sit vindue';
const LOAD_FAILED_TEXT =
  'Programmets skærmbilleder kunne ikke indlæses. Luk SSP Desk, og start det igen. Sker det igen, så installér programmet igen eller kontakt IT-afdelingen; fejlen står i programmets log.';

export interface Shell {
  ctx: AppContext;
  dispatch: Dispatch;
  window: BrowserWindow;
  log: Logger;
}

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

/** The start failed because the database module for Electron is missing or does not load. */
export class NativeBindingError extends Error {
  constructor(readonly reason: string) {
    super(`native binding ${reason}`);
    this.name = 'NativeBindingError';
  }
}

/**
 * Where the better-sqlite3 build for Electron's ABI lives (undefined under plain Node, where the
 * ordinary build in node_modules is the right one).
 *
 * Packaged: <resources>/native/better_sqlite3.node, copied there by electron-builder's
 * extraResources from resources/native/<platform>-<arch>/. Development (electron-vite dev or
 * preview): resources/native/<platform>-<arch>/better_sqlite3.node in the project.
 * How to produce it (needs internet, for Electron's headers): see resources/native/README.md.
 * It is never built from postinstall: that would fail without internet and break the Node build
 * the tests and the CLI use.
 */
export function nativeBindingPath(o: {
  electronVersion?: string | undefined;
  isPackaged: boolean;
  resourcesPath?: string | undefined;
  appPath: string;
  platform: string;
  arch: string;
}): string | undefined {
  if (!o.electronVersion) return undefined;
  if (o.isPackaged) return join(o.resourcesPath ?? '', 'native', NATIVE_BINDING_FILE);
  return join(o.appPath, 'resources', 'native', `${o.platform}-${o.arch}`, NATIVE_BINDING_FILE);
}

/**
 * The app's lifecycle. One instance at a time (a second start focuses the first window); the
 * vault lives in <userData>/vault and the support log in <userData>/logs; the vault locks when
 * the computer suspends, when the screen locks and before the app quits; closing the window quits.
 * Returns null when another instance already runs (this one quits).
 */
export function startApp(electron: ElectronDeps, options: StartOptions): { started: Promise<Shell> } | null {
  const { app } = electron;
  const env = options.env ?? {};
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;

  // Before anything reads it, and before the single-instance lock (Electron keys the lock on
  // userData): Local AppData on Windows, a folder of its own for development runs, or
  // SSP_DESK_USER_DATA (tests). See paths.ts.
  app.setPath('userData', userDataDir({ platform, env, home: app.getPath('home'), packaged: app.isPackaged }));
  const userData = app.getPath('userData');
  const log = createFileLogger(join(userData, 'logs'));

  if (app.isPackaged) {
    const found = debuggingSwitches(options.argv ?? []);
    if (found.length > 0) {
      for (const name of found) log.error('app.debug_switch_refused', { switch: name });
      app.exit(1);
      return null;
    }
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox();
  // Native controls (date fields, file buttons, spelling of built-in dialogs) in Danish,
  // whatever language the computer's Windows or macOS is in.
  app.commandLine.appendSwitch('lang', 'da');
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  const devUrl = !app.isPackaged ? env.ELECTRON_RENDERER_URL : undefined;
  const rendererDir = join(options.mainDir, '..', 'renderer');
  // The renderer is served on app://ssp-desk/ from out/renderer (app-protocol.ts), never from
  // file:// (the GrantFileProtocolExtraPrivileges fuse is off). Loaded with loadURL(appUrl) so that
  // the page's URL is exactly the one the checks compare with.
  const appUrl = devUrl ?? APP_URL;
  // Before ready, or Electron refuses it.
  registerAppScheme(electron.protocol);
  const preloadPath = join(options.mainDir, '..', 'preload', 'index.cjs');

  let win: BrowserWindow | null = null;
  let ctx: AppContext | null = null;
  let dispatch: Dispatch | null = null;

  const notifyLocked = () => {
    if (win && !win.isDestroyed()) win.webContents.send(LOCKED_CHANNEL);
  };

  /** Lock through the vault.lock handler (audit entry, then ctx.onLocked tells the renderer). */
  const lockNow = (reason: string) => {
    if (!ctx || ctx.vault.state() !== 'unlocked') return;
    // The handler runs synchronously inside dispatch (before its first await), so the vault is
    // closed when this returns, also in before-quit. The direct lock below is the fallback if
    // the handler failed (for instance the audit write).
    if (dispatch) void dispatch('vault.lock', {}).catch(() => undefined);
    if (ctx.vault.state() === 'unlocked') {
      try {
        ctx.vault.lock();
      } catch {
        log.error('vault.lock_failed', { reason });
      }
      notifyLocked();
    }
    log.info('vault.auto_locked', { reason });
  };

  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    if (!win.isVisible()) win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => lockNow('quit'));
  // Any other webContents (there should be none) gets the same refusals as the main window.
  app.on('web-contents-created', (_event, contents) => {
    installSecurityHandlers(contents.session, contents, { appUrl, log });
  });

  const started = app.whenReady().then((): Shell => {
    try {
      const binding = nativeBindingPath({
        electronVersion: options.electronVersion,
        isPackaged: app.isPackaged,
        resourcesPath: options.resourcesPath,
        appPath: app.getAppPath(),
        platform,
        arch,
      });
      if (binding) {
        // Test-load it now: without it no vault can be created or opened, and the Node build in
        // node_modules is never a fallback (Electron cannot load it).
        const check = testLoadBinding(binding);
        if (!check.ok) {
          log.error('native.binding_failed', { reason: check.reason, packaged: app.isPackaged });
          electron.dialog.showErrorBox(BINDING_ERROR_TITLE, bindingErrorText(app.isPackaged, platform, arch));
          app.quit();
          throw new NativeBindingError(check.reason);
        }
        // Issue 15: the module outside app.asar must be the one recorded at packaging (native-hash.ts).
        const hash = checkNativeBinding({ binding, mainDir: options.mainDir, platform: options.platform ?? process.platform, arch: options.arch ?? process.arch, required: app.isPackaged });
        if (!hash.ok && hash.reason !== 'binding-missing') {
          log.error('native.binding_refused', { reason: hash.reason });
          electron.dialog.showErrorBox(BINDING_ERROR_TITLE, bindingErrorText(app.isPackaged, platform, arch));
          app.quit();
          throw new NativeBindingError(`native binding refused: ${hash.reason}`);
        }
        setNativeBinding(binding);
        log.info('native.binding_loaded');
      }

      ctx = createAppContext({
        vaultDir: join(userData, 'vault'),
        log,
        validateOutput: !app.isPackaged,
        ...options.vaultOptions,
      });
      ctx.onLocked = notifyLocked;
      const d = createDispatcher(ctx);
      dispatch = d;

      const session = electron.session.defaultSession;
      installContentSecurityPolicy(session, devUrl ? developmentContentSecurityPolicy(devUrl) : CONTENT_SECURITY_POLICY);
      // The CSP header goes with every app:// response too (the handler sets it, whatever webRequest does for custom schemes).
      if (!devUrl) handleAppProtocol(electron.protocol, { rendererDir, csp: CONTENT_SECURITY_POLICY, log });

      electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, platform })));
      app.setAboutPanelOptions({ applicationName: WINDOW_TITLE, applicationVersion: app.getVersion(), copyright: 'Københavns Kommune' });

      const stateFile = join(userData, 'window-state.json');
      const place = initialBounds(
        loadWindowState(stateFile),
        electron.screen.getAllDisplays().map((d) => d.workArea),
        electron.screen.getPrimaryDisplay().workArea,
      );
      const w = new electron.BrowserWindow(
        mainWindowOptions(preloadPath, {
          devTools: !app.isPackaged,
          bounds: place.bounds,
          min: place.min,
          ...(app.isPackaged ? {} : { icon: join(app.getAppPath(), 'resources', 'icon.png') }),
        }),
      );
      win = w;
      if (place.maximized) w.maximize();
      w.on('close', () => {
        try {
          saveWindowState(stateFile, { ...w.getNormalBounds(), maximized: w.isMaximized() });
        } catch {
          log.warn('window.state_not_saved');
        }
      });
      installSecurityHandlers(w.webContents.session, w.webContents, { appUrl, log });
      // The one window the main window may open: the ledergruppe's projector window (issue 18).
      const projection = projectionWindows({ screen: electron.screen, control: w, devTools: !app.isPackaged, log });
      allowWindowOpen(w.webContents, projection.policy);
      w.webContents.on('did-create-window', projection.onDidCreateWindow);
      electron.screen.on('display-removed', projection.onDisplayRemoved);
      const mainId = w.webContents.id;
      // 'report.savePdf': the print view in this window to a PDF file (report-pdf.ts).
      ctx.printToPdf = reportPdfSaver({ dialog: electron.dialog, window: w, documentsDir: () => documentsFolder(app), log });
      registerIpc(electron.ipcMain, d, (event) => isTrustedSender(event, mainId, appUrl), log);

      w.once('ready-to-show', () => w.show());
      // Shown either way: a window whose first paint never comes would be an invisible process.
      const showFallback = setTimeout(() => {
        if (w.isDestroyed() || w.isVisible()) return;
        log.warn('window.show_fallback');
        w.show();
      }, SHOW_FALLBACK_MS);
      showFallback.unref?.();
      // Windows log-off and shut-down end the session without before-quit.
      w.on('session-end', () => lockNow('session-end'));
      // What went wrong, never what was on the page (no URLs, no messages: they may hold names).
      w.webContents.on('preload-error', (_event, _path, error) => {
        log.error('preload.error', { kind: error instanceof Error ? error.name : typeof error });
      });
      w.webContents.on('did-fail-load', (_event, code, _description, _url, isMainFrame) => {
        if (!isMainFrame) return;
        log.error('window.load_failed', { code });
        electron.dialog.showErrorBox(LOAD_FAILED_TITLE, LOAD_FAILED_TEXT);
      });
      w.webContents.on('unresponsive', () => log.warn('renderer.unresponsive'));
      w.on('closed', () => {
        win = null;
      });
      w.webContents.on('render-process-gone', (_event, details) => {
        log.error('renderer.gone', { reason: details.reason });
        lockNow('renderer-gone');
      });

      electron.powerMonitor.on('suspend', () => lockNow('suspend'));
      electron.powerMonitor.on('lock-screen', () => lockNow('lock-screen'));
      // Linux and macOS shut-down (Windows: session-end above).
      electron.powerMonitor.on('shutdown', () => lockNow('shutdown'));
      // The main process's own idle lock, from the system idle time and the vault's setting.
      const openCtx = ctx;
      const stopIdleLock = startIdleLock({
        getSystemIdleTime: () => electron.powerMonitor.getSystemIdleTime(),
        limitSeconds: () => (openCtx.vault.state() === 'unlocked' ? getSetting(openCtx.vault.current.db, 'idleLockMinutes') * 60 : null),
        lock: () => lockNow('idle'),
        ...(options.idleCheckMs ? { checkMs: options.idleCheckMs } : {}),
      });
      app.on('will-quit', stopIdleLock);

      // did-fail-load above logs and tells the user; the promise only needs handling.
      void w.loadURL(appUrl).catch(() => undefined);
      log.info('app.started', { packaged: app.isPackaged });
      return { ctx, dispatch: d, window: w, log };
    } catch (e) {
      if (e instanceof NativeBindingError) throw e; // shown and logged above
      log.error('app.start_failed', { kind: e instanceof Error ? e.name : typeof e });
      electron.dialog.showErrorBox(
        'SSP Desk kunne ikke starte',
        'Programmet kunne ikke starte. Genstart computeren, og prøv igen. Sker det igen, så kontakt support og oplys, at fejlen står i programmets log.',
      );
      app.quit();
      throw e;
    }
  });
  return { started };
}

/**
 * Where a save dialog opens: the user's documents folder, asked when the dialog opens (Electron's
 * getPath throws when the platform has none, and start-up must not depend on it), else home.
 */
function documentsFolder(app: Pick<App, 'getPath'>): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}
