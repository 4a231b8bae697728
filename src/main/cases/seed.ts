/**
 * Synthetic demo data for a vault: people, cases with level and status history, events, journal
 * notes and contacts. Deterministic: the same options (people, seed, today) on a vault with the
 * same reference data give byte-identical rows (one PRNG stream, consumed in a fixed order, and
 * every timestamp derived from the generated dates, never from the clock).
 *
 * Never real people:
 * - first names are common given names; surnames are built from syllables ('Ege' + 'holt');
 * - CPR numbers have a valid shape, a birth date and century digit (7th digit) consistent with the
 *   birth date, and a last digit giving the legal sex, but the serial is chosen so that the number
 *   FAILS the modulus-11 check. Every number issued before October 2007 passes modulus 11, so for
 *   anyone born before then a failing number cannot be theirs; for later births it lowers the odds.
 *   The app accepts such numbers (with a warning), as the law requires.
 *
 * Fast: raw prepared statements in one transaction, writing exactly the columns the services
 * write (people.search_name/sort_name, case_number YYYY-NNNNN per opening year, level and status
 * history consistent with cases.level/status/closed_on/forum). Later domains (SSP+ plans,
 * releases, meetings) seed in their own folder, listed in src/main/modules.ts.
 */
import type { Sqlite } from '../core/connection';
import { AppError } from '../core/errors';
import { centuryOf } from '../../shared/core/cpr';
import { addYears, isValidIsoDate, type IsoDate } from '../../shared/core/dates';
import { normalizeForSearch } from '../../shared/core/districts';
import { danishSortKey, fullName } from '../../shared/core/names';
import { defaultForum, type CaseLevel, type ClosingReason, type EventKind, type OffenceCategory } from '../../shared/cases';
import type { DemoSeedStep } from '../core/module';

export interface SeedOptions {
  people: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** The reference date: ages, opening dates and review dates are relative to it. */
  today: IsoDate;
  /** For the one audit entry only (not part of the generated data). */
  now?: Date;
  actor?: string;
  /** Add to a vault that already has cases. Without it, such a vault is refused. */
  force?: boolean;
}

export interface SeedSummary {
  people: number;
  cases: number;
  openCases: number;
  closedCases: number;
  levelChanges: number;
  statusChanges: number;
  events: number;
  notes: number;
  contacts: number;
  ms: number;
}

export const MAX_SEED_PEOPLE = 250_000;
/** The actor on seeded history rows of cases without a coordinator. */
export const SEED_ACTOR = 'Demodata';

// ---------------------------------------------------------------------------------------------
// PRNG

export { createRng, type Rng } from '../core/rng';
import { createRng, type Rng } from '../core/rng';

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (fast; the shared helpers validate every call)

const DAY_MS = 86_400_000;
const dayOf = (iso: IsoDate) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
const pad2 = (n: number) => String(n).padStart(2, '0');
/** A time of day during office hours, as an ISO timestamp on that date. */
const stampOn = (rng: Rng, day: number) => `${isoOf(day)}T${pad2(rng.int(7, 15))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}.000Z`;

// ---------------------------------------------------------------------------------------------
// Vocabulary (synthetic)

