/**
 * A young person with a row in every kind of data a handover moves (issue 21), made through the
 * real operations of a real vault: two cases (one closed), level, district and status history,
 * events (one with an effort), notes (one correcting another), a youth group, an Exit course, an
 * SSP+ plan with partners, life areas, actions and a review, a custody period with a release
 * meeting (participants, checklist, action items) and a follow-up, a ledergruppe decision with an
 * action, and an action added by hand. Only synthetic people.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { serviceCtx } from '../../src/main/core/service-context';
import { extractPersonPayload } from '../../src/main/handover/payload';
import { handoverTables } from '../../src/main/core/module';
import { modules } from '../../src/main/modules';
import type { Sqlite } from '../../src/main/core/connection';

export const SUBJECT = { firstName: 'Yasmin', lastName: 'Ørnebjerg', cpr: '150306-4127', birthDate: '2006-03-15' };
export const SECRET_NOTE = 'Fortroligt notat om familien Ørnebjerg';

type Row = { id: number };
const idOf = (v: TestVault, sql: string, ...args: unknown[]): number => (v.ctx.vault.current.sqlite.prepare(sql).get(...args) as Row).id;

/** v.call, but a refusal names its fields (to see which input a fixture step got wrong). */
async function call<T = unknown>(v: TestVault, name: string, input: unknown): Promise<T> {
  const r = await v.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as T;
}

export async function districtId(v: TestVault, name: string): Promise<number> {
  return idOf(v, `SELECT id FROM districts WHERE name = ?`, name);
}

/** Builds the subject in `v` (whose clock should be on or after 2025-10-01). Returns their ids. */
export async function buildSubject(v: TestVault, district = 'Amager Vest'): Promise<{ personId: number; caseIds: number[]; openCaseId: number }> {
  const d = await districtId(v, district);
  const first = await call<{ id: number; person: { id: number } }>(v, 'cases.open', {
    person: { firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, cpr: SUBJECT.cpr, sex: 'K', districtId: d, school: 'Testskolen', contacts: [{ name: 'Mor Ørnebjerg', relation: 'Mor', phone: '12345678' }] },
    level: 1,
    reason: 'Bekymring fra skolen',
    districtId: d,
    coordinator: 'K. Koordinator',
    openedOn: '2024-01-10',
  });
  const personId = first.person.id;
  await call(v, 'cases.addNote', { caseId: first.id, text: 'Første samtale med skolen.' });
  await call(v, 'cases.close', { caseId: first.id, closedOn: '2024-09-01', reason: 'concern-ended' });
  const open = await call<{ id: number }>(v, 'cases.open', { personId, level: 3, reason: 'Gentagne røverier', districtId: d, coordinator: 'K. Koordinator', openedOn: '2025-02-01' });
  const effort = idOf(v, `SELECT id FROM efforts ORDER BY id LIMIT 1`);
  await call(v, 'cases.addEvent', { caseId: open.id, kind: 'charge', occurredOn: '2025-02-10', offenceCategory: 'robbery', description: 'Sigtet for røveri' });
  await call(v, 'cases.addEvent', { caseId: open.id, kind: 'effort-started', occurredOn: '2025-02-20', effortId: effort });
  await call(v, 'cases.addNote', { caseId: open.id, text: SECRET_NOTE });
  const note = idOf(v, `SELECT id FROM case_notes WHERE case_id = ? ORDER BY id DESC LIMIT 1`, open.id);
  await call(v, 'cases.addNote', { caseId: open.id, text: 'Rettelse: samtalen var med moren.', correctsNoteId: note });
  await call(v, 'cases.changeLevel', { caseId: open.id, level: 4, changedOn: '2025-04-01', reason: 'Vold mod person' });
  const { id: groupId } = await call<{ id: number }>(v, 'youthGroups.save', { name: 'Gruppe Syd', active: true });
  await call(v, 'youthGroups.addCase', { groupId, caseId: open.id, addedOn: '2025-03-01' });
  await call(v, 'cases.exit.save', { personId, programme: 'kk-18-25', startOn: '2025-03-01', contactPerson: 'Exit-koordinator Bo', status: 'active' });
  const partners = (v.ctx.vault.current.sqlite.prepare(`SELECT id FROM sspplus_partners ORDER BY id LIMIT 2`).all() as Row[]).map((r) => r.id);
  await call(v, 'sspplus.start', { personId, startDate: '2025-03-01', coordinator: 'K. Koordinator', partnerIds: partners, consentDate: '2025-02-28', consentScope: 'Deling mellem SOF og jobcenter' });
  const planId = idOf(v, `SELECT id FROM sspplus_plans WHERE person_id = ?`, personId);
  await call(v, 'sspplus.saveArea', {
    planId,
    area: 'education',
    currentSituation: 'Ingen uddannelse',
    goal: 'Start på EUD',
    progressNotes: 'Har besøgt skolen',
    actions: [{ description: 'Møde med UU-vejleder', partnerId: partners[1], deadline: '2025-06-01', status: 'planned' }],
  });
  await call(v, 'sspplus.addReview', {
    planId,
    heldOn: '2025-06-01',
    kind: 'ad-hoc',
    trigger: 'new-charge',
    partnerIds: [partners[0]],
    participantsNote: 'Den unge og mentor',
    changes: 'Nyt mål for bolig',
    areas: [{ area: 'housing', status: 'setback', note: 'Mistet værelset', newGoal: 'Skaffe bolig' }],
  });
  const institution = idOf(v, `SELECT id FROM custody_institutions ORDER BY id LIMIT 1`);
  await call(v, 'releases.custody.create', { personId, institutionId: institution, type: 'varetaegt', imprisonedOn: '2025-04-05', releasedOn: '2025-06-20' });
  const custodyId = idOf(v, `SELECT id FROM custody_periods WHERE person_id = ?`, personId);
  await call(v, 'releases.meeting.save', {
    custodyId,
    kind: 'planning',
    heldOn: '2025-06-01',
    place: 'Vestre Fængsel',
    notes: 'Bolig er på plads.',
    participants: [{ name: 'Tilsynsførende Testesen', partner: 'kriminalforsorgen', organisation: 'KiF Hovedstaden' }],
    checklist: [{ item: 'housing', status: 'arranged', owner: 'SOF', deadline: '2025-06-15', note: 'Værelse på pensionat' }],
    actions: [{ description: 'Book første møde i jobcentret', owner: 'Jobcenter', deadline: '2025-07-01' }],
  });
  await call(v, 'releases.followup.record', { custodyId, months: 3, outcome: 'job', newCharge: false, recordedOn: '2025-09-22' });
  let forumId = (v.ctx.vault.current.sqlite.prepare(`SELECT id FROM forums WHERE kind = 'leader-group' ORDER BY id LIMIT 1`).get() as Row | undefined)?.id;
  if (forumId === undefined) {
    await call(v, 'forums.save', { name: 'SSP-ledergruppe Amager', kind: 'leader-group', districtIds: [d] });
    forumId = idOf(v, `SELECT id FROM forums WHERE name = 'SSP-ledergruppe Amager'`);
  }
  await call(v, 'meetings.create', { forumId, heldOn: '2025-05-15', location: 'Amager Medborgerhus', proposeAgenda: false });
  const meetingId = idOf(v, `SELECT id FROM meetings WHERE forum_id = ? AND held_on = '2025-05-15'`, forumId);
  await call(v, 'meetings.saveAgenda', { meetingId, items: [{ kind: 'case', caseId: open.id }] });
  await call(v, 'meetings.decide', { meetingId, caseId: open.id, actions: [{ description: 'Kontakt til familien', partner: 'sof', deadline: '2025-06-01' }], nextReviewOn: '2025-11-15', note: 'Drøftet i ledergruppen.' });
  await call(v, 'actions.add', { caseId: open.id, description: 'Ring til skolen', partner: 'buf', deadline: '2025-11-10' });
  return { personId, caseIds: [first.id, open.id], openCaseId: open.id };
}

