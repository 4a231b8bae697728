/**
 * Synthetic demo data for forums and their meetings: members for each ledergruppe, past meetings
 * every six weeks with an agenda and decisions (actions and a journal note in the case, marked
 * with the meeting), and a meeting today whose agenda is the live proposal and has no decisions
 * yet, so a demo can go straight to the shared screen. Deterministic for the same vault, seed
 * and today; every date derives from `today`, never from the clock. No real people: members'
 * names are built from syllables, texts are generic.
 *
 * Consistent with the services: the agenda of a past meeting holds cases that were open and at
 * level 3-4 (levelAt over their history) in the forum's districts on the meeting day, proposed by
 * the same rule (proposeAgenda: a new or changed level, or a charge, since the previous meeting);
 * decisions keep the level (so case history and cases.level stay as seed.ts wrote them) and write
 * actions and a meeting-marked journal note, exactly as meetings.decide would.
 */
import type { Sqlite } from '../core/connection';
import { toDrizzle } from '../core/connection';
import { addDays, compare, type IsoDate } from '../../shared/core/dates';
import { agendaWindow, DEFAULT_AGENDA_LOOKBACK_DAYS, defaultLeaderGroupName, proposeAgenda, type AgendaCandidate, type Partner } from '../../shared/leader-meetings';
import type { CaseLevel } from '../../shared/cases';
import { decisionNoteText } from './decisions';
import { computeProposal } from './agenda';
import { createRng } from '../core/rng';

export interface MeetingSeedOptions {
  today: IsoDate;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Past meetings per forum, six weeks apart before today's; default 4. */
  pastMeetings?: number;
  /** At most this many cases on a past meeting's agenda; default 8. */
  maxAgenda?: number;
  /** For the one audit entry only. */
  now?: Date;
  actor?: string;
  /** Write the audit entry; false when called from seedDemoData, which writes its own. Default true. */
  audit?: boolean;
}

export interface MeetingSeedSummary {
  forums: number;
  members: number;
  meetings: number;
  agendaItems: number;
  decisions: number;
  actions: number;
}

const SEED_ACTOR = 'Demodata';
const MEETING_INTERVAL_DAYS = 42;


const FIRST_NAMES = ['Anne', 'Birgitte', 'Camilla', 'Dorthe', 'Helle', 'Jesper', 'Kasper', 'Lone', 'Martin', 'Niels', 'Pernille', 'Rasmus', 'Susanne', 'Thomas', 'Ulla'];
const SURNAME_HEADS = ['Bøge', 'Ege', 'Hvid', 'Kilde', 'Lind', 'Mose', 'Ravn', 'Skov', 'Stor', 'Vester'];
const SURNAME_TAILS = ['bjerg', 'dal', 'gaard', 'holm', 'lund', 'strup', 'toft', 'vang'];
/** One leader per partner in a ledergruppe (DOMAIN.md), with a typical title. */
const MEMBER_ROLES: readonly (readonly [Partner, string])[] = [
  ['sof', 'Leder, Børne- og Ungeenheden'],
  ['buf', 'Skoleleder'],
  ['kff', 'Klubleder'],
  ['police', 'Lokalpolitileder'],
  ['probation', 'Afdelingsleder, Kriminalforsorgen'],
];
const NOTES = [
  'Status gennemgået. Indsatsen fortsætter uændret.',
  'Skolen og klubben holder tæt kontakt og melder tilbage til næste møde.',
  'Familien er inddraget. Der følges op på fremmøde i skolen.',
  'Bekymringen er uændret. Partnerne deler viden inden næste møde.',
  'Positiv udvikling siden sidst; indsatsen fastholdes.',
];
const ACTIONS: readonly (readonly [string, Partner])[] = [
  ['Bekymringssamtale med den unge og forældrene', 'police'],
  ['Møde med skolen om fremmøde', 'buf'],
  ['Tilbud om fritidsjob', 'kff'],
  ['Vurdering af behov for mentor', 'sof'],
  ['Opfølgning på vilkår', 'probation'],
  ['Kontakt til klubben om aftenåbent', 'kff'],
];

/**
 * Add members to forums without any, and meetings to forums without any. Creates the default
 * ledergrupper first when the vault has no forums. One transaction and one audit entry ('seed').
 */
