import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { Person } from '../../src/shared/cases/contract';

/** Issue 19: the programme's rules where the first version disagreed with itself or the programme. */
const NOW = new Date('2026-12-03T10:00:00Z');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

describe('CPR as people type it', () => {
  it.each(['211062 5629', '211062\u20135629', '211062 \u2013 5629'])('people.create takes %j and stores 211062-5629', async (typed) => {
    const p = await v.call<Person>('people.create', { firstName: 'Bent', lastName: 'Bindestreg', cpr: typed });
    const { cpr } = await v.call<{ cpr: string }>('people.revealCpr', { personId: p.id });
    expect(cpr).toBe('211062-5629');
    expect(p.birthDate).toBe('1862-10-21');
  });

  it('the live check refuses a birth date in the future, as saving does', async () => {
    const check = await v.call<{ ok: boolean; message?: string }>('people.checkCpr', { cpr: '010150-5001' });
    expect(check.ok).toBe(false);
    expect(check.message).toContain('fremtiden');
    const saved = await v.dispatch('people.create', { firstName: 'Frida', lastName: 'Fremtid', cpr: '010150-5001' });
    expect(saved.ok).toBe(false);
  });
});
