/**
 * Synthetic release-coordination demo data: custody periods for some of the young people with
 * an open level 3-4 case, with release meetings (participants, checklist, action items) and
 * follow-ups at 3/6/12 months. Deterministic for the same vault, seed and today; every date is
 * derived from `today`, never from the clock. Participants' names are invented (common first
 * names and made-up surnames); no real people.
 *
 * Consistent with what the services would write: dates pass custodyFieldProblems, periods of
 * one person do not overlap (one per person), meetings are not before imprisonment, follow-ups
 * are recorded between the release and today with due date = release + months.
 */
import type { Sqlite } from '../core/connection';
import { addDays, addMonths, ageInYears, compare, diffDays, minDate, type IsoDate } from '../../shared/core/dates';
import { CHECKLIST_ITEM_CODES, type ChecklistStatus, type CustodyType, type InstitutionKind, type ReleasePartner } from '../../shared/releases';
import type { Outcome } from '../../shared/ssp-plus';
import { createRng, type Rng } from '../core/rng';

export interface ReleaseSeedOptions {
  today: IsoDate;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Share of the eligible people (open level 3-4 case, aged 15-24) who get a custody period; default 0.3. */
  share?: number;
  /** At most this many custody periods; default 400. */
  max?: number;
  /** For the one audit entry only. */
  now?: Date;
  actor?: string;
  /** Write the audit entry; false when called from seedDemoData, which writes its own. Default true. */
  audit?: boolean;
}

export interface ReleaseSeedSummary {
  custodyPeriods: number;
  released: number;
  meetings: number;
  followUps: number;
}


const FIRST_NAMES = ['Anne', 'Mette', 'Lars', 'Jonas', 'Sara', 'Peter', 'Line', 'Mads', 'Ida', 'Karim', 'Fatima', 'Henrik', 'Yasmin', 'Ole', 'Camilla'];
const SURNAME_HEADS = ['Holm', 'Bæk', 'Lund', 'Skov', 'Kær', 'Strand', 'Eng', 'Mose', 'Ås'];
const SURNAME_TAILS = ['gaard', 'by', 'høj', 'sted', 'vig', 'toft', 'lev'];
const PLACES = ['Mødelokale i institutionen', 'Videomøde', 'Kriminalforsorgens kontor', 'Jobcenter København Unge', 'SSP-sekretariatet'];
const PARTNER_ROLES: Record<ReleasePartner, string | null> = {
  kriminalforsorgen: 'Tilsynsførende',
  institution: 'Kontaktperson',
  sof: 'Sagsbehandler',
  jobcenter: 'Jobkonsulent, Krimiteamet',
  housing: 'Boligsocial medarbejder',
  pensionat: 'Pensionatsleder',
  'young-person': null,
  family: 'Mor',
  other: 'Mentor',
};
const ACTIONS: readonly (readonly [string, string])[] = [
  ['Book første samtale i jobcentret', 'Jobcenter'],
  ['Søg om sundhedskort og NemID/MitID', 'SOF'],
  ['Afklar bolig efter løsladelsen', 'SOF'],
  ['Aftal første møde med tilsynsførende', 'Kriminalforsorgen'],
  ['Henvis til misbrugsbehandling', 'SOF'],
  ['Find mentor', 'SSP'],
  ['Bestil lægetid og medicin til første uge', 'Institutionen'],
];
const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [['uddannelse', 20], ['job', 15], ['aktivering', 22], ['ingen', 28], ['ukendt', 15]];

