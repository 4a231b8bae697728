import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { throttleFiles, TAMPER_FAILURES } from '../../src/main/vault/throttle';
import { createTestVault, PASSPHRASE, type TestVault } from './helpers';
import type { Result } from '../../src/shared/contract';

const open: TestVault[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});

const T0 = new Date('2026-11-23T10:00:00Z').getTime();
const codeOf = (r: unknown) => ((r as Result<unknown>).ok ? 'OK' : (r as { error: { code: string } }).error.code);

async function lockedVault(clock: { now: number }) {
  const v = await createTestVault({ now: () => new Date(clock.now) });
  open.push(v);
  await v.call('vault.lock', {});
  return v;
}

describe('throttle of secret checks (issue 15)', () => {
  it('survives a restart: the misses are counted in a file beside the vault, and a new process waits', async () => {
    const clock = { now: T0 };
    const v = await lockedVault(clock);
    for (let i = 0; i < 3; i++) expect(codeOf(await v.dispatch('vault.unlock', { method: 'passphrase', secret: `forkert-${i}-xxxxxxx` }))).toBe('WRONG_PASSPHRASE');
    expect(existsSync(throttleFiles(v.dir).state)).toBe(true);
    // A new app context on the same folder is a restart: nothing of the first one is kept in memory.
    const ctx = createAppContext({ vaultDir: v.dir, kdf: TEST_KDF, now: () => new Date(clock.now) });
    const dispatch = createDispatcher(ctx);
    expect(await dispatch('vault.status', {})).toEqual({ ok: true, value: { state: 'locked', retryAfterSeconds: 1 } });
    expect(codeOf(await dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE }))).toBe('THROTTLED');
    clock.now += 1000;
    expect(codeOf(await dispatch('vault.unlock', { method: 'passphrase', secret: 'forkert-igen-xxxxxxx' }))).toBe('WRONG_PASSPHRASE');
    expect(ctx.vault.retryAfterSeconds()).toBe(2);
    clock.now += 2000;
    expect(codeOf(await dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE }))).toBe('OK');
    // A success clears the count, for every process.
    expect(v.ctx.vault.retryAfterSeconds()).toBe(0);
    ctx.vault.lock();
  });

  it('checks 20 attempts sent at once one at a time: three misses, then the other 17 wait without a derivation', async () => {
    const clock = { now: T0 };
    const v = await lockedVault(clock);
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => v.dispatch('vault.unlock', { method: 'passphrase', secret: `parallel-${i}-xxxxxxx` })));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'WRONG_PASSPHRASE')).toHaveLength(3);
    expect(codes.filter((c) => c === 'THROTTLED')).toHaveLength(17);
    // The first three in order of arrival were checked; the rest were refused.
    expect(codes.slice(0, 3)).toEqual(['WRONG_PASSPHRASE', 'WRONG_PASSPHRASE', 'WRONG_PASSPHRASE']);
    expect(Date.now() - started).toBeLessThan(30_000);
    // The right passphrase sent with 19 wrong ones first waits too.
    clock.now += 1000;
    const mixed = await Promise.all([
      ...Array.from({ length: 19 }, (_, i) => v.dispatch('vault.unlock', { method: 'passphrase', secret: `mixed-${i}-xxxxxxx` })),
      v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE }),
    ]);
    expect(mixed.map(codeOf).filter((c) => c === 'WRONG_PASSPHRASE')).toHaveLength(1);
    expect(codeOf(mixed[19])).toBe('THROTTLED');
  });

  it('counts wrong recovery keys, wrong current passphrases and wrong backup secrets in the same counter', async () => {
    const clock = { now: T0 };
    const v = await createTestVault({ now: () => new Date(clock.now) });
    open.push(v);
    const b = await v.call<{ fileName: string }>('backup.create', {});
    const next = 'ny-og-bedre-Valby-sætning-77';
    expect(codeOf(await v.dispatch('vault.changePassphrase', { current: 'ikke-den-rigtige-1234', next, nextConfirm: next }))).toBe('WRONG_PASSPHRASE');
    expect(codeOf(await v.dispatch('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: 'ikke-den-rigtige-1234' }))).toBe('WRONG_PASSPHRASE');
    expect(codeOf(await v.dispatch('vault.unlock', { method: 'recovery', secret: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }))).toBe('WRONG_PASSPHRASE');
    // Three misses of three kinds: every kind of check now waits, even with the right secret.
    expect(codeOf(await v.dispatch('vault.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next }))).toBe('THROTTLED');
    expect(codeOf(await v.dispatch('backup.restore', { fileName: b.fileName, method: 'passphrase', secret: PASSPHRASE }))).toBe('THROTTLED');
    await v.call('vault.lock', {});
    expect(codeOf(await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE }))).toBe('THROTTLED');
    clock.now += 1000;
    expect(codeOf(await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE }))).toBe('OK');
    expect(codeOf(await v.dispatch('vault.changePassphrase', { current: PASSPHRASE, next, nextConfirm: next }))).toBe('OK');
  });

  it('an edited counter file counts as many misses (tamper-evident), and is logged', async () => {
    const clock = { now: T0 };
    const v = await lockedVault(clock);
    for (let i = 0; i < 3; i++) await v.dispatch('vault.unlock', { method: 'passphrase', secret: `forkert-${i}-xxxxxxx` });
    const file = throttleFiles(v.dir).state;
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text).failures).toBe(3);
    writeFileSync(file, text.replace('"failures":3', '"failures":0'));
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (event: string) => warnings.push(event), error: () => {} };
    const ctx = createAppContext({ vaultDir: v.dir, kdf: TEST_KDF, now: () => new Date(clock.now), log: log as never });
    expect(ctx.vault.retryAfterSeconds()).toBe(300);
    expect(JSON.parse(readFileSync(file, 'utf8')).failures).toBe(TAMPER_FAILURES);
    expect(warnings).toContain('vault.throttle_tampered');
  });
});
