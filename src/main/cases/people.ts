import { and, eq, ne, sql } from 'drizzle-orm';
import { contacts, people } from './schema';
import { perConnection, type DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { parseCpr, maskCpr } from '../../shared/core/cpr';
import { normalizeForSearch } from '../../shared/core/districts';
import { danishSortKey, fullName } from '../../shared/core/names';
import { compare } from '../../shared/core/dates';
import type { Person, PersonInput } from '../../shared/cases';
import { audit } from '../core/audit';
import { ensureDistrictHistory, recordDistrictMoves } from './district-history';
import type { ServiceCtx } from '../core/service-context';

export interface ResolvedPerson {
  firstName: string;
  lastName: string;
  cpr: string | null;
  birthDate: string;
  sex: 'M' | 'K' | 'unknown';
  sexFromCpr: boolean;
  districtId: number | null;
  school: string | null;
  warnings: string[];
}

/**
 * Apply the CPR rules: accept with or without hyphen, birth date and legal sex from the number,
 * modulus-11 failure only a warning; without CPR a birth date is required. Field errors in Danish.
 */
export function resolvePerson(input: PersonInput, today: string): ResolvedPerson {
  const fields: Record<string, string> = {};
  const warnings: string[] = [];
  let cpr: string | null = null;
  let birthDate = input.birthDate ?? null;
  let sex: ResolvedPerson['sex'] = input.sex ?? 'unknown';
  let sexFromCpr = false;
  const rawCpr = input.cpr?.trim();
  if (rawCpr) {
    const parsed = parseCpr(rawCpr, { today });
    if (!parsed.ok) {
      fields.cpr = parsed.reason;
    } else {
      cpr = parsed.value.normalized;
      warnings.push(...parsed.value.warnings);
      if (birthDate && birthDate !== parsed.value.birthDate) fields.birthDate = 'Fødselsdatoen passer ikke med CPR-nummeret';
      birthDate = parsed.value.birthDate;
      if (!input.sex) {
        sex = parsed.value.sex;
        sexFromCpr = true;
      }
    }
  } else if (!birthDate) {
    fields.birthDate = 'Fødselsdato skal udfyldes, når der ikke er et CPR-nummer';
  }
  if (birthDate && compare(birthDate, today) > 0) fields.birthDate = 'Fødselsdatoen ligger i fremtiden';
  if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', 'Personens oplysninger er ikke gyldige. Ret de markerede felter.', fields);
  return {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    cpr,
    birthDate: birthDate!,
    sex,
    sexFromCpr,
    districtId: input.districtId ?? null,
    school: input.school?.trim() || null,
    warnings,
  };
}

const param = sql.placeholder;

/**
 * Statements of the hot paths (creating a person: an import does it for every row; reading one:
 * every case view), prepared once per connection. Same SQL as the query builder writes per call.
 */
const statements = perConnection((db) => ({
  byCpr: db.select({ id: people.id }).from(people).where(eq(people.cpr, param('cpr'))).prepare(),
  byCprExcept: db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.cpr, param('cpr')), ne(people.id, param('id'))))
    .prepare(),
  insertPerson: db
    .insert(people)
    .values({
      firstName: param('firstName'),
      lastName: param('lastName'),
      searchName: param('searchName'),
      sortName: param('sortName'),
      cpr: param('cpr'),
      birthDate: param('birthDate'),
      sex: param('sex'),
      sexFromCpr: param('sexFromCpr'),
      districtId: param('districtId'),
      school: param('school'),
      createdAt: param('createdAt'),
      updatedAt: param('updatedAt'),
    })
    .returning({ id: people.id })
    .prepare(),
  insertContact: db.insert(contacts).values({ personId: param('personId'), name: param('name'), relation: param('relation'), phone: param('phone') }).prepare(),
  byId: db.select().from(people).where(eq(people.id, param('id'))).prepare(),
  contactsOf: db.select().from(contacts).where(eq(contacts.personId, param('personId'))).prepare(),
}));

function assertCprFree(tx: DbOrTx, cpr: string | null, exceptId?: number): void {
  if (!cpr) return;
  const q = statements(tx);
  const clash = exceptId ? q.byCprExcept.get({ cpr, id: exceptId }) : q.byCpr.get({ cpr });
  if (clash) {
    throw new AppError('CONFLICT', 'CPR-nummeret er allerede registreret på en anden person. Find personen i listen i stedet.', {
      cpr: CPR_CONFLICT_FIELD,
    });
  }
}

function nameColumns(firstName: string, lastName: string) {
  const name = fullName(firstName, lastName);
  return { searchName: normalizeForSearch(name), sortName: danishSortKey(`${lastName} ${firstName}`) };
}

