/**
 * Browser mode's entry: `npm start` runs it where Electron's binary is missing, and
 * `npm start -- --browser` anywhere (scripts/start.mjs builds dist-web first).
 *
 *   --no-open   print exactly one line, `SSP Desk: http://127.0.0.1:PORT/?token=...`, on stdout
 *               and start no browser (for tests, or to open the URL yourself).
 *   (default)   find Chrome, Edge or Chromium (or CHROMIUM_PATH) and open the app in it as an app
 *               window; when that window's browser ends, lock the vault and stop.
 *
 * The data folder is the development one (paths.ts; SSP_DESK_USER_DATA overrides it). The vault
 * is locked on exit: SIGINT (Ctrl+C), SIGTERM, SIGHUP (terminal or console closed), SIGBREAK on
 * Windows, the browser window closing, and at process exit whatever the cause.
 * Nothing personal is printed or logged.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createFileLogger } from '../core/log';
import { userDataDir } from '../electron/paths';
import { browserArgs, browserCandidates, findBrowser } from './find-browser';
import { startBrowserMode } from './server';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'no-open': { type: 'boolean', default: false }, browser: { type: 'boolean', default: false } },
    strict: true,
  });
  const userData = userDataDir({ platform: process.platform, env: process.env, home: homedir(), packaged: false });
  mkdirSync(userData, { recursive: true });
  const log = createFileLogger(join(userData, 'logs'));
  const server = await startBrowserMode({
    distDir: join(root, 'dist-web'),
    vaultDir: join(userData, 'vault'),
    log,
    validateOutput: true,
  });
  log.info('browser_mode.started', { open: !values['no-open'] });

  let stopping = false;
  const stop = async (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    server.lock(reason);
    await server.close();
    log.info('browser_mode.stopped', { reason });
    process.exit(code);
  };
  // Whatever ends the process, the vault is closed first (lock is synchronous).
  process.on('exit', () => server.lock('exit'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', ...(process.platform === 'win32' ? ['SIGBREAK'] : [])] as NodeJS.Signals[]) {
    process.on(signal, () => void stop(signal.toLowerCase()));
  }

  if (values['no-open']) {
    process.stdout.write(`SSP Desk: ${server.url}\n`);
    return;
  }

  const inputs = { platform: process.platform, env: process.env, home: homedir(), exists: (p: string) => existsSync(p) && statSync(p).isFile() };
  const browser = findBrowser(inputs);
  if (!browser) {
    process.stderr.write(
      [
        'SSP Desk fandt hverken Chrome, Edge eller Chromium. Installér en af dem, eller sæt CHROMIUM_PATH til browserens programfil.',
        'SSP Desk found no Chrome, Edge or Chromium. Install one, or set CHROMIUM_PATH to the browser executable.',
        `Looked in: ${browserCandidates(inputs).join(', ')}`,
        'Eller åbn denne adresse i Chrome eller Edge / Or open this address in Chrome or Edge:',
        `SSP Desk: ${server.url}`,
        '',
      ].join('\n'),
    );
    return;
  }
  const profile = join(userData, 'browser-profile');
  // Linux Chromium takes its UI language (date fields, file buttons) from LANGUAGE, not --lang.
  const env = { ...process.env, ...(process.platform === 'linux' ? { LANGUAGE: 'da' } : {}) };
  const child = spawn(browser, browserArgs(server.url, profile), { stdio: 'ignore', detached: false, env });
  child.on('error', () => {
    log.error('browser_mode.browser_failed');
    process.stderr.write(`SSP Desk kunne ikke starte browseren (${browser}). Åbn adressen selv: ${server.url}\n`);
  });
  child.on('exit', () => void stop('browser-closed'));
  process.stderr.write('SSP Desk kører i et browservindue. Luk vinduet (eller tryk Ctrl+C her) for at afslutte og låse.\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`SSP Desk kunne ikke starte / could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
