import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without types
import { expectedStamp, nativeDir, nativeState, writeStamp } from '../../build/native-stamp.mjs';

/** npm start rebuilds the Electron build of the database module when it is missing or stale. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('native module stamp (build/native-stamp.mjs)', () => {
  it('names what the build is for: Electron version and ABI, module, platform, arch', () => {
    const stamp = expectedStamp(process.cwd(), 'win32', 'x64');
    const electron = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
    const sqlite = JSON.parse(readFileSync('node_modules/better-sqlite3/package.json', 'utf8'));
    expect(stamp).toEqual({ electron, abi: expect.stringMatching(/^\d+$/), module: `${sqlite.name}@${sqlite.version}`, platform: 'win32', arch: 'x64' });
    expect(nativeDir('/p', 'darwin', 'arm64')).toBe(join('/p', 'resources', 'native', 'darwin-arm64'));
  });

  it('missing, unstamped, stale in any field, or current', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssp-stamp-'));
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    const expected = { electron: '38.8.6', abi: '139', module: 'better-sqlite3-multiple-ciphers@12.11.1', platform: 'linux', arch: 'x64' };
    expect(nativeState(dir, expected)).toMatchObject({ ok: false, reason: 'missing' });
    writeFileSync(join(dir, 'better_sqlite3.node'), 'x');
    expect(nativeState(dir, expected)).toMatchObject({ ok: false, reason: 'unstamped' });
    writeStamp(dir, expected);
    expect(nativeState(dir, expected)).toEqual({ ok: true, reason: '', differs: [] });
    for (const field of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(nativeState(dir, { ...expected, [field]: 'other' }), field).toEqual({ ok: false, reason: 'stale', differs: [field] });
    }
  });
});
