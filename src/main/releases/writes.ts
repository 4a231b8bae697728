import { and, asc, eq, ne } from 'drizzle-orm';
import { custodyInstitutions, custodyPeriods, releaseFollowUps } from './schema';
import { people } from '../cases';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { addMonths, compare, formatDateNumeric } from '../../shared/core/dates';
import { custodyFieldProblems, type CustodyDateField, type CustodyType, type InstitutionKind, type RecordedMilestone } from '../../shared/releases';
import { outcomeOpensOn, outcomeTooEarlyMessage, type FollowUpMonths, type Outcome } from '../../shared/ssp-plus';
import { getSspPlusSettings } from '../ssp-plus';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { custodyPeriodOf, loadCustody, type CustodyRow } from './queries';

/**
 * Release coordination, writes: custody periods (create, correct, record milestones and the
 * release, delete), follow-ups, and the institution list. Each write is one transaction with
 * one audit entry carrying codes and ids only.
 */

const END_OF_TIME = '9999-12-31';

export interface CustodyFields {
  institutionId: number;
  type: CustodyType;
  imprisonedOn: string;
  expectedReleaseOn: string | null;
  paroleOn: string | null;
  releasedOn: string | null;
}

function invalid(fields: Record<string, string>): never {
  throw new AppError('RULE_VIOLATION', 'Datoerne for frihedsberøvelsen hænger ikke sammen. Ret de markerede felter.', fields);
}

/** Field checks, the institution, and no overlap with the person's other custody periods. */
function assertCustodyValid(s: ServiceCtx, tx: DbOrTx, personId: number, fields: CustodyFields, exceptId?: number): void {
  const problems: Partial<Record<CustodyDateField, string>> = custodyFieldProblems(fields, s.today);
  if (Object.keys(problems).length) invalid(problems as Record<string, string>);
  const institution = tx.select({ id: custodyInstitutions.id }).from(custodyInstitutions).where(eq(custodyInstitutions.id, fields.institutionId)).get();
  if (!institution) throw new AppError('NOT_FOUND', 'Institutionen findes ikke. Vælg en anden.', { institutionId: 'Vælg en institution fra listen' });
  const others = tx
    .select()
    .from(custodyPeriods)
    .where(exceptId ? and(eq(custodyPeriods.personId, personId), ne(custodyPeriods.id, exceptId)) : eq(custodyPeriods.personId, personId))
    .all();
  const end = fields.releasedOn ?? END_OF_TIME;
  // Touching periods are fine: remand ends and the sentence starts on the same day.
  const clash = others.find((o) => compare(fields.imprisonedOn, o.releasedOn ?? END_OF_TIME) < 0 && compare(o.imprisonedOn, end) < 0);
  if (clash) {
    const message = clash.releasedOn
      ? `Perioden overlapper en anden frihedsberøvelse for samme person (${formatDateNumeric(clash.imprisonedOn)} til ${formatDateNumeric(clash.releasedOn)}). Ret datoerne.`
      : `Personen har allerede en frihedsberøvelse uden løsladelse (indsat ${formatDateNumeric(clash.imprisonedOn)}). Registrér løsladelsen dér først, eller ret datoerne.`;
    throw new AppError('CONFLICT', message, { imprisonedOn: 'Overlapper en anden frihedsberøvelse' });
  }
}

/** Keep follow-up due dates in step with the release date; refuse a change that strands recorded follow-ups. */
function syncFollowUps(tx: DbOrTx, custodyId: number, releasedOn: string | null): void {
  const rows = tx.select().from(releaseFollowUps).where(eq(releaseFollowUps.custodyId, custodyId)).all();
  if (rows.length === 0) return;
  if (releasedOn === null) {
    throw new AppError('RULE_VIOLATION', 'Der er registreret opfølgninger efter løsladelsen, så løsladelsesdatoen kan ikke fjernes.', {
      releasedOn: 'Kan ikke fjernes, når der er opfølgninger',
    });
  }
  for (const r of rows) {
    if (compare(r.recordedOn, releasedOn) < 0) {
      throw new AppError('RULE_VIOLATION', `En opfølgning er registreret ${formatDateNumeric(r.recordedOn)}, før den nye løsladelsesdato. Ret opfølgningen eller datoen.`, {
        releasedOn: 'Ligger efter en registreret opfølgning',
      });
    }
    const dueOn = addMonths(releasedOn, r.months);
    if (dueOn !== r.dueOn) tx.update(releaseFollowUps).set({ dueOn }).where(eq(releaseFollowUps.id, r.id)).run();
  }
}

