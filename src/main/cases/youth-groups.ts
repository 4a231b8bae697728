import { clientOf, type DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { nameWords, youthGroupNameProblem, type CaseYouthGroup, type YouthGroup } from '../../shared/cases';
import { compare } from '../../shared/core/dates';

const NAME_PROBLEM: Record<'cpr' | 'date' | 'person-name', string> = {
  cpr: 'Navnet ligner et CPR-nummer. Giv gruppen et navn uden personoplysninger, fx et område eller et nummer.',
  date: 'Navnet indeholder en dato, som kan være en fødselsdato. Giv gruppen et navn uden personoplysninger, fx et område eller et nummer.',
  'person-name': 'Navnet indeholder et navn på en ung i registret. Giv gruppen et navn uden personoplysninger, fx et område eller et nummer.',
};

/** Whether a word of the name is a whole word of a young person's name in the register. */
function containsPersonName(tx: DbOrTx, name: string): boolean {
  const st = clientOf(tx).prepare(`SELECT 1 FROM people WHERE anonymised_at IS NULL AND instr(' ' || search_name || ' ', ?) > 0 LIMIT 1`);
  return nameWords(name).some((w) => !!st.get(` ${w} `));
}

export function listYouthGroups(tx: DbOrTx): YouthGroup[] {
  return (
    clientOf(tx)
      .prepare(
        `SELECT g.id, g.name, g.active, (SELECT count(*) FROM youth_group_members m JOIN cases c ON c.id = m.case_id WHERE m.group_id = g.id AND c.anonymised_at IS NULL) AS caseCount
         FROM youth_groups g ORDER BY g.active DESC, g.name`,
      )
      .all() as { id: number; name: string; active: number; caseCount: number }[]
  ).map((g) => ({ ...g, active: !!g.active }));
}

/** Create or rename a group; the name is checked for personal data (CPR, dates, names in the register). */
export function saveYouthGroup(s: ServiceCtx, input: { id?: number; name: string; active?: boolean }): YouthGroup {
  return s.db.transaction((tx) => {
    const sqlite = clientOf(tx);
    const name = input.name.trim().replace(/\s+/gu, ' ');
    const problem = youthGroupNameProblem(name) ?? (containsPersonName(tx, name) ? 'person-name' : null);
    if (problem) throw new AppError('RULE_VIOLATION', NAME_PROBLEM[problem], { name: NAME_PROBLEM[problem] });
    const clash = sqlite.prepare(`SELECT id FROM youth_groups WHERE lower(name) = lower(?)`).get(name) as { id: number } | undefined;
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', 'Der findes allerede en gruppe med det navn. Vælg et andet navn.', { name: 'Navnet er i brug' });
    const stamp = s.now.toISOString();
    const active = input.active ?? true;
    let id = input.id;
    if (id === undefined) {
      id = Number(sqlite.prepare(`INSERT INTO youth_groups (name, active, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(name, active ? 1 : 0, stamp, stamp).lastInsertRowid);
    } else if (!sqlite.prepare(`UPDATE youth_groups SET name = ?, active = ?, updated_at = ? WHERE id = ?`).run(name, active ? 1 : 0, stamp, id).changes) {
      throw new AppError('NOT_FOUND', 'Gruppen findes ikke.');
    }
    audit(tx, { at: s.now, actor: s.actor, action: input.id === undefined ? 'create' : 'update', entity: 'youth_group', entityId: id, detail: `active:${active ? 1 : 0}` });
    return listYouthGroups(tx).find((g) => g.id === id)!;
  });
}

/** The groups a case is in, each with its cases (for the coordinator's own case screen). */
export function youthGroupsOfCase(tx: DbOrTx, caseId: number): CaseYouthGroup[] {
  const sqlite = clientOf(tx);
  const groups = sqlite
    .prepare(`SELECT g.id, g.name, g.active FROM youth_groups g JOIN youth_group_members m ON m.group_id = g.id WHERE m.case_id = ? ORDER BY g.name`)
    .all(caseId) as { id: number; name: string; active: number }[];
  const members = sqlite.prepare(
    `SELECT c.id AS caseId, c.case_number AS caseNumber, p.first_name AS firstName, p.last_name AS lastName, c.level, c.status, m.added_on AS addedOn
     FROM youth_group_members m JOIN cases c ON c.id = m.case_id JOIN people p ON p.id = c.person_id
     WHERE m.group_id = ? AND c.anonymised_at IS NULL ORDER BY p.sort_name, c.case_number`,
  );
  return groups.map((g) => ({ id: g.id, name: g.name, active: !!g.active, cases: members.all(g.id) as CaseYouthGroup['cases'] }));
}

/** The open cases of a group, by case number, for the meeting views (a closed case is not discussed). */
export function youthGroupCaseIds(tx: DbOrTx, groupId: number): number[] {
  return clientOf(tx)
    .prepare(`SELECT m.case_id FROM youth_group_members m JOIN cases c ON c.id = m.case_id WHERE m.group_id = ? AND c.status = 'open' AND c.anonymised_at IS NULL ORDER BY c.case_number`)
    .pluck()
    .all(groupId) as number[];
}

export function addCaseToYouthGroup(s: ServiceCtx, input: { groupId: number; caseId: number; addedOn: string }): CaseYouthGroup[] {
  return s.db.transaction((tx) => {
    const sqlite = clientOf(tx);
    const c = sqlite.prepare(`SELECT opened_on AS openedOn, anonymised_at AS gone FROM cases WHERE id = ?`).get(input.caseId) as { openedOn: string; gone: string | null } | undefined;
    if (!c || c.gone) throw new AppError('NOT_FOUND', 'Sagen findes ikke.');
    const g = sqlite.prepare(`SELECT active FROM youth_groups WHERE id = ?`).get(input.groupId) as { active: number } | undefined;
    if (!g) throw new AppError('NOT_FOUND', 'Gruppen findes ikke.');
    if (!g.active) throw new AppError('RULE_VIOLATION', 'Gruppen er ikke længere aktiv. Gør den aktiv igen under Ungegrupperinger, eller vælg en anden.', { groupId: 'Gruppen er ikke aktiv' });
    if (compare(input.addedOn, s.today) > 0) throw new AppError('RULE_VIOLATION', 'Datoen kan ikke ligge i fremtiden.', { addedOn: 'Må ikke ligge i fremtiden' });
    if (sqlite.prepare(`SELECT 1 FROM youth_group_members WHERE group_id = ? AND case_id = ?`).get(input.groupId, input.caseId)) {
      throw new AppError('CONFLICT', 'Sagen er allerede med i gruppen.', { groupId: 'Sagen er allerede med' });
    }
    sqlite.prepare(`INSERT INTO youth_group_members (group_id, case_id, added_on) VALUES (?, ?, ?)`).run(input.groupId, input.caseId, input.addedOn);
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'youth_group_member', entityId: input.groupId, detail: `case:${input.caseId}` });
    return youthGroupsOfCase(tx, input.caseId);
  });
}

export function removeCaseFromYouthGroup(s: ServiceCtx, input: { groupId: number; caseId: number }): CaseYouthGroup[] {
  return s.db.transaction((tx) => {
    const done = clientOf(tx).prepare(`DELETE FROM youth_group_members WHERE group_id = ? AND case_id = ?`).run(input.groupId, input.caseId);
    if (!done.changes) throw new AppError('NOT_FOUND', 'Sagen er ikke med i gruppen.');
    audit(tx, { at: s.now, actor: s.actor, action: 'delete', entity: 'youth_group_member', entityId: input.groupId, detail: `case:${input.caseId}` });
    return youthGroupsOfCase(tx, input.caseId);
  });
}