const BOYS = [
  'William', 'Noah', 'Oscar', 'Lucas', 'Carl', 'Victor', 'Malthe', 'Emil', 'Frederik', 'Magnus', 'Alfred', 'Elias',
  'Mikkel', 'Mads', 'Jonas', 'Tobias', 'Kasper', 'Rasmus', 'Mohammed', 'Ali', 'Omar', 'Yusuf', 'Ahmad', 'Hamza',
  'Ibrahim', 'Adam', 'Zakaria', 'Mustafa', 'Søren', 'Bjørn', 'Aksel', 'Storm', 'Villads', 'Anton', 'August',
  'Valdemar', 'Sebastian', 'Nikolaj', 'Jens', 'Asger', 'Bjørk', 'Jørn', 'Sander', 'Milas', 'Idris', 'Karim',
] as const;
const GIRLS = [
  'Sofie', 'Ida', 'Freja', 'Emma', 'Maja', 'Ellen', 'Asta', 'Aya', 'Sara', 'Zainab', 'Mille', 'Liva', 'Alma',
  'Karla', 'Agnes', 'Nora', 'Josefine', 'Signe', 'Line', 'Julie', 'Caroline', 'Amalie', 'Laura', 'Clara',
  'Fatima', 'Maryam', 'Hiba', 'Ronja', 'Silje', 'Mathilde', 'Sølvi', 'Åse', 'Ærle', 'Cecilie', 'Naja', 'Yasmin',
  'Leila', 'Esther', 'Vigga', 'Søs',
] as const;
const SURNAME_START = [
  'Ege', 'Bøge', 'Ask', 'Lyng', 'Sten', 'Mølle', 'Kær', 'Strand', 'Skov', 'Dal', 'Bæk', 'Hav', 'Ål', 'Sø', 'Holm',
  'Vang', 'Lund', 'Ris', 'Tjørne', 'Hede', 'Krat', 'Mos', 'Grå', 'Ravn', 'Øster', 'Vester', 'Nør', 'Sønder',
  'Fjeld', 'Bjerg', 'Ager', 'Eng', 'Fure', 'Hassel', 'Kilde', 'Løv', 'Rønne', 'Tofte', 'Vænge', 'Ærte', 'Ørne',
] as const;
const SURNAME_END = [
  'holt', 'gaard', 'by', 'lund', 'dal', 'bæk', 'sø', 'mose', 'strup', 'rød', 'høj', 'vig', 'skov', 'kær', 'toft',
  'have', 'bjerg', 'næs', 'borg', 'sted', 'løkke', 'vang', 'holm', 'ager', 'feldt', 'å',
] as const;
const COORDINATORS = [
  'Anne Egeholt', 'Jonas Lyngbæk', 'Mette Skovtoft', 'Karim Ravnsø', 'Sara Bøgedal', 'Lars Kildevang', 'Nadia Østerholm',
  'Peter Møllekær', 'Hanne Rønnebjerg', 'Ali Hasselby', 'Louise Tjørnelund', 'Mikkel Ålestrup', 'Birgitte Fjeldsø', 'Tobias Agerskov',
] as const;