/** Insert a person inside the caller's transaction. */
export function insertPerson(s: ServiceCtx, tx: DbOrTx, input: PersonInput): number {
  const r = resolvePerson(input, s.today);
  assertCprFree(tx, r.cpr);
  const q = statements(tx);
  const row = q.insertPerson.get({
    firstName: r.firstName,
    lastName: r.lastName,
    ...nameColumns(r.firstName, r.lastName),
    cpr: r.cpr,
    birthDate: r.birthDate,
    sex: r.sex,
    sexFromCpr: r.sexFromCpr,
    districtId: r.districtId,
    school: r.school,
    createdAt: s.now.toISOString(),
    updatedAt: s.now.toISOString(),
  })!;
  for (const c of input.contacts ?? []) {
    q.insertContact.run({ personId: row.id, name: c.name.trim(), relation: c.relation.trim(), phone: c.phone?.trim() || null });
  }
  audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'person', entityId: row.id });
  return row.id;
}

export function createPerson(s: ServiceCtx, input: PersonInput): Person {
  const id = s.db.transaction((tx) => insertPerson(s, tx, input));
  return getPerson(s.db, id);
}

export function updatePerson(s: ServiceCtx, personId: number, input: PersonInput): Person {
  s.db.transaction((tx) => {
    const existing = tx.select().from(people).where(eq(people.id, personId)).get();
    if (!existing) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
    // Leaving `cpr` out keeps the stored number (the form never has to reveal it); '' removes it.
    const p = resolvePerson(input.cpr === undefined && existing.cpr ? { ...input, cpr: existing.cpr } : input, s.today);
    assertCprFree(tx, p.cpr, personId);
    const moved = (existing.districtId ?? null) !== (p.districtId ?? null);
    if (moved) ensureDistrictHistory(tx, { personId }, s.now.toISOString());
    tx.update(people)
      .set({
        firstName: p.firstName,
        lastName: p.lastName,
        ...nameColumns(p.firstName, p.lastName),
        cpr: p.cpr,
        birthDate: p.birthDate,
        sex: p.sex,
        sexFromCpr: p.sexFromCpr,
        districtId: p.districtId,
        school: p.school,
        updatedAt: s.now.toISOString(),
      })
      .where(eq(people.id, personId))
      .run();
    // Cases without a district of their own follow the person: their history gets the move.
    if (moved) recordDistrictMoves(tx, { personId }, s.today, s.now.toISOString());
    tx.delete(contacts).where(eq(contacts.personId, personId)).run();
    for (const c of input.contacts ?? []) {
      tx.insert(contacts).values({ personId, name: c.name.trim(), relation: c.relation.trim(), phone: c.phone?.trim() || null }).run();
    }
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'person', entityId: personId });
  });
  return getPerson(s.db, personId);
}

export function getPerson(db: DbOrTx, personId: number, reveal = false): Person {
  const q = statements(db);
  const p = q.byId.get({ id: personId });
  if (!p) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
  const cs = q.contactsOf.all({ personId });
  return {
    id: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    cpr: p.cpr ? (reveal ? p.cpr : maskCpr(p.cpr)) : null,
    cprRevealed: reveal && !!p.cpr,
    birthDate: p.birthDate,
    sex: p.sex,
    sexFromCpr: p.sexFromCpr,
    districtId: p.districtId,
    school: p.school,
    contacts: cs.map((c) => ({ id: c.id, name: c.name, relation: c.relation, phone: c.phone })),
  };
}

/** Show the full CPR number: recorded in the audit trail. */
export function revealCpr(s: ServiceCtx, personId: number): { cpr: string | null } {
  return s.db.transaction((tx) => {
    const p = tx.select({ cpr: people.cpr }).from(people).where(eq(people.id, personId)).get();
    if (!p) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
    audit(tx, { at: s.now, actor: s.actor, action: 'reveal', entity: 'person', entityId: personId, detail: 'cpr' });
    return { cpr: p.cpr };
  });
}

/**
 * Check a CPR number as the user types: format, date, legal sex and the modulus-11 warning.
 * It never reads the register: an answer that said whether a number belongs to someone would let
 * any code in the renderer recover a masked number by trying its 10,000 endings (issue 15).
 * Uniqueness is checked inside create and update only, and a refused clash is audited
 * (auditCprConflict).
 */
export function checkCpr(cpr: string, today: string) {
  const parsed = parseCpr(cpr, { today });
  if (!parsed.ok) return { ok: false, message: parsed.reason, warnings: [] };
  return { ok: true, warnings: parsed.value.warnings, birthDate: parsed.value.birthDate, sex: parsed.value.sex };
}

/** CONFLICT_CPR: the refusal assertCprFree throws; auditCprConflict records it. */
const CPR_CONFLICT_FIELD = 'Findes allerede på en anden person';

/**
 * Run a write that may refuse a CPR number already on another person; a refusal is recorded in
 * the audit trail (after the rolled-back transaction), so trying numbers through create or update
 * leaves a trace of every hit.
 */
export function auditCprConflict<T>(s: ServiceCtx, write: () => T): T {
  try {
    return write();
  } catch (e) {
    if (e instanceof AppError && e.code === 'CONFLICT' && e.fields?.cpr === CPR_CONFLICT_FIELD) {
      audit(s.db, { at: s.now, actor: s.actor, action: 'refuse', entity: 'person', detail: 'cpr-conflict' });
    }
    throw e;
  }
}
