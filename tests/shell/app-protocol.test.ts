import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { APP_URL, createAppProtocolHandler, mimeTypeOf, resolveAppPath } from '../../src/main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp';
import { isAppUrl } from '../../src/main/electron/security';
import type { Logger } from '../../src/main/core/log';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn, StandInBrowserWindow, StandInEvent, StandInFrame } from './stand-in';

/**
 * The renderer on app://ssp-desk/ (issue 15 item 9): the real protocol handler of the real shell
 * (startApp with the stand-in 'electron'), serving a real folder laid out like out/ (main,
 * renderer, and a secret file beside renderer that must never be served).
 */

const dirs: string[] = [];
const shells: Shell[] = [];
afterEach(() => {
  for (const s of shells.splice(0)) s.ctx.vault.lock();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const FILES: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><html lang="da"><head><script type="module" src="./assets/index-Ab12.js"></script></head><body><div id="root"></div></body></html>',
  'assets/index-Ab12.js': 'console.log("ssp");\n',
  'assets/index-Cd34.css': 'body{margin:0}\n',
  'assets/ibm-plex-sans-400.woff2': Buffer.from([0x77, 0x4f, 0x46, 0x32, 0, 1, 2, 3]),
  'assets/icon-Ef56.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  'assets/Søren æblegrød.txt': 'ikke-ascii navn\n',
  'assets/blob.xyz': 'bytes',
};

function outFolder() {
  const root = mkdtempSync(join(tmpdir(), 'ssp-protocol-'));
  dirs.push(root);
  const out = join(root, 'out');
  for (const [name, content] of Object.entries(FILES)) {
    const file = join(out, 'renderer', ...name.split('/'));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content);
  }
  mkdirSync(join(out, 'main'), { recursive: true });
  mkdirSync(join(out, 'renderer-old'), { recursive: true });
  writeFileSync(join(out, 'secret.txt'), 'HEMMELIG-UDENFOR');
  writeFileSync(join(out, 'renderer-old', 'index.html'), 'HEMMELIG-NABO');
  writeFileSync(join(root, 'secret.txt'), 'HEMMELIG-ROD');
  return { root, out, rendererDir: join(out, 'renderer') };
}

async function startPackaged() {
  const { root, out } = outFolder();
  const userData = join(root, 'userData');
  const electron = createElectronStandIn({ userData, appPath: root, isPackaged: true });
  const handle = startApp(electron as unknown as ElectronDeps, {
    mainDir: join(out, 'main'),
    env: { SSP_DESK_USER_DATA: userData },
    vaultOptions: { kdf: TEST_KDF },
  });
  const shell = await handle!.started;
  shells.push(shell);
  return { electron, win: StandInBrowserWindow.instances[0]!, userData };
}

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (event: string, data?: unknown) => lines.push(`${level} ${event} ${JSON.stringify(data ?? {})}`);
  return { lines, info: rec('info'), warn: rec('warn'), error: rec('error') };
}

