/**
 * A hand-written stand-in for the parts of the 'electron' module the shell uses. The Electron
 * binary cannot run here, so this is the one thing the shell tests replace; everything behind
 * the shell (context, dispatcher, vault, encrypted database) is real.
 *
 * Each object records the calls made on it in `calls` and exposes what was registered (handlers,
 * listeners) so a test can drive it the way Electron would.
 */
import { EventEmitter } from 'node:events';

export interface Call {
  method: string;
  args: unknown[];
}

export class StandInEvent {
  defaultPrevented = false;
  constructor(readonly url?: string) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class StandInFrame {
  url = '';
  parent: StandInFrame | null = null;
  constructor(init: { url?: string; parent?: StandInFrame | null } = {}) {
    this.url = init.url ?? '';
    this.parent = init.parent ?? null;
  }
}

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details?: unknown) => boolean;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string | string[]>; cancel?: boolean }) => void,
) => void;

export class StandInSession {
  calls: Call[] = [];
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  headersListener: HeadersListener | null = null;
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.calls.push({ method: 'webRequest.onHeadersReceived', args: [listener] });
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.calls.push({ method: 'setPermissionRequestHandler', args: [handler] });
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.calls.push({ method: 'setPermissionCheckHandler', args: [handler] });
    this.permissionCheckHandler = handler;
  }
}

let nextWebContentsId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  calls: Call[] = [];
  sent: unknown[][] = [];
  mainFrame = new StandInFrame();
  windowOpenHandler: ((details: { url: string; frameName?: string; features?: string; disposition?: string }) => WindowOpenAnswer) | null = null;
  constructor(readonly session: StandInSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenAnswer): void {
    this.calls.push({ method: 'setWindowOpenHandler', args: [handler] });
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.calls.push({ method: 'send', args: [channel, ...args] });
    this.sent.push([channel, ...args]);
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  /** Electron prints the page; the stand-in answers with the bytes a test put here. */
  pdfBytes = Buffer.from('%PDF-1.7 stand-in\n');
  printToPDF(options: unknown): Promise<Buffer> {
    this.calls.push({ method: 'printToPDF', args: [options] });
    return Promise.resolve(this.pdfBytes);
  }
  /**
   * What Electron does for a renderer's window.open (lib/browser/guest-window-manager.ts): ask the
   * window-open handler; when it allows, create a BrowserWindow with the handler's
   * overrideBrowserWindowOptions and emit did-create-window. Returns the new window or null.
   */
  windowOpen(details: { url: string; frameName?: string; features?: string; disposition?: string }): StandInBrowserWindow | null {
    const full = { frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'strict-origin-when-cross-origin' }, ...details };
    const answer = this.windowOpenHandler ? this.windowOpenHandler(full) : { action: 'allow' };
    if (answer.action !== 'allow') return null;
    const child = new StandInBrowserWindow({ ...(answer.overrideBrowserWindowOptions ?? {}) });
    child.webContents.mainFrame.url = details.url || 'about:blank';
    this.emit('did-create-window', child, { url: details.url, frameName: full.frameName, options: child.options });
    return child;
  }
}

export interface WindowOpenAnswer {
  action: string;
  overrideBrowserWindowOptions?: Record<string, unknown>;
  outlivesOpener?: boolean;
}