export function createCustody(
  s: ServiceCtx,
  input: { personId: number; institutionId: number; type: CustodyType; imprisonedOn: string; expectedReleaseOn?: string; paroleOn?: string; releasedOn?: string },
): number {
  return s.db.transaction((tx) => {
    if (!tx.select({ id: people.id }).from(people).where(eq(people.id, input.personId)).get()) {
      throw new AppError('NOT_FOUND', 'Personen findes ikke.', { personId: 'Vælg en person' });
    }
    const fields: CustodyFields = {
      institutionId: input.institutionId,
      type: input.type,
      imprisonedOn: input.imprisonedOn,
      expectedReleaseOn: input.expectedReleaseOn ?? null,
      paroleOn: input.paroleOn ?? null,
      releasedOn: input.releasedOn ?? null,
    };
    assertCustodyValid(s, tx, input.personId, fields);
    const stamp = s.now.toISOString();
    const row = tx
      .insert(custodyPeriods)
      .values({ personId: input.personId, ...fields, createdAt: stamp, updatedAt: stamp })
      .returning({ id: custodyPeriods.id })
      .get();
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'custody', entityId: row.id, detail: `person:${input.personId};type:${input.type}` });
    return row.id;
  });
}

export function updateCustody(s: ServiceCtx, input: CustodyFields & { custodyId: number }): void {
  s.db.transaction((tx) => {
    const row = loadCustody(tx, input.custodyId);
    const fields: CustodyFields = {
      institutionId: input.institutionId,
      type: input.type,
      imprisonedOn: input.imprisonedOn,
      expectedReleaseOn: input.expectedReleaseOn,
      paroleOn: input.paroleOn,
      releasedOn: input.releasedOn,
    };
    assertCustodyValid(s, tx, row.personId, fields, row.id);
    assertMilestonesNotBefore(row, fields.imprisonedOn);
    syncFollowUps(tx, row.id, fields.releasedOn);
    tx.update(custodyPeriods).set({ ...fields, updatedAt: s.now.toISOString() }).where(eq(custodyPeriods.id, row.id)).run();
    const changed = (Object.keys(fields) as (keyof CustodyFields)[]).filter((k) => fields[k] !== row[k]);
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'custody', entityId: row.id, detail: changed.length ? `fields:${changed.join(',')}` : null });
  });
}

function assertMilestonesNotBefore(row: CustodyRow, imprisonedOn: string): void {
  for (const [field, date] of [
    ['handleplanOn', row.handleplanOn],
    ['municipalityContactedOn', row.municipalityContactedOn],
    ['paroleDecisionOn', row.paroleDecisionOn],
  ] as const) {
    if (date && compare(date, imprisonedOn) < 0) {
      throw new AppError('RULE_VIOLATION', `En registreret milepæl (${formatDateNumeric(date)}) ligger før den nye indsættelsesdato. Ret milepælen først.`, {
        imprisonedOn: 'Ligger efter en registreret milepæl',
        [field]: 'Ligger før indsættelsen',
      });
    }
  }
}

const MILESTONE_COLUMN: Record<RecordedMilestone, 'handleplanOn' | 'municipalityContactedOn' | 'paroleDecisionOn'> = {
  handleplan: 'handleplanOn',
  'municipality-contact': 'municipalityContactedOn',
  'parole-decision': 'paroleDecisionOn',
};

/** Mark a hand-recorded milestone done on a date, or (doneOn null) not done after all. */
export function recordMilestone(s: ServiceCtx, input: { custodyId: number; milestone: RecordedMilestone; doneOn: string | null }): void {
  s.db.transaction((tx) => {
    const row = loadCustody(tx, input.custodyId);
    if (input.doneOn !== null) {
      if (compare(input.doneOn, s.today) > 0) throw new AppError('RULE_VIOLATION', 'Datoen kan ikke ligge i fremtiden.', { doneOn: 'Må ikke ligge i fremtiden' });
      if (compare(input.doneOn, row.imprisonedOn) < 0) {
        throw new AppError('RULE_VIOLATION', 'Datoen kan ikke ligge før indsættelsen.', { doneOn: 'Må ikke ligge før indsættelsen' });
      }
      if (input.milestone === 'parole-decision' && row.paroleOn === null) {
        throw new AppError('RULE_VIOLATION', 'Der er ingen dato for prøveløsladelse. Skriv den først.', { doneOn: 'Kræver en dato for prøveløsladelse' });
      }
    }
    tx.update(custodyPeriods)
      .set({ [MILESTONE_COLUMN[input.milestone]]: input.doneOn, updatedAt: s.now.toISOString() })
      .where(eq(custodyPeriods.id, row.id))
      .run();
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: input.doneOn ? 'update' : 'undo',
      entity: 'custody',
      entityId: row.id,
      detail: `milestone:${input.milestone}`,
    });
  });
}

/** Record the actual release. */
export function recordRelease(s: ServiceCtx, input: { custodyId: number; releasedOn: string }): void {
  s.db.transaction((tx) => {
    const row = loadCustody(tx, input.custodyId);
    const fields: CustodyFields = {
      institutionId: row.institutionId,
      type: row.type,
      imprisonedOn: row.imprisonedOn,
      expectedReleaseOn: row.expectedReleaseOn,
      paroleOn: row.paroleOn,
      releasedOn: input.releasedOn,
    };
    const problems = custodyFieldProblems(custodyPeriodOf(fields), s.today);
    if (problems.releasedOn) invalid({ releasedOn: problems.releasedOn });
    assertCustodyValid(s, tx, row.personId, fields, row.id);
    syncFollowUps(tx, row.id, input.releasedOn);
    tx.update(custodyPeriods).set({ releasedOn: input.releasedOn, updatedAt: s.now.toISOString() }).where(eq(custodyPeriods.id, row.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'release', entity: 'custody', entityId: row.id });
  });
}

