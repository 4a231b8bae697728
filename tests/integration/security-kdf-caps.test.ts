import { describe, it, expect, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKeyFile, parseKeyFile, serializeKeyFile, type KeySlot } from '../../src/main/vault/keyfile';
import { createTestVault, hashVault, PASSPHRASE, type TestVault } from './helpers';
import type { Result } from '../../src/shared/contract';

const open: TestVault[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});

type Kdf = KeySlot['kdf'];
/** What the attack used, and smaller steps past the caps (N 2^18, r 8, p 1; one slot of each kind). */
const CRAFTED: { name: string; edit: (slots: KeySlot[]) => KeySlot[] }[] = [
  { name: 'N=2^22 r=32 p=16', edit: (s) => s.map((x) => ({ ...x, kdf: { name: 'scrypt', N: 2 ** 22, r: 32, p: 16 } as Kdf })) },
  { name: 'N=2^19', edit: (s) => s.map((x) => ({ ...x, kdf: { ...x.kdf, N: 2 ** 19 } })) },
  { name: 'r=16', edit: (s) => s.map((x) => ({ ...x, kdf: { ...x.kdf, r: 16 } })) },
  { name: 'p=2', edit: (s) => s.map((x) => ({ ...x, kdf: { ...x.kdf, p: 2 } })) },
  { name: 'two passphrase slots', edit: (s) => [s[0]!, { ...s[0]!, id: 'passphrase-extra' }, ...s.slice(1)] },
  { name: '16 slots', edit: (s) => Array.from({ length: 16 }, (_, i) => ({ ...s[i % 2]!, id: `slot-${i}` })) },
];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('KDF parameters and slots capped before deriving (issue 15)', () => {
  it('refuses a crafted key file at once, as damaged, without counting a miss or changing anything', async () => {
    const v = await createTestVault();
    open.push(v);
    await v.call('vault.lock', {});
    const good = readFileSync(v.files.keyFile, 'utf8');
    const kf = parseKeyFile(good);
    for (const c of CRAFTED) {
      // A well-formed file with a correct checksum: only the parameters are hostile.
      writeFileSync(v.files.keyFile, serializeKeyFile(buildKeyFile(kf.vaultId, kf.createdAt, c.edit(kf.slots))));
      const before = hashVault(v.files);
      const started = performance.now();
      const r = (await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE })) as Result<unknown>;
      const ms = performance.now() - started;
      expect(r, c.name).toMatchObject({ ok: false, error: { code: 'KEYFILE_CORRUPT' } });
      // TEST_KDF derives in ~20 ms, the attack's parameters take seconds and 1+ GiB: "at once" is well under either.
      expect(ms, c.name).toBeLessThan(250);
      expect(hashVault(v.files)).toEqual(before);
      expect(v.ctx.vault.retryAfterSeconds()).toBe(0);
    }
    writeFileSync(v.files.keyFile, good);
    await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
  });

  it('refuses a crafted backup at once, before any derivation, and leaves the vault as it was', async () => {
    const v = await createTestVault();
    open.push(v);
    const b = await v.call<{ fileName: string }>('backup.create', {});
    const file = join(v.ctx.backupDir, b.fileName);
    const bytes = readFileSync(file);
    const len = bytes.readUInt32BE(15);
    const manifest = JSON.parse(bytes.subarray(19, 19 + len).toString('utf8'));
    const database = bytes.subarray(19 + len, 19 + len + manifest.database.bytes);
    const kf = parseKeyFile(bytes.subarray(19 + len + manifest.database.bytes).toString('utf8'));
    v.ctx.vault.current.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = hashVault(v.files);
    for (const [i, c] of CRAFTED.entries()) {
      const keyFile = Buffer.from(serializeKeyFile(buildKeyFile(kf.vaultId, kf.createdAt, c.edit(kf.slots))), 'utf8');
      // The attacker recomputes the manifest's checksums (its HMAC is only checked after decryption).
      const m = { ...manifest, keyFile: { bytes: keyFile.length, sha256: sha256(keyFile) } };
      const mBytes = Buffer.from(JSON.stringify(m), 'utf8');
      const l = Buffer.alloc(4);
      l.writeUInt32BE(mBytes.length);
      const name = `ssp-desk-backup-2026-11-23T10-00-00Z-c00${i}.sspbak`;
      writeFileSync(join(v.ctx.backupDir, name), Buffer.concat([bytes.subarray(0, 15), l, mBytes, database, keyFile]));
      const started = performance.now();
      const r = (await v.dispatch('backup.restore', { fileName: name, method: 'passphrase', secret: PASSPHRASE })) as Result<unknown>;
      const ms = performance.now() - started;
      expect(r, c.name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/beskadiget eller ændret/) } });
      expect(ms, c.name).toBeLessThan(500);
      expect(v.ctx.vault.state()).toBe('unlocked');
    }
    expect(hashVault(v.files)).toEqual(before);
  });
});
