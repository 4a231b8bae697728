import { asc, eq, inArray } from 'drizzle-orm';
import { cases, contacts, people } from '../cases';
import { forums, meetingActions, meetingAgendaItems, meetingAttendees, meetings } from './schema';
import type { DbOrTx } from '../core/connection';
import { fullName, initials } from '../../shared/core/names';
import { caseLabelAt, scrubPersonalData, scrubStrings, type ForumKind, type Partner } from '../../shared/leader-meetings';
import { meetingPrivacy } from './privacy';
import type { CaseLevel } from '../../shared/cases';
import type { Decision, Minutes } from '../../shared/leader-meetings';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { loadForum } from './forums';
import { loadMeeting, meetingDecisionsByItem } from './writes';
import { youthGroupCaseIds, youthGroups } from '../cases';

interface AgendaPerson {
  caseId: number;
  caseNumber: string;
  firstName: string;
  lastName: string;
  cpr: string | null;
  level: CaseLevel;
  /** The school and the contacts' names and phone numbers: scrubbed from free text too. */
  others: string[];
}

/**
 * The minutes of a meeting: attendees, agenda, and each case's decision. Cases appear by
 * pseudonym unless the forum allows names; then, as a safety net for free text typed at the
 * meeting, every agenda person's names and any CPR-shaped number are replaced by initials and
 * "[CPR]". No CPR number is ever part of the minutes. Opening them is audited.
 */
export function getMinutes(s: ServiceCtx, meetingId: number): Minutes {
  return s.db.transaction((tx) => {
    const m = loadMeeting(tx, meetingId);
    const forum = loadForum(tx, m.forumId);
    const showNames = forum.minutesShowNames;
    const privacyLevel = meetingPrivacy(m, forum);
    const items = tx.select().from(meetingAgendaItems).where(eq(meetingAgendaItems.meetingId, m.id)).orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.id)).all();
    // A youth group's cases are agenda people too: their names are scrubbed from free text as well.
    const groupCases = new Map(items.flatMap((i) => (i.groupId ? [[i.groupId, youthGroupCaseIds(tx, i.groupId)] as const] : [])));
    const groupNames = new Map(
      groupCases.size ? tx.select({ id: youthGroups.id, name: youthGroups.name }).from(youthGroups).where(inArray(youthGroups.id, [...groupCases.keys()])).all().map((g) => [g.id, g.name]) : [],
    );
    const persons = agendaPeople(tx, [...new Set([...items.flatMap((i) => (i.caseId ? [i.caseId] : [])), ...[...groupCases.values()].flat()])]);
    const labelOf = (p: AgendaPerson) => (showNames ? `${fullName(p.firstName, p.lastName)} (${p.caseNumber})` : caseLabelAt(privacyLevel, p.firstName, p.lastName, p.caseNumber));
    const clean = (text: string | null): string | null => {
      if (text === null) return null;
      let out = text.replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, '[CPR]');
      for (const p of persons.values()) {
        if (!showNames) out = scrubPersonalData(out, p, privacyLevel === 'case-number' ? p.caseNumber : initials(p.firstName, p.lastName) || '[navn]');
        out = scrubStrings(out, p.others, '[…]');
      }
      return out;
    };
    const decisions = meetingDecisionsByItem(tx, m.id);
    audit(tx, { at: s.now, actor: s.actor, action: 'view', entity: 'meeting', entityId: m.id, detail: `minutes;names:${showNames};privacy:${privacyLevel}` });
    return {
      meetingId: m.id,
      forumName: forum.name,
      forumKind: forum.kind as ForumKind,
      heldOn: m.heldOn,
      startsAt: m.startsAt,
      location: m.location,
      showNames,
      privacyLevel,
      attendees: tx
        .select()
        .from(meetingAttendees)
        .where(eq(meetingAttendees.meetingId, m.id))
        .orderBy(asc(meetingAttendees.guest), asc(meetingAttendees.id))
        .all()
        .map((a) => ({ name: a.name, partner: a.partner as Partner, guest: a.guest })),
      items: items.map((i, index) => {
        const p = i.caseId ? persons.get(i.caseId) : undefined;
        const d = decisions.get(i.id);
        const decision: Decision | null = d
          ? {
              id: d.id,
              levelBefore: d.levelBefore,
              levelAfter: d.levelAfter,
              levelReason: clean(d.levelReason),
              nextReviewOn: d.nextReviewOn,
              note: clean(d.note),
              actions: d.actions.map((a) => ({ ...a, description: clean(a.description)! })),
              actor: d.actor,
              createdAt: d.createdAt,
            }
          : null;
        return {
          position: index + 1,
          kind: i.kind,
          title: i.groupId ? (groupNames.get(i.groupId) ?? null) : clean(i.title),
          note: clean(i.pointNote),
          caseLabel: p ? labelOf(p) : null,
          ...(i.groupId ? { groupCaseLabels: (groupCases.get(i.groupId) ?? []).flatMap((id) => (persons.has(id) ? [labelOf(persons.get(id)!)] : [])) } : {}),
          level: p ? p.level : null,
          decision,
        };
      }),
      preparedBy: s.actor,
    };
  });
}

function agendaPeople(tx: DbOrTx, caseIds: number[]): Map<number, AgendaPerson> {
  if (!caseIds.length) return new Map();
  const rows = tx
    .select({ caseId: cases.id, personId: people.id, caseNumber: cases.caseNumber, firstName: people.firstName, lastName: people.lastName, cpr: people.cpr, level: cases.level, school: people.school })
    .from(cases)
    .innerJoin(people, eq(people.id, cases.personId))
    .where(inArray(cases.id, caseIds))
    .all();
  const byPerson = new Map<number, string[]>();
  const personIds = rows.map((r) => r.personId);
  for (const c of personIds.length ? tx.select({ personId: contacts.personId, name: contacts.name, phone: contacts.phone }).from(contacts).where(inArray(contacts.personId, personIds)).all() : []) {
    byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c.name, ...(c.phone ? [c.phone] : [])]);
  }
  return new Map(
    rows.map(({ personId, school, ...r }) => {
      // Longest first, so a contact's full name goes before a part of it; short strings are not scrubbed (they would hit ordinary words).
      const others = [...(school ? [school] : []), ...(byPerson.get(personId) ?? [])].map((x) => x.trim()).filter((x) => [...x].length >= 3).sort((a, b) => b.length - a.length);
      return [r.caseId, { ...r, level: r.level as CaseLevel, others }];
    }),
  );
}

/** The actions agreed for a case at meetings, latest deadline last. For the case view. */
export function caseActions(db: DbOrTx, caseId: number) {
  return db
    .select({ a: meetingActions, heldOn: meetings.heldOn, forumName: forums.name })
    .from(meetingActions)
    .innerJoin(meetings, eq(meetings.id, meetingActions.meetingId))
    .innerJoin(forums, eq(forums.id, meetings.forumId))
    .where(eq(meetingActions.caseId, caseId))
    .orderBy(asc(meetingActions.deadline), asc(meetingActions.id))
    .all()
    .map(({ a, heldOn, forumName }) => ({ id: a.id, meetingId: a.meetingId, heldOn, forumName, description: a.description, partner: a.partner as Partner, deadline: a.deadline }));
}
