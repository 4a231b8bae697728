import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type ElectronDeps, type Shell } from '../../src/main/electron/app';
import { REPORT_PDF_OPTIONS, SAVE_PDF_TITLE } from '../../src/main/electron/report-pdf';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn, StandInBrowserWindow, type ElectronStandIn } from './stand-in';

/**
 * 'report.savePdf' (issue 16): the desktop app prints the report's print view with Electron's
 * webContents.printToPDF to a file chosen in a save dialog. A stand-in for the 'electron' module
 * (the binary cannot run here: tests/electron/smoke.spec.ts checks the real one where it exists);
 * everything behind it is real: context, dispatcher, the encrypted vault, the file written.
 */

const PASSPHRASE = 'Korrekt-Hest-Batteri-Klips-42';
const OWNER = { name: 'Test Koordinator', role: 'SSP-koordinator', area: 'SSP Nørrebro' };

const dirs: string[] = [];
const shells: Shell[] = [];
afterEach(() => {
  for (const s of shells.splice(0)) if (s.ctx.vault.state() === 'unlocked') s.ctx.vault.lock();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

async function start(): Promise<{ electron: ElectronStandIn; shell: Shell; win: StandInBrowserWindow; out: string }> {
  const userData = tempDir('ssp-pdf-');
  const home = tempDir('ssp-pdf-home-');
  const electron = createElectronStandIn({ userData: '/nowhere', appPath: '/project', home });
  const handle = startApp(electron as unknown as ElectronDeps, {
    mainDir: '/project/out/main',
    env: { SSP_DESK_USER_DATA: userData },
    platform: 'linux',
    arch: 'x64',
    argv: ['/opt/SSP Desk/ssp-desk'],
    vaultOptions: { kdf: TEST_KDF },
  });
  const shell = await handle!.started;
  shells.push(shell);
  const win = StandInBrowserWindow.instances[0]!;
  const created = await invoke(electron, win, 'vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
  expect(created.ok).toBe(true);
  return { electron, shell, win, out: home };
}

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
function invoke(electron: ElectronStandIn, win: StandInBrowserWindow, name: string, input: unknown): Promise<Answer> {
  const handler = electron.ipcMain.handlers.get('ssp:invoke') as (event: unknown, name: unknown, input: unknown) => Promise<Answer>;
  return handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, name, input);
}

describe('report.savePdf in the desktop shell', () => {
  it('asks where in a save dialog (Documents, the file named after what it holds), prints the window A4 and writes the file; audited as a pdf export', async () => {
    const { electron, win, out } = await start();
    const target = join(out, 'min-rapport.pdf');
    electron.dialog.saveAnswer = { canceled: false, filePath: target };
    win.webContents.pdfBytes = Buffer.from('%PDF-1.7 the print view\n');
    const r = await invoke(electron, win, 'report.savePdf', { period: '2026', districts: ['Nørrebro'], mode: 'anonymised' });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'min-rapport.pdf' } });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 the print view\n');

    const dialog = electron.dialog.calls.find((c) => c.method === 'showSaveDialog')!;
    expect(dialog.args[0]).toBe(win);
    expect(dialog.args[1]).toMatchObject({
      title: SAVE_PDF_TITLE,
      defaultPath: join(out, 'Documents', 'aarsrapport-2026-noerrebro-anonymiseret.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    const printed = win.webContents.calls.filter((c) => c.method === 'printToPDF');
    expect(printed).toHaveLength(1);
    expect(printed[0]!.args[0]).toEqual(REPORT_PDF_OPTIONS);
    // A4 portrait, backgrounds (the tables' shading), the page's own @page rule; margins as report.css's (16/14/18 mm).
    expect(REPORT_PDF_OPTIONS).toMatchObject({ pageSize: 'A4', landscape: false, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    expect(REPORT_PDF_OPTIONS.margins).toEqual({ top: 0.63, right: 0.551, bottom: 0.709, left: 0.551 });

    const audit = await invoke(electron, win, 'audit.list', { action: 'export' });
    const rows = (audit.value as { rows: { entity: string; detail: string | null }[] }).rows;
    expect(rows.map((x) => [x.entity, x.detail])).toContainEqual(['report', 'mode:anonymised;format:pdf;period:2026']);
  });

  it('a path typed without .pdf gets it', async () => {
    const { electron, win, out } = await start();
    electron.dialog.saveAnswer = { canceled: false, filePath: join(out, 'uden-endelse') };
    const r = await invoke(electron, win, 'report.savePdf', { period: '2026-H1' });
    expect(r).toEqual({ ok: true, value: { saved: true, fileName: 'uden-endelse.pdf' } });
    expect(existsSync(join(out, 'uden-endelse.pdf'))).toBe(true);
  });

  it('cancelled: nothing printed, nothing written, nothing audited', async () => {
    const { electron, win } = await start();
    electron.dialog.saveAnswer = { canceled: true };
    const r = await invoke(electron, win, 'report.savePdf', { period: '2026-H1' });
    expect(r).toEqual({ ok: true, value: { saved: false, fileName: null } });
    expect(win.webContents.calls.filter((c) => c.method === 'printToPDF')).toEqual([]);
    const audit = await invoke(electron, win, 'audit.list', { action: 'export' });
    expect((audit.value as { rows: { entity: string }[] }).rows.filter((x) => x.entity === 'report')).toEqual([]);
  });
});
