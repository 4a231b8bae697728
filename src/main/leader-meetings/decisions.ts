import { and, desc, eq } from 'drizzle-orm';
import { caseLevelChanges } from '../cases';
import { meetingActions, meetingAgendaItems, meetingDecisions } from './schema';
import { AppError } from '../core/errors';
import { compare, formatDanishDate } from '../../shared/core/dates';
import { partnerLabel } from '../../shared/leader-meetings';
import type { CaseLevel } from '../../shared/cases';
import type { DecisionInput, MeetingDetail } from '../../shared/leader-meetings';
import { addNote, changeLevel, loadCase, updateCase } from '../cases';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { loadForum } from './forums';
import { getMeetingDetail, loadMeeting } from './writes';

/** The journal note that records a decision in the case: what was decided, where, and the note. */
export function decisionNoteText(d: {
  forumName: string;
  heldOn: string;
  levelBefore: CaseLevel;
  levelChange?: { level: CaseLevel; reason: string };
  actions: { description: string; partner: string; deadline: string }[];
  nextReviewOn?: string;
  note?: string;
}): string {
  const lines = [`Beslutning på møde i ${d.forumName} ${formatDanishDate(d.heldOn)}:`];
  if (d.levelChange) lines.push(`- Niveau ændret fra ${d.levelBefore} til ${d.levelChange.level}: ${d.levelChange.reason.trim()}`);
  else lines.push(`- Niveau uændret (${d.levelBefore}).`);
  for (const a of d.actions) lines.push(`- Handling: ${a.description.trim()} (ansvarlig: ${partnerLabel(a.partner)}, frist ${formatDanishDate(a.deadline)})`);
  if (d.nextReviewOn) lines.push(`- Næste opfølgning: ${formatDanishDate(d.nextReviewOn)}`);
  if (d.note?.trim()) lines.push('', d.note.trim());
  return lines.join('\n');
}

/**
 * Record the decision on one agenda case and apply it to the case in ONE transaction: the level
 * change (dated the meeting day, decided by the forum, marked with the meeting), the next review
 * date, the actions, and a journal note summarising it. Any failure leaves the case unchanged.
 * One decision per agenda case; corrections are made on the case itself.
 */
export function decide(s: ServiceCtx, input: DecisionInput): MeetingDetail {
  s.db.transaction((tx) => {
    const m = loadMeeting(tx, input.meetingId);
    const forum = loadForum(tx, m.forumId);
    const item = tx.select().from(meetingAgendaItems).where(and(eq(meetingAgendaItems.meetingId, m.id), eq(meetingAgendaItems.caseId, input.caseId))).get();
    if (!item) throw new AppError('NOT_FOUND', 'Sagen står ikke på mødets dagsorden. Tilføj den først.');
    if (tx.select({ id: meetingDecisions.id }).from(meetingDecisions).where(eq(meetingDecisions.agendaItemId, item.id)).get()) {
      throw new AppError('CONFLICT', 'Der er allerede gemt en beslutning for sagen på dette møde. Ret den på sagen i stedet.');
    }
    const actions = input.actions ?? [];
    const note = input.note?.trim() || undefined;
    if (!input.levelChange && !actions.length && !input.nextReviewOn && !note) {
      throw new AppError('INVALID_INPUT', 'Beslutningen er tom. Udfyld mindst ét felt.', { note: 'Skriv en note, eller udfyld et af de andre felter' });
    }
    if (compare(m.heldOn, s.today) > 0) throw new AppError('RULE_VIOLATION', 'Beslutninger kan først gemmes på mødedagen.');
    const c = loadCase(tx, input.caseId);
    const levelBefore = c.level as CaseLevel;
    const fields: Record<string, string> = {};
    if (input.levelChange && input.levelChange.level === levelBefore) fields['levelChange.level'] = `Sagen er allerede på niveau ${levelBefore}`;
    if (input.nextReviewOn && compare(input.nextReviewOn, m.heldOn) <= 0) fields.nextReviewOn = 'Skal ligge efter mødet';
    actions.forEach((a, i) => {
      if (compare(a.deadline, m.heldOn) < 0) fields[`actions.${i}.deadline`] = 'Fristen kan ikke ligge før mødet';
    });
    if (Object.keys(fields).length) throw new AppError('INVALID_INPUT', 'Beslutningen kan ikke gemmes. Ret de markerede felter.', fields);

    if (input.nextReviewOn) updateCase(s, { caseId: c.id, nextReviewOn: input.nextReviewOn }, tx);
    const noteId = addNote(
      s,
      {
        caseId: c.id,
        meetingId: m.id,
        text: decisionNoteText({ forumName: forum.name, heldOn: m.heldOn, levelBefore, levelChange: input.levelChange, actions, nextReviewOn: input.nextReviewOn, note }),
      },
      tx,
    );
    // The level change last: it checks the date against the case's history and recomputes the level.
    let levelChangeId: number | null = null;
    if (input.levelChange) {
      changeLevel(s, { caseId: c.id, level: input.levelChange.level, changedOn: m.heldOn, reason: input.levelChange.reason, forum: forum.name, meetingId: m.id }, tx);
      levelChangeId = tx
        .select({ id: caseLevelChanges.id })
        .from(caseLevelChanges)
        .where(and(eq(caseLevelChanges.caseId, c.id), eq(caseLevelChanges.meetingId, m.id)))
        .orderBy(desc(caseLevelChanges.id))
        .get()!.id;
    }
    const decision = tx
      .insert(meetingDecisions)
      .values({
        meetingId: m.id,
        agendaItemId: item.id,
        caseId: c.id,
        levelBefore,
        levelAfter: input.levelChange?.level ?? null,
        levelReason: input.levelChange?.reason.trim() ?? null,
        levelChangeId,
        nextReviewOn: input.nextReviewOn ?? null,
        note: note ?? null,
        noteId,
        actor: s.actor,
        createdAt: s.now.toISOString(),
      })
      .returning({ id: meetingDecisions.id })
      .get();
    for (const a of actions) {
      tx.insert(meetingActions).values({ decisionId: decision.id, meetingId: m.id, caseId: c.id, description: a.description.trim(), partner: a.partner, deadline: a.deadline }).run();
    }
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: 'create',
      entity: 'meeting_decision',
      entityId: decision.id,
      detail: `meeting:${m.id};case:${c.id}${input.levelChange ? `;level:${input.levelChange.level}` : ''};actions:${actions.length}`,
    });
  });
  return getMeetingDetail(s.db, input.meetingId);
}
