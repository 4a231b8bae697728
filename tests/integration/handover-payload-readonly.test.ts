/**
 * Issue 21 item 2: a handed-over person is read-only in every write path. The test walks the whole
 * contract (a new operation is covered without touching this file): each operation runs once, with
 * its example input pointed at the subject's rows, on a fresh copy of a vault where the subject is
 * not handed over (the control) and on a fresh copy where they are. Whatever changes a row about
 * the subject in the control must be refused with HANDED_OVER in the handed-over copy; and no
 * operation may change a row about them there.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createTestVault, tempDir, PASSPHRASE, type TestVault } from './helpers';
import { buildSubject } from './handover-fixture';
import { contractExamples } from '../fixtures/contract-examples';
import { operationNames } from '../../src/shared/contract';
import { serviceCtx } from '../../src/main/core/service-context';
import { extractPersonPayload, markHandedOver } from '../../src/main/handover/payload';
import type { Sqlite } from '../../src/main/core/connection';
import { handoverTables } from '../../src/main/core/module';
import { modules } from '../../src/main/modules';

// After the fixture's dates and the contract examples' (2026), so their dates are not in the future.
const NOW = new Date('2026-11-23T10:00:00Z');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Ids { personId: number; caseId: number; closedCaseId: number; planId: number; custodyId: number; releaseMeetingId: number; meetingId: number; noteId: number; groupId: number; exitId: number; meetingActionId: number; caseActionId: number; reviewId: number }

function idsOf(sqlite: Sqlite, personId: number, openCaseId: number, closedCaseId: number): Ids {
  const one = (sql: string) => (sqlite.prepare(sql).get(personId) as { id: number }).id;
  return {
    personId,
    caseId: openCaseId,
    closedCaseId,
    planId: one(`SELECT id FROM sspplus_plans WHERE person_id = ?`),
    custodyId: one(`SELECT id FROM custody_periods WHERE person_id = ?`),
    releaseMeetingId: one(`SELECT m.id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE c.person_id = ?`),
    meetingId: one(`SELECT d.meeting_id AS id FROM meeting_decisions d JOIN cases c ON c.id = d.case_id WHERE c.person_id = ?`),
    noteId: one(`SELECT n.id FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.person_id = ? ORDER BY n.id DESC`),
    groupId: one(`SELECT m.group_id AS id FROM youth_group_members m JOIN cases c ON c.id = m.case_id WHERE c.person_id = ?`),
    exitId: one(`SELECT id FROM exit_courses WHERE person_id = ?`),
    meetingActionId: one(`SELECT a.id FROM meeting_actions a JOIN cases c ON c.id = a.case_id WHERE c.person_id = ?`),
    caseActionId: one(`SELECT a.id FROM case_actions a JOIN cases c ON c.id = a.case_id WHERE c.person_id = ?`),
    reviewId: one(`SELECT r.id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE p.person_id = ?`),
  };
}

/** The example input with every id pointed at the subject's rows (by key name and operation). */
function aimed(op: string, input: unknown, ids: Ids): unknown {
  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) return key === 'caseIds' ? [ids.closedCaseId] : v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v !== 'number') return v;
    switch (key) {
      case 'caseId': return ids.caseId;
      case 'personId': return ids.personId;
      case 'planId': return ids.planId;
      case 'custodyId': return ids.custodyId;
      case 'meetingId': return op.startsWith('releases.') ? ids.releaseMeetingId : ids.meetingId;
      case 'correctsNoteId': return ids.noteId;
      case 'groupId': return ids.groupId;
      case 'reviewId': return ids.reviewId;
      case 'id':
        if (op.startsWith('cases.exit.')) return ids.exitId;
        if (op === 'actions.setStatus') return ids.meetingActionId;
        return v;
      default: return v;
    }
  };
  return walk(input, '');
}

/**
 * Every row about the subject: the payload's tables, without the reference data (districts,
 * efforts, forums, meetings: shared with other people) and the audit trail (not theirs to lock).
 */
const referenceTables = new Set(handoverTables(modules).filter((t) => t.reference).map((t) => t.table));
const snapshot = (v: TestVault, personId: number) =>
  JSON.stringify(Object.entries(extractPersonPayload(serviceCtx(v.ctx), personId).tables).filter(([name]) => !referenceTables.has(name)));

async function copyOf(template: string): Promise<TestVault> {
  const dir = join(tempDir(), 'vault');
  dirs.push(dir);
  cpSync(template, dir, { recursive: true });
  const v = await createTestVault({ dir, create: false, now: () => NOW });
  await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
  return v;
}

async function afterOp(v: TestVault): Promise<void> {
  if (v.ctx.vault.state() !== 'unlocked') await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
}

describe('a handed-over person is read-only in every write path', () => {
  it('walks every operation of the contract', { timeout: 300_000 }, async () => {
    const t = await createTestVault({ now: () => NOW });
    const subject = await buildSubject(t);
    const ids = idsOf(t.ctx.vault.current.sqlite, subject.personId, subject.openCaseId, subject.caseIds[0]!);
    t.ctx.vault.lock();
    const control = t.dir;
    dirs.push(control);
    const h = await copyOf(control);
    markHandedOver(serviceCtx(h.ctx), subject.personId, { bundleId: 'bundle-walk-0001', recipientFingerprint: 'AAAA BBBB', handoverDate: '2025-10-15' });
    h.ctx.vault.lock();
    const handed = h.dir;

    const writes: string[] = [];
    const leaks: string[] = [];
    for (const op of operationNames) {
      const example = contractExamples[op];
      expect(example, `an example for ${op}`).toBeDefined();
      // Pointed at the open case first; when that changes nothing (a rule refuses it), at the closed one.
      let input = aimed(op, example!.input, ids);
      let changedInControl = false;
      for (const variant of [ids, { ...ids, caseId: ids.closedCaseId }]) {
        input = aimed(op, example!.input, variant);
        const c = await copyOf(control);
        const before = snapshot(c, ids.personId);
        await c.dispatch(op, input);
        await afterOp(c);
        changedInControl = snapshot(c, ids.personId) !== before;
        c.ctx.vault.lock();
        if (changedInControl) break;
      }

      const x = await copyOf(handed);
      const lockedBefore = snapshot(x, ids.personId);
      const r = await x.dispatch(op, input);
      await afterOp(x);
      if (snapshot(x, ids.personId) !== lockedBefore) leaks.push(op);
      if (changedInControl) {
        writes.push(op);
        expect([op, r.ok ? 'ok' : r.error.code]).toEqual([op, 'HANDED_OVER']);
        if (!r.ok) expect(r.error.message).toMatch(/overdraget.*afventer kvittering/);
      }
      x.ctx.vault.lock();
    }
    expect(leaks).toEqual([]);
    // The walk did reach the writes (a sanity floor, counted from the run: the domains' write operations on a case).
    console.log(`write operations that touch the subject: ${writes.length}: ${writes.join(', ')}`);
    expect(writes.length).toBeGreaterThanOrEqual(20);
  });
});
