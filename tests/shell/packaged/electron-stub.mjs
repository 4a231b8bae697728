// A stand-in for the 'electron' module, for running the packaged out/main under plain Node (the
// Electron binary cannot be downloaded here). It plays a packaged app on Linux: isPackaged,
// process.resourcesPath and process.versions.electron set, so the main process loads the
// database module from <resources>/native as in the real package. After the window has loaded
// its page it reads the page and the scripts and styles it names through the app's app://
// protocol handler (as Chromium would), then drives the app through the real IPC handler the way
// the renderer would: status, create a vault, lock, unlock. It prints one line
// `STUB-RESULT {json}` and exits.
import { EventEmitter } from 'node:events';
import process from 'node:process';
import { setImmediate } from 'node:timers';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { URL } from 'node:url';

const { Request } = globalThis;

const resources = process.env.SSP_STUB_RESOURCES;
const home = process.env.SSP_STUB_HOME;
if (!resources || !home) throw new Error('SSP_STUB_RESOURCES and SSP_STUB_HOME must be set');
process.resourcesPath = resources;
Object.defineProperty(process.versions, 'electron', { value: process.env.SSP_STUB_ELECTRON_VERSION ?? '38.8.6', enumerable: true });

const report = (result, code) => {
  process.stdout.write(`STUB-RESULT ${JSON.stringify(result)}\n`);
  process.exit(code);
};

const paths = new Map([['home', home]]);
class App extends EventEmitter {
  isPackaged = true;
  commandLine = { switches: {}, appendSwitch: (k, v = '') => (this.commandLine.switches[k] = v), hasSwitch: (k) => k in this.commandLine.switches };
  getPath(name) {
    if (!paths.has(name)) throw new Error(`stub: getPath(${name})`);
    return paths.get(name);
  }
  setPath(name, value) {
    paths.set(name, value);
  }
  getAppPath() {
    return `${resources}/app.asar`;
  }
  getVersion() {
    return '0.1.0';
  }
  requestSingleInstanceLock() {
    return true;
  }
  enableSandbox() {}
  setAppUserModelId() {}
  setAboutPanelOptions() {}
  whenReady() {
    return Promise.resolve();
  }
  quit() {
    report({ quit: true }, 3);
  }
  exit(code) {
    report({ exit: code }, 4);
  }
}
export const app = new App();

const handlers = new Map();
export const ipcMain = { handle: (channel, fn) => handlers.set(channel, fn) };
export const powerMonitor = new EventEmitter();
export const dialog = { showErrorBox: (title) => report({ dialog: title }, 2) };
export const Menu = { buildFromTemplate: (t) => ({ t }), setApplicationMenu: () => {} };
const laptop = { id: 1, internal: true, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
export const screen = {
  getAllDisplays: () => [laptop],
  getPrimaryDisplay: () => laptop,
  getDisplayMatching: () => laptop,
  on: () => {},
};
const privileged = [];
const protocolHandlers = new Map();
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => privileged.push(...schemes),
  handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
};
/** A GET through the app's protocol handler: status, type, CSP present, and whether the bytes are the file's in out/renderer. */
async function get(url, file) {
  const response = await protocolHandlers.get(new URL(url).protocol.slice(0, -1))(new Request(url));
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: (response.headers.get('content-security-policy') ?? '').startsWith("default-src 'none'"),
    bytesMatch: file !== undefined && existsSync(file) && body.equals(readFileSync(file)),
    body,
  };
}
const defaultSession = {
  webRequest: { onHeadersReceived() {} },
  setPermissionRequestHandler() {},
  setPermissionCheckHandler() {},
};
export const session = { defaultSession };

let nextId = 1;
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    const contents = new EventEmitter();
    Object.assign(contents, { id: nextId++, session: defaultSession, mainFrame: { url: '', parent: null }, setWindowOpenHandler() {}, send() {} });
    this.webContents = contents;
  }
  isDestroyed() {
    return false;
  }
  isVisible() {
    return false;
  }
  isMaximized() {
    return false;
  }
  maximize() {}
  show() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: this.options.width, height: this.options.height };
  }
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
    setImmediate(() => void this.#scenario(url).catch((e) => report({ error: String(e?.stack ?? e) }, 5)));
  }
  async #scenario(url) {
    const invoke = handlers.get('ssp:invoke');
    const event = { sender: this.webContents, senderFrame: this.webContents.mainFrame };
    const call = (name, input) => invoke(event, name, input);
    const passphrase = 'Pakket-Program-Prøve-Kørsel-7';
    const owner = { name: 'Pia Pakke', role: 'SSP-koordinator', area: 'Valby' };
    const renderer = join(resources, 'app.asar', 'out', 'renderer');
    const { body: html, ...page } = await get(url, join(renderer, 'index.html'));
    const assets = [];
    for (const m of html.toString('utf8').matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)) {
      if (m[1].startsWith('data:')) continue;
      const asset = new URL(m[1], url).href;
      const { body: _body, ...answer } = await get(asset, join(renderer, ...new URL(asset).pathname.split('/').filter(Boolean)));
      assets.push({ url: asset, ...answer });
    }
    const result = {
      url,
      preload: this.options.webPreferences.preload,
      preloadExists: existsSync(this.options.webPreferences.preload),
      privileged,
      page,
      assets,
      outside: (await get('app://ssp-desk/..%2fmain%2findex.js')).status,
      sandbox: this.options.webPreferences.sandbox,
      devTools: this.options.webPreferences.devTools,
      before: await call('vault.status', {}),
      create: await call('vault.create', { passphrase, passphraseConfirm: passphrase, owner }),
      lock: await call('vault.lock', {}),
      locked: await call('vault.status', {}),
      unlock: await call('vault.unlock', { method: 'passphrase', secret: passphrase }),
      after: await call('vault.status', {}),
    };
    if (result.create.ok) result.create = { ok: true }; // the recovery key is not printed
    report(result, 0);
  }
}