/** Uneven, roughly realistic shares for Copenhagen's districts; other names get a spread of weights. */
const DISTRICT_WEIGHTS: Readonly<Record<string, number>> = {
  Nørrebro: 15, Bispebjerg: 14, 'Vesterbro/Kongens Enghave': 13, 'Amager Vest': 12, 'Brønshøj-Husum': 11,
  Valby: 10, 'Amager Øst': 8, Østerbro: 7, Vanløse: 5, 'Indre By': 4,
};
const AGE_WEIGHTS: readonly (readonly [number, number])[] = [
  [10, 2], [11, 3], [12, 6], [13, 9], [14, 12], [15, 14], [16, 14], [17, 12], [18, 8], [19, 6], [20, 4], [21, 3], [22, 2], [23, 2], [24, 1.5], [25, 1.5],
];
const LEVEL_WEIGHTS: readonly (readonly [CaseLevel, number])[] = [[1, 45], [2, 30], [3, 17], [4, 8]];
const CLOSING_WEIGHTS: readonly (readonly [ClosingReason, number])[] = [
  ['concern-ended', 40], ['to-social-services', 15], ['to-adult-services', 14], ['moved', 12], ['to-ssp-plus', 8], ['other', 11],
];
/** A case closed and later reopened was usually closed because the concern seemed over. */
const FIRST_CLOSING_WEIGHTS: readonly (readonly [ClosingReason, number])[] = [['concern-ended', 70], ['moved', 15], ['other', 15]];
const OFFENCES: Readonly<Record<CaseLevel, readonly (readonly [OffenceCategory, number])[]>> = {
  1: [['other', 1]],
  2: [['theft', 30], ['vandalism', 20], ['stolen-goods', 10], ['drugs', 15], ['traffic', 10], ['fraud', 5], ['other', 10]],
  3: [['burglary', 25], ['theft', 15], ['weapons', 15], ['drugs', 20], ['stolen-goods', 10], ['robbery', 15]],
  4: [['violence', 40], ['robbery', 25], ['threats', 15], ['weapons', 12], ['arson', 5], ['sexual', 3]],
};
const EFFORTS_BY_LEVEL: Readonly<Record<CaseLevel, readonly string[]>> = {
  1: ['Klub', 'Fritidsjob', 'Mentor'],
  2: ['Den Korte Snor', 'Fritidsjob', 'Mentor', 'Klub'],
  3: ['Den Korte Snor', 'Mentor', 'Spydspidsen', 'Ny Start'],
  4: ['Spydspidsen', 'Ny Start', 'Mentor'],
};
const OPENING_REASONS: Readonly<Record<CaseLevel, readonly string[]>> = {
  1: ['Bekymringshenvendelse fra skolen', 'Klubben er bekymret for ny omgangskreds', 'Underretning om bekymrende adfærd', 'Stort skolefravær og uro i fritiden'],
  2: ['Sigtet for første gang', 'Sigtet for butikstyveri', 'Sigtet for hærværk'],
  3: ['Gentagne sigtelser', 'Flere sigtelser inden for et halvt år'],
  4: ['Sigtet for personfarlig kriminalitet', 'Sigtet for røveri', 'Sigtet for vold'],
};
const UP_REASONS = ['Ny sigtelse', 'Gentagen kriminalitet', 'Øget bekymring fra skole og klub'] as const;
const DOWN_REASONS = ['Positiv udvikling', 'Ingen nye sigtelser i seks måneder', 'Indsatsen virker', 'Stabil skolegang'] as const;
const REOPEN_REASONS = ['Genåbnet: ny bekymringshenvendelse', 'Genåbnet: ny sigtelse'] as const;
const CONCERNS = [
  'Henvendelse fra skolen om fravær og uro', 'Klubben er bekymret for ny omgangskreds', 'Underretning fra forælder',
  'Bekymring fra boligsociale medarbejdere', 'Set i grupper sent om aftenen', null,
] as const;
const NOTE_OPENERS = [
  'Møde med skolens AKT-lærer', 'Telefonsamtale med forælder', 'Hjemmebesøg sammen med socialrådgiver', 'Samtale med den unge i klubben',
  'Netværksmøde med skole, klub og SOF', 'Orientering fra politiets forebyggende betjent', 'Opfølgning med mentor',
] as const;
const NOTE_OBSERVATIONS = [
  'Den unge møder stabilt i skole.', 'Fraværet er steget den seneste måned.', 'Der er bekymring for en ny omgangskreds i området.',
  'Den unge er motiveret for et fritidsjob.', 'Forældrene ønsker et tættere samarbejde.', 'Den unge er ikke mødt op til de aftalte samtaler.',
  'Klubben oplever en positiv udvikling.', 'Der er ro omkring den unge for tiden.', 'Den unge fortæller selv, at det går bedre hjemme.',
] as const;
const NOTE_AGREEMENTS = [
  'Aftalt opfølgning om fire uger.', 'Sagen drøftes på næste møde i lokaludvalget.', 'Mentor kontakter den unge i næste uge.',
  'Skolen giver besked ved nyt fravær.', 'Der indkaldes til netværksmøde.', 'Ingen yderligere handling lige nu.',
] as const;

// ---------------------------------------------------------------------------------------------
// People

interface Reference {
  districts: { id: number; name: string }[];
  districtWeights: (readonly [number, number])[];
  coordinatorsByDistrict: Map<number | null, string[]>;
  efforts: { id: number; name: string }[];
}

interface PersonSeed {
  firstName: string;
  lastName: string;
  cpr: string | null;
  birthDay: number;
  sex: 'M' | 'K';
  districtId: number | null;
  school: string | null;
  age: number;
  /** Case skeleton: decided with the person so the cases can be written in opening order. */
  openedDay: number;
  closed: boolean;
}

