import type { ServiceCtx } from '../core/service-context';
import { AppError } from '../core/errors';
import type { CaseLinks } from '../../shared/overview';
import { getMeetingDetail, saveAgenda } from '../leader-meetings';

/**
 * What the case page links to beyond the case: the same young person's SSP+ plans and custody
 * periods, and the forum of the case's district for its level (ledergruppe for 3-4, lokaludvalg
 * for 1-2; `level` asks for another level, as a level change does) with its next meeting.
 */
export function caseLinks(s: ServiceCtx, input: { caseId: number; level?: number }): CaseLinks {
  const c = s.sqlite.prepare(`SELECT id, person_id AS personId, district_id AS districtId, level FROM cases WHERE id = ? AND anonymised_at IS NULL`).get(input.caseId) as
    | { id: number; personId: number; districtId: number | null; level: number }
    | undefined;
  if (!c) throw new AppError('NOT_FOUND', 'Sagen findes ikke.');
  const plans = s.sqlite
    .prepare(`SELECT id AS planId, status, start_date AS startDate, end_date AS endDate FROM sspplus_plans WHERE person_id = ? ORDER BY status = 'active' DESC, start_date DESC`)
    .all(c.personId) as CaseLinks['plans'];
  const custody = s.sqlite
    .prepare(`SELECT id AS custodyId, imprisoned_on AS imprisonedOn, released_on AS releasedOn FROM custody_periods WHERE person_id = ? ORDER BY released_on IS NULL DESC, imprisoned_on DESC`)
    .all(c.personId) as CaseLinks['custody'];
  const level = input.level ?? c.level;
  const kind = level >= 3 ? 'leader-group' : 'local-committee';
  const forums =
    c.districtId === null
      ? []
      : (s.sqlite
          .prepare(
            `SELECT f.id AS forumId, f.name, f.kind FROM forums f JOIN forum_districts fd ON fd.forum_id = f.id
             WHERE fd.district_id = ? AND f.kind = ? AND f.active = 1 ORDER BY f.name`,
          )
          .all(c.districtId, kind) as { forumId: number; name: string; kind: string }[]);
  return {
    plans,
    custody,
    forums: forums.map((f) => {
      const m = s.sqlite.prepare(`SELECT id AS meetingId, held_on AS heldOn FROM meetings WHERE forum_id = ? AND held_on >= ? ORDER BY held_on, id LIMIT 1`).get(f.forumId, s.today) as
        | { meetingId: number; heldOn: string }
        | undefined;
      const onAgenda = m ? !!s.sqlite.prepare(`SELECT 1 FROM meeting_agenda_items WHERE meeting_id = ? AND case_id = ?`).get(m.meetingId, c.id) : false;
      return { ...f, nextMeeting: m ? { ...m, onAgenda } : null };
    }),
  };
}

/** Put a case at the end of a meeting's agenda through the meetings module (audited there); no change when it is on it already. */
export function addToMeeting(s: ServiceCtx, input: { caseId: number; meetingId: number }): { meetingId: number; added: boolean } {
  const m = getMeetingDetail(s.db, input.meetingId);
  const items = m.agenda.map((i) => (i.kind === 'case' ? { kind: 'case' as const, caseId: i.case!.caseId } : { kind: 'point' as const, id: i.id, title: i.title ?? '', ...(i.note ? { note: i.note } : {}) }));
  if (items.some((i) => i.kind === 'case' && i.caseId === input.caseId)) return { meetingId: m.id, added: false };
  saveAgenda(s, { meetingId: m.id, items: [...items, { kind: 'case', caseId: input.caseId }] });
  return { meetingId: m.id, added: true };
}
