import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createTestVault, hashVault, PASSPHRASE, OWNER, type TestVault } from './helpers';
import type { Result } from '../../src/shared/contract';

const open: TestVault[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});
async function vault(opts: Parameters<typeof createTestVault>[0] = {}) {
  const v = await createTestVault(opts);
  open.push(v);
  return v;
}

/** Every place a string could sit in a file: UTF-8 and UTF-16 (SQLite may store either). */
function containsText(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

describe('vault', () => {
  it('starts with no vault, creates one and reports it unlocked with its owner', async () => {
    const v = await vault({ create: false });
    expect(await v.call('vault.status', {})).toEqual({ state: 'none' });
    const created = await v.call<{ recoveryKey: string; status: unknown }>('vault.create', {
      passphrase: PASSPHRASE,
      passphraseConfirm: PASSPHRASE,
      owner: OWNER,
    });
    expect(created.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(created.status).toEqual({ state: 'unlocked', owner: OWNER });
    await v.call('vault.lock', {});
    expect(await v.call('vault.status', {})).toEqual({ state: 'locked' });
  });

  it('refuses a second vault in the same folder and mismatched confirmation', async () => {
    const v = await vault();
    const again = await v.dispatch('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    expect(again).toMatchObject({ ok: false, error: { code: 'VAULT_EXISTS' } });
    const w = await vault({ create: false });
    const mismatch = await w.dispatch('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: `${PASSPHRASE}x`, owner: OWNER });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { passphraseConfirm: expect.any(String) } } });
    expect(w.ctx.vault.state()).toBe('none');
  });

  it('refuses short and guessable passphrases with a Danish reason', async () => {
    const v = await vault({ create: false });
    for (const weak of ['kort', 'aaaaaaaaaaaaaaaa', 'abcabcabcabc']) {
      const r = (await v.dispatch('vault.create', { passphrase: weak, passphraseConfirm: weak, owner: OWNER })) as Result<unknown>;
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('WEAK_PASSPHRASE');
        expect(r.error.message).toMatch(/adgangskode/i);
      }
    }
    expect(existsSync(v.files.keyFile)).toBe(false);
  });

  it('holds no plaintext in the database or WAL after writing known text', async () => {
    const marker = 'Zørkelbøf Klartekstmarkør';
    const v = await vault({ create: false });
    await v.call('vault.create', {
      passphrase: PASSPHRASE,
      passphraseConfirm: PASSPHRASE,
      owner: { name: marker, role: `${marker} rolle`, area: `${marker} område` },
    });
    // While unlocked the fresh writes sit in the WAL: read both files byte by byte.
    const wal = readFileSync(v.files.wal);
    expect(wal.length).toBeGreaterThan(0);
    expect(containsText(wal, 'Klartekstmark')).toBe(false);
    expect(containsText(readFileSync(v.files.database), 'Klartekstmark')).toBe(false);
    // SQLite's own header would be there in an unencrypted file.
    expect(readFileSync(v.files.database).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(containsText(readFileSync(v.files.keyFile), 'Klartekstmark')).toBe(false);
    expect(readFileSync(v.files.keyFile, 'utf8')).not.toContain(PASSPHRASE);
    await v.call('vault.lock', {});
    expect(containsText(readFileSync(v.files.database), 'Klartekstmark')).toBe(false);
    // And the text is really there behind the key.
    const status = await v.call<{ owner: { name: string } }>('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    expect(status.owner.name).toBe(marker);
  });

  it('a wrong passphrase leaves every file unchanged and says so in Danish', async () => {
    const v = await vault();
    await v.call('vault.lock', {});
    const before = hashVault(v.files);
    const r = await v.dispatch('vault.unlock', { method: 'passphrase', secret: 'forkert-adgangskode-123' });
    expect(r).toEqual({ ok: false, error: { code: 'WRONG_PASSPHRASE', message: 'Forkert adgangskode. Prøv igen, eller brug gendannelsesnøglen.' } });
    expect(hashVault(v.files)).toEqual(before);
    expect(v.ctx.vault.state()).toBe('locked');
  });

  it('slows down repeated wrong passphrases without touching the files', async () => {
    let now = new Date('2026-11-23T10:00:00Z').getTime();
    const v = await vault({ now: () => new Date(now) });
    await v.call('vault.lock', {});
    const before = hashVault(v.files);
    for (let i = 0; i < 3; i++) {
      expect(await v.dispatch('vault.unlock', { method: 'passphrase', secret: `forkert-${i}-xxxxxxx` })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    }
    // Even the right passphrase waits now.
    expect(await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    expect(await v.call('vault.status', {})).toEqual({ state: 'locked', retryAfterSeconds: 1 });
    now += 1000;
    expect(await v.dispatch('vault.unlock', { method: 'passphrase', secret: 'forkert-igen-xxxxxxx' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(v.ctx.vault.retryAfterSeconds()).toBe(2);
    now += 2000;
    expect(hashVault(v.files)).toEqual(before);
    await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    expect(v.ctx.vault.state()).toBe('unlocked');
  });

  it('after a passphrase change opens with the new passphrase and not the old', async () => {
    const v = await vault();
    const next = 'ny-og-bedre-Valby-sætning-77';
    const wrong = await v.dispatch('vault.changePassphrase', { current: 'ikke-den-rigtige-1234', next, nextConfirm: next });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await v.call('vault.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next });
    await v.call('vault.lock', {});
    expect(await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await v.call('vault.unlock', { method: 'passphrase', secret: next });
    expect(v.ctx.vault.state()).toBe('unlocked');
  });

  it('the recovery key opens the vault, typed in any case and grouping', async () => {
    const v = await vault({ create: false });
    const { recoveryKey } = await v.call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
    await v.call('vault.lock', {});
    expect(await v.dispatch('vault.unlock', { method: 'recovery', secret: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await v.call('vault.unlock', { method: 'recovery', secret: ` ${recoveryKey.replace(/-/g, ' ').toLowerCase()} ` });
    expect(v.ctx.vault.state()).toBe('unlocked');
  });

  it('refuses a key file with one flipped byte, cleanly and without changing anything', async () => {
    // The clock moves 10 minutes between attempts so the wrong-passphrase delay never masks a check.
    let now = Date.parse('2026-11-23T10:00:00Z');
    const v = await vault({ now: () => new Date((now += 600_000)) });
    await v.call('vault.lock', {});
    const original = readFileSync(v.files.keyFile);
    const dbBefore = hashVault(v.files).db;
    // Flip one byte at a spread of positions: structure, ids, salt, iv, tag, wrapped key, checksum.
    const positions = Array.from({ length: 24 }, (_, i) => Math.floor(((i + 0.5) * original.length) / 24));
    for (const pos of positions) {
      const tampered = Buffer.from(original);
      tampered[pos] = tampered[pos]! ^ 0x01;
      writeFileSync(v.files.keyFile, tampered);
      const r = (await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE })) as Result<unknown>;
      expect(r.ok, `byte ${pos}`).toBe(false);
      if (!r.ok) {
        expect(['KEYFILE_CORRUPT', 'WRONG_PASSPHRASE']).toContain(r.error.code);
        expect(r.error.message).toMatch(/Nøglefilen er beskadiget|Forkert adgangskode/);
      }
      expect(readFileSync(v.files.keyFile).equals(tampered)).toBe(true);
      expect(hashVault(v.files).db).toBe(dbBefore);
    }
    writeFileSync(v.files.keyFile, original);
  });

  it('names a damaged key file as damaged, not as a wrong passphrase', async () => {
    const v = await vault();
    await v.call('vault.lock', {});
    const text = readFileSync(v.files.keyFile, 'utf8');
    const json = JSON.parse(text);
    json.slots[0].salt = Buffer.from('0123456789abcdef').toString('base64');
    writeFileSync(v.files.keyFile, JSON.stringify(json));
    const r = await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYFILE_CORRUPT', message: expect.stringContaining('Nøglefilen er beskadiget') } });
  });

  it('refuses to open a vault whose applied migrations do not match the files', async () => {
    const v = await vault();
    v.ctx.vault.current.sqlite.prepare(`UPDATE __ssp_migrations SET hash = 'x' WHERE idx = 0`).run();
    await v.call('vault.lock', {});
    const r = await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
    expect(r).toMatchObject({ ok: false, error: { code: 'MIGRATION_MISMATCH', message: expect.stringContaining('anden version af SSP Desk') } });
    expect(v.ctx.vault.state()).toBe('locked');
  });

  it('lock drops the database: calls that need the vault are refused', async () => {
    const v = await vault();
    const sqlite = v.ctx.vault.current.sqlite;
    await v.call('vault.lock', {});
    expect(sqlite.open).toBe(false);
    const next = 'ny-og-bedre-Valby-sætning-77';
    expect(await v.dispatch('vault.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });
});

describe('vault unlock while already open', () => {
  it('still refuses a wrong passphrase', async () => {
    const v = await createTestVault();
    try {
      expect(await v.dispatch('vault.unlock', { method: 'passphrase', secret: 'forkert-men-lang-nok' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
      expect(await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    } finally {
      v.cleanup();
    }
  });
});
