import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, screenshot, test } from './fixtures';

/**
 * What a user gets on a machine without Electron's binary (as here): `npm start -- --no-open`
 * as a child process, exactly as the README says, with its own data folder. It prints one line
 * with the opening URL; a vault is created through that URL in Chromium; requests without the
 * session or from a foreign Host or Origin are refused; SIGTERM locks the vault and ends it.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LINE = /^SSP Desk: (http:\/\/127\.0\.0\.1:(\d+))\/\?token=[A-Za-z0-9_-]{43}$/;

function status(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify({ name: 'vault.status', input: {} }) : undefined);
  });
}

function waitForLine(child: ChildProcess, out: { text: string }, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "SSP Desk:" line within ${timeoutMs} ms; stdout: ${out.text}`)), timeoutMs);
    const check = () => {
      const line = out.text.split('\n').find((l) => l.startsWith('SSP Desk: '));
      if (line !== undefined && out.text.endsWith('\n')) {
        clearTimeout(timer);
        resolve(line);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`npm start ended (${code}) before printing the line; stdout: ${out.text}`)));
  });
}

test('npm start -- --no-open: one line, the app through its URL, refusals, lock on SIGTERM', async ({ page, vault, shell }) => {
  test.setTimeout(180_000);
  const userData = mkdtempSync(join(tmpdir(), 'ssp-desk-npm-start-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // The machine's Electron state decides nothing here: --no-open means browser mode everywhere.
  const child = spawn(npm, ['start', '--', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, SSP_DESK_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out = { text: '' };
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out.text += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  try {
    const line = await waitForLine(child, out, 150_000);
    const m = LINE.exec(line);
    expect(m, line).not.toBeNull();
    const [, origin, portText] = m!;
    const port = Number(portText);
    // Give it a moment to print anything else it would, then: that line is all, besides npm's own
    // "> ssp-desk@... start" banner.
    await new Promise((r) => setTimeout(r, 1000));
    const ours = out.text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('> '));
    expect(ours).toEqual([line]);
    expect(err, 'no personal data, no token on stderr').not.toContain('token=');

    // Refused before the page is opened: no session, a foreign Host, a foreign Origin.
    expect(await status(port, '/', {})).toBe(401);
    expect(await status(port, '/rpc', { 'Content-Type': 'application/json', Origin: origin! }, 'POST')).toBe(401);
    expect(await status(port, '/', { Host: `rebind.example:${port}` })).toBe(421);
    expect(await status(port, '/', { Origin: 'http://evil.example' })).toBe(403);

    // The app, through the URL, in Chromium at a laptop's 1366x768, Danish.
    await page.setViewportSize({ width: 1366, height: 768 });
    await vault.open(line.slice('SSP Desk: '.length));
    expect(page.url()).toBe(`${origin}/`);
    await vault.createVault({ name: 'Testa Testesen', role: 'SSP-koordinator', area: 'Nørrebro' }, 'blå kaffekop på taget 42');
    await vault.confirmRecoveryKey();
    await shell.expectVisible('Testa Testesen');
    expect(existsSync(join(userData, 'vault')), 'the vault lives in the data folder').toBe(true);
    // After the exchange the token is spent: a second browser with the same URL is refused.
    const opening = new URL(line.slice('SSP Desk: '.length));
    expect(await status(port, `${opening.pathname}${opening.search}`, {})).toBe(403);

    await page.getByRole('button', { name: 'Opret sag' }).first().click();
    const opened = page.getByLabel('Oprettet', { exact: true });
    await expect(opened).toBeVisible();
    // Danish date fields whatever the browser's language: the app's own field (a text field) shows
    // today as dd.mm.åååå and says so in its hint.
    await expect(opened).toHaveAttribute('type', 'text');
    await expect(opened).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
    await expect(page.getByText('dd.mm.åååå').first()).toBeVisible();
    await screenshot(page, 'browser-mode-1366x768-opret-sag');

    await page.goto('about:blank');
    // SIGTERM (what a service manager or a closed terminal sends): the vault is locked, the process ends.
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    // npm itself may end first: wait for browser mode's own last words.
    const logFile = join(userData, 'logs', 'ssp-desk.log');
    await expect.poll(() => readFileSync(logFile, 'utf8'), { timeout: 15_000 }).toContain('browser_mode.stopped');
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('"event":"browser_mode.session_opened"');
    expect(log).toMatch(/"event":"vault.auto_locked","reason":"sigterm"/);
    expect(log).toContain('"event":"browser_mode.stopped","reason":"sigterm"');
    expect(log).not.toContain('Testa');
    expect(await status(port, '/', {}).catch(() => 'closed')).toBe('closed');
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    rmSync(userData, { recursive: true, force: true });
  }
});
