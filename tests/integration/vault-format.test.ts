import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { Vault } from '../../src/main/vault/vault';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createTestVault, OWNER, PASSPHRASE, tempDir } from './helpers';

/**
 * Recovery without this program (docs/vault-format.md): `export-key` writes the raw database key,
 * and a client built from SQLCipher 4's own amalgamation (not SQLite3MultipleCiphers, not our
 * code) opens the vault's database with exactly the commands the document gives.
 */

const AMALGAMATION = resolve('node_modules/@commapp/sqlcipher-amalgamation/src');
const CLIENT = resolve('node_modules/.cache/sqlcipher4/client');
const root = tempDir('ssp-format-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function buildClient(): void {
  if (existsSync(CLIENT) && statSync(CLIENT).mtimeMs > statSync(resolve('tests/integration/sqlcipher4-client.c')).mtimeMs) return;
  mkdirSync(resolve('node_modules/.cache/sqlcipher4'), { recursive: true });
  const r = spawnSync('gcc', ['-O1', '-DSQLITE_HAS_CODEC', '-DSQLCIPHER_CRYPTO_OPENSSL', '-DSQLITE_TEMP_STORE=2', '-DSQLITE_ENABLE_FTS5', '-DSQLITE_THREADSAFE=0', '-I', AMALGAMATION,
    resolve('tests/integration/sqlcipher4-client.c'), join(AMALGAMATION, 'sqlite3.c'), '-o', CLIENT, '-lcrypto', '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the SQLCipher 4 client failed (gcc and libssl-dev needed): ${r.stderr.split('\n').filter((l) => /error/.test(l)).join('\n')}`);
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('export-key and standard SQLCipher 4', () => {
  let dir: string;
  let recoveryKey: string;
  const passFile = join(root, 'pass.txt');
  const recoveryFile = join(root, 'recovery.txt');

  beforeAll(async () => {
    buildClient();
    dir = join(root, 'vault');
    const t = await createTestVault({ dir, create: false });
    ({ recoveryKey } = await t.call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER }));
    const c = await t.call<{ id: number }>('cases.open', { person: { firstName: 'Åse', lastName: 'Formatgård', birthDate: '2011-04-03' }, level: 2, reason: 'Bekymring', openedOn: '2026-01-05' });
    await t.call('cases.addNote', { caseId: c.id, text: 'Læses med SQLCipher 4' });
    t.ctx.vault.lock();
    writeFileSync(passFile, `${PASSPHRASE}\n`);
    writeFileSync(recoveryFile, `${recoveryKey}\n`);
  }, 300_000);

  it('writes the raw key (0600, audited) after the passphrase, and SQLCipher 4 opens the database with it', async () => {
    const keyOut = join(root, 'db.key');
    const r = await cli('export-key', '--vault', dir, '--passphrase-file', passFile, '--out', keyOut);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`PRAGMA key = "x'<de 64 tegn fra ${keyOut}>'";`);
    expect(statSync(keyOut).mode & 0o777).toBe(0o600);
    const hex = readFileSync(keyOut, 'utf8');
    expect(hex).toMatch(/^[0-9a-f]{64}\n$/);
    // The commands of docs/vault-format.md, run by SQLCipher 4 itself.
    const run = spawnSync(CLIENT, [join(dir, 'ssp-desk.db'), `PRAGMA key = "x'${hex.trim()}'"`, 'PRAGMA cipher_version', 'PRAGMA integrity_check', 'SELECT count(*) FROM cases', 'SELECT text FROM case_notes'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual(['ok', expect.stringMatching(/^4\.\d+\.\d+/), 'ok', '1', 'Læses med SQLCipher 4', '']);
    // A wrong key is refused by SQLCipher (the HMAC check), not read as garbage.
    const wrong = spawnSync(CLIENT, [join(dir, 'ssp-desk.db'), `PRAGMA key = "x'${'0'.repeat(64)}'"`, 'SELECT count(*) FROM cases'], { encoding: 'utf8' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/file is not a database/);
    // The export is in the audit trail (codes only).
    const v = new Vault(dir, { kdf: TEST_KDF });
    await v.unlock('passphrase', PASSPHRASE);
    expect(v.current.sqlite.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'export' AND entity = 'vault'`).all()).toEqual([{ actor: OWNER.name, detail: 'database-key:passphrase' }]);
    v.lock();
  }, 120_000);

  it('works with the recovery key too, giving the same key; refuses a wrong secret and an existing file', async () => {
    const keyOut = join(root, 'db-recovery.key');
    expect((await cli('export-key', '--vault', dir, '--passphrase-file', recoveryFile, '--recovery', '--out', keyOut)).code).toBe(0);
    expect(readFileSync(keyOut, 'utf8')).toBe(readFileSync(join(root, 'db.key'), 'utf8'));
    const wrongFile = join(root, 'wrong.txt');
    writeFileSync(wrongFile, 'en-helt-anden-sætning-99');
    const wrong = await cli('export-key', '--vault', dir, '--passphrase-file', wrongFile, '--out', join(root, 'never.key'));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/^Fejl: Forkert adgangskode/);
    expect(existsSync(join(root, 'never.key'))).toBe(false);
    const again = await cli('export-key', '--vault', dir, '--passphrase-file', passFile, '--out', keyOut);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/overskrives aldrig/);
  }, 120_000);
});
