import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

function electronBinaryPresent(): boolean {
  try {
    const p = createRequire(join(process.cwd(), 'package.json'))('electron') as unknown;
    return typeof p === 'string' && existsSync(p);
  } catch {
    return false;
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm start (scripts/start.mjs) without the Electron binary', () => {
  // Where the binary is installed, npm start launches Electron instead (tests/electron).
  it.skipIf(electronBinaryPresent() || process.platform === 'win32')(
    'says so, starts browser mode, opens CHROMIUM_PATH as an app window on the URL, and ends when that browser ends',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'ssp-desk-start-'));
      dirs.push(dir);
      // A stand-in browser: records its arguments and environment, then exits (the user closed the window).
      const browser = join(dir, 'fake-browser');
      writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > "${dir}/args.txt"\necho "LANGUAGE=$LANGUAGE" > "${dir}/env.txt"\n`);
      chmodSync(browser, 0o755);
      const userData = join(dir, 'user-data');
      const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
        cwd: process.cwd(),
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, CHROMIUM_PATH: browser, SSP_DESK_USER_DATA: userData },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('Electron-programfilen er ikke installeret');
      expect(r.stderr).toContain('starting browser mode');
      expect(r.stdout, 'no token on the terminal when a browser is opened').not.toContain('token=');

      const args = readFileSync(join(dir, 'args.txt'), 'utf8').trim().split('\n');
      expect(args[0]).toMatch(/^--app=http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      expect(args).toContain(`--user-data-dir=${join(userData, 'browser-profile')}`);
      expect(args).toContain('--lang=da');
      expect(readFileSync(join(dir, 'env.txt'), 'utf8').trim()).toBe('LANGUAGE=da');

      const log = readFileSync(join(userData, 'logs', 'ssp-desk.log'), 'utf8');
      expect(log).toContain('"event":"browser_mode.started","open":true');
      expect(log).toContain('"event":"browser_mode.stopped","reason":"browser-closed"');
      expect(existsSync(join(userData, 'vault'))).toBe(false); // nothing created without the user
    },
    150_000,
  );
});
