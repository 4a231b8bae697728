/**
 * The Electron renderer build as the shell's app:// handler serves it, in real Chromium (issue 15
 * item 9). Electron's binary cannot run here, so Chromium cannot ask an app:// scheme directly;
 * instead every request of the page goes, unchanged but for its origin, through the real shell's
 * registered protocol handler (startApp with the stand-in 'electron', packaged, out/ laid out as
 * electron-vite builds it): what Chromium gets is exactly the handler's status, MIME type, CSP
 * header and bytes. Chromium enforces them: module scripts need a JavaScript MIME type,
 * `nosniff` refuses a style sheet or script with the wrong one, and the CSP header applies.
 * The page's calls go to the shell's real IPC handler (window.ssp here stands in for the preload,
 * which needs Electron), so a vault is created through the same sender check and dispatcher.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFromFile, RendererConfigFactory } from 'electron-vite';
import { build } from 'vite';
import { startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { operationNames } from '../../src/shared/contract';
import { createElectronStandIn, StandInBrowserWindow, type ElectronStandIn, type StandInDisplay } from '../shell/stand-in';
import type { Page } from '@playwright/test';
import type { Bridge } from './bridge';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { expectNoneOf, openLiveMeeting, reveals } from './meetings-live.helpers';

let root = '';
let out = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'ssp-app-protocol-e2e-'));
  out = join(root, 'out');
  // The Electron renderer build (electron.vite.config.ts), as `npm run build` puts it in out/renderer.
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'electron.vite.config.ts', process.cwd(), 'silent');
  const factory = new RendererConfigFactory(config.renderer!, { configFile: false, logLevel: 'silent', build: { outDir: join(out, 'renderer') } }, {});
  await build({ ...(await factory.build()), configFile: false });
  mkdirSync(join(out, 'main'));
});

test.afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Served {
  electron: ElectronStandIn;
  shell: Shell;
  win: StandInBrowserWindow;
  origin: string;
  /** What the handler answered, per request. */
  answered: { path: string; status: number; type: string; csp: string }[];
  close(): Promise<void>;
}