function inventedName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAME_HEADS)}${rng.pick(SURNAME_TAILS)}`;
}

type Scenario = 'soon' | 'later' | 'remand' | 'released';

/**
 * Add custody periods, meetings and follow-ups. Skips people who already have a custody period,
 * so running it twice adds nothing new for them. One transaction and one audit entry ('seed').
 */
export function seedReleases(sqlite: Sqlite, options: ReleaseSeedOptions): ReleaseSeedSummary {
  const today = options.today;
  const rng = createRng((options.seed ?? 1) ^ 0x5e1ea5e);
  const share = options.share ?? 0.3;
  const max = options.max ?? 400;
  const summary: ReleaseSeedSummary = { custodyPeriods: 0, released: 0, meetings: 0, followUps: 0 };

  sqlite.transaction(() => {
    const institutions = sqlite.prepare('SELECT id, kind FROM custody_institutions WHERE active = 1 ORDER BY sort_order, id').all() as { id: number; kind: InstitutionKind }[];
    if (institutions.length === 0) return;
    const ofKind = (kinds: InstitutionKind[]) => {
      const list = institutions.filter((i) => kinds.includes(i.kind));
      return list.length ? list : institutions;
    };
    const candidates = sqlite
      .prepare(
        `SELECT p.id, p.birth_date AS birthDate FROM people p JOIN cases c ON c.person_id = p.id
         WHERE c.status = 'open' AND c.level >= 3 AND NOT EXISTS (SELECT 1 FROM custody_periods cp WHERE cp.person_id = p.id)
         ORDER BY p.id`,
      )
      .all() as { id: number; birthDate: string }[];
    const st = {
      custody: sqlite.prepare(
        `INSERT INTO custody_periods (person_id, institution_id, type, imprisoned_on, expected_release_on, parole_on, released_on,
           handleplan_on, municipality_contacted_on, parole_decision_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      meeting: sqlite.prepare(`INSERT INTO release_meetings (custody_id, kind, held_on, place, notes, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`),
      participant: sqlite.prepare(`INSERT INTO release_meeting_participants (meeting_id, name, partner, organisation, sort_order) VALUES (?, ?, ?, ?, ?)`),
      item: sqlite.prepare(`INSERT INTO release_checklist_items (meeting_id, item, status, owner, deadline, note) VALUES (?, ?, ?, ?, ?, NULL)`),
      action: sqlite.prepare(`INSERT INTO release_action_items (meeting_id, description, owner, deadline, done_on, sort_order) VALUES (?, ?, ?, ?, ?, ?)`),
      followUp: sqlite.prepare(
        `INSERT INTO release_followups (custody_id, months, due_on, outcome, new_charge, recorded_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      audit: sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, 'seed', 'releases', NULL, ?)`),
    };
    const stamp = (date: IsoDate) => `${date}T09:00:00.000Z`;

    const addMeeting = (custodyId: number, kind: 'planning' | 'final', heldOn: IsoDate, progress: number) => {
      const id = Number(st.meeting.run(custodyId, kind, heldOn, rng.pick(PLACES), stamp(minDate(heldOn, today)), stamp(minDate(heldOn, today))).lastInsertRowid);
      const partners: ReleasePartner[] = ['kriminalforsorgen', 'sof', 'young-person', ...(rng.chance(0.7) ? (['jobcenter'] as const) : []), ...(rng.chance(0.4) ? (['pensionat'] as const) : []), ...(rng.chance(0.3) ? (['family'] as const) : [])];
      partners.forEach((partner, i) => {
        const role = PARTNER_ROLES[partner];
        st.participant.run(id, partner === 'young-person' ? 'Den unge' : inventedName(rng), partner, role, i);
      });
      for (const item of CHECKLIST_ITEM_CODES) {
        const status = rng.weighted<ChecklistStatus>([['arranged', 20 + 50 * progress], ['in-progress', 25], ['missing', 35 - 25 * progress], ['not-relevant', item === 'gang-exit' || item === 'substance-treatment' ? 30 : 8]]);
        const owner = status === 'not-relevant' ? null : rng.pick(['SOF', 'Kriminalforsorgen', 'Jobcenter', 'Institutionen', 'SSP']);
        const deadline = status === 'in-progress' || status === 'missing' ? addDays(heldOn, rng.int(7, 45)) : null;
        st.item.run(id, item, status, owner, deadline);
      }
      const actions = rng.int(1, 3);
      for (let i = 0; i < actions; i++) {
        const [what, who] = rng.pick(ACTIONS);
        const deadline = addDays(heldOn, rng.int(7, 40));
        const done = compare(deadline, today) < 0 && rng.chance(0.7) ? minDate(addDays(heldOn, rng.int(1, 30)), today) : null;
        st.action.run(id, what, who, deadline, done, i);
      }
      summary.meetings++;
    };

    for (const person of candidates) {
      if (summary.custodyPeriods >= max) break;
      if (!rng.chance(share)) continue;
      const age = ageInYears(person.birthDate, today);
      if (age < 15 || age > 24) continue;
      const scenario = rng.weighted<Scenario>([['soon', 30], ['later', 20], ['remand', 15], ['released', 35]]);
      const type: CustodyType = scenario === 'remand' ? 'varetaegt' : 'afsoning';
      const institution = rng.pick(ofKind(age < 18 ? ['youth'] : type === 'varetaegt' ? ['remand', 'arresthus'] : ['prison', 'arresthus'])).id;
      let imprisoned: IsoDate;
      let expected: IsoDate | null;
      let parole: IsoDate | null = null;
      let released: IsoDate | null = null;
      if (scenario === 'remand') {
        imprisoned = addDays(today, -rng.int(3, 120));
        expected = rng.chance(0.4) ? addDays(today, rng.int(20, 150)) : null;
      } else if (scenario === 'released') {
        released = addDays(today, -rng.int(1, 420));
        imprisoned = addDays(released, -rng.int(90, 900));
        expected = addDays(released, rng.weighted([[0, 60], [rng.int(1, 60), 40]] as const));
      } else {
        expected = addDays(today, scenario === 'soon' ? rng.int(5, 90) : rng.int(91, 600));
        imprisoned = addDays(today, -rng.int(60, 700));
        if (rng.chance(0.3)) {
          const p = addMonths(expected, -rng.int(2, 6));
          if (compare(p, imprisoned) > 0) parole = p;
        }
      }
      const earliest = released ?? parole ?? expected;
      const handleplan = rng.chance(0.85) ? minDate(addDays(imprisoned, rng.int(5, 35)), today) : null;
      const long = type === 'afsoning' && earliest !== null && compare(addMonths(imprisoned, 12), earliest) <= 0;
      const contactDue = long && earliest !== null ? addMonths(earliest, -12) : null;
      const contacted = contactDue !== null && compare(contactDue, today) <= 0 && rng.chance(0.75) ? minDate(addDays(contactDue, rng.int(-30, 20)), today) : null;
      const paroleDecision = parole !== null && compare(addDays(parole, -28), today) <= 0 && rng.chance(0.8) ? minDate(addDays(parole, -rng.int(20, 35)), today) : null;
      const safe = (d: IsoDate | null) => (d !== null && compare(d, imprisoned) < 0 ? imprisoned : d);
      const custodyId = Number(
        st.custody.run(person.id, institution, type, imprisoned, expected, parole, released, safe(handleplan), safe(contacted), safe(paroleDecision), stamp(imprisoned), stamp(released ?? minDate(addDays(imprisoned, 30), today))).lastInsertRowid,
      );
      summary.custodyPeriods++;

      // Meetings: a planning meeting inside the window (or before a release that already happened),
      // sometimes a final meeting, held or planned.
      if (earliest !== null) {
        const windowStart = addMonths(earliest, -3);
        const windowEnd = addMonths(earliest, -1);
        const latestHeld = minDate(released ? addDays(released, -1) : today, windowEnd);
        if (compare(windowStart, today) <= 0 && compare(windowStart, imprisoned) >= 0 && compare(latestHeld, windowStart) >= 0 && rng.chance(scenario === 'released' ? 0.85 : 0.55)) {
          const heldOn = addDays(windowStart, rng.int(0, diffDays(latestHeld, windowStart)));
          addMeeting(custodyId, 'planning', heldOn, 0.3);
          const finalOn = addDays(heldOn, rng.int(14, 40));
          if (compare(finalOn, released ?? earliest) < 0 && rng.chance(0.5)) addMeeting(custodyId, 'final', finalOn, compare(finalOn, today) <= 0 ? 0.8 : 0.5);
        }
      }

      if (released !== null) {
        summary.released++;
        for (const months of [3, 6, 12] as const) {
          const due = addMonths(released, months);
          // Recent follow-ups are often still to be made; older ones mostly recorded.
          if (compare(due, today) > 0 || !rng.chance(diffDays(today, due) <= 45 ? 0.35 : 0.9)) continue;
          const recorded = minDate(addDays(due, rng.int(-7, 20)), today);
          st.followUp.run(custodyId, months, due, rng.weighted(OUTCOME_WEIGHTS), rng.chance(0.25) ? 1 : 0, compare(recorded, released) < 0 ? released : recorded, stamp(recorded), stamp(recorded));
          summary.followUps++;
        }
      }
    }
    if (options.audit !== false) st.audit.run((options.now ?? new Date()).toISOString(), options.actor ?? 'Demodata', `custody:${summary.custodyPeriods};meetings:${summary.meetings};followups:${summary.followUps}`);
  })();
  return summary;
}