/** Delete a custody period with its meetings and follow-ups (a registration made by mistake). */
export function deleteCustody(s: ServiceCtx, custodyId: number): { deleted: true } {
  s.db.transaction((tx) => {
    const row = loadCustody(tx, custodyId);
    tx.delete(custodyPeriods).where(eq(custodyPeriods.id, row.id)).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'custody', entityId: row.id, detail: `person:${row.personId}` });
  });
  return { deleted: true };
}

/**
 * Record (or correct) the outcome at 3, 6 or 12 months after the release. The release must be
 * recorded; the follow-up may not be dated before it, nor in the future.
 */
export function recordFollowUp(
  s: ServiceCtx,
  input: { custodyId: number; months: FollowUpMonths; outcome: Outcome; newCharge: boolean; recordedOn: string },
): void {
  s.db.transaction((tx) => {
    const row = loadCustody(tx, input.custodyId);
    if (!row.releasedOn) {
      throw new AppError('RULE_VIOLATION', 'Løsladelsen er ikke registreret endnu. Registrér den, før du registrerer en opfølgning.');
    }
    if (compare(input.recordedOn, row.releasedOn) < 0) {
      throw new AppError('RULE_VIOLATION', 'Opfølgningen kan ikke ligge før løsladelsen.', { recordedOn: 'Må ikke ligge før løsladelsen' });
    }
    if (compare(input.recordedOn, s.today) > 0) {
      throw new AppError('RULE_VIOLATION', 'Opfølgningen kan ikke ligge i fremtiden.', { recordedOn: 'Må ikke ligge i fremtiden' });
    }
    const dueOn = addMonths(row.releasedOn, input.months);
    const window = getSspPlusSettings(tx).outcomeWindowDays;
    if (compare(input.recordedOn, outcomeOpensOn(dueOn, window)) < 0) {
      const message = outcomeTooEarlyMessage(input.months, dueOn, window);
      throw new AppError('RULE_VIOLATION', message, { recordedOn: message });
    }
    const stamp = s.now.toISOString();
    const values = {
      dueOn,
      outcome: input.outcome,
      newCharge: input.newCharge,
      recordedOn: input.recordedOn,
      updatedAt: stamp,
    };
    const existing = tx
      .select({ id: releaseFollowUps.id })
      .from(releaseFollowUps)
      .where(and(eq(releaseFollowUps.custodyId, row.id), eq(releaseFollowUps.months, input.months)))
      .get();
    let followUpId: number;
    if (existing) {
      tx.update(releaseFollowUps).set(values).where(eq(releaseFollowUps.id, existing.id)).run();
      followUpId = existing.id;
    } else {
      followUpId = tx.insert(releaseFollowUps).values({ custodyId: row.id, months: input.months, ...values, createdAt: stamp }).returning({ id: releaseFollowUps.id }).get().id;
    }
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: existing ? 'update' : 'create',
      entity: 'release-followup',
      entityId: followUpId,
      detail: `custody:${row.id};months:${input.months};outcome:${input.outcome};newCharge:${input.newCharge ? 'yes' : 'no'}`,
    });
  });
}

// ---- institutions ----

export function listInstitutions(db: DbOrTx) {
  return db.select().from(custodyInstitutions).orderBy(asc(custodyInstitutions.sortOrder), asc(custodyInstitutions.name)).all();
}

export function saveInstitution(s: ServiceCtx, input: { id?: number; name: string; kind: InstitutionKind; active: boolean; sortOrder: number }) {
  return s.db.transaction((tx) => {
    const name = input.name.trim();
    const clash = tx.select({ id: custodyInstitutions.id }).from(custodyInstitutions).where(eq(custodyInstitutions.name, name)).get();
    if (clash && clash.id !== input.id) {
      throw new AppError('CONFLICT', 'Der findes allerede en institution med det navn.', { name: 'Navnet er allerede brugt' });
    }
    const values = { name, kind: input.kind, active: input.active, sortOrder: input.sortOrder };
    const row = input.id
      ? tx.update(custodyInstitutions).set(values).where(eq(custodyInstitutions.id, input.id)).returning().get()
      : tx.insert(custodyInstitutions).values(values).returning().get();
    if (!row) throw new AppError('NOT_FOUND', 'Institutionen findes ikke.');
    audit(tx, { at: s.now, actor: s.actor, action: input.id ? 'update' : 'create', entity: 'custody-institution', entityId: row.id, detail: `kind:${input.kind}` });
    return row;
  });
}
