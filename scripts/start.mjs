// npm start: run SSP Desk on this machine.
//
// - Electron's binary installed (a machine with internet): make sure the Electron build of the
//   database module is there and matches the installed Electron and module (stamp in
//   resources/native/<platform>-<arch>/stamp.json), building it when missing or stale; build the
//   app with electron-vite; start Electron.
// - Electron's binary missing (as on the build machines), or `npm start -- --browser`, or
//   `--no-open`: browser mode. Build the renderer for the web (dist-web) when a source is newer,
//   then run the real main process serving it on 127.0.0.1 (src/main/browser-mode/cli.ts), which
//   opens Chrome, Edge or Chromium as an app window. `--no-open` prints only the line
//   `SSP Desk: http://127.0.0.1:PORT/?token=...` on stdout and opens nothing.
// Everything this script says goes to stderr, so stdout carries only that line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedStamp, nativeDir, nativeState } from '../build/native-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const say = (lines) => process.stderr.write(`${lines.join('\n')}\n`);

/**
 * The Electron binary's path (what require('electron') gives under Node), or null and why not.
 * SSP_DESK_ELECTRON names another binary (an Electron unpacked by hand, or a test's stand-in).
 */
function findElectron() {
  if (process.env.SSP_DESK_ELECTRON) {
    const p = process.env.SSP_DESK_ELECTRON;
    return existsSync(p) ? { path: p, reason: '' } : { path: null, reason: `SSP_DESK_ELECTRON=${p} does not exist` };
  }
  let executable;
  try {
    executable = createRequire(join(root, 'package.json'))('electron');
  } catch (e) {
    return { path: null, reason: e instanceof Error ? e.message : String(e) };
  }
  if (typeof executable !== 'string' || !existsSync(executable)) {
    return { path: null, reason: `${String(executable)} does not exist` };
  }
  return { path: executable, reason: '' };
}

/** Run a child with our signals passed on; exit with its code when it ends. */
function runForwarding(command, commandArgs, options) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Newest modification time of the files a web build is made from. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const e of readdirSync(p)) visit(join(p, e));
    else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ['src/renderer', 'src/shared', 'src/main/electron/csp.ts', 'vite.web.config.ts', 'package.json', 'package-lock.json']) visit(join(root, p));
  return newest;
}

function buildWebIfStale() {
  const stampFile = join(root, 'dist-web', '.build-stamp');
  const newest = newestSource();
  let built = -1;
  try {
    built = Number(readFileSync(stampFile, 'utf8'));
  } catch {
    // not built yet
  }
  if (existsSync(join(root, 'dist-web', 'index.html')) && built >= newest) return;
  say(['SSP Desk: bygger brugerfladen (dist-web) ...']);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // The build's output goes to stderr: stdout is for the one line browser mode prints.
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(stampFile, String(newest));
}

function browserMode(electronMissingReason) {
  if (electronMissingReason) {
    say([
      `SSP Desk: Electron-programfilen er ikke installeret (${electronMissingReason}); starter i browsertilstand.`,
      'SSP Desk: the Electron binary is not installed; starting browser mode.',
    ]);
  }
  buildWebIfStale();
  const cli = join(root, 'src', 'main', 'browser-mode', 'cli.ts');
  runForwarding(process.execPath, ['--import', 'tsx', cli, ...args.filter((a) => a !== '--browser')], {});
}

function electronMode(electronPath) {
  const dir = nativeDir(root, process.platform, process.arch);
  const expected = expectedStamp(root, process.platform, process.arch);
  const state = nativeState(dir, expected);
  if (!state.ok) {
    say([
      `SSP Desk: databasemodulet til Electron ${state.reason === 'stale' ? `er forældet (${state.differs.join(', ')})` : 'mangler'}; bygger det (kræver internet) ...`,
      `SSP Desk: the Electron build of the database module is ${state.reason} ; building it: node build/rebuild-native.mjs`,
    ]);
    const r = spawnSync(process.execPath, [join(root, 'build', 'rebuild-native.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0 || !nativeState(dir, expected).ok) {
      say([
        '',
        'SSP Desk kan ikke starte: databasemodulet til Electron kunne ikke bygges.',
        'Det kræver internet og en C++-compiler (Windows: Visual Studio Build Tools med "Desktop development with C++").',
        'Kør derefter:  node build/rebuild-native.mjs',
        'Browsertilstand virker uden:  npm start -- --browser',
        '',
        'SSP Desk cannot start: the Electron build of the database module could not be built.',
        'It needs internet and a C++ toolchain. Then run: node build/rebuild-native.mjs',
        'Browser mode works without it: npm start -- --browser',
      ]);
      process.exit(1);
    }
  }
  const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // ELECTRON_RUN_AS_NODE would make Electron behave as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  runForwarding(electronPath, ['.', ...args], { env });
}

const electron = findElectron();
if (args.includes('--browser') || args.includes('--no-open')) browserMode('');
else if (!electron.path) browserMode(electron.reason);
else electronMode(electron.path);
