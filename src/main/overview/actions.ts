import type { Sqlite } from '../core/connection';
import { audit } from '../core/audit';
import { AppError } from '../core/errors';
import type { ServiceCtx } from '../core/service-context';
import { compare } from '../../shared/core/dates';
import type { ActionSource, ActionStatus, ActionView } from '../../shared/overview';
import { partnerLabel } from '../../shared/leader-meetings';

/**
 * The programme's actions as one list: meeting_actions (ledergruppe meetings, owned by
 * leader-meetings), release_action_items (release meetings, owned by releases) and case_actions
 * (added on a case, owned here). Each domain keeps its table; this module reads them together and
 * sets their status, audited (entity 'action', detail `source:<s>;status:<s>`, never the text).
 */

interface Row {
  source: ActionSource;
  id: number;
  caseId: number | null;
  description: string;
  partner: string;
  deadline: string | null;
  status: string;
  closedOn: string | null;
  dropReason: string | null;
  meetingId: number | null;
  custodyId: number | null;
  heldOn: string | null;
  forumName: string | null;
}

const MEETING_SELECT = `SELECT 'meeting' AS source, a.id, a.case_id AS caseId, a.description, a.partner, a.deadline, a.status, a.closed_on AS closedOn, a.drop_reason AS dropReason,
         m.id AS meetingId, NULL AS custodyId, m.held_on AS heldOn, f.name AS forumName
  FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id JOIN forums f ON f.id = m.forum_id`;
/** A release meeting is about a custody period of a person: its actions show on that person's cases. */
const RELEASE_SELECT = `SELECT 'release' AS source, ri.id, c.id AS caseId, ri.description, ri.owner AS partner, ri.deadline,
         CASE WHEN ri.done_on IS NOT NULL THEN 'done' WHEN ri.status = 'dropped' THEN 'dropped' ELSE 'open' END AS status,
         coalesce(ri.done_on, ri.dropped_on) AS closedOn, ri.drop_reason AS dropReason,
         rm.id AS meetingId, rm.custody_id AS custodyId, rm.held_on AS heldOn, NULL AS forumName
  FROM release_action_items ri JOIN release_meetings rm ON rm.id = ri.meeting_id JOIN custody_periods cp ON cp.id = rm.custody_id JOIN cases c ON c.person_id = cp.person_id`;
const CASE_SELECT = `SELECT 'case' AS source, a.id, a.case_id AS caseId, a.description, a.partner, a.deadline, a.status, a.closed_on AS closedOn, a.drop_reason AS dropReason,
         NULL AS meetingId, NULL AS custodyId, NULL AS heldOn, NULL AS forumName
  FROM case_actions a`;

function view(r: Row): ActionView {
  return {
    source: r.source,
    id: r.id,
    caseId: r.caseId,
    description: r.description,
    partner: r.partner,
    partnerLabel: r.source === 'release' ? r.partner : partnerLabel(r.partner),
    deadline: r.deadline,
    status: r.status as ActionStatus,
    closedOn: r.closedOn,
    dropReason: r.dropReason,
    origin:
      r.source === 'case' || r.meetingId === null
        ? null
        : { kind: r.source === 'meeting' ? 'meeting' : 'release', meetingId: r.meetingId, custodyId: r.custodyId, heldOn: r.heldOn!, forumName: r.forumName },
  };
}

const STATUS_ORDER: Record<string, number> = { open: 0, done: 1, dropped: 2 };

/** Open first (earliest deadline first, no deadline last), then done and dropped. */
export function sortActions(list: ActionView[]): ActionView[] {
  return list.sort(
    (a, b) =>
      STATUS_ORDER[a.status]! - STATUS_ORDER[b.status]! ||
      (a.deadline === null ? 1 : 0) - (b.deadline === null ? 1 : 0) ||
      (a.deadline && b.deadline ? compare(a.deadline, b.deadline) : 0) ||
      a.source.localeCompare(b.source) ||
      a.id - b.id,
  );
}