describe('the shell serves the renderer on app://ssp-desk/', () => {
  it('registers app as a privileged standard, secure scheme before ready, and loads app://ssp-desk/index.html', async () => {
    const { electron, win } = await startPackaged();
    expect(electron.protocol.registeredBeforeReady).toBe(true);
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } }]);
    expect(win.calls.filter((c) => c.method === 'loadURL').map((c) => c.args[0])).toEqual(['app://ssp-desk/index.html']);
    expect(APP_URL).toBe('app://ssp-desk/index.html');
  });

  it('answers the page and its assets with their bytes, MIME type and the CSP header', async () => {
    const { electron } = await startPackaged();
    const expected: [string, string, string | Buffer][] = [
      ['app://ssp-desk/index.html', 'text/html; charset=utf-8', FILES['index.html']!],
      ['app://ssp-desk/', 'text/html; charset=utf-8', FILES['index.html']!],
      ['app://ssp-desk/assets/index-Ab12.js', 'text/javascript; charset=utf-8', FILES['assets/index-Ab12.js']!],
      ['app://ssp-desk/assets/index-Cd34.css', 'text/css; charset=utf-8', FILES['assets/index-Cd34.css']!],
      ['app://ssp-desk/assets/ibm-plex-sans-400.woff2', 'font/woff2', FILES['assets/ibm-plex-sans-400.woff2']!],
      ['app://ssp-desk/assets/icon-Ef56.svg', 'image/svg+xml', FILES['assets/icon-Ef56.svg']!],
      ['app://ssp-desk/assets/logo.png', 'image/png', FILES['assets/logo.png']!],
      ['app://ssp-desk/assets/S%C3%B8ren%20%C3%A6blegr%C3%B8d.txt', 'text/plain; charset=utf-8', FILES['assets/Søren æblegrød.txt']!],
      ['app://ssp-desk/assets/blob.xyz', 'application/octet-stream', FILES['assets/blob.xyz']!],
      ['app://ssp-desk/index.html?x=1#/sager/12', 'text/html; charset=utf-8', FILES['index.html']!],
    ];
    for (const [url, type, body] of expected) {
      const r = await electron.protocol.fetch(url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type'), url).toBe(type);
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(Buffer.from(await r.arrayBuffer()).equals(Buffer.from(body)), url).toBe(true);
    }
  });

  it('refuses every way out of out/renderer (403), with the CSP header and none of the secret bytes', async () => {
    const { electron, userData } = await startPackaged();
    const escapes = [
      'app://ssp-desk/..%2fsecret.txt',
      'app://ssp-desk/..%2Fsecret.txt',
      'app://ssp-desk/..%5csecret.txt',
      'app://ssp-desk/assets/..%5C..%5C..%5Csecret.txt',
      'app://ssp-desk/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://ssp-desk/..%2frenderer-old/index.html',
      'app://ssp-desk/%2Fetc%2Fpasswd',
      'app://ssp-desk/C:%5CWindows%5Cwin.ini',
      'app://ssp-desk/index.html%00.png',
      'app://ssp-desk//etc/passwd',
      'app://ssp-desk/./index.html%2f..%2f..%2fsecret.txt',
    ];
    for (const url of escapes) {
      const r = await electron.protocol.fetch(url);
      const text = await r.text();
      expect(r.status, url).toBe(403);
      expect(text, url).not.toContain('HEMMELIG');
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    // Dot segments that the URL parser resolves itself stay inside the folder (and find nothing there).
    for (const url of ['app://ssp-desk/../secret.txt', 'app://ssp-desk/assets/../../../secret.txt', 'app://ssp-desk/%2e%2e/secret.txt', 'app://ssp-desk/assets/%2E%2E/%2E%2E/secret.txt']) {
      const r = await electron.protocol.fetch(url);
      expect(new Request(url).url, url).toBe('app://ssp-desk/secret.txt');
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('HEMMELIG');
    }
    const log = readFileSync(join(userData, 'logs', 'ssp-desk.log'), 'utf8');
    expect(log).toContain('"event":"protocol.refused","status":403');
    // The log carries the status, never the path asked for.
    expect(log).not.toContain('secret');
    expect(log).not.toContain('passwd');
  });

  it('refuses another host (403), a missing file or a folder (404), a method other than GET/HEAD (405)', async () => {
    const { electron } = await startPackaged();
    const cases: [string, RequestInit | undefined, number][] = [
      ['app://other-host/index.html', undefined, 403],
      ['app://ssp-desk:8080/index.html', undefined, 403],
      ['app://ssp-desk/missing.js', undefined, 404],
      ['app://ssp-desk/assets/', undefined, 404],
      ['app://ssp-desk/assets', undefined, 404],
      ['app://ssp-desk/index.html', { method: 'POST', body: 'x' }, 405],
      ['app://ssp-desk/index.html', { method: 'PUT', body: 'x' }, 405],
    ];
    for (const [url, init, status] of cases) {
      const r = await electron.protocol.fetch(url, init);
      expect(r.status, `${init?.method ?? 'GET'} ${url}`).toBe(status);
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    const head = await electron.protocol.fetch('app://ssp-desk/assets/index-Ab12.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(FILES['assets/index-Ab12.js'] as string)));
    expect(await head.text()).toBe('');
  });

  it('navigation and the IPC sender check accept our page on app://ssp-desk only', async () => {
    const { electron, win } = await startPackaged();
    for (const [url, allowed] of [
      ['app://ssp-desk/index.html#/sager', true],
      ['app://ssp-desk/', true],
      ['app://ssp-desk/assets/icon-Ef56.svg', false],
      ['app://other/index.html', false],
      ['file:///project/out/renderer/index.html', false],
      ['https://example.com/', false],
    ] as const) {
      const nav = new StandInEvent(url);
      win.webContents.emit('will-navigate', nav, url);
      expect(nav.defaultPrevented, url).toBe(!allowed);
    }
    const invoke = electron.ipcMain.handlers.get('ssp:invoke')!;
    const status = (frameUrl: string) => invoke({ sender: win.webContents, senderFrame: new StandInFrame({ url: frameUrl }) }, 'vault.status', {}) as Promise<{ ok: boolean }>;
    expect((await status('app://ssp-desk/index.html#/start')).ok).toBe(true);
    // The old file:// page, another host, an asset shown as a document: refused.
    expect((await status('file:///project/out/renderer/index.html')).ok).toBe(false);
    expect((await status('app://evil/index.html')).ok).toBe(false);
    expect((await status('app://ssp-desk/assets/icon-Ef56.svg')).ok).toBe(false);
  });
});

describe('resolveAppPath and mimeTypeOf', () => {
  const dir = join(tmpdir(), 'renderer');
  it('maps app://ssp-desk paths into the folder, decoded', () => {
    expect(resolveAppPath('app://ssp-desk/', dir)).toEqual({ ok: true, file: join(dir, 'index.html') });
    expect(resolveAppPath('app://ssp-desk/assets/a%20b.js', dir)).toEqual({ ok: true, file: join(dir, 'assets', 'a b.js') });
  });
  it('refuses what is not ours or not a path', () => {
    expect(resolveAppPath('not a url', dir)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('app://ssp-desk/%E0%A4%A', dir)).toEqual({ ok: false, status: 400 });
    expect(resolveAppPath('file:///etc/passwd', dir)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('https://ssp-desk/index.html', dir)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('app://user:pw@ssp-desk/index.html', dir)).toEqual({ ok: false, status: 403 });
  });
  it('types by extension, case-insensitively', () => {
    expect(mimeTypeOf('A.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('x.woff')).toBe('font/woff');
    expect(mimeTypeOf('noext')).toBe('application/octet-stream');
  });
});

describe('the handler on its own', () => {
  it('a read error other than a missing file is a 500, logged by its code only', async () => {
    const log = recordingLog();
    const handler = createAppProtocolHandler({
      rendererDir: '/r',
      csp: CONTENT_SECURITY_POLICY,
      log,
      read: () => Promise.reject(Object.assign(new Error('EACCES: /r/index.html'), { code: 'EACCES' })),
    });
    const r = await handler(new Request('app://ssp-desk/index.html'));
    expect(r.status).toBe(500);
    expect(log.lines).toEqual(['error protocol.read_failed {"code":"EACCES"}']);
  });
});

describe('isAppUrl for app://', () => {
  it('is the same origin and the page itself', () => {
    expect(isAppUrl('app://ssp-desk/index.html', APP_URL)).toBe(true);
    expect(isAppUrl('app://ssp-desk/index.html?x#/y', APP_URL)).toBe(true);
    expect(isAppUrl('app://ssp-desk/', APP_URL)).toBe(true);
    expect(isAppUrl('app://ssp-desk/other.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://ssp-desk.evil/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://ssp-desk:1/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('app://x@ssp-desk/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('apps://ssp-desk/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('about:blank', APP_URL)).toBe(false);
  });
});
