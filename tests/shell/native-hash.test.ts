import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type ElectronDeps } from '../../src/main/electron/app';
import { checkNativeBinding, nativeHashFile } from '../../src/main/electron/native-hash';
import { setNativeBinding } from '../../src/main/core/connection';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createElectronStandIn } from './stand-in';

/** The real native module (the Node build here; the packaged app's is the Electron build). */
const REAL = resolve('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const PASSPHRASE = 'Korrekt-Hest-Batteri-Klips-42';
const dirs: string[] = [];
afterEach(() => {
  setNativeBinding(undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function layout() {
  const root = mkdtempSync(join(tmpdir(), 'ssp-native-'));
  dirs.push(root);
  const mainDir = join(root, 'app', 'out', 'main');
  const resources = join(root, 'resources');
  mkdirSync(mainDir, { recursive: true });
  mkdirSync(join(resources, 'native'), { recursive: true });
  const binding = join(resources, 'native', 'better_sqlite3.node');
  copyFileSync(REAL, binding);
  const record = (bytes: Buffer) => writeFileSync(join(mainDir, nativeHashFile('linux', 'x64')), `${createHash('sha256').update(bytes).digest('hex')}\n`);
  return { root, mainDir, resources, binding, record };
}

describe('native module hash checked at load (issue 15)', () => {
  it('accepts the recorded module, refuses a changed one, and a packaged app without a recorded hash', () => {
    const l = layout();
    const o = { binding: l.binding, mainDir: l.mainDir, platform: 'linux', arch: 'x64' };
    expect(checkNativeBinding({ ...o, required: true })).toEqual({ ok: false, reason: 'hash-missing' });
    expect(checkNativeBinding({ ...o, required: false })).toEqual({ ok: true });
    l.record(readFileSync(REAL));
    expect(checkNativeBinding({ ...o, required: true })).toEqual({ ok: true });
    const swapped = Buffer.from(readFileSync(REAL));
    swapped[swapped.length - 100]! ^= 0x01;
    writeFileSync(l.binding, swapped);
    expect(checkNativeBinding({ ...o, required: true })).toEqual({ ok: false, reason: 'hash-mismatch' });
  });

  it('a packaged shell opens the vault with the recorded module and refuses to start with a swapped one', async () => {
    for (const swapped of [false, true]) {
      const l = layout();
      l.record(readFileSync(REAL));
      if (swapped) writeFileSync(l.binding, Buffer.concat([readFileSync(REAL), Buffer.from('extra')]));
      const electron = createElectronStandIn({ userData: join(l.root, 'userData'), appPath: join(l.root, 'app'), isPackaged: true });
      const handle = startApp(electron as unknown as ElectronDeps, {
        mainDir: l.mainDir,
        electronVersion: '38.0.0',
        resourcesPath: l.resources,
        platform: 'linux',
        arch: 'x64',
        env: { SSP_DESK_USER_DATA: join(l.root, 'userData') },
        vaultOptions: { kdf: TEST_KDF },
      })!;
      if (swapped) {
        await expect(handle.started).rejects.toThrow('hash-mismatch');
        expect(electron.dialog.calls.map((c) => c.args[0])).toEqual(['SSP Desk kan ikke åbne databasen']); // the binding's dialog: packaged, it says to reinstall
      } else {
        const shell = await handle.started;
        const r = await shell.dispatch('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: { name: 'Test Koordinator', role: 'SSP-koordinator', area: 'Nørrebro' } });
        expect(r.ok).toBe(true);
        shell.ctx.vault.lock();
      }
    }
  });
});