/** Every action on a case: agreed for it at meetings, at release meetings about its person, or added on it. */
export function actionsForCase(sqlite: Sqlite, caseId: number): ActionView[] {
  const exists = sqlite.prepare(`SELECT id FROM cases WHERE id = ?`).get(caseId);
  if (!exists) throw new AppError('NOT_FOUND', 'Sagen findes ikke.');
  const rows = [
    ...(sqlite.prepare(`${MEETING_SELECT} WHERE a.case_id = ?`).all(caseId) as Row[]),
    ...(sqlite.prepare(`${RELEASE_SELECT} WHERE c.id = ?`).all(caseId) as Row[]),
    ...(sqlite.prepare(`${CASE_SELECT} WHERE a.case_id = ?`).all(caseId) as Row[]),
  ];
  return sortActions(rows.map(view));
}

export function loadAction(sqlite: Sqlite, source: ActionSource, id: number): ActionView {
  const sql =
    source === 'meeting'
      ? `${MEETING_SELECT} WHERE a.id = ?`
      : source === 'release'
        ? `${RELEASE_SELECT} WHERE ri.id = ? ORDER BY c.status = 'open' DESC, c.id DESC LIMIT 1`
        : `${CASE_SELECT} WHERE a.id = ?`;
  let row = sqlite.prepare(sql).get(id) as Row | undefined;
  if (!row && source === 'release') {
    // A release meeting about a person with no case: the action still exists.
    row = sqlite
      .prepare(`${RELEASE_SELECT.replace(' JOIN cases c ON c.person_id = cp.person_id', '').replace('c.id AS caseId', 'NULL AS caseId')} WHERE ri.id = ?`)
      .get(id) as Row | undefined;
  }
  if (!row) throw new AppError('NOT_FOUND', 'Handlingen findes ikke længere. Genindlæs siden.');
  return view(row);
}

/** Add an action on a case (outside a meeting). */
export function addCaseAction(s: ServiceCtx, input: { caseId: number; description: string; partner: string; deadline: string }): ActionView {
  const id = s.db.transaction((tx) => {
    const c = s.sqlite.prepare(`SELECT id, status, anonymised_at AS anonymisedAt FROM cases WHERE id = ?`).get(input.caseId) as { id: number; status: string; anonymisedAt: string | null } | undefined;
    if (!c || c.anonymisedAt) throw new AppError('NOT_FOUND', 'Sagen findes ikke.');
    if (c.status !== 'open') throw new AppError('CONFLICT', 'Sagen er afsluttet. Genåbn den for at tilføje en handling.');
    const row = s.sqlite
      .prepare(`INSERT INTO case_actions (case_id, description, partner, deadline, status, actor, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?) RETURNING id`)
      .get(c.id, input.description.trim(), input.partner.trim(), input.deadline, s.actor, s.now.toISOString()) as { id: number };
    audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'action', entityId: row.id, detail: `source:case;case:${c.id}` });
    return row.id;
  });
  return loadAction(s.sqlite, 'case', id);
}

/**
 * Mark an action done (today), dropped (today, with a reason) or open again. Audited with the
 * source and the new status. Setting the status it already has changes nothing and is not audited.
 */
export function setActionStatus(s: ServiceCtx, input: { source: ActionSource; id: number; status: ActionStatus; reason?: string }): ActionView {
  s.db.transaction((tx) => {
    const before = loadAction(s.sqlite, input.source, input.id);
    if (before.status === input.status && (input.status !== 'dropped' || before.dropReason === input.reason?.trim())) return;
    const closedOn = input.status === 'open' ? null : s.today;
    const reason = input.status === 'dropped' ? input.reason!.trim() : null;
    if (input.source === 'release') {
      s.sqlite
        .prepare(`UPDATE release_action_items SET status = ?, done_on = ?, dropped_on = ?, drop_reason = ? WHERE id = ?`)
        .run(input.status, input.status === 'done' ? closedOn : null, input.status === 'dropped' ? closedOn : null, reason, input.id);
    } else {
      const table = input.source === 'meeting' ? 'meeting_actions' : 'case_actions';
      s.sqlite.prepare(`UPDATE ${table} SET status = ?, closed_on = ?, drop_reason = ? WHERE id = ?`).run(input.status, closedOn, reason, input.id);
    }
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: input.status === 'done' ? 'complete' : input.status === 'dropped' ? 'drop' : 'reopen',
      entity: 'action',
      entityId: input.id,
      detail: `source:${input.source};status:${input.status}${before.caseId ? `;case:${before.caseId}` : ''}`,
    });
  });
  return loadAction(s.sqlite, input.source, input.id);
}
