import { and, eq, desc, gte, lt, sql } from 'drizzle-orm';
import { caseEvents, caseLevelChanges, caseNotes, cases, caseStatusChanges, efforts, people } from './schema';
import { perConnection, type DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { ageInYears, compare } from '../../shared/core/dates';
import { ageScopeQuestion, defaultForum, isEffortEvent, levelAt, type CaseLevel } from '../../shared/cases';
import type { PersonInput } from '../../shared/cases';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { insertPerson } from './people';
import { getCaseSettings } from './settings';
import { ensureDistrictHistory, recordDistrictMoves } from './district-history';

type CaseRow = typeof cases.$inferSelect;

const param = sql.placeholder;

/**
 * The statements of the hot paths (opening and closing cases: an import runs them for every row;
 * loading a case: every view and write), prepared once per connection. Same SQL as the query
 * builder would write each time; building and preparing it per call cost most of an import.
 */
const statements = perConnection((db) => ({
  caseById: db.select().from(cases).where(eq(cases.id, param('id'))).prepare(),
  personExists: db.select({ id: people.id }).from(people).where(eq(people.id, param('id'))).prepare(),
  personDistrict: db.select({ districtId: people.districtId }).from(people).where(eq(people.id, param('id'))).prepare(),
  openCaseOf: db
    .select({ id: cases.id, n: cases.caseNumber })
    .from(cases)
    .where(and(eq(cases.personId, param('personId')), eq(cases.status, 'open')))
    .prepare(),
  lastCaseNumberIn: db
    .select({ n: cases.caseNumber })
    .from(cases)
    .where(and(gte(cases.caseNumber, param('from')), lt(cases.caseNumber, param('to'))))
    .orderBy(desc(cases.caseNumber))
    .limit(1)
    .prepare(),
  insertCase: db
    .insert(cases)
    .values({
      caseNumber: param('caseNumber'),
      externalRef: param('externalRef'),
      personId: param('personId'),
      districtId: param('districtId'),
      coordinator: param('coordinator'),
      forum: param('forum'),
      level: param('level'),
      status: 'open',
      openedOn: param('openedOn'),
      nextReviewOn: param('nextReviewOn'),
      createdAt: param('stamp'),
      updatedAt: param('stamp'),
    })
    .returning({ id: cases.id })
    .prepare(),
  insertLevelChange: db
    .insert(caseLevelChanges)
    .values({ caseId: param('caseId'), changedOn: param('changedOn'), level: param('level'), reason: param('reason'), forum: param('forum'), actor: param('actor'), createdAt: param('createdAt') })
    .prepare(),
  insertStatusChange: db
    .insert(caseStatusChanges)
    .values({ caseId: param('caseId'), kind: param('kind'), changedOn: param('changedOn'), closingReason: param('closingReason'), actor: param('actor'), createdAt: param('createdAt') })
    .prepare(),
  lastStatusChange: db
    .select()
    .from(caseStatusChanges)
    .where(eq(caseStatusChanges.caseId, param('caseId')))
    .orderBy(desc(caseStatusChanges.changedOn), desc(caseStatusChanges.id))
    .limit(1)
    .prepare(),
  closeCase: db
    .update(cases)
    // set() takes no placeholders directly; wrapped in sql they bind the same (text, no mapping).
    .set({ status: 'closed', closedOn: sql`${param('closedOn')}`, closingReason: sql`${param('reason')}`, updatedAt: sql`${param('stamp')}` })
    .where(eq(cases.id, param('id')))
    .prepare(),
  noteCase: db.select({ caseId: caseNotes.caseId }).from(caseNotes).where(eq(caseNotes.id, param('id'))).prepare(),
  insertNote: db
    .insert(caseNotes)
    .values({ caseId: param('caseId'), author: param('author'), writtenAt: param('writtenAt'), text: param('text'), correctsNoteId: param('correctsNoteId'), meetingId: param('meetingId') })
    .returning({ id: caseNotes.id })
    .prepare(),
}));

export function loadCase(tx: DbOrTx, caseId: number): CaseRow {
  const row = statements(tx).caseById.get({ id: caseId });
  if (!row) throw new AppError('NOT_FOUND', 'Sagen findes ikke.');
  return row;
}

function notInFuture(s: ServiceCtx, date: string, field: string): void {
  if (compare(date, s.today) > 0) throw new AppError('RULE_VIOLATION', 'Datoen kan ikke ligge i fremtiden.', { [field]: 'Må ikke ligge i fremtiden' });
}

function notBefore(date: string, floor: string, field: string, what: string): void {
  if (compare(date, floor) < 0) throw new AppError('RULE_VIOLATION', `Datoen kan ikke ligge før ${what}.`, { [field]: `Må ikke ligge før ${what}` });
}

function assertOpen(c: CaseRow): void {
  if (c.status !== 'open') throw new AppError('RULE_VIOLATION', 'Sagen er afsluttet. Genåbn den først.');
}

/** The next case number in the year of the opening date: 2026-00001, 2026-00002 ... */
function nextCaseNumber(tx: DbOrTx, openedOn: string): string {
  const year = openedOn.slice(0, 4);
  // The numbers starting with 'YYYY-' (what LIKE 'YYYY-%' matched: the year is digits), as a range
  // the unique index on case_number answers with one seek; LIKE made SQLite read every case.
  const last = statements(tx).lastCaseNumberIn.get({ from: `${year}-`, to: `${year}.` });
  const seq = last ? Number(last.n.slice(5)) + 1 : 1;
  return `${year}-${String(seq).padStart(5, '0')}`;
}

function assertNoOtherOpenCase(tx: DbOrTx, personId: number, exceptCaseId?: number): void {
  const open = statements(tx).openCaseOf.get({ personId });
  if (open && open.id !== exceptCaseId) {
    throw new AppError('CONFLICT', `Personen har allerede en åben sag (${open.n}). Der kan kun være én åben sag pr. person.`);
  }
}

/** Recompute the case's current level from its history (the latest change by date wins). */
function refreshLevel(tx: DbOrTx, caseId: number): CaseLevel {
  const history = tx
    .select({ changedOn: caseLevelChanges.changedOn, level: caseLevelChanges.level })
    .from(caseLevelChanges)
    .where(eq(caseLevelChanges.caseId, caseId))
    .orderBy(caseLevelChanges.changedOn, caseLevelChanges.id)
    .all() as { changedOn: string; level: CaseLevel }[];
  const level = levelAt(history.map((h) => ({ date: h.changedOn, level: h.level })), '9999-12-31')!;
  tx.update(cases).set({ level }).where(eq(cases.id, caseId)).run();
  return level;
}

export interface OpenCaseInput {
  personId?: number;
  person?: PersonInput;
  level: CaseLevel;
  reason: string;
  forum?: string;
  districtId?: number;
  coordinator?: string;
  openedOn: string;
  nextReviewOn?: string;
  externalRef?: string;
}

/** Open a case (and its person, if new) with its first level and status entries, in the caller's transaction. */
export function insertCase(s: ServiceCtx, tx: DbOrTx, input: OpenCaseInput, options: { allowFuture?: boolean } = {}): number {
  if (!options.allowFuture) notInFuture(s, input.openedOn, 'openedOn');
  const q = statements(tx);
  let personId = input.personId;
  if (personId === undefined) {
    personId = insertPerson(s, tx, input.person!);
  } else if (!q.personExists.get({ id: personId })) {
    throw new AppError('NOT_FOUND', 'Personen findes ikke.');
  }
  assertNoOtherOpenCase(tx, personId);
  const person = q.personDistrict.get({ id: personId })!;
  const forum = input.forum?.trim() || defaultForum(input.level);
  const stamp = s.now.toISOString();
  const row = q.insertCase.get({
    caseNumber: nextCaseNumber(tx, input.openedOn),
    externalRef: input.externalRef?.trim() || null,
    personId,
    districtId: input.districtId ?? person.districtId,
    coordinator: input.coordinator?.trim() || null,
    forum,
    level: input.level,
    openedOn: input.openedOn,
    nextReviewOn: input.nextReviewOn ?? null,
    stamp,
  })!;
  q.insertLevelChange.run({ caseId: row.id, changedOn: input.openedOn, level: input.level, reason: input.reason.trim(), forum, actor: s.actor, createdAt: stamp });
  q.insertStatusChange.run({ caseId: row.id, kind: 'opened', changedOn: input.openedOn, closingReason: null, actor: s.actor, createdAt: stamp });
  ensureDistrictHistory(tx, { caseId: row.id }, stamp);
  audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'case', entityId: row.id, detail: `level:${input.level}` });
  return row.id;
}

