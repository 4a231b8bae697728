import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { seedDemoData } from '../../src/main/demo-data';
import { seedMeetings } from '../../src/main/leader-meetings/seed';
import { levelAt, type CaseLevel } from '../../src/shared/cases/levels';
import type { MeetingDetail, MeetingSummary, Minutes, Projection } from '../../src/shared/leader-meetings/contract';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T10:00:00');

let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

const sqlite = () => v.ctx.vault.current.sqlite;
const all = <T,>(q: string, ...p: unknown[]) => sqlite().prepare(q).all(...p) as T[];

describe('meetings demo data', () => {
  it('adds members and meetings consistent with the rules, readable through every meeting operation, once', async () => {
    seedDemoData(sqlite(), { people: 400, seed: 3, today: TODAY, now: NOW });
    seedMeetings(sqlite(), { today: TODAY, seed: 3, now: NOW });
    const meetings = await v.call<MeetingSummary[]>('meetings.list', {});
    expect(meetings.length).toBeGreaterThanOrEqual(10);
    // Every ledergruppe has five members, one per partner, and a meeting today.
    const members = all<{ forumId: number; partners: string }>(`SELECT forum_id AS forumId, group_concat(partner) AS partners FROM forum_members GROUP BY forum_id`);
    expect(members.length).toBe(10);
    for (const m of members) expect(m.partners.split(',').sort()).toEqual(['buf', 'kff', 'police', 'probation', 'sof']);
    expect(meetings.filter((m) => m.heldOn === TODAY).length).toBe(10);
    expect(meetings.filter((m) => m.heldOn === TODAY).every((m) => m.decidedCount === 0)).toBe(true);

    // Agenda cases of past meetings were open and at level 3-4 in the forum's districts that day.
    const items = all<{ heldOn: string; caseId: number; districtOk: number; openedOn: string; closedOn: string | null }>(
      `SELECT m.held_on AS heldOn, i.case_id AS caseId, c.opened_on AS openedOn, c.closed_on AS closedOn,
              EXISTS (SELECT 1 FROM forum_districts fd WHERE fd.forum_id = m.forum_id AND fd.district_id = c.district_id) AS districtOk
       FROM meeting_agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN cases c ON c.id = i.case_id WHERE i.kind = 'case'`,
    );
    expect(items.length).toBeGreaterThan(20);
    for (const it of items) {
      expect(it.districtOk).toBe(1);
      expect(it.openedOn <= it.heldOn).toBe(true);
      const history = all<{ date: string; level: CaseLevel }>(`SELECT changed_on AS date, level FROM case_level_changes WHERE case_id = ? ORDER BY id`, it.caseId);
      expect([3, 4]).toContain(levelAt(history, it.heldOn));
    }
    // Each decision has its meeting-marked journal note, and keeps the level.
    const decisions = all<{ caseId: number; noteMeeting: number; meetingId: number; levelAfter: number | null; text: string }>(
      `SELECT d.case_id AS caseId, n.meeting_id AS noteMeeting, d.meeting_id AS meetingId, d.level_after AS levelAfter, n.text FROM meeting_decisions d JOIN case_notes n ON n.id = d.note_id`,
    );
    expect(decisions.length).toBeGreaterThan(10);
    for (const d of decisions) {
      expect(d.noteMeeting).toBe(d.meetingId);
      expect(d.levelAfter).toBeNull();
      expect(d.text).toMatch(/^Beslutning på møde i SSP-ledergruppe /);
    }

    // Every meeting opens, projects and gives minutes through the real handlers (outputs validated).
    for (const m of meetings) {
      const detail = await v.call<MeetingDetail>('meetings.get', { meetingId: m.id });
      const p = await v.call<Projection>('meetings.projection', { meetingId: m.id });
      expect(p.items.length).toBe(detail.agenda.length);
      await v.call<Minutes>('meetings.minutes', { meetingId: m.id });
    }
    // Today's agenda is exactly the live proposal.
    const todays = meetings.find((m) => m.heldOn === TODAY && m.caseCount > 0)!;
    const proposal = await v.call<{ items: { caseId: number; onAgenda: boolean }[] }>('meetings.proposeAgenda', { meetingId: todays.id });
    const agenda = await v.call<MeetingDetail>('meetings.get', { meetingId: todays.id });
    expect(agenda.agenda.map((i) => i.case!.caseId)).toEqual(proposal.items.map((i) => i.caseId));

    // A second run adds nothing.
    const again = seedMeetings(sqlite(), { today: TODAY, seed: 3, now: NOW });
    expect(again).toEqual({ forums: 0, members: 0, meetings: 0, agendaItems: 0, decisions: 0, actions: 0 });
  });

  it('is deterministic for the same vault, seed and today', async () => {
    const other = await createTestVault({ now: () => NOW });
    try {
      const rows = (t: TestVault) =>
        ['forum_members', 'meetings', 'meeting_attendees', 'meeting_agenda_items', 'meeting_decisions', 'meeting_actions'].map((table) => t.ctx.vault.current.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all());
      for (const t of [v, other]) {
        seedDemoData(t.ctx.vault.current.sqlite, { people: 150, seed: 9, today: TODAY, now: NOW });
        seedMeetings(t.ctx.vault.current.sqlite, { today: TODAY, seed: 9, now: NOW });
      }
      expect(rows(other)).toEqual(rows(v));
    } finally {
      other.cleanup();
    }
  });
});
