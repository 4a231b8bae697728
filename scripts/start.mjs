// npm start: build with electron-vite, then run the app in Electron.
// When Electron's binary is not installed (it is downloaded from GitHub on first install, which
// some machines cannot reach), say so clearly and stop: nothing else here needs it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary's path (what require('electron') gives under Node), or null and why not. */
function findElectron() {
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

const electron = findElectron();
if (!electron.path) {
  console.error(
    [
      '',
      'SSP Desk cannot start: the Electron binary is not installed.',
      `  (${electron.reason})`,
      'On a machine with internet, install it with:',
      '    node node_modules/electron/install.js',
      'or reinstall the dependencies (npm ci). This sandbox cannot download it.',
      'The tests do not need it: npm test runs without Electron.',
      '',
      'SSP Desk kan ikke starte: Electron-programfilen er ikke installeret.',
      'På en maskine med internet installeres den med:',
      '    node node_modules/electron/install.js',
      'eller ved at installere afhængighederne igen (npm ci). Dette sandkassemiljø kan ikke hente den.',
      'Testene har ikke brug for den: npm test kører uden Electron.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const nativeBinding = join(root, 'resources', 'native', `${process.platform}-${process.arch}`, 'better_sqlite3.node');
if (!existsSync(nativeBinding)) {
  console.warn(
    [
      '',
      `Warning: ${nativeBinding} is missing: the app will start, but cannot create or open a vault`,
      '(the better-sqlite3 in node_modules is built for Node, not for Electron). Build it (needs internet):',
      '    node build/rebuild-native.mjs',
      'Advarsel: databasemodulet til Electron mangler; byg det med kommandoen ovenfor (kræver internet).',
      '',
    ].join('\n'),
  );
}

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// ELECTRON_RUN_AS_NODE would make Electron behave as plain Node and ignore the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