/**
 * The case op: as insertCase, and SSP's age scope (issue 19): a young person outside it (10-25 by
 * default, a setting) on the opening day needs `outsideAgeScopeReason`; without it nothing is
 * written and the answer asks for it (field `outsideAgeScopeReason`). The reason is kept as the
 * case's first journal note.
 */
export function openCase(s: ServiceCtx, input: OpenCaseInput & { outsideAgeScopeReason?: string }): number {
  return s.db.transaction((tx) => {
    const caseId = insertCase(s, tx, input);
    const row = tx.select({ birthDate: people.birthDate }).from(cases).innerJoin(people, eq(people.id, cases.personId)).where(eq(cases.id, caseId)).get()!;
    const scope = getCaseSettings(tx);
    const age = ageInYears(row.birthDate, input.openedOn);
    const question = ageScopeQuestion(age, scope);
    if (question) {
      const reason = input.outsideAgeScopeReason?.trim();
      if (!reason) throw new AppError('RULE_VIOLATION', question, { outsideAgeScopeReason: question });
      addNote(s, { caseId, text: `Oprettet uden for SSP's aldersgruppe (${age} år; SSP dækker ${scope.minAge}-${scope.maxAge} år). Begrundelse: ${reason}` }, tx);
    } else if (input.outsideAgeScopeReason !== undefined) {
      // Only the confirmation step sends a reason; one for a young person inside the scope is a stale form.
      const message = `Den unge er ${age} år og inden for SSP's aldersgruppe; der skal ikke gives en begrundelse.`;
      throw new AppError('RULE_VIOLATION', message, { outsideAgeScopeReason: message });
    }
    return caseId;
  });
}