function surname(rng: Rng): string {
  const one = () => `${rng.pick(SURNAME_START)}${rng.pick(SURNAME_END)}`;
  return rng.chance(0.1) ? `${one()} ${one()}` : one();
}

/** A CPR number for the birth date and sex that fails modulus 11 (see the file comment); unique in `taken`. */
export function syntheticCpr(rng: Rng, birthDate: IsoDate, sex: 'M' | 'K', taken: Set<string>): string {
  const year = Number(birthDate.slice(0, 4));
  const yy = birthDate.slice(2, 4);
  const century = year - (year % 100);
  const sevenths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => centuryOf(d, Number(yy)) === century);
  if (!sevenths.length) throw new RangeError('No CPR century digit for this birth year.');
  const head = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${yy}`;
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const serial = [rng.pick(sevenths), rng.int(0, 9), rng.int(0, 9)];
    const digits = [...head].map(Number).concat(serial);
    const sum = digits.reduce((s, d, i) => s + d * weights[i]!, 0);
    let last = 2 * rng.int(0, 4) + (sex === 'M' ? 1 : 0);
    // Two candidates of the same parity differ by 2..8, never by 11: at most one passes modulus 11.
    if ((sum + last) % 11 === 0) last = (last + 2) % 10;
    const cpr = `${head}-${serial.join('')}${last}`;
    if (!taken.has(cpr)) {
      taken.add(cpr);
      return cpr;
    }
  }
}

function generatePerson(rng: Rng, ref: Reference, today: IsoDate, todayDay: number, takenCpr: Set<string>): PersonSeed {
  const sex = rng.chance(0.76) ? 'M' : 'K';
  const age = rng.weighted(AGE_WEIGHTS);
  // Born in (today - (age+1) years, today - age years]: exactly `age` on `today`.
  const latest = dayOf(addYears(today, -age));
  const earliest = dayOf(addYears(today, -(age + 1))) + 1;
  const birthDay = rng.int(earliest, latest);
  const birthDate = isoOf(birthDay);
  const hasCpr = rng.chance(0.97);
  const cpr = hasCpr ? syntheticCpr(rng, birthDate, sex, takenCpr) : null;
  const firstName = sex === 'M' ? rng.pick(BOYS) : rng.pick(GIRLS);
  const lastName = surname(rng);
  const districtId = ref.districtWeights.length ? rng.weighted(ref.districtWeights) : null;
  const school = age < 17 && rng.chance(0.7) ? `${rng.pick(SURNAME_START)}${rng.pick(['holt', 'dal', 'vang', 'høj', 'lund'])}skolen` : null;
  // The case opens when the young person is 10 or older, within the last six years.
  const from = Math.max(dayOf(addYears(birthDate, 10)), todayDay - 6 * 365);
  const span = todayDay - from;
  const closed = rng.chance(0.2);
  const u = rng.next();
  const openedDay = closed ? from + Math.floor(span * u) : todayDay - Math.floor(span * u * u);
  return { firstName, lastName, cpr, birthDay, sex, districtId, school, age, openedDay, closed };
}

// ---------------------------------------------------------------------------------------------
// Cases: level path, status history, events, notes

interface LevelEntry {
  day: number;
  level: CaseLevel;
  reason: string;
}
interface StatusEntry {
  day: number;
  kind: 'opened' | 'closed' | 'reopened';
  reason: ClosingReason | null;
}
interface EventSeed {
  day: number;
  kind: EventKind;
  offence: OffenceCategory | null;
  effortId: number | null;
  description: string | null;
}

/** n distinct days in [from, to], sorted; fewer when the range is too short. */
function distinctDays(rng: Rng, n: number, from: number, to: number): number[] {
  const count = Math.max(0, Math.min(n, to - from + 1));
  const set = new Set<number>();
  while (set.size < count) set.add(rng.int(from, to));
  return [...set].sort((a, b) => a - b);
}

/** The levels before `next`, mostly one step away, cases escalating more often than not. */
function previousLevel(rng: Rng, next: CaseLevel): CaseLevel {
  if (next === 1) return 2;
  if (next === 4) return rng.chance(0.85) ? 3 : 2;
  return (rng.chance(0.65) ? next - 1 : next + 1) as CaseLevel;
}

function levelPath(rng: Rng, finalLevel: CaseLevel, days: number[], reopenAt: number | null): LevelEntry[] {
  const levels: CaseLevel[] = new Array(days.length);
  levels[days.length - 1] = finalLevel;
  for (let i = days.length - 2; i >= 0; i--) {
    // The reopening entry may keep the level it was closed with.
    levels[i] = days[i + 1] === reopenAt && rng.chance(0.5) ? levels[i + 1]! : previousLevel(rng, levels[i + 1]!);
  }
  return days.map((day, i) => {
    const level = levels[i]!;
    let reason: string;
    if (i === 0) reason = rng.pick(OPENING_REASONS[level]);
    else if (day === reopenAt) reason = rng.pick(REOPEN_REASONS);
    else if (level > levels[i - 1]!) reason = level === 4 ? 'Sigtet for personfarlig kriminalitet' : rng.pick(UP_REASONS);
    else reason = rng.pick(DOWN_REASONS);
    return { day, level, reason };
  });
}

function caseEvents(rng: Rng, ref: Reference, path: LevelEntry[], openedDay: number, endDay: number, closed: boolean): EventSeed[] {
  const out: EventSeed[] = [];
  const clamp = (d: number) => Math.min(Math.max(d, openedDay), endDay);
  path.forEach((entry, i) => {
    const escalated = i === 0 || entry.level > path[i - 1]!.level;
    if (!escalated) return;
    if (entry.level === 1) {
      out.push({ day: entry.day, kind: 'concern', offence: null, effortId: null, description: rng.pick(CONCERNS) });
      return;
    }
    out.push({ day: entry.day, kind: 'charge', offence: rng.weighted(OFFENCES[entry.level]), effortId: null, description: null });
    if (rng.chance(0.6)) out.push({ day: entry.day, kind: 'interview', offence: null, effortId: null, description: null });
    if (entry.level >= 3 && rng.chance(0.3)) {
      out.push({ day: clamp(entry.day + rng.int(0, 1)), kind: 'remand', offence: null, effortId: null, description: rng.chance(0.5) ? 'Løsladt efter fremstilling' : null });
    }
  });
  for (let i = rng.int(0, 2); i > 0; i--) {
    out.push({ day: rng.int(openedDay, endDay), kind: 'concern', offence: null, effortId: null, description: rng.pick(CONCERNS) });
  }
  const level = path[path.length - 1]!.level;
  const preferred = ref.efforts.filter((e) => EFFORTS_BY_LEVEL[level].includes(e.name));
  const pool = preferred.length ? preferred : ref.efforts;
  const effortCount = pool.length ? rng.weighted([[0, 40], [1, 40], [2, 20]] as const) : 0;
  for (let i = 0; i < effortCount; i++) {
    const effortId = rng.pick(pool).id;
    const offered = rng.int(openedDay, endDay);
    out.push({ day: offered, kind: 'effort-offered', offence: null, effortId, description: null });
    const started = offered + rng.int(3, 30);
    if (started > endDay || !rng.chance(0.75)) continue;
    out.push({ day: started, kind: 'effort-started', offence: null, effortId, description: null });
    const ended = started + rng.int(30, 240);
    if (ended <= endDay && rng.chance(0.5)) out.push({ day: ended, kind: 'effort-ended', offence: null, effortId, description: null });
    else if (closed && rng.chance(0.7)) out.push({ day: endDay, kind: 'effort-ended', offence: null, effortId, description: null });
  }
  return out.sort((a, b) => a.day - b.day);
}

function noteText(rng: Rng): string {
  return `${rng.pick(NOTE_OPENERS)}: ${rng.pick(NOTE_OBSERVATIONS)} ${rng.pick(NOTE_AGREEMENTS)}`;
}

// ---------------------------------------------------------------------------------------------
// Writing

function statements(sqlite: Sqlite) {
  return {
    person: sqlite.prepare(
      `INSERT INTO people (first_name, last_name, search_name, sort_name, cpr, birth_date, sex, sex_from_cpr, district_id, school, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    contact: sqlite.prepare(`INSERT INTO contacts (person_id, name, relation, phone) VALUES (?, ?, ?, NULL)`),
    case: sqlite.prepare(
      `INSERT INTO cases (case_number, external_ref, person_id, district_id, coordinator, forum, level, status, opened_on, next_review_on, closed_on, closing_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    level: sqlite.prepare(
      `INSERT INTO case_level_changes (case_id, changed_on, level, reason, forum, meeting_id, actor, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
    ),
    status: sqlite.prepare(`INSERT INTO case_status_changes (case_id, kind, changed_on, closing_reason, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
    event: sqlite.prepare(
      `INSERT INTO case_events (case_id, kind, occurred_on, offence_category, effort_id, description, meeting_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
    ),
    note: sqlite.prepare(`INSERT INTO case_notes (case_id, author, written_at, text, corrects_note_id, meeting_id) VALUES (?, ?, ?, ?, ?, NULL)`),
    audit: sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, 'seed', 'vault', NULL, ?)`),
  };
}
type Statements = ReturnType<typeof statements>;

function loadReference(sqlite: Sqlite): Reference {
  const districts = sqlite.prepare(`SELECT id, name FROM districts WHERE active = 1 ORDER BY sort_order, name`).all() as { id: number; name: string }[];
  const efforts = sqlite.prepare(`SELECT id, name FROM efforts WHERE active = 1 ORDER BY id`).all() as { id: number; name: string }[];
  const coordinatorsByDistrict = new Map<number | null, string[]>();
  districts.forEach((d, i) => {
    coordinatorsByDistrict.set(d.id, [COORDINATORS[i % COORDINATORS.length]!, COORDINATORS[(i + 5) % COORDINATORS.length]!]);
  });
  coordinatorsByDistrict.set(null, [COORDINATORS[0]]);
  return {
    districts,
    districtWeights: districts.map((d, i) => [d.id, DISTRICT_WEIGHTS[d.name] ?? 3 + ((i * 7) % 10)] as const),
    coordinatorsByDistrict,
    efforts,
  };
}

interface Counters {
  seq: Map<string, number>;
  summary: SeedSummary;
}

/** Write one person with one case, its history, events, notes and contacts. */
function writePersonWithCase(rng: Rng, st: Statements, ref: Reference, c: Counters, p: PersonSeed, todayDay: number): void {
  const s = c.summary;
  const opened = p.openedDay;
  const createdAt = stampOn(rng, opened);
  const personId = Number(
    st.person.run(
      p.firstName, p.lastName, normalizeForSearch(fullName(p.firstName, p.lastName)), danishSortKey(`${p.lastName} ${p.firstName}`),
      p.cpr, isoOf(p.birthDay), p.sex, p.cpr ? 1 : 0, p.districtId, p.school, createdAt, createdAt,
    ).lastInsertRowid,
  );
  s.people++;
  if (p.age < 18 && rng.chance(0.5)) {
    const relation = rng.weighted([['Mor', 55], ['Far', 35], ['Værge', 10]] as const);
    const name = relation === 'Mor' ? rng.pick(GIRLS) : relation === 'Far' ? rng.pick(BOYS) : rng.pick([...BOYS, ...GIRLS]);
    st.contact.run(personId, `${name} ${relation === 'Værge' ? surname(rng) : p.lastName}`, relation);
    s.contacts++;
  }

  const coordinator = rng.chance(0.95) ? rng.pick(ref.coordinatorsByDistrict.get(p.districtId) ?? [COORDINATORS[0]]) : null;
  const actor = coordinator ?? SEED_ACTOR;
  const closedDay = p.closed ? rng.int(Math.min(opened + 30, todayDay), todayDay) : null;
  const endDay = closedDay ?? todayDay;

  // Status history: opened, perhaps closed and reopened once, perhaps closed.
  const status: StatusEntry[] = [{ day: opened, kind: 'opened', reason: null }];
  let reopenDay: number | null = null;
  if (endDay - opened > 150 && rng.chance(0.04)) {
    const closedOnce = rng.int(opened + 30, opened + Math.floor((endDay - opened) / 2));
    reopenDay = rng.int(closedOnce + 14, endDay - 30);
    status.push({ day: closedOnce, kind: 'closed', reason: rng.weighted(FIRST_CLOSING_WEIGHTS) }, { day: reopenDay, kind: 'reopened', reason: null });
  }

  // Level history: the opening, the reopening (a level entry, as the service writes it), 0-3 changes after.
  const changes = rng.weighted([[0, 45], [1, 30], [2, 17], [3, 8]] as const);
  const changeFrom = (reopenDay ?? opened) + 1;
  const changeTo = closedDay !== null ? closedDay - 1 : todayDay;
  const days = [opened, ...(reopenDay !== null ? [reopenDay] : []), ...distinctDays(rng, changes, changeFrom, changeTo)];
  const path = levelPath(rng, rng.weighted(LEVEL_WEIGHTS), days, reopenDay);
  const finalLevel = path[path.length - 1]!.level;
  const closingReason = closedDay !== null ? closingReasonFor(rng, p.age - Math.floor((todayDay - closedDay) / 365), finalLevel) : null;
  if (closedDay !== null) status.push({ day: closedDay, kind: 'closed', reason: closingReason });

  const events = caseEvents(rng, ref, path, opened, endDay, closedDay !== null);
  const notes = distinctDays(rng, rng.weighted([[0, 10], [1, 30], [2, 30], [3, 20], [4, 10]] as const), opened, endDay);

  const year = isoOf(opened).slice(0, 4);
  const seq = (c.seq.get(year) ?? 0) + 1;
  c.seq.set(year, seq);
  const lastActivity = Math.max(endDay === todayDay ? opened : endDay, path[path.length - 1]!.day, events.length ? events[events.length - 1]!.day : opened, notes.length ? notes[notes.length - 1]! : opened);
  let nextReview: string | null = null;
  if (closedDay === null) nextReview = isoOf(rng.chance(0.15) ? todayDay - rng.int(1, 60) : todayDay + rng.int(1, 91));
  const externalRef = rng.chance(0.08) ? `SOF-${rng.int(100000, 999999)}` : null;
  const caseId = Number(
    st.case.run(
      `${year}-${String(seq).padStart(5, '0')}`, externalRef, personId, p.districtId, coordinator, defaultForum(finalLevel), finalLevel,
      closedDay !== null ? 'closed' : 'open', isoOf(opened), nextReview, closedDay !== null ? isoOf(closedDay) : null, closingReason,
      createdAt, stampOn(rng, lastActivity),
    ).lastInsertRowid,
  );
  s.cases++;
  if (closedDay !== null) s.closedCases++;
  else s.openCases++;

  for (const e of path) st.level.run(caseId, isoOf(e.day), e.level, e.reason, defaultForum(e.level), actor, e.day === opened ? createdAt : stampOn(rng, e.day));
  s.levelChanges += path.length;
  for (const e of status) st.status.run(caseId, e.kind, isoOf(e.day), e.reason, actor, e.day === opened && e.kind === 'opened' ? createdAt : stampOn(rng, e.day));
  s.statusChanges += status.length;
  for (const e of events) st.event.run(caseId, e.kind, isoOf(e.day), e.offence, e.effortId, e.description, actor, stampOn(rng, e.day));
  s.events += events.length;
  let firstNote: number | null = null;
  for (const day of notes) {
    const id = Number(st.note.run(caseId, actor, stampOn(rng, day), noteText(rng), null).lastInsertRowid);
    firstNote ??= id;
  }
  s.notes += notes.length;
  // Now and then a correction: a new note pointing at the first one (notes are never edited).
  if (firstNote !== null && notes.length && rng.chance(0.05)) {
    const day = rng.int(notes[notes.length - 1]!, endDay);
    st.note.run(caseId, actor, stampOn(rng, day), `Rettelse: ${rng.pick(NOTE_OBSERVATIONS)}`, firstNote);
    s.notes++;
  }
}

/** Adults are handed to adult services, level 3-4 cases from 17 on to SSP+; otherwise the usual spread. */
function closingReasonFor(rng: Rng, ageAtClosing: number, level: CaseLevel): ClosingReason {
  const sspPlus = ageAtClosing >= 17 && level >= 3;
  if (ageAtClosing >= 18 && rng.chance(0.4)) return 'to-adult-services';
  if (sspPlus && rng.chance(0.3)) return 'to-ssp-plus';
  return rng.weighted(CLOSING_WEIGHTS.filter(([r]) => (r !== 'to-adult-services' || ageAtClosing >= 18) && (r !== 'to-ssp-plus' || sspPlus)));
}

// ---------------------------------------------------------------------------------------------

/**
 * Fill the vault with synthetic people and cases. One transaction; one audit entry ('seed').
 * Refuses a vault that already has cases unless `force` (demo data must never mix silently with
 * real cases); with `force`, case numbers continue each year's sequence and CPR numbers avoid
 * those already present. `thenSeed` adds the other domains' demo data in the same transaction,
 * before the one audit entry (src/main/demo-data.ts passes every domain's seeder).
 */
export function seedCasesDemoData(sqlite: Sqlite, options: SeedOptions, thenSeed: (step: DemoSeedStep) => void = () => {}): SeedSummary {
  const started = performance.now();
  const n = options.people;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEED_PEOPLE) {
    throw new AppError('INVALID_INPUT', `Antal personer skal være et helt tal fra 1 til ${MAX_SEED_PEOPLE}.`);
  }
  const existing = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  if (existing > 0 && !options.force) {
    throw new AppError('CONFLICT', `Boksen har allerede ${existing} sager. Demodata lægges kun i en tom boks; brug --force for at tilføje alligevel.`);
  }
  const today = options.today;
  if (!isValidIsoDate(today)) throw new AppError('INVALID_INPUT', 'Datoen skal skrives som ÅÅÅÅ-MM-DD.');
  const todayDay = dayOf(today);
  const rng = createRng(options.seed ?? 1);
  const summary: SeedSummary = { people: 0, cases: 0, openCases: 0, closedCases: 0, levelChanges: 0, statusChanges: 0, events: 0, notes: 0, contacts: 0, ms: 0 };

  sqlite.transaction(() => {
    const ref = loadReference(sqlite);
    const takenCpr = new Set((sqlite.prepare('SELECT cpr FROM people WHERE cpr IS NOT NULL').pluck().all() as string[]));
    const seq = new Map<string, number>();
    for (const r of sqlite.prepare(`SELECT substr(case_number, 1, 4) AS y, max(CAST(substr(case_number, 6) AS INTEGER)) AS n FROM cases GROUP BY y`).all() as { y: string; n: number }[]) {
      seq.set(r.y, r.n);
    }
    // People first (with their case's opening date), then everything written in opening order,
    // so ids and case numbers follow the calendar as in a vault filled over the years.
    const persons: PersonSeed[] = [];
    for (let i = 0; i < n; i++) persons.push(generatePerson(rng, ref, today, todayDay, takenCpr));
    const order = persons.map((_, i) => i).sort((a, b) => persons[a]!.openedDay - persons[b]!.openedDay || a - b);
    const st = statements(sqlite);
    const counters: Counters = { seq, summary };
    for (const i of order) writePersonWithCase(rng, st, ref, counters, persons[i]!, todayDay);
    thenSeed({ today, seed: options.seed ?? 1, audit: false });
    st.audit.run((options.now ?? new Date()).toISOString(), options.actor ?? SEED_ACTOR, `people:${n}`);
  })();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
