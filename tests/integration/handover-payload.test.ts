/**
 * Issue 21, what moves: one young person extracted from a real encrypted vault as a plain JSON
 * payload and imported into a second real vault, compared row by row by content; idempotent by
 * bundle id; person matches offered and honoured; the whole payload validated.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { buildSubject, SUBJECT, SECRET_NOTE } from './handover-fixture';
import { seedDemoData } from '../../src/main/demo-data';
import { serviceCtx } from '../../src/main/core/service-context';
import { handoverTables } from '../../src/main/core/module';
import { modules } from '../../src/main/modules';
import { extractPersonPayload, importPersonPayload, previewPayload, currentSchemaVersion, type HandoverPayload } from '../../src/main/handover/payload';
import type { Sqlite } from '../../src/main/core/connection';

const NOW = new Date('2025-10-15T10:00:00Z');
const vaults: TestVault[] = [];
afterEach(() => {
  while (vaults.length) vaults.pop()!.cleanup();
});
async function vault(): Promise<TestVault> {
  const v = await createTestVault({ now: () => NOW });
  vaults.push(v);
  return v;
}
const sqliteOf = (v: TestVault): Sqlite => v.ctx.vault.current.sqlite;
const ctxOf = (v: TestVault) => serviceCtx(v.ctx);
const OPTS = { bundleId: 'bundle-0001-abcdef', senderFingerprint: 'AB12 CD34 EF56 7890' };

/** Every row of every table, counted: to prove that nothing was written. */
function rowCounts(sqlite: Sqlite): Record<string, number> {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/**
 * The person's rows by content, written independently of the import: hand-written SQL per kind,
 * every id replaced by what it points at (a case by its opening day, a plan by its start, a
 * district by its code, a partner by its name ...).
 */
function contentOf(sqlite: Sqlite, personId: number): Record<string, unknown[]> {
  const all = (sql: string) => sqlite.prepare(sql).all({ p: personId });
  const CASES = `SELECT id FROM cases WHERE person_id = @p`;
  return {
    person: all(`SELECT first_name, last_name, search_name, sort_name, cpr, birth_date, sex, sex_from_cpr, school, (SELECT code FROM districts WHERE id = people.district_id) AS district FROM people WHERE id = @p`),
    contacts: all(`SELECT name, relation, phone FROM contacts WHERE person_id = @p ORDER BY name`),
    cases: all(`SELECT case_number, external_ref, coordinator, forum, level, status, opened_on, next_review_on, closed_on, closing_reason, created_at FROM cases WHERE person_id = @p ORDER BY opened_on`),
    levels: all(`SELECT c.opened_on AS c, l.changed_on, l.level, l.reason, l.forum, l.actor, (SELECT held_on FROM meetings WHERE id = l.meeting_id) AS meeting FROM case_level_changes l JOIN cases c ON c.id = l.case_id WHERE c.person_id = @p ORDER BY l.changed_on, l.level`),
    statuses: all(`SELECT c.opened_on AS c, s.kind, s.changed_on, s.closing_reason, s.actor FROM case_status_changes s JOIN cases c ON c.id = s.case_id WHERE c.person_id = @p ORDER BY s.changed_on, s.kind`),
    events: all(`SELECT c.opened_on AS c, e.kind, e.occurred_on, e.offence_category, (SELECT name FROM efforts WHERE id = e.effort_id) AS effort, e.description, e.actor FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.person_id = @p ORDER BY e.occurred_on, e.kind`),
    notes: all(`SELECT c.opened_on AS c, n.author, n.written_at, n.text, (SELECT text FROM case_notes o WHERE o.id = n.corrects_note_id) AS corrects FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.person_id = @p ORDER BY n.written_at, n.text`),
    exit: all(`SELECT programme, start_on, end_on, contact_person, status FROM exit_courses WHERE person_id = @p ORDER BY start_on`),
    groups: all(`SELECT g.name, m.added_on FROM youth_group_members m JOIN youth_groups g ON g.id = m.group_id WHERE m.case_id IN (${CASES}) ORDER BY g.name`),
    plans: all(`SELECT (SELECT opened_on FROM cases WHERE id = pl.case_id) AS c, status, start_date, coordinator, review_interval_months, consent_date, consent_scope, end_date, end_reason, end_note FROM sspplus_plans pl WHERE person_id = @p`),
    planPartners: all(`SELECT pa.name FROM sspplus_plan_partners x JOIN sspplus_partners pa ON pa.id = x.partner_id JOIN sspplus_plans pl ON pl.id = x.plan_id WHERE pl.person_id = @p ORDER BY pa.name`),
    areas: all(`SELECT a.area, a.current_situation, a.goal, a.progress_notes FROM sspplus_areas a JOIN sspplus_plans pl ON pl.id = a.plan_id WHERE pl.person_id = @p ORDER BY a.area`),
    planActions: all(`SELECT a.area, a.description, (SELECT name FROM sspplus_partners WHERE id = a.partner_id) AS partner, a.deadline, a.status FROM sspplus_actions a JOIN sspplus_plans pl ON pl.id = a.plan_id WHERE pl.person_id = @p ORDER BY a.description`),
    reviews: all(`SELECT r.held_on, r.kind, r.trigger, r.participants_note, r.changes, r.actor,
        (SELECT group_concat(pa.name) FROM sspplus_review_partners x JOIN sspplus_partners pa ON pa.id = x.partner_id WHERE x.review_id = r.id) AS partners,
        (SELECT group_concat(ra.area || ':' || ra.status || ':' || ra.note) FROM sspplus_review_areas ra WHERE ra.review_id = r.id) AS areas
      FROM sspplus_reviews r JOIN sspplus_plans pl ON pl.id = r.plan_id WHERE pl.person_id = @p ORDER BY r.held_on`),
    planFollowUps: all(`SELECT f.months, f.due_on, f.outcome, f.recorded_on FROM sspplus_follow_ups f JOIN sspplus_plans pl ON pl.id = f.plan_id WHERE pl.person_id = @p ORDER BY f.months`),
    custody: all(`SELECT (SELECT name FROM custody_institutions WHERE id = cp.institution_id) AS institution, type, imprisoned_on, expected_release_on, parole_on, released_on, handleplan_on, municipality_contacted_on, parole_decision_on FROM custody_periods cp WHERE person_id = @p`),
    releaseMeetings: all(`SELECT m.kind, m.held_on, m.place, m.notes,
        (SELECT group_concat(x.name || '/' || x.partner || '/' || IFNULL(x.organisation, '')) FROM release_meeting_participants x WHERE x.meeting_id = m.id) AS participants,
        (SELECT group_concat(x.item || '/' || x.status || '/' || IFNULL(x.owner, '') || '/' || IFNULL(x.note, '')) FROM release_checklist_items x WHERE x.meeting_id = m.id) AS checklist,
        (SELECT group_concat(x.description || '/' || x.owner || '/' || IFNULL(x.deadline, '') || '/' || x.status) FROM release_action_items x WHERE x.meeting_id = m.id) AS actions
      FROM release_meetings m JOIN custody_periods cp ON cp.id = m.custody_id WHERE cp.person_id = @p`),
    releaseFollowUps: all(`SELECT f.months, f.due_on, f.outcome, f.new_charge, f.recorded_on FROM release_followups f JOIN custody_periods cp ON cp.id = f.custody_id WHERE cp.person_id = @p`),
    agenda: all(`SELECT (SELECT held_on FROM meetings WHERE id = a.meeting_id) AS meeting, a.kind, a.reasons FROM meeting_agenda_items a WHERE a.case_id IN (${CASES})`),
    decisions: all(`SELECT (SELECT f.name || '@' || m.held_on FROM meetings m JOIN forums f ON f.id = m.forum_id WHERE m.id = d.meeting_id) AS meeting, d.level_before, d.level_after, d.level_reason, d.next_review_on, d.note,
        (SELECT text FROM case_notes WHERE id = d.note_id) AS journal, d.actor FROM meeting_decisions d WHERE d.case_id IN (${CASES})`),
    meetingActions: all(`SELECT description, partner, deadline, status, closed_on, drop_reason FROM meeting_actions WHERE case_id IN (${CASES})`),
    caseActions: all(`SELECT description, partner, deadline, status, closed_on, drop_reason, actor, created_at FROM case_actions WHERE case_id IN (${CASES})`),
  };
}

async function sender() {
  const a = await vault();
  // Other young people in the same vault: none of them may travel.
  seedDemoData(sqliteOf(a), { people: 25, seed: 11, today: '2025-10-01' });
  const subject = await buildSubject(a);
  return { a, subject };
}

describe('handover payload (two real vaults, plaintext payload)', () => {
  it('moves the person and every row about them, and nothing about anyone else', async () => {
    const { a, subject } = await sender();
    const payload = JSON.parse(JSON.stringify(extractPersonPayload(ctxOf(a), subject.personId))) as HandoverPayload;
    expect(payload.schemaVersion).toBe(currentSchemaVersion());
    expect(payload.caseIds.sort()).toEqual([...subject.caseIds].sort());
    // Every kind the issue lists is there (counts by hand from buildSubject).
    const n = (t: string) => payload.tables[t]?.length ?? 0;
    expect({
      people: n('people'), contacts: n('contacts'), cases: n('cases'), levels: n('case_level_changes'), statuses: n('case_status_changes'), events: n('case_events'), notes: n('case_notes'),
      exit: n('exit_courses'), groups: n('youth_group_members'), plans: n('sspplus_plans'), areas: n('sspplus_areas'), planActions: n('sspplus_actions'), reviews: n('sspplus_reviews'),
      custody: n('custody_periods'), releaseMeetings: n('release_meetings'), checklist: n('release_checklist_items'), releaseActions: n('release_action_items'), releaseFollowUps: n('release_followups'),
      decisions: n('meeting_decisions'), meetingActions: n('meeting_actions'), caseActions: n('case_actions'),
    }).toEqual({
      people: 1, contacts: 1, cases: 2, levels: 3, statuses: 3, events: 2, notes: 4 /* 3 written + the decision's journal note */,
      exit: 1, groups: 1, plans: 1, areas: 2 /* education + housing (the review's new goal) */, planActions: 1, reviews: 1,
      custody: 1, releaseMeetings: 1, checklist: 11 /* a meeting keeps all 11 checklist items */, releaseActions: 1, releaseFollowUps: 1,
      decisions: 1, meetingActions: 1, caseActions: 1,
    });
    expect(payload.audit.length).toBeGreaterThan(10);
    // No other person: no other CPR number or full name anywhere in the JSON, no row of another person.
    const text = JSON.stringify(payload);
    const others = sqliteOf(a).prepare(`SELECT first_name AS f, last_name AS l, cpr FROM people WHERE id <> ?`).all(subject.personId) as { f: string; l: string; cpr: string | null }[];
    expect(others.length).toBe(25);
    for (const o of others) {
      if (o.cpr) expect(text.includes(o.cpr)).toBe(false);
      expect(text.includes(`"first_name":"${o.f}","last_name":"${o.l}"`)).toBe(false);
    }
    const otherCases = new Set((sqliteOf(a).prepare(`SELECT id FROM cases WHERE person_id <> ?`).all(subject.personId) as { id: number }[]).map((r) => r.id));
    for (const e of payload.audit) for (const t of (e.detail ?? '').split(';')) if (t.startsWith('case:')) expect(otherCases.has(Number(t.slice(5)))).toBe(false);
    expect(payload.tables.meeting_attendees).toBeUndefined();

    const b = await vault();
    const preview = previewPayload(ctxOf(b), payload);
    expect(preview.person).toMatchObject({ firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, cpr: SUBJECT.cpr });
    expect(preview.matches).toEqual([]);
    expect(preview.counts.cases).toBe(2);
    const result = importPersonPayload(ctxOf(b), payload, { ...OPTS, districtId: null });
    expect(result.alreadyImported).toBe(false);
    expect(result.caseIds).toHaveLength(2);
    // Row by row, by content.
    const before = contentOf(sqliteOf(a), subject.personId);
    const after = contentOf(sqliteOf(b), result.personId);
    for (const k of Object.keys(before)) expect([k, after[k]]).toEqual([k, before[k]]);
    expect(before.notes!.some((r) => (r as { text: string }).text === SECRET_NOTE)).toBe(true);
    // The audit extract arrived with ids remapped to the new rows, and the receipt of the bundle is audited by id and fingerprint.
    const caseEntries = sqliteOf(b).prepare(`SELECT entity_id AS id FROM audit_log WHERE entity = 'case' AND detail LIKE '%via:handover'`).all() as { id: number }[];
    expect(caseEntries.length).toBeGreaterThan(0);
    for (const e of caseEntries) expect(result.caseIds).toContain(e.id);
    const receive = sqliteOf(b).prepare(`SELECT detail FROM audit_log WHERE action = 'receive' AND entity = 'handover'`).all() as { detail: string }[];
    expect(receive).toEqual([{ detail: `bundle:${OPTS.bundleId};from:${OPTS.senderFingerprint.replace(/ /g, '')};cases:2` }]);
  });

  it('the same bundle twice writes nothing the second time', async () => {
    const { a, subject } = await sender();
    const payload = extractPersonPayload(ctxOf(a), subject.personId);
    const b = await vault();
    const first = importPersonPayload(ctxOf(b), payload, OPTS);
    const counts = rowCounts(sqliteOf(b));
    const again = importPersonPayload(ctxOf(b), payload, OPTS);
    expect(again).toEqual({ ...first, alreadyImported: true });
    expect(rowCounts(sqliteOf(b))).toEqual(counts);
  });

  it('offers the person already here (same CPR, or same name and birth date) and links to them when asked', async () => {
    const { a, subject } = await sender();
    const payload = extractPersonPayload(ctxOf(a), subject.personId);
    // Same CPR: offered; importing as new is refused (one CPR, one person); linking works.
    const b = await vault();
    const here = await b.call<{ person: { id: number } }>('cases.open', { person: { firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, cpr: SUBJECT.cpr, sex: 'K' }, level: 1, reason: 'Bekymring', openedOn: '2023-01-05' });
    await b.call('cases.close', { caseId: (sqliteOf(b).prepare(`SELECT id FROM cases`).get() as { id: number }).id, closedOn: '2023-06-01', reason: 'concern-ended' });
    expect(previewPayload(ctxOf(b), payload).matches).toEqual([{ personId: here.person.id, firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, birthDate: SUBJECT.birthDate, matchedBy: 'cpr' }]);
    const counts = rowCounts(sqliteOf(b));
    expect(() => importPersonPayload(ctxOf(b), payload, OPTS)).toThrow(/samme CPR-nummer.*knytte/);
    expect(rowCounts(sqliteOf(b))).toEqual(counts);
    const linked = importPersonPayload(ctxOf(b), payload, { ...OPTS, linkToPersonId: here.person.id });
    expect(linked.personId).toBe(here.person.id);
    expect(sqliteOf(b).prepare(`SELECT count(*) AS n FROM people`).get()).toEqual({ n: 1 });
    expect(sqliteOf(b).prepare(`SELECT count(*) AS n FROM cases WHERE person_id = ?`).get(here.person.id)).toEqual({ n: 3 });
    // Same name and birth date, no CPR here: offered by name and birth date.
    const c = await vault();
    const twin = await c.call<{ person: { id: number } }>('cases.open', { person: { firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, birthDate: SUBJECT.birthDate, sex: 'K' }, level: 1, reason: 'Bekymring', openedOn: '2023-01-05' });
    expect(previewPayload(ctxOf(c), payload).matches).toEqual([{ personId: twin.person.id, firstName: SUBJECT.firstName, lastName: SUBJECT.lastName, birthDate: SUBJECT.birthDate, matchedBy: 'name-birth' }]);
    // Linking to someone with an open case while the payload has one too is refused with what to do.
    expect(() => importPersonPayload(ctxOf(c), payload, { ...OPTS, linkToPersonId: twin.person.id })).toThrow(/allerede en åben sag/);
  });

  it('validates the whole payload: a newer schema, a foreign table or column, a dangling reference are refused and nothing is written', async () => {
    const { a, subject } = await sender();
    const payload = extractPersonPayload(ctxOf(a), subject.personId);
    const b = await vault();
    const counts = rowCounts(sqliteOf(b));
    const bad = (change: (p: HandoverPayload) => void) => {
      const p = JSON.parse(JSON.stringify(payload)) as HandoverPayload;
      change(p);
      return p;
    };
    expect(() => importPersonPayload(ctxOf(b), bad((p) => (p.schemaVersion = '9999_from_the_future')), OPTS)).toThrow(/nyere version af SSP Desk.*Opdater/);
    expect(() => previewPayload(ctxOf(b), bad((p) => (p.schemaVersion = '9999_from_the_future')))).toThrow(/nyere version/);
    expect(() => importPersonPayload(ctxOf(b), bad((p) => (p.tables.vault_meta = [{ id: 1 }])), OPTS)).toThrow(/ikke en gyldig overdragelse/);
    expect(() => importPersonPayload(ctxOf(b), bad((p) => (p.tables.cases![0]!.evil_column = 1)), OPTS)).toThrow(/ikke en gyldig overdragelse/);
    expect(() => importPersonPayload(ctxOf(b), bad((p) => (p.tables.case_notes![0]!.case_id = 999_999)), OPTS)).toThrow(/ikke en gyldig overdragelse/);
    expect(() => importPersonPayload(ctxOf(b), bad((p) => (p.tables.people!.push({ ...p.tables.people![0]!, id: 999_998 }))), OPTS)).toThrow(/ikke en gyldig overdragelse/);
    expect(() => importPersonPayload(ctxOf(b), { ...payload, format: 'something-else' }, OPTS)).toThrow(/ikke en gyldig overdragelse/);
    expect(() => importPersonPayload(ctxOf(b), payload, { ...OPTS, bundleId: "x'; DROP TABLE cases; --" })).toThrow(/ikke gyldigt/);
    expect(rowCounts(sqliteOf(b))).toEqual(counts);
  });

  it('covers every table about a person: each table with a person, case, plan, custody or meeting column is in a handover part or named here', async () => {
    const a = await vault();
    const covered = new Set(handoverTables(modules).map((t) => t.table));
    // Not moved, on purpose: the sender's own bookkeeping of handovers, attendees (other people), forum setup.
    // handover_log: each vault's own record of its handovers (bundle ids, fingerprints), never sent.
    const notMoved = new Set(['case_handovers', 'handover_imports', 'handover_log', 'meeting_attendees', 'forum_districts', 'forum_members', 'report_assessments']);
    const tables = (sqliteOf(a).prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
    const personal = tables.filter((t) =>
      (sqliteOf(a).prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).some((c) => /^(person_id|case_id|plan_id|custody_id|review_id|meeting_id|decision_id)$/.test(c.name)),
    );
    expect(personal.filter((t) => !covered.has(t) && !notMoved.has(t))).toEqual([]);
    // And every table that moves is locked while its person is handed over (the triggers of 0023).
    const triggers = new Set((sqliteOf(a).prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'handover_lock_%'`).all() as { name: string }[]).map((t) => t.name));
    const moved = handoverTables(modules).filter((t) => !t.reference).map((t) => t.table);
    expect(moved.filter((t) => !['insert', 'update', 'delete'].every((op) => triggers.has(`handover_lock_${t}_${op}`)))).toEqual([]);
  });
});
