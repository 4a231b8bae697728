import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function electronBinaryPresent(): boolean {
  try {
    const p = createRequire(join(process.cwd(), 'package.json'))('electron') as unknown;
    return typeof p === 'string' && existsSync(p);
  } catch {
    return false;
  }
}

describe('npm start (scripts/start.mjs)', () => {
  // Where the binary is installed, npm start would really launch the app: nothing to test here.
  it.skipIf(electronBinaryPresent())('says clearly, in English and Danish, that the Electron binary is missing, and exits 1', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the Electron binary is not installed');
    expect(r.stderr).toContain('node node_modules/electron/install.js');
    expect(r.stderr).toContain('The tests do not need it');
    expect(r.stderr).toContain('Electron-programfilen er ikke installeret');
    // It stopped before building anything.
    expect(r.stdout).not.toContain('building');
  });
});