export function seedMeetings(sqlite: Sqlite, options: MeetingSeedOptions): MeetingSeedSummary {
  const today = options.today;
  const rng = createRng((options.seed ?? 1) ^ 0x3ee7);
  const pastCount = options.pastMeetings ?? 4;
  const maxAgenda = options.maxAgenda ?? 8;
  const actor = options.actor ?? SEED_ACTOR;
  const summary: MeetingSeedSummary = { forums: 0, members: 0, meetings: 0, agendaItems: 0, decisions: 0, actions: 0 };
  const stamp = (date: IsoDate, time = '10:00:00') => new Date(`${date}T${time}`).toISOString();

  sqlite.transaction(() => {
    const st = {
      forum: sqlite.prepare(`INSERT INTO forums (name, kind, minutes_show_names, active, created_at, updated_at) VALUES (?, 'leader-group', 0, 1, ?, ?)`),
      forumDistrict: sqlite.prepare(`INSERT INTO forum_districts (forum_id, district_id) VALUES (?, ?)`),
      member: sqlite.prepare(`INSERT INTO forum_members (forum_id, name, partner, title, sort_order) VALUES (?, ?, ?, ?, ?)`),
      meeting: sqlite.prepare(`INSERT INTO meetings (forum_id, held_on, starts_at, location, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`),
      attendee: sqlite.prepare(`INSERT INTO meeting_attendees (meeting_id, member_id, name, partner, guest) VALUES (?, ?, ?, ?, 0)`),
      item: sqlite.prepare(`INSERT INTO meeting_agenda_items (meeting_id, position, kind, case_id, title, reasons) VALUES (?, ?, ?, ?, ?, ?)`),
      note: sqlite.prepare(`INSERT INTO case_notes (case_id, author, written_at, text, meeting_id) VALUES (?, ?, ?, ?, ?)`),
      decision: sqlite.prepare(
        `INSERT INTO meeting_decisions (meeting_id, agenda_item_id, case_id, level_before, level_after, level_reason, level_change_id, next_review_on, note, note_id, actor, created_at)
         VALUES (?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?, ?)`,
      ),
      action: sqlite.prepare(`INSERT INTO meeting_actions (decision_id, meeting_id, case_id, description, partner, deadline) VALUES (?, ?, ?, ?, ?, ?)`),
      audit: sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, 'seed', 'meeting', NULL, ?)`),
      candidates: sqlite.prepare(
        `SELECT c.id, c.case_number AS caseNumber,
           (SELECT l.level FROM case_level_changes l WHERE l.case_id = c.id AND l.changed_on <= @through ORDER BY l.changed_on DESC, l.id DESC LIMIT 1) AS level,
           (SELECT group_concat(l.changed_on) FROM case_level_changes l WHERE l.case_id = c.id AND l.changed_on > @after AND l.changed_on <= @through) AS changes,
           (SELECT group_concat(e.occurred_on) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'charge' AND e.occurred_on > @after AND e.occurred_on <= @through) AS charges
         FROM cases c
         WHERE c.district_id = @district AND c.opened_on <= @through AND (c.closed_on IS NULL OR c.closed_on > @through)
         ORDER BY c.id`,
      ),
    };

    // Forums: the default ledergrupper when the vault has none (as forums.list would create them).
    if ((sqlite.prepare('SELECT count(*) AS n FROM forums').get() as { n: number }).n === 0) {
      const ds = sqlite.prepare('SELECT id, name FROM districts WHERE active = 1 ORDER BY sort_order, name').all() as { id: number; name: string }[];
      for (const d of ds) {
        const id = Number(st.forum.run(defaultLeaderGroupName(d.name), stamp(today), stamp(today)).lastInsertRowid);
        st.forumDistrict.run(id, d.id);
        summary.forums += 1;
      }
    }
    const forums = sqlite.prepare(`SELECT id, name, kind FROM forums WHERE active = 1 AND kind = 'leader-group' ORDER BY id`).all() as { id: number; name: string; kind: string }[];

    for (const forum of forums) {
      // Members, when the forum has none.
      if (!(sqlite.prepare('SELECT 1 FROM forum_members WHERE forum_id = ?').get(forum.id))) {
        MEMBER_ROLES.forEach(([partner, title], i) => {
          st.member.run(forum.id, `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAME_HEADS)}${rng.pick(SURNAME_TAILS)}`, partner, title, i);
          summary.members += 1;
        });
      }
      if (sqlite.prepare('SELECT 1 FROM meetings WHERE forum_id = ?').get(forum.id)) continue;
      const members = sqlite.prepare('SELECT id, name, partner FROM forum_members WHERE forum_id = ? ORDER BY sort_order, id').all(forum.id) as { id: number; name: string; partner: string }[];
      const districtIds = (sqlite.prepare('SELECT district_id AS id FROM forum_districts WHERE forum_id = ?').all(forum.id) as { id: number }[]).map((d) => d.id);
      const location = `${forum.name.replace(/^SSP-ledergruppe /, '')} Medborgerhus`;

      const dates: IsoDate[] = [];
      for (let k = pastCount; k >= 1; k--) dates.push(addDays(today, -MEETING_INTERVAL_DAYS * k));
      let previous: IsoDate | null = null;
      for (const heldOn of dates) {
        const meetingId = Number(st.meeting.run(forum.id, heldOn, '09:00', location, stamp(heldOn, '08:00:00'), stamp(heldOn, '12:00:00')).lastInsertRowid);
        summary.meetings += 1;
        for (const m of members) if (rng.next() < 0.85) st.attendee.run(meetingId, m.id, m.name, m.partner);
        const window = agendaWindow(heldOn, previous, DEFAULT_AGENDA_LOOKBACK_DAYS);
        const candidates: (AgendaCandidate & { level: CaseLevel })[] = [];
        for (const districtId of districtIds) {
          for (const r of st.candidates.all({ district: districtId, after: window.after, through: window.through }) as {
            id: number; caseNumber: string; level: number | null; changes: string | null; charges: string | null;
          }[]) {
            if (r.level === null) continue;
            candidates.push({
              id: r.id,
              caseNumber: r.caseNumber,
              status: 'open',
              level: r.level as CaseLevel,
              districtId,
              nextReviewOn: null, // the review date on a past day is not kept; changes and charges decide
              levelChangeDates: r.changes ? r.changes.split(',') : [],
              chargeDates: r.charges ? r.charges.split(',') : [],
            });
          }
        }
        const proposed = proposeAgenda(candidates, { levels: [3, 4], districtIds }, window).slice(0, maxAgenda);
        const levelOf = new Map(candidates.map((c) => [c.id, c.level]));
        proposed.forEach((p, i) => {
          const itemId = Number(st.item.run(meetingId, i + 1, 'case', p.caseId, null, p.reasons.join(',')).lastInsertRowid);
          summary.agendaItems += 1;
          if (rng.next() < 0.15) return; // not reached at the meeting
          const levelBefore = levelOf.get(p.caseId)!;
          const note = rng.pick(NOTES);
          const actions = Array.from({ length: rng.int(0, 2) }, () => {
            const [description, partner] = rng.pick(ACTIONS);
            return { description, partner, deadline: addDays(heldOn, rng.int(14, 42)) };
          });
          const text = decisionNoteText({ forumName: forum.name, heldOn, levelBefore, actions, note });
          const noteId = Number(st.note.run(p.caseId, actor, stamp(heldOn, '11:00:00'), text, meetingId).lastInsertRowid);
          const decisionId = Number(st.decision.run(meetingId, itemId, p.caseId, levelBefore, note, noteId, actor, stamp(heldOn, '11:00:00')).lastInsertRowid);
          summary.decisions += 1;
          for (const a of actions) {
            st.action.run(decisionId, meetingId, p.caseId, a.description, a.partner, a.deadline);
            summary.actions += 1;
          }
        });
        st.item.run(meetingId, proposed.length + 1, 'point', null, 'Eventuelt', '');
        summary.agendaItems += 1;
        previous = heldOn;
      }

      // Today's meeting: the live proposal, no decisions yet.
      if (previous === null || compare(previous, today) < 0) {
        const meetingId = Number(st.meeting.run(forum.id, today, '09:00', location, stamp(today, '08:00:00'), stamp(today, '08:00:00')).lastInsertRowid);
        summary.meetings += 1;
        for (const m of members) st.attendee.run(meetingId, m.id, m.name, m.partner);
        const db = toDrizzle(sqlite);
        const meetingRow = { id: meetingId, forumId: forum.id, heldOn: today, startsAt: '09:00', location, privacyLevel: null, createdAt: stamp(today), updatedAt: stamp(today) };
        const forumRow = { id: forum.id, name: forum.name, kind: 'leader-group' as const, minutesShowNames: false, privacyLevel: 'initials' as const, active: true, createdAt: stamp(today), updatedAt: stamp(today) };
        const { items } = computeProposal(db, meetingRow, forumRow);
        items.forEach((p, i) => {
          st.item.run(meetingId, i + 1, 'case', p.caseId, null, p.reasons.join(','));
          summary.agendaItems += 1;
        });
      }
    }
    if (options.audit !== false) {
      st.audit.run((options.now ?? new Date()).toISOString(), actor, `meetings:${summary.meetings};decisions:${summary.decisions}`);
    }
  })();
  return summary;
}
