// Builds better-sqlite3 (better-sqlite3-multiple-ciphers) for Electron's ABI into
// resources/native/<platform>-<arch>/better_sqlite3.node, without touching node_modules (whose
// Node build the tests and the CLI use).
//
// Needs internet (Electron's headers, or a prebuilt binary) and a C++ toolchain as for any
// node-gyp build. Run once per Electron version, per platform and architecture, before
// `npm run dist` or `npm start`:
//
//   node build/rebuild-native.mjs            (this machine's platform and architecture)
//   node build/rebuild-native.mjs --arch arm64
//
// Never from postinstall: it fails without internet and would break the test setup.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import process from 'node:process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedStamp, nativeDir, writeStamp } from './native-stamp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argIndex = process.argv.indexOf('--arch');
const arch = argIndex > 0 ? process.argv[argIndex + 1] : process.arch;
const platform = process.platform;

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const electronVersion = readJson(join(root, 'node_modules/electron/package.json')).version;
const sqlite = readJson(join(root, 'node_modules/better-sqlite3/package.json'));
const rebuildCli = join(root, 'node_modules/@electron/rebuild/lib/cli.js');
if (!existsSync(rebuildCli)) {
  console.error('@electron/rebuild is missing (it comes with electron-builder): run npm install first.');
  process.exit(1);
}

const work = join(root, '.tmp', 'native-build');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'native-build', private: true, dependencies: { [sqlite.name]: sqlite.version } }, null, 2));

const run = (cmd, args) => {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: platform === 'win32' && cmd === 'npm' });
  if (r.status !== 0) {
    console.error(`failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status ?? 1);
  }
};

console.log(`Building ${sqlite.name}@${sqlite.version} for Electron ${electronVersion} (${platform}-${arch})`);
run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock']);
run(process.execPath, [rebuildCli, '--version', electronVersion, '--arch', arch, '--module-dir', work, '--only', sqlite.name, '--force']);

const built = join(work, 'node_modules', sqlite.name, 'build', 'Release', 'better_sqlite3.node');
if (!existsSync(built)) {
  console.error(`Expected ${built} after the rebuild, but it is not there.`);
  process.exit(1);
}
const dest = nativeDir(root, platform, arch);
mkdirSync(dest, { recursive: true });
copyFileSync(built, join(dest, 'better_sqlite3.node'));
// What it was built for, so npm start can tell when it is stale (build/native-stamp.mjs).
writeStamp(dest, expectedStamp(root, platform, arch));
console.log(`Wrote ${join(dest, 'better_sqlite3.node')}`);
