import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { operationNames } from '../../src/shared/contract';
import { AppShell } from '../e2e/pages/AppShell';
import { VaultPages } from '../e2e/pages/VaultPages';

/**
 * Smoke test of the development build in the real Electron: sandbox and isolation on, nothing of
 * Node in the page, the preload exposes exactly the contract, create a vault, lock on screen lock,
 * unlock, an injected inline script does not run, navigation and window.open refused, a second
 * instance exits, the database module loaded without error; the page is on app://ssp-desk/, and
 * the projector window (the one window.open allowed) opens without the bridge, full screen only
 * when a second display is connected.
 */
const root = process.cwd();

function electronBinary(): string | null {
  try {
    const p = createRequire(join(root, 'package.json'))('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not installed here (it downloads from GitHub: node node_modules/electron/install.js)';
test.skip(!binary, SKIP_REASON);

/** The test's own userData (paths.ts), and never ELECTRON_RUN_AS_NODE (Electron would run as Node). */
function electronEnv(): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, SSP_DESK_USER_DATA: userData };
}

const PASSPHRASE = 'Elektron-Røgtest-Kaffe-2026';
let userData = '';
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    const b = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('electron-vite build failed');
  }
  userData = mkdtempSync(join(tmpdir(), 'ssp-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: ['.', ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: electronEnv(),
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('sandbox, isolation, the preload contract, create, lock on screen lock, unlock, refusals, single instance, the binding', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
    const p = contents.getLastWebPreferences();
    return { sandbox: p?.sandbox, contextIsolation: p?.contextIsolation, nodeIntegration: p?.nodeIntegration, webviewTag: p?.webviewTag };
  });
  expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
  expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  const exposed = await page.evaluate(() => Object.keys((window as unknown as { ssp: object }).ssp).sort());
  expect(exposed).toEqual([...operationNames].sort());

  const vault = new VaultPages(page);
  await vault.createVault({ name: 'Elna Elektron', role: 'SSP-koordinator', area: 'Bispebjerg' }, PASSPHRASE);
  await vault.confirmRecoveryKey();
  await new AppShell(page).expectVisible('Elna Elektron');

  await app.evaluate(({ powerMonitor }) => powerMonitor.emit('lock-screen'));
  await expect(vault.unlockHeading).toBeVisible();
  await vault.unlock(PASSPHRASE);

  const injected = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.head.append(s);
    return (window as unknown as { __injected?: number }).__injected;
  });
  expect(injected, 'CSP blocks inline script').toBeUndefined();

  // Served on the app's own protocol (app-protocol.ts), never from file://.
  expect(page.url()).toMatch(/^app:\/\/ssp-desk\/index\.html(#.*)?$/);
  const before = page.url();
  expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull();
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(1000);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);

  const second = spawnSync(binary!, ['.'], { cwd: root, env: electronEnv(), timeout: 30_000 });
  expect(second.status, 'a second instance exits').toBe(0);
  expect(app.windows()).toHaveLength(1);

  // The ledergruppe's projector window, opened as PresenterWindow.tsx opens it (projection-window.ts).
  const popup = app.waitForEvent('window');
  const opened = await page.evaluate(() => {
    const w = window.open('', 'ssp-projection', 'popup,width=1280,height=720');
    (window as unknown as { __projector?: Window | null }).__projector = w;
    return w ? w.location.href : null;
  });
  expect(opened).toBe('about:blank');
  const audience = await popup;
  expect(await audience.evaluate(() => typeof (window as unknown as { ssp?: unknown }).ssp)).toBe('undefined');
  const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().length);
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isFullScreen()).sort()))
    .toEqual(displays > 1 ? [false, true] : [false, false]);
  await page.evaluate(() => (window as unknown as { __projector: Window }).__projector.close());
  await expect.poll(() => app.windows().length).toBe(1);

  const log = readFileSync(join(userData, 'logs', 'ssp-desk.log'), 'utf8');
  expect(log).toContain('native.binding_loaded');
  expect(log).not.toContain('native.binding_failed');
  expect(log).toContain('"reason":"lock-screen"');
  expect(log).not.toContain('Elna');
});

test('report.savePdf: the print view printed by Electron to the file chosen in the save dialog, A4', async () => {
  // The vault is open (the test above). The save dialog answers with a file in the test's folder.
  const target = join(userData, 'rapport.pdf');
  await app.evaluate(({ dialog }, path) => {
    (dialog as unknown as { showSaveDialog: unknown }).showSaveDialog = async () => ({ canceled: false, filePath: path });
  }, target);
  const r = await page.evaluate(() =>
    (window as unknown as { ssp: Record<string, (i: unknown) => Promise<unknown>> }).ssp['report.savePdf']!({ period: '2026-H1', mode: 'anonymised' }),
  );
  expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'rapport.pdf' } });
  expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  expect(statSync(target).size).toBeGreaterThan(1000);
  const info = spawnSync('pdfinfo', [target]).stdout?.toString() ?? '';
  if (info) expect(info).toMatch(/Page size:.*\(A4\)/);
});