export function updateCase(s: ServiceCtx, input: { caseId: number; districtId?: number | null; coordinator?: string | null; forum?: string; nextReviewOn?: string | null }, tx?: DbOrTx): void {
  const run = (t: DbOrTx) => {
    loadCase(t, input.caseId);
    const set: Partial<CaseRow> = { updatedAt: s.now.toISOString() };
    if (input.districtId !== undefined) {
      set.districtId = input.districtId;
      ensureDistrictHistory(t, { caseId: input.caseId }, s.now.toISOString());
    }
    if (input.coordinator !== undefined) set.coordinator = input.coordinator?.trim() || null;
    if (input.forum !== undefined) set.forum = input.forum.trim();
    if (input.nextReviewOn !== undefined) set.nextReviewOn = input.nextReviewOn;
    t.update(cases).set(set).where(eq(cases.id, input.caseId)).run();
    if (input.districtId !== undefined) recordDistrictMoves(t, { caseId: input.caseId }, s.today, s.now.toISOString());
    audit(t, { at: s.now, actor: s.actor, action: 'update', entity: 'case', entityId: input.caseId });
  };
  if (tx) run(tx);
  else s.db.transaction(run);
}

export function changeLevel(
  s: ServiceCtx,
  input: { caseId: number; level: CaseLevel; changedOn: string; reason: string; forum?: string; meetingId?: number; nextReviewOn?: string | null },
  tx?: DbOrTx,
): void {
  const run = (t: DbOrTx) => {
    const c = loadCase(t, input.caseId);
    assertOpen(c);
    notInFuture(s, input.changedOn, 'changedOn');
    notBefore(input.changedOn, c.openedOn, 'changedOn', 'sagens oprettelse');
    const forum = input.forum?.trim() || defaultForum(input.level);
    t.insert(caseLevelChanges)
      .values({ caseId: c.id, changedOn: input.changedOn, level: input.level, reason: input.reason.trim(), forum, meetingId: input.meetingId ?? null, actor: s.actor, createdAt: s.now.toISOString() })
      .run();
    const level = refreshLevel(t, c.id);
    t.update(cases)
      .set({ forum: level === input.level ? forum : c.forum, ...(input.nextReviewOn !== undefined ? { nextReviewOn: input.nextReviewOn } : {}), updatedAt: s.now.toISOString() })
      .where(eq(cases.id, c.id))
      .run();
    audit(t, { at: s.now, actor: s.actor, action: 'update', entity: 'case', entityId: c.id, detail: `level:${input.level}${input.nextReviewOn !== undefined ? ';nextReview' : ''}` });
  };
  if (tx) run(tx);
  else s.db.transaction(run);
}

export function closeCase(s: ServiceCtx, input: { caseId: number; closedOn: string; reason: string }, tx?: DbOrTx, options: { allowFuture?: boolean } = {}): void {
  const run = (t: DbOrTx) => {
    const c = loadCase(t, input.caseId);
    assertOpen(c);
    if (!options.allowFuture) notInFuture(s, input.closedOn, 'closedOn');
    const q = statements(t);
    const lastStatus = q.lastStatusChange.get({ caseId: c.id });
    notBefore(input.closedOn, lastStatus?.changedOn ?? c.openedOn, 'closedOn', 'sagens oprettelse eller genåbning');
    q.closeCase.run({ closedOn: input.closedOn, reason: input.reason, stamp: s.now.toISOString(), id: c.id });
    q.insertStatusChange.run({ caseId: c.id, kind: 'closed', changedOn: input.closedOn, closingReason: input.reason, actor: s.actor, createdAt: s.now.toISOString() });
    audit(t, { at: s.now, actor: s.actor, action: 'close', entity: 'case', entityId: c.id, detail: `reason:${input.reason}` });
  };
  if (tx) run(tx);
  else s.db.transaction(run);
}

