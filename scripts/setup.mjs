// npm run setup: install the locked dependencies (npm ci), then Electron's binary where it can be
// downloaded. The same command works on a machine with internet (you get the Electron app) and on
// one that cannot reach GitHub, like the project's build machines (npm start then runs browser
// mode): Electron's own postinstall would fail the whole install there, so it is skipped during
// `npm ci` and run afterwards on its own, where its failure is only a message.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const win = process.platform === 'win32';

const ci = spawnSync(win ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: win,
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
});
if (ci.status !== 0) process.exit(ci.status ?? 1);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.error('setup: ELECTRON_SKIP_BINARY_DOWNLOAD is set: Electron\'s binary is not downloaded; npm start runs browser mode.');
  process.exit(0);
}
console.error('setup: downloading Electron\'s binary ...');
const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
const electron = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'inherit', env, timeout: 15 * 60_000 });
if (electron.status !== 0) {
  console.error(
    [
      'setup: Electron\'s binary could not be downloaded (no access to github.com?). Everything else is installed;',
      '       npm start runs SSP Desk in browser mode. Run `node node_modules/electron/install.js` later to get the app.',
      'setup: Electron-programfilen kunne ikke hentes. npm start kører SSP Desk i browsertilstand.',
    ].join('\n'),
  );
}
