/**
 * Issue 21 at the sender: a handed-over person is read-only ("overdraget – afventer kvittering")
 * until the receipt; refused makes them editable again; accepted removes the personal data as
 * retention does (or keeps it read-only when asked). Audited with bundle id and fingerprint only.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createTestVault, PASSPHRASE, type TestVault } from './helpers';
import { buildSubject, SUBJECT, SECRET_NOTE } from './handover-fixture';
import { serviceCtx } from '../../src/main/core/service-context';
import { markHandedOver, settleHandover } from '../../src/main/handover/payload';

const NOW = new Date('2025-10-15T10:00:00Z');
let v: TestVault;
afterEach(() => v?.cleanup());
const MARK = { bundleId: 'bundle-0002-abcdef', recipientFingerprint: 'FE98 DC76 BA54 3210', handoverDate: '2025-10-15' };

async function handedOver() {
  v = await createTestVault({ now: () => NOW });
  const subject = await buildSubject(v);
  markHandedOver(serviceCtx(v.ctx), subject.personId, MARK);
  return subject;
}

describe('handover at the sender', () => {
  it('refuses writes while awaiting the receipt, and a refused handover makes the case editable again', async () => {
    const subject = await handedOver();
    const r = await v.dispatch('cases.addNote', { caseId: subject.openCaseId, text: 'Ny note' });
    expect(r).toMatchObject({ ok: false, error: { code: 'HANDED_OVER' } });
    expect(!r.ok && r.error.message).toMatch(/overdraget.*afventer kvittering/);
    // Reading still works.
    expect(await v.call<{ id: number }>('cases.get', { caseId: subject.openCaseId })).toMatchObject({ id: subject.openCaseId });
    expect(() => markHandedOver(serviceCtx(v.ctx), subject.personId, { ...MARK, bundleId: 'bundle-0003-abcdef' })).toThrow(/allerede overdraget/);
    const settled = settleHandover(serviceCtx(v.ctx), MARK.bundleId, 'refused');
    expect(settled).toMatchObject({ state: 'refused', removed: false });
    await v.call('cases.addNote', { caseId: subject.openCaseId, text: 'Ny note efter afvisning' });
    expect(() => settleHandover(serviceCtx(v.ctx), MARK.bundleId, 'accepted')).toThrow(/allerede behandlet/);
  });

  it('accepted: the personal data leaves the vault as retention removes it; the stub stays', async () => {
    const subject = await handedOver();
    const settled = settleHandover(serviceCtx(v.ctx), MARK.bundleId, 'accepted');
    expect(settled).toMatchObject({ state: 'accepted', removed: true, personId: subject.personId });
    const sqlite = v.ctx.vault.current.sqlite;
    expect(sqlite.prepare(`SELECT first_name, last_name, cpr, birth_date, anonymised_at IS NOT NULL AS gone FROM people WHERE id = ?`).get(subject.personId)).toEqual({
      first_name: '', last_name: '', cpr: null, birth_date: '2006-01-01', gone: 1,
    });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM case_notes WHERE case_id IN (SELECT id FROM cases WHERE person_id = ?)`).get(subject.personId)).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM handover_unlock`).get()).toEqual({ n: 0 });
    const dump = JSON.stringify(sqlite.prepare(`SELECT * FROM people`).all()) + JSON.stringify(sqlite.prepare(`SELECT * FROM case_notes`).all());
    expect(dump.includes(SUBJECT.cpr) || dump.includes(SUBJECT.lastName) || dump.includes(SECRET_NOTE)).toBe(false);
    // Still read-only: the stub is no longer this vault's to change.
    expect(await v.dispatch('cases.addNote', { caseId: subject.openCaseId, text: 'x' })).toMatchObject({ ok: false, error: { code: 'HANDED_OVER' } });
    const trail = sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'handover' ORDER BY id`).all();
    expect(trail).toEqual([
      { action: 'send', detail: `bundle:${MARK.bundleId};to:${MARK.recipientFingerprint.replace(/ /g, '')};cases:2` },
      { action: 'accept', detail: `bundle:${MARK.bundleId};cases:2` },
      { action: 'remove', detail: `bundle:${MARK.bundleId};cases:2;people:1` },
    ]);
  });

  it('accepted but kept: read-only for good, nothing removed', async () => {
    const subject = await handedOver();
    expect(settleHandover(serviceCtx(v.ctx), MARK.bundleId, 'accepted', { keepReadOnly: true })).toMatchObject({ state: 'kept', removed: false });
    const sqlite = v.ctx.vault.current.sqlite;
    expect(sqlite.prepare(`SELECT cpr FROM people WHERE id = ?`).get(subject.personId)).toEqual({ cpr: SUBJECT.cpr });
    expect(await v.dispatch('cases.changeLevel', { caseId: subject.openCaseId, level: 2, changedOn: '2025-10-15', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'HANDED_OVER' } });
  });
});

describe('handover and the rest of the sender’s vault', () => {
  it('retention does not offer a handed-over person’s closed case (it would be refused), and offers it again after a refusal', async () => {
    v = await createTestVault({ now: () => new Date('2027-06-01T10:00:00Z') });
    const subject = await buildSubject(v);
    // The first case closed 2024-09-01: due after 24 months.
    const due = async () => (await v.call<{ cases: { caseId: number }[] }>('retention.due', {})).cases.map((c) => c.caseId);
    expect(await due()).toEqual([subject.caseIds[0]]);
    markHandedOver(serviceCtx(v.ctx), subject.personId, MARK);
    expect(await due()).toEqual([]);
    expect(await v.dispatch('retention.apply', { caseIds: [subject.caseIds[0]], confirm: true })).toMatchObject({ ok: false, error: { code: 'HANDED_OVER' } });
    settleHandover(serviceCtx(v.ctx), MARK.bundleId, 'refused');
    expect(await due()).toEqual([subject.caseIds[0]]);
  });

  it('a backup taken while awaiting the receipt, restored after "accepted": the removal is applied again', async () => {
    const subject = await handedOver();
    const backup = await v.call<{ fileName: string }>('backup.create', {});
    settleHandover(serviceCtx(v.ctx), MARK.bundleId, 'accepted');
    const restored = await v.dispatch('backup.restore', { fileName: backup.fileName, method: 'passphrase', secret: PASSPHRASE });
    expect(restored).toMatchObject({ ok: true });
    const sqlite = v.ctx.vault.current.sqlite;
    expect(sqlite.prepare(`SELECT first_name AS f, cpr, anonymised_at IS NOT NULL AS gone FROM people WHERE id = ?`).get(subject.personId)).toEqual({ f: '', cpr: null, gone: 1 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM case_notes WHERE case_id IN (SELECT id FROM cases WHERE person_id = ?)`).get(subject.personId)).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM handover_unlock`).get()).toEqual({ n: 0 });
  });
});
