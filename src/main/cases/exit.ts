import { clientOf, type DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { exitCourseProblems, exitFollowUp, exitFollowUpDue, exitLatestEnd, exitOverdue, type ExitCourse, type ExitProblem, type ExitProgramme, type ExitStatus } from '../../shared/cases';
import { compare, formatDanishDate } from '../../shared/core/dates';

/** Danish sentences for the rule codes of src/shared/cases/exit.ts. */
function problemText(code: ExitProblem, startOn: string): string {
  switch (code) {
    case 'end-before-start':
      return 'Slutdatoen ligger før startdatoen. Ret en af dem.';
    case 'over-three-years':
      return `Et exitforløb varer højst tre år: det skal slutte senest ${formatDanishDate(exitLatestEnd(startOn))}.`;
    case 'end-in-future':
      return 'Slutdatoen ligger i fremtiden. Skriv den, når forløbet er slut, og lad forløbet stå som i gang indtil da.';
    case 'end-missing':
      return 'Et afsluttet eller afbrudt forløb skal have en slutdato.';
    case 'end-on-active':
      return 'Et forløb i gang har ingen slutdato endnu. Vælg status Gennemført eller Afbrudt, eller fjern slutdatoen.';
    case 'start-in-future':
      return 'Startdatoen ligger i fremtiden. Registrér forløbet, når det er begyndt.';
    case 'too-young-17':
      return 'Exitprogrammet er for unge fra 17½ år. Den unge var yngre på startdatoen: vælg et andet program eller ret startdatoen.';
    case 'outside-18-25':
      return 'Københavns Kommunes Exit er for 18-25-årige. Den unge var uden for alderen på startdatoen: vælg et andet program eller ret startdatoen.';
  }
}

interface CourseRow {
  id: number;
  personId: number;
  programme: ExitProgramme;
  startOn: string;
  endOn: string | null;
  contactPerson: string;
  status: ExitStatus;
  followUpRecordedOn: string | null;
}

/** The person's charges (case events of kind 'charge' on any of their cases), by date. */
function chargeDatesOf(tx: DbOrTx, personId: number): string[] {
  return clientOf(tx)
    .prepare(`SELECT e.occurred_on FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.person_id = ? AND e.kind = 'charge' ORDER BY e.occurred_on`)
    .pluck()
    .all(personId) as string[];
}

/** Courses in Københavns Kommune's Exit for 18-25 active on `today` (of its about 25 places). */
function kkPlacesInUse(tx: DbOrTx, today: string): number {
  return (
    clientOf(tx)
      .prepare(`SELECT count(*) FROM exit_courses WHERE programme = 'kk-18-25' AND start_on <= ? AND (end_on IS NULL OR end_on >= ?)`)
      .pluck()
      .get(today, today) as number
  );
}

/** The person's Exit courses, newest start first, each with its limit and follow-up as of today. */
export function listExitCourses(s: ServiceCtx, personId: number, tx: DbOrTx = s.db): { courses: ExitCourse[]; kkPlacesInUse: number } {
  if (!clientOf(tx).prepare(`SELECT 1 FROM people WHERE id = ? AND anonymised_at IS NULL`).get(personId)) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
  const rows = clientOf(tx)
    .prepare(
      `SELECT id, person_id AS personId, programme, start_on AS startOn, end_on AS endOn, contact_person AS contactPerson, status,
              follow_up_recorded_on AS followUpRecordedOn
       FROM exit_courses WHERE person_id = ? ORDER BY start_on DESC, id DESC`,
    )
    .all(personId) as CourseRow[];
  const charges = rows.length ? chargeDatesOf(tx, personId) : [];
  return {
    courses: rows.map(({ followUpRecordedOn, ...r }) => {
      const followUp = exitFollowUp(r.endOn, charges, s.today);
      return { ...r, latestEndOn: exitLatestEnd(r.startOn), overdue: exitOverdue(r, s.today), followUp: followUp ? { ...followUp, recordedOn: followUpRecordedOn } : null };
    }),
    kkPlacesInUse: kkPlacesInUse(tx, s.today),
  };
}

export interface ExitCourseWrite {
  personId: number;
  id?: number;
  programme: ExitProgramme;
  startOn: string;
  endOn: string | null;
  contactPerson: string;
  status: ExitStatus;
}

/** Record or update an Exit course, refusing what the rules refuse (three years, ages, dates). */
export function saveExitCourse(s: ServiceCtx, input: ExitCourseWrite): { courses: ExitCourse[]; kkPlacesInUse: number } {
  return s.db.transaction((tx) => {
    const sqlite = clientOf(tx);
    const person = sqlite.prepare(`SELECT birth_date AS birthDate FROM people WHERE id = ? AND anonymised_at IS NULL`).get(input.personId) as { birthDate: string } | undefined;
    if (!person) throw new AppError('NOT_FOUND', 'Personen findes ikke.');
    if (input.id !== undefined) {
      const owner = sqlite.prepare(`SELECT person_id AS personId FROM exit_courses WHERE id = ?`).get(input.id) as { personId: number } | undefined;
      if (!owner || owner.personId !== input.personId) throw new AppError('NOT_FOUND', 'Exitforløbet findes ikke for denne unge.');
    }
    const endOn = input.endOn ?? null;
    const problems = exitCourseProblems({ ...input, endOn }, person.birthDate, s.today);
    const fields = Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, problemText(code, input.startOn)]));
    const first = Object.values(fields)[0];
    if (first) throw new AppError('RULE_VIOLATION', first, fields);
    const stamp = s.now.toISOString();
    const contact = input.contactPerson.trim();
    let id = input.id;
    if (id === undefined) {
      id = Number(
        sqlite
          .prepare(
            `INSERT INTO exit_courses (person_id, programme, start_on, end_on, contact_person, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.personId, input.programme, input.startOn, endOn, contact, input.status, stamp, stamp).lastInsertRowid,
      );
    } else {
      sqlite
        // A new end date moves the follow-up's due date: one recorded for the old date no longer counts.
        .prepare(
          `UPDATE exit_courses SET programme = ?, start_on = ?, end_on = ?, contact_person = ?, status = ?, updated_at = ?,
             follow_up_recorded_on = CASE WHEN end_on IS ? THEN follow_up_recorded_on ELSE NULL END WHERE id = ?`,
        )
        .run(input.programme, input.startOn, endOn, contact, input.status, stamp, endOn, id);
    }
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: input.id === undefined ? 'create' : 'update',
      entity: 'exit_course',
      entityId: id,
      detail: `person:${input.personId};programme:${input.programme};status:${input.status}`,
    });
    return listExitCourses(s, input.personId, tx);
  });
}

/**
 * Record the follow-up 24 months after the course's end as done, on `recordedOn`: not before the
 * due date (the two years are not over) and not in the future. Overblik lists it until then.
 */
export function recordExitFollowUp(s: ServiceCtx, input: { personId: number; id: number; recordedOn: string }): { courses: ExitCourse[]; kkPlacesInUse: number } {
  return s.db.transaction((tx) => {
    const sqlite = clientOf(tx);
    const course = sqlite.prepare(`SELECT end_on AS endOn FROM exit_courses WHERE id = ? AND person_id = ?`).get(input.id, input.personId) as { endOn: string | null } | undefined;
    if (!course) throw new AppError('NOT_FOUND', 'Exitforløbet findes ikke for denne unge.');
    if (!course.endOn) throw new AppError('RULE_VIOLATION', 'Forløbet er i gang: opfølgningen kommer 24 måneder efter, at det er afsluttet.', { recordedOn: 'Forløbet er ikke afsluttet' });
    const due = exitFollowUpDue(course.endOn);
    if (compare(input.recordedOn, due) < 0) {
      throw new AppError('RULE_VIOLATION', `Opfølgningen kan registreres fra ${formatDanishDate(due)}, når de 24 måneder er gået.`, { recordedOn: `Tidligst ${formatDanishDate(due)}` });
    }
    if (compare(input.recordedOn, s.today) > 0) throw new AppError('RULE_VIOLATION', 'Datoen ligger i fremtiden. Registrér opfølgningen, når den er gjort.', { recordedOn: 'Datoen ligger i fremtiden' });
    sqlite.prepare(`UPDATE exit_courses SET follow_up_recorded_on = ?, updated_at = ? WHERE id = ?`).run(input.recordedOn, s.now.toISOString(), input.id);
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'exit_course', entityId: input.id, detail: `person:${input.personId};follow-up:recorded` });
    return listExitCourses(s, input.personId, tx);
  });
}

/** Delete a course recorded by mistake (the screen asks first). */
export function deleteExitCourse(s: ServiceCtx, input: { personId: number; id: number }): { courses: ExitCourse[]; kkPlacesInUse: number } {
  return s.db.transaction((tx) => {
    const done = clientOf(tx).prepare(`DELETE FROM exit_courses WHERE id = ? AND person_id = ?`).run(input.id, input.personId);
    if (!done.changes) throw new AppError('NOT_FOUND', 'Exitforløbet findes ikke for denne unge.');
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'exit_course', entityId: input.id, detail: `person:${input.personId}` });
    return listExitCourses(s, input.personId, tx);
  });
}