/**
 * A handover payload of the subject of handover-fixture.ts (every kind of row), written to a file
 * for the receive path, with its row count per table that is copied (not matched) at the recipient.
 */
export async function handoverPayloadFile(root: string): Promise<{ payloadFile: string; payloadCounts: Record<string, number> }> {
  const t = await createTestVault({ dir: join(root, 'handover-sender', 'vault'), now: () => new Date('2025-10-15T10:00:00Z') });
  const { personId } = await buildSubject(t);
  const payload = extractPersonPayload(serviceCtx(t.ctx), personId);
  t.cleanup();
  const copied = new Set(handoverTables(modules).filter((x) => !x.reference).map((x) => x.table));
  const payloadCounts = Object.fromEntries(Object.entries(payload.tables).filter(([name]) => copied.has(name)).map(([name, rows]) => [name, rows.length]));
  const payloadFile = join(root, 'handover-payload.json');
  writeFileSync(payloadFile, JSON.stringify(payload));
  return { payloadFile, payloadCounts };
}

/** Nothing half-received: a vault that only ever received handovers holds exactly `n` whole people. */
export function expectWholePeople(s: Sqlite, n: number, counts: Record<string, number>): void {
  for (const [table, perPerson] of Object.entries(counts)) expect([table, s.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]).toEqual([table, n * perPerson]);
  expect(s.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'handover' AND action = 'receive'`).pluck().get()).toBe(n);
  expect(s.prepare(`SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM handover_imports i WHERE i.person_id = p.id)`).pluck().get()).toBe(0);
}
