import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createTestVault, PASSPHRASE, type TestVault } from './helpers';

/**
 * The small files beside the vault folder (lock holder, deletion ledger, throttle count and key)
 * are written to `<file>.tmp-<hex>` and renamed. A power cut before the rename leaves the temporary
 * file (found by the LazyFS harness: cut 268, retention, `vault.deletions.tmp-d81ba69e`). Start-up
 * recovery removes those, and only those: the companions themselves and other files stay.
 */
let v: TestVault;
afterEach(() => v?.cleanup());

describe('start-up recovery: unfinished companion files beside the vault', () => {
  it('removes <vault>.{lock-holder,deletions,throttle,throttle-key}.tmp-<hex>, keeps everything else', async () => {
    v = await createTestVault();
    await v.call('cases.open', { person: { firstName: 'Rest', lastName: 'Filsen', birthDate: '2011-02-02' }, level: 1, reason: 'r', openedOn: '2026-11-01' });
    v.ctx.vault.lock();
    const parent = dirname(v.dir);
    const base = basename(v.dir);
    const leftovers = ['lock-holder', 'deletions', 'throttle', 'throttle-key'].map((k) => `${base}.${k}.tmp-0a1b2c3d`);
    const kept = [`${base}.deletions.tmp-notes.txt`, `${base}.deletions.tmp-`, `other.deletions.tmp-0a1b2c3d`];
    for (const n of [...leftovers, ...kept]) writeFileSync(join(parent, n), 'x');
    const ledgerBefore = existsSync(join(parent, `${base}.deletions`));

    const r = await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE }).catch((e: Error) => ({ error: e.message }));
    expect(r).not.toHaveProperty('error');
    const names = readdirSync(parent);
    for (const n of leftovers) expect(names, n).not.toContain(n);
    for (const n of kept) expect(names, n).toContain(n);
    expect(existsSync(join(parent, `${base}.deletions`))).toBe(ledgerBefore);
    expect(v.ctx.vault.state()).toBe('unlocked');
  });
});