export function reopenCase(s: ServiceCtx, input: { caseId: number; reopenedOn: string; reason: string; level?: CaseLevel }): void {
  s.db.transaction((t) => {
    const c = loadCase(t, input.caseId);
    if (c.status !== 'closed') throw new AppError('RULE_VIOLATION', 'Sagen er allerede åben.');
    notInFuture(s, input.reopenedOn, 'reopenedOn');
    notBefore(input.reopenedOn, c.closedOn ?? c.openedOn, 'reopenedOn', 'afslutningsdatoen');
    assertNoOtherOpenCase(t, c.personId, c.id);
    const stamp = s.now.toISOString();
    const level = (input.level ?? c.level) as CaseLevel;
    const forum = input.level ? defaultForum(level) : c.forum;
    t.update(cases).set({ status: 'open', closedOn: null, closingReason: null, forum, updatedAt: stamp }).where(eq(cases.id, c.id)).run();
    t.insert(caseStatusChanges).values({ caseId: c.id, kind: 'reopened', changedOn: input.reopenedOn, actor: s.actor, createdAt: stamp }).run();
    // The reopening is a dated entry in the level history too, with its reason.
    t.insert(caseLevelChanges).values({ caseId: c.id, changedOn: input.reopenedOn, level, reason: input.reason.trim(), forum, actor: s.actor, createdAt: stamp }).run();
    refreshLevel(t, c.id);
    audit(t, { at: s.now, actor: s.actor, action: 'reopen', entity: 'case', entityId: c.id, detail: `level:${level}` });
  });
}

export function addEvent(
  s: ServiceCtx,
  input: { caseId: number; kind: string; occurredOn: string; offenceCategory?: string; effortId?: number; description?: string; meetingId?: number },
  tx?: DbOrTx,
): number {
  const run = (t: DbOrTx) => {
    const c = loadCase(t, input.caseId);
    notInFuture(s, input.occurredOn, 'occurredOn');
    const fields: Record<string, string> = {};
    if (input.kind === 'charge' && !input.offenceCategory) fields.offenceCategory = 'Vælg en kategori for sigtelsen';
    if (isEffortEvent(input.kind as never)) {
      if (!input.effortId) fields.effortId = 'Vælg en indsats';
      else if (!t.select({ id: efforts.id }).from(efforts).where(eq(efforts.id, input.effortId)).get()) fields.effortId = 'Indsatsen findes ikke';
    }
    if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', 'Hændelsen mangler oplysninger. Ret de markerede felter.', fields);
    const row = t
      .insert(caseEvents)
      .values({
        caseId: c.id,
        kind: input.kind,
        occurredOn: input.occurredOn,
        offenceCategory: input.kind === 'charge' ? input.offenceCategory! : null,
        effortId: isEffortEvent(input.kind as never) ? input.effortId! : null,
        description: input.description?.trim() || null,
        meetingId: input.meetingId ?? null,
        actor: s.actor,
        createdAt: s.now.toISOString(),
      })
      .returning({ id: caseEvents.id })
      .get();
    t.update(cases).set({ updatedAt: s.now.toISOString() }).where(eq(cases.id, c.id)).run();
    audit(t, { at: s.now, actor: s.actor, action: 'create', entity: 'case_event', entityId: row.id, detail: `case:${c.id};kind:${input.kind}` });
    return row.id;
  };
  return tx ? run(tx) : s.db.transaction(run);
}

/** Append a journal note. Notes are never edited: a correction is a new note pointing to the old one. */
export function addNote(s: ServiceCtx, input: { caseId: number; text: string; correctsNoteId?: number; meetingId?: number }, tx?: DbOrTx): number {
  const run = (t: DbOrTx) => {
    const c = loadCase(t, input.caseId);
    const q = statements(t);
    if (input.correctsNoteId) {
      const target = q.noteCase.get({ id: input.correctsNoteId });
      if (!target || target.caseId !== c.id) throw new AppError('NOT_FOUND', 'Notatet, der skal rettes, findes ikke på denne sag.');
    }
    const row = q.insertNote.get({
      caseId: c.id,
      author: s.actor,
      writtenAt: s.now.toISOString(),
      text: input.text.trim(),
      correctsNoteId: input.correctsNoteId ?? null,
      meetingId: input.meetingId ?? null,
    })!;
    audit(t, { at: s.now, actor: s.actor, action: 'create', entity: 'case_note', entityId: row.id, detail: `case:${c.id}${input.correctsNoteId ? `;corrects:${input.correctsNoteId}` : ''}` });
    return row.id;
  };
  return tx ? run(tx) : s.db.transaction(run);
}
