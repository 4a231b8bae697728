// npm run test:electron: the Electron smoke test (tests/electron). Where Electron's binary is
// missing, says so in one line; Playwright then reports the test skipped with the same reason.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let binary = null;
try {
  const p = createRequire(join(root, 'package.json'))('electron');
  if (typeof p === 'string' && existsSync(p)) binary = p;
} catch {
  // not installed
}
if (!binary) console.log('tests/electron skipped: Electron binary not installed here (it downloads from GitHub: node node_modules/electron/install.js)');
const r = spawnSync(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '-c', 'playwright.electron.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
