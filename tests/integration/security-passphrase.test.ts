import { describe, it, expect, afterEach } from 'vitest';
import { existsSync } from 'node:fs';
import { createTestVault, OWNER, PASSPHRASE, type TestVault } from './helpers';
import { assessPassphrase, generatePassphrase, GENERATED_WORDS, GENERATOR_WORD_COUNT } from '../../src/shared/vault';
import type { Result } from '../../src/shared/contract';

/** The passphrases issue 15 got through the old length x pool rule. */
const ATTACKED = ['Password123!', 'Qwerty123456', 'Velkommen123', 'Sommer2024!!', 'Januar2025!!', 'Kodeord12345', 'Sspdesk12345'];

const open: TestVault[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});

describe('passphrase rule (zxcvbn-ts with Danish lists and a blocklist)', () => {
  it('refuses the seven attacked passphrases at vault.create, in Danish, saying what would pass, and writes nothing', async () => {
    const v = await createTestVault({ create: false });
    open.push(v);
    for (const weak of ATTACKED) {
      const r = (await v.dispatch('vault.create', { passphrase: weak, passphraseConfirm: weak, owner: OWNER })) as Result<unknown>;
      expect(r.ok, weak).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('WEAK_PASSPHRASE');
      expect(r.error.message).toContain('for let at gætte');
      expect(r.error.message).toContain('Det, der går igennem: 4-5 ord');
      expect(r.error.message).not.toContain(weak);
      expect(r.error.fields).toEqual({ passphrase: 'For let at gætte' });
    }
    expect(existsSync(v.files.keyFile)).toBe(false);
  });

  it('names what each attacked passphrase is built on', () => {
    const reasons = Object.fromEntries(ATTACKED.map((p) => [p, assessPassphrase(p).reasons]));
    expect(reasons['Password123!']).toContain('common-password');
    expect(reasons['Sommer2024!!']).toEqual(expect.arrayContaining(['month-season', 'year-date']));
    expect(reasons['Januar2025!!']).toEqual(expect.arrayContaining(['month-season', 'year-date']));
    expect(reasons['Sspdesk12345']).toContain('app-name');
    for (const p of ATTACKED) expect(assessPassphrase(p).blocklisted, p).toBe(true);
  });

  it('refuses them at vault.changePassphrase too, and keeps the old passphrase', async () => {
    const v = await createTestVault();
    open.push(v);
    for (const weak of ATTACKED) {
      const r = (await v.dispatch('vault.changePassphrase', { current: PASSPHRASE, next: weak, nextConfirm: weak })) as Result<unknown>;
      expect(r).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE', fields: { next: 'For let at gætte' } } });
    }
    await v.call('vault.lock', {});
    await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
  });

  it('refuses a passphrase built on the owner\'s own name', async () => {
    const v = await createTestVault({ create: false });
    open.push(v);
    const owner = { ...OWNER, name: 'Zenobia Qvortrup-Hallinger' };
    const r = (await v.dispatch('vault.create', { passphrase: 'ZenobiaQvortrup1', passphraseConfirm: 'ZenobiaQvortrup1', owner })) as Result<unknown>;
    expect(r).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE' } });
    // The same letters are strong for someone with another name: the owner's details count.
    expect(assessPassphrase('ZenobiaQvortrup1').acceptable).toBe(true);
  });

  it('offers generated passphrases of five Danish words that main accepts and that unlock the vault', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const g = generatePassphrase();
      expect(g.split(' ')).toHaveLength(GENERATED_WORDS);
      expect(new Set(g.split(' ')).size).toBe(GENERATED_WORDS);
      expect(assessPassphrase(g).acceptable).toBe(true);
      seen.add(g);
    }
    // Crypto-random draws from ~500 words: 200 draws of 5 never repeat a phrase.
    expect(seen.size).toBe(200);
    expect(GENERATOR_WORD_COUNT).toBeGreaterThanOrEqual(500);
    const g = generatePassphrase();
    const v = await createTestVault({ create: false });
    open.push(v);
    await v.call('vault.create', { passphrase: g, passphraseConfirm: g, owner: OWNER });
    await v.call('vault.lock', {});
    await v.call('vault.unlock', { method: 'passphrase', secret: g });
    const four = generatePassphrase(4);
    expect(four.split(' ')).toHaveLength(4);
  });
});