/** A packaged shell on out/, and an HTTP front that asks its app:// handler every request. */
async function serve(page: Page, displays?: StandInDisplay[]): Promise<Served> {
  const userData = mkdtempSync(join(root, 'userData-'));
  const electron = createElectronStandIn({ userData, appPath: root, isPackaged: true, ...(displays ? { displays } : {}) });
  const shell = await startApp(electron as unknown as ElectronDeps, { mainDir: join(out, 'main'), env: { SSP_DESK_USER_DATA: userData }, vaultOptions: { kdf: TEST_KDF } })!.started;
  const win = StandInBrowserWindow.instances[0]!;
  const answered: Served['answered'] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      // Only the origin changes: http://127.0.0.1:<port>/x is asked of the handler as app://ssp-desk/x.
      const r = await electron.protocol.fetch(`app://ssp-desk${req.url ?? '/'}`, { method: req.method ?? 'GET' });
      answered.push({ path: (req.url ?? '').split('?')[0]!, status: r.status, type: r.headers.get('content-type') ?? '', csp: r.headers.get('content-security-policy') ?? '' });
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const invoke = electron.ipcMain.handlers.get('ssp:invoke')!;
  // The preload's window.ssp, over the shell's IPC handler, as the main window's main frame.
  // Only in this page: the projector window opened from it gets nothing (it has no preload).
  await page.exposeBinding('__sspInvoke', (_source, name: string, input: unknown) => invoke({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, name, input));
  await page.addInitScript((names: string[]) => {
    const w = window as unknown as { __sspInvoke: (n: string, i: unknown) => Promise<unknown>; ssp: unknown; sspEvents: unknown };
    w.ssp = Object.freeze(Object.fromEntries(names.map((n) => [n, (input: unknown) => w.__sspInvoke(n, input)])));
    w.sspEvents = Object.freeze({ onVaultLocked: () => () => undefined });
  }, [...operationNames]);
  return {
    electron,
    shell,
    win,
    origin,
    answered,
    close: async () => {
      await new Promise((done) => server.close(done));
      shell.ctx.vault.lock();
    },
  };
}

test('the page, its modules, styles and fonts load from the app:// handler with their MIME types and the CSP header; a vault is created through the shell', async ({ page, vault, consoleErrors }) => {
  const { win, origin, answered, shell, close } = await serve(page);
  expect(win.webContents.mainFrame.url).toBe('app://ssp-desk/index.html');
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${origin}/index.html`);
  await expect(vault.createHeading).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  expect(failed).toEqual([]);
  const kinds = new Set(answered.map((a) => a.path.slice(a.path.lastIndexOf('.'))));
  for (const ext of ['.html', '.js', '.css', '.woff2']) expect([...kinds], ext).toContain(ext);
  for (const a of answered) {
    expect(a.status, a.path).toBe(200);
    expect(a.csp, a.path).toBe(CONTENT_SECURITY_POLICY);
  }
  const typeOf = (ext: string) => [...new Set(answered.filter((a) => a.path.endsWith(ext)).map((a) => a.type))];
  expect(typeOf('.html')).toEqual(['text/html; charset=utf-8']);
  expect(typeOf('.js')).toEqual(['text/javascript; charset=utf-8']);
  expect(typeOf('.css')).toEqual(['text/css; charset=utf-8']);
  expect(typeOf('.woff2')).toEqual(['font/woff2']);
  // The styles applied and the page's font came from the handler.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('IBM Plex Sans');
  expect(await page.evaluate(() => document.fonts.check('16px "IBM Plex Sans"'))).toBe(true);
  // The header policy is in force: an injected inline script does not run.
  const injected = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.head.append(s);
    return (window as unknown as { __injected?: number }).__injected;
  });
  expect(injected).toBeUndefined();
  // Chromium reports the refused inline script once per policy in force: the header's and the
  // page's meta element's (two, so the header's applies). Those are expected, nothing else.
  await expect.poll(() => consoleErrors.filter((e) => e.includes('Content Security Policy')).length).toBe(2);
  await page.waitForTimeout(300);
  expect(consoleErrors.filter((e) => e.includes('Content Security Policy'))).toHaveLength(2);
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !e.includes('Content Security Policy')));

  await screenshot(page, 'app-protocol-create-vault-1366');
  await expectAccessible(page, 'Opret boks (app://)');

  await vault.createVault({ name: 'Alma Protokol', role: 'SSP-koordinator', area: 'Amager' }, 'Protokol-Skema-Kaffe-2026');
  await vault.confirmRecoveryKey();
  expect(shell.ctx.vault.state()).toBe('unlocked');
  expect(answered.filter((a) => a.status !== 200)).toEqual([]);
  await close();
});

const LAPTOP: StandInDisplay = { id: 1, internal: true, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const PROJECTOR: StandInDisplay = { id: 2, internal: false, bounds: { x: 1366, y: 0, width: 1920, height: 1080 }, workArea: { x: 1366, y: 0, width: 1920, height: 1080 } };

test('presenter and audience on the Electron build: the window the control view really opens is the one main allows, full screen on the projector; keys in either window move both; no names, no bridge on the projector', async ({ page, vault, shell: appShell }) => {
  test.setTimeout(120_000);
  const served = await serve(page, [LAPTOP, PROJECTOR]);
  await page.setViewportSize({ width: 1366, height: 768 });
  // The live-meeting helpers take a browser-mode bridge; this shell offers the same: the opening URL and the real dispatcher.
  const bridge = { url: `${served.origin}/index.html`, origin: served.origin, ctx: served.shell.ctx, dispatch: served.shell.dispatch, vaultDir: served.shell.ctx.vault.dir, close: async () => undefined } as Bridge;
  const { people } = await openLiveMeeting(page, bridge, vault, appShell, { cases: 3 });

  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Vis på projektor (eget vindue)' }).click()]);
  // What Electron would hand main's window-open handler for this window.open: its URL and name, read from the real window.
  const asked = { url: popup.url(), frameName: await popup.evaluate(() => window.name) };
  expect(asked).toEqual({ url: 'about:blank', frameName: 'ssp-projection' });
  const audienceWindow = served.win.webContents.windowOpen({ ...asked, features: 'popup,width=1280,height=720' });
  expect(audienceWindow, 'main allows the window the renderer opens').not.toBeNull();
  expect(audienceWindow!.isFullScreen()).toBe(true);
  expect(audienceWindow!.getBounds()).toEqual(PROJECTOR.bounds);
  expect(served.win.isFullScreen()).toBe(false);
  // The projector's size, as main sets it.
  await popup.setViewportSize({ width: PROJECTOR.bounds.width, height: PROJECTOR.bounds.height });

  const audience = popup.getByTestId('projection');
  await expect(audience.getByRole('heading', { level: 1 })).toHaveText('Dagsorden');
  expect(await popup.evaluate(() => typeof (window as unknown as { ssp?: unknown }).ssp)).toBe('undefined');
  const where = page.getByTestId('presenter-where');
  await popup.keyboard.press('Space');
  await expect(audience.getByRole('heading', { level: 1 })).toHaveText(people[0]!.caseNumber);
  await expect(where).toHaveText(`Punkt 1 af 3 · ${people[0]!.caseNumber}`);
  await page.getByTestId('presenter-bar').focus();
  await page.keyboard.press('PageDown');
  await expect(audience.getByRole('heading', { level: 1 })).toHaveText(people[1]!.caseNumber);
  await page.keyboard.press('ArrowLeft');
  await expect(audience.getByRole('heading', { level: 1 })).toHaveText(people[0]!.caseNumber);
  await expect(page.getByRole('heading', { level: 1, name: 'SSP-ledergruppe Valby' })).toBeVisible();
  await expectNoneOf(popup, people, 'audience window');
  expect(reveals(bridge)).toEqual([]);
  // The audience window's style sheets came from the handler too.
  expect(served.answered.filter((a) => a.status !== 200)).toEqual([]);
  await screenshot(popup, 'app-protocol-audience-projector-1920');
  await screenshot(page, 'app-protocol-presenter-control-1366');
  await expectAccessible(popup, 'audience window (Electron build)');
  await page.getByRole('button', { name: 'Luk projektorvinduet' }).click();
  await expect.poll(() => popup.isClosed()).toBe(true);
  await served.close();
});
