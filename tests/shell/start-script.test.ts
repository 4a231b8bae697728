import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without types
import { expectedStamp, writeStamp } from '../../build/native-stamp.mjs';

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

describe('npm start (scripts/start.mjs) where Electron exists', () => {
  // A temporary copy of the project (its resources/native is the one start.mjs checks), with a
  // stand-in Electron binary that records how it was started.
  function project(): { dir: string; electron: string; calls: string } {
    const dir = mkdtempSync(join(tmpdir(), 'ssp-start-electron-'));
    dirs.push(dir);
    for (const f of ['package.json', 'scripts', 'build', 'src', 'electron.vite.config.ts', 'tsconfig.json']) cpSync(join(process.cwd(), f), join(dir, f), { recursive: true });
    mkdirSync(join(dir, 'resources'));
    cpSync(join(process.cwd(), 'resources', 'icon.png'), join(dir, 'resources', 'icon.png'));
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    const calls = join(dir, 'electron-calls.txt');
    const electron = join(dir, 'fake-electron');
    writeFileSync(electron, `#!/bin/sh\nprintf '%s\\n' "$@" >> "${calls}"\n`);
    chmodSync(electron, 0o755);
    return { dir, electron, calls };
  }
  const nativeOf = (dir: string) => join(dir, 'resources', 'native', `${process.platform}-${process.arch}`);

  it.skipIf(process.platform === 'win32')('a current one (stamp matches): builds the app and starts Electron on it', () => {
    const p = project();
    const native = nativeOf(p.dir);
    mkdirSync(native, { recursive: true });
    writeFileSync(join(native, 'better_sqlite3.node'), 'current');
    writeStamp(native, expectedStamp(p.dir, process.platform, process.arch));
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: p.dir, encoding: 'utf8', timeout: 240_000, env: { ...process.env, SSP_DESK_ELECTRON: p.electron } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('bygger det');
    expect(readFileSync(p.calls, 'utf8').trim().split('\n')).toEqual(['.']);
    expect(existsSync(join(p.dir, 'out', 'main', 'index.js'))).toBe(true);
  }, 300_000);
});