export class StandInBrowserWindow extends EventEmitter {
  static instances: StandInBrowserWindow[] = [];
  static defaultSession = new StandInSession();
  calls: Call[] = [];
  readonly webContents: StandInWebContents;
  visible = false;
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    this.webContents = new StandInWebContents(StandInBrowserWindow.defaultSession);
    const o = options as { x?: number; y?: number; width?: number; height?: number };
    this.bounds = { x: o.x ?? 0, y: o.y ?? 0, width: o.width ?? 800, height: o.height ?? 600 };
    StandInBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.calls.push({ method: 'loadURL', args: [url] });
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    this.calls.push({ method: 'loadFile', args: [file] });
    return Promise.resolve();
  }
  show(): void {
    this.calls.push({ method: 'show', args: [] });
    this.visible = true;
  }
  focus(): void {
    this.calls.push({ method: 'focus', args: [] });
  }
  restore(): void {
    this.calls.push({ method: 'restore', args: [] });
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  maximized = false;
  maximize(): void {
    this.calls.push({ method: 'maximize', args: [] });
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  /** The bounds it was created with, or moved to by a test. */
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.calls.push({ method: 'setBounds', args: [bounds] });
    this.bounds = { ...bounds };
  }
  fullScreen = false;
  setFullScreen(flag: boolean): void {
    this.calls.push({ method: 'setFullScreen', args: [flag] });
    this.fullScreen = flag;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  setMenuBarVisibility(visible: boolean): void {
    this.calls.push({ method: 'setMenuBarVisibility', args: [visible] });
  }
  /** As Electron: 'close', then the window is gone and 'closed'. */
  close(): void {
    this.calls.push({ method: 'close', args: [] });
    if (this.destroyed) return;
    this.emit('close', new StandInEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

/** protocol: the privileged schemes (and whether they came before app ready) and the handlers. */
export class StandInProtocol {
  calls: Call[] = [];
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  /** app.whenReady() had not been asked for yet when registerSchemesAsPrivileged was called. */
  registeredBeforeReady: boolean | null = null;
  handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  constructor(private readonly app: StandInApp) {}
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    this.calls.push({ method: 'registerSchemesAsPrivileged', args: [schemes] });
    this.registeredBeforeReady = this.app.called('whenReady') === 0;
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.calls.push({ method: 'handle', args: [scheme, handler] });
    if (this.handlers.has(scheme)) throw new Error(`stand-in: second protocol handler for ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  /** A request as the renderer's page would make it. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`stand-in: no protocol handler for ${scheme}`);
    return handler(new Request(url, init));
  }
}

export interface StandInDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
  internal: boolean;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** powerMonitor: its events, and a system idle time the test sets (seconds without input). */
export class StandInPowerMonitor extends EventEmitter {
  idleSeconds = 0;
  getSystemIdleTime(): number {
    return this.idleSeconds;
  }
}

export class StandInApp extends EventEmitter {
  calls: Call[] = [];
  isPackaged: boolean;
  paths = new Map<string, string>();
  /** Switches appended with app.commandLine.appendSwitch. */
  switches = new Map<string, string>();
  commandLine = {
    appendSwitch: (name: string, value = '') => {
      this.calls.push({ method: 'commandLine.appendSwitch', args: [name, value] });
      this.switches.set(name, value);
    },
    hasSwitch: (name: string) => this.switches.has(name),
    getSwitchValue: (name: string) => this.switches.get(name) ?? '',
  };
  constructor(private readonly init: { userData: string; appPath?: string; gotLock?: boolean; isPackaged?: boolean; home?: string }) {
    super();
    this.isPackaged = init.isPackaged ?? false;
    this.paths.set('userData', init.userData);
    this.paths.set('home', init.home ?? '/home/stand-in');
    this.paths.set('documents', `${init.home ?? '/home/stand-in'}/Documents`);
  }
  setPath(name: string, value: string): void {
    this.calls.push({ method: 'setPath', args: [name, value] });
    this.paths.set(name, value);
  }
  setAppUserModelId(id: string): void {
    this.calls.push({ method: 'setAppUserModelId', args: [id] });
  }
  setAboutPanelOptions(options: unknown): void {
    this.calls.push({ method: 'setAboutPanelOptions', args: [options] });
  }
  getVersion(): string {
    return '0.1.0';
  }
  exit(code = 0): void {
    this.calls.push({ method: 'exit', args: [code] });
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push({ method: 'requestSingleInstanceLock', args: [] });
    return this.init.gotLock ?? true;
  }
  quit(): void {
    this.calls.push({ method: 'quit', args: [] });
  }
  enableSandbox(): void {
    this.calls.push({ method: 'enableSandbox', args: [] });
  }
  whenReady(): Promise<void> {
    this.calls.push({ method: 'whenReady', args: [] });
    return Promise.resolve();
  }
  getPath(name: string): string {
    this.calls.push({ method: 'getPath', args: [name] });
    const p = this.paths.get(name);
    if (p === undefined) throw new Error(`stand-in: getPath(${name}) not provided`);
    return p;
  }
  getAppPath(): string {
    return this.init.appPath ?? '/app';
  }
  called(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }
}

export class StandInIpcMain {
  calls: Call[] = [];
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    this.calls.push({ method: 'handle', args: [channel, handler] });
    if (this.handlers.has(channel)) throw new Error(`stand-in: second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
}

export class StandInIpcRenderer extends EventEmitter {
  calls: Call[] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.calls.push({ method: 'invoke', args: [channel, ...args] });
    return Promise.resolve({ ok: true, value: { channel, args } });
  }
}

export class StandInContextBridge {
  calls: Call[] = [];
  exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    this.calls.push({ method: 'exposeInMainWorld', args: [key, api] });
    this.exposed.set(key, api);
  }
}

export interface ElectronStandIn {
  app: StandInApp;
  BrowserWindow: typeof StandInBrowserWindow;
  ipcMain: StandInIpcMain;
  ipcRenderer: StandInIpcRenderer;
  contextBridge: StandInContextBridge;
  powerMonitor: StandInPowerMonitor;
  session: { defaultSession: StandInSession };
  dialog: {
    calls: Call[];
    showErrorBox(title: string, content: string): void;
    /** What the next save dialog answers (a test sets it); cancelled by default. */
    saveAnswer: { canceled: boolean; filePath?: string };
    showSaveDialog(window: unknown, options: unknown): Promise<{ canceled: boolean; filePath?: string }>;
  };
  Menu: { calls: Call[]; applicationMenu: unknown; buildFromTemplate(template: unknown[]): unknown; setApplicationMenu(menu: unknown): void };
  screen: {
    displays: StandInDisplay[];
    getAllDisplays(): StandInDisplay[];
    getPrimaryDisplay(): StandInDisplay;
    /** As Electron: the display the rectangle overlaps most, else the primary one. */
    getDisplayMatching(rect: { x: number; y: number; width: number; height: number }): StandInDisplay;
    /** Its events ('display-added', 'display-removed'): a test emits them. */
    events: EventEmitter;
    on(event: string, listener: (...args: unknown[]) => void): unknown;
  };
  protocol: StandInProtocol;
}

/** A display of a 1366x768 laptop with a 40-pixel taskbar at the bottom. */
export const LAPTOP_WORK_AREA = { x: 0, y: 0, width: 1366, height: 728 };

/** A fresh stand-in of the 'electron' module. */
export function createElectronStandIn(init: {
  userData: string;
  appPath?: string;
  gotLock?: boolean;
  isPackaged?: boolean;
  home?: string;
  workAreas?: { x: number; y: number; width: number; height: number }[];
  /** Displays with their full bounds (the first is the primary one); default: one per work area. */
  displays?: StandInDisplay[];
}): ElectronStandIn {
  const session = new StandInSession();
  StandInBrowserWindow.defaultSession = session;
  StandInBrowserWindow.instances = [];
  const dialogCalls: Call[] = [];
  const app = new StandInApp(init);
  const displays: StandInDisplay[] =
    init.displays ?? (init.workAreas ?? [LAPTOP_WORK_AREA]).map((workArea, i) => ({ id: i + 1, bounds: { ...workArea, height: workArea.height + (workArea === LAPTOP_WORK_AREA ? 40 : 0) }, workArea, internal: i === 0 }));
  return {
    app,
    protocol: new StandInProtocol(app),
    BrowserWindow: StandInBrowserWindow,
    ipcMain: new StandInIpcMain(),
    ipcRenderer: new StandInIpcRenderer(),
    contextBridge: new StandInContextBridge(),
    powerMonitor: new StandInPowerMonitor(),
    session: { defaultSession: session },
    dialog: {
      calls: dialogCalls,
      showErrorBox(title: string, content: string) {
        dialogCalls.push({ method: 'showErrorBox', args: [title, content] });
      },
      saveAnswer: { canceled: true },
      showSaveDialog(window: unknown, options: unknown) {
        dialogCalls.push({ method: 'showSaveDialog', args: [window, options] });
        return Promise.resolve(this.saveAnswer);
      },
    },
    Menu: {
      calls: [],
      applicationMenu: undefined,
      buildFromTemplate(template: unknown[]) {
        this.calls.push({ method: 'buildFromTemplate', args: [template] });
        return { template };
      },
      setApplicationMenu(menu: unknown) {
        this.calls.push({ method: 'setApplicationMenu', args: [menu] });
        this.applicationMenu = menu;
      },
    },
    screen: {
      displays,
      getAllDisplays() {
        return this.displays;
      },
      getPrimaryDisplay() {
        return this.displays[0]!;
      },
      events: new EventEmitter(),
      on(event, listener) {
        this.events.on(event, listener);
        return this;
      },
      getDisplayMatching(rect) {
        let best = this.displays[0]!;
        let most = 0;
        for (const d of this.displays) {
          const o = overlap(d.bounds, rect);
          if (o > most) {
            most = o;
            best = d;
          }
        }
        return best;
      },
    },
  };
}
