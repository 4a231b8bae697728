import { describe, it, expect, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { Result } from '../../src/shared/contract';

const open: TestVault[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});

/** Synthetic: 21 January 2008; by hand 2·4+1·3+0·2+1·7+0·6+8·5+4·4+1·3+1·2+9·1 = 88 = 8·11, odd last digit: M. */
const SECRET_CPR = '210108-4119';

describe('people.checkCpr is no oracle (issue 15)', () => {
  it('enumerating all 10,000 endings of a masked number learns nothing: every answer equals the answer of an empty vault', async () => {
    const withPerson = await createTestVault();
    const empty = await createTestVault();
    open.push(withPerson, empty);
    const p = await withPerson.call<{ id: number; cpr: string }>('people.create', { firstName: 'Mira', lastName: 'Skovbjerg', cpr: SECRET_CPR });
    expect(p.cpr).toBe('210108-xxxx');
    // Another person, so "not me" (personId) is tried too: the old contract took it.
    const other = await withPerson.call<{ id: number }>('people.create', { firstName: 'Aske', lastName: 'Holmgaard', birthDate: '2008-03-03' });

    let differing = 0;
    let okAnswers = 0;
    for (let n = 0; n < 10_000; n++) {
      const cpr = `210108-${String(n).padStart(4, '0')}`;
      const a = (await withPerson.dispatch('people.checkCpr', { cpr })) as Result<unknown>;
      const b = (await empty.dispatch('people.checkCpr', { cpr })) as Result<unknown>;
      expect(a.ok).toBe(true);
      if (JSON.stringify(a) !== JSON.stringify(b)) differing += 1;
      if (a.ok && (a.value as { ok: boolean }).ok) okAnswers += 1;
    }
    expect(differing).toBe(0);
    // All 10,000 parse (a 2008 birth date takes any 4-digit ending): the answers are about format only.
    expect(okAnswers).toBe(10_000);
    // The old input (personId) is refused at the boundary, not quietly used.
    const old = (await withPerson.dispatch('people.checkCpr', { cpr: SECRET_CPR, personId: other.id })) as Result<unknown>;
    expect(old).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }, 120_000);

  it('keeps the live feedback: date, sex and the modulus-11 warning, and a Danish reason for a bad number', async () => {
    const v = await createTestVault();
    open.push(v);
    expect(await v.call('people.checkCpr', { cpr: SECRET_CPR })).toEqual({ ok: true, warnings: [], birthDate: '2008-01-21', sex: 'M' });
    const mod = await v.call<{ ok: boolean; warnings: string[] }>('people.checkCpr', { cpr: '210108-4118' });
    expect(mod.ok).toBe(true);
    expect(mod.warnings).toHaveLength(1);
    const bad = await v.call<{ ok: boolean; message: string }>('people.checkCpr', { cpr: '320108-4119' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/[æøåa-z]/);
  });

  it('uniqueness is enforced at create and update, and each refused clash is audited', async () => {
    const v = await createTestVault();
    open.push(v);
    await v.call('people.create', { firstName: 'Mira', lastName: 'Skovbjerg', cpr: SECRET_CPR });
    const second = await v.call<{ id: number }>('people.create', { firstName: 'Aske', lastName: 'Holmgaard', birthDate: '2008-01-21' });
    const refusals = () =>
      (v.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'refuse' AND entity = 'person' AND detail = 'cpr-conflict'`).get() as { n: number }).n;
    expect(refusals()).toBe(0);
    const dup = await v.dispatch('people.create', { firstName: 'Anden', lastName: 'Person', cpr: '2101084119' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { cpr: 'Findes allerede på en anden person' } } });
    const upd = await v.dispatch('people.update', { personId: second.id, person: { firstName: 'Aske', lastName: 'Holmgaard', cpr: SECRET_CPR } });
    expect(upd).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refusals()).toBe(2);
  });
});
