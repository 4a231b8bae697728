import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays } from '../../src/shared/core/dates';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { call, type Bridge } from './bridge';
import { expect } from './fixtures';
import type { VaultPages } from './pages/VaultPages';
import type { AppShell } from './pages/AppShell';

/**
 * Shared set-up for the live-meeting tests (meetings-live.spec.ts): a fresh vault, N fictional
 * young people with a case at level 3-4 in Valby (school, contacts, CPR), one meeting of the Valby
 * ledergruppe today with all of them on the agenda (plus free points), and the control view open.
 * Every identifying string of those people is returned, so a test can scan the DOM for them.
 */

export const owner = { name: 'Karen Koordinatorsen', role: 'SSP-koordinator', area: 'Valby' };
export const passphrase = 'Grøn cykel under Valby Langgade 42';
const VALBY = 5;

const FIRST = ['Alma', 'Bertil', 'Cecilie', 'Dagmar', 'Elias', 'Frida', 'Gorm', 'Hilde', 'Ivar', 'Johanne', 'Kaj', 'Liva', 'Magnus', 'Nanna', 'Otto', 'Pilou', 'Quintus', 'Rigmor', 'Sigurd', 'Tilde', 'Ulrik', 'Vilma', 'Walther', 'Xenia', 'Yrsa', 'Zakarias', 'Ærvin', 'Øjvind', 'Åse', 'Bodil', 'Carlo', 'Dyveke', 'Egon', 'Fenja'];
const LAST = ['Prøvegaard', 'Fiktivholm', 'Opdigtrup', 'Testbjerg', 'Eksempeldal', 'Skinlund', 'Påstandsen', 'Digtetoft'];
const SCHOOLS = ['Prøveskolen', 'Fiktiv Friskole', 'Opdigtet Privatskole', 'Testgade Skole'];

export interface Seeded {
  id: number;
  caseNumber: string;
  firstName: string;
  lastName: string;
  initials: string;
  cpr: string;
  birthDate: string;
  school: string;
  contact: { name: string; phone: string };
  age: number;
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/**
 * Every string that identifies a person: names, CPR (with and without dash), birth date (ISO,
 * DD-MM-YYYY, DD.MM.YYYY, DDMMYY and the long Danish form), school, contact name and phone.
 */
export function identifyingStrings(p: Seeded): string[] {
  const [y, m, d] = p.birthDate.split('-') as [string, string, string];
  return [
    p.firstName,
    p.lastName,
    `${p.firstName} ${p.lastName}`,
    p.cpr,
    `${p.cpr.slice(0, 6)}-${p.cpr.slice(6)}`,
    p.birthDate,
    `${d}-${m}-${y}`,
    `${d}.${m}.${y}`,
    `${d}${m}${y.slice(2)}`,
    `${Number(d)}. ${MONTHS[Number(m) - 1]} ${y}`,
    p.school,
    p.contact.name,
    p.contact.phone,
  ];
}

/** All text in the document, hidden parts and attribute-free text included. */
export const domText = (page: Page) => page.evaluate(() => document.documentElement.textContent ?? '');

export async function expectNoneOf(page: Page, people: Seeded[], where: string) {
  const text = await domText(page);
  for (const p of people) for (const s of identifyingStrings(p)) expect(text, `${where}: ${s}`).not.toContain(s);
}

export async function seedPeople(bridge: Bridge, today: string, n: number): Promise<Seeded[]> {
  const out: Seeded[] = [];
  for (let i = 0; i < n; i++) {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[i % LAST.length]!;
    const year = 9 + (i % 5); // 2009-2013
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const cpr = `${day}${month}${String(year).padStart(2, '0')}4${String(100 + i).padStart(3, '0')}`;
    const school = SCHOOLS[i % SCHOOLS.length]!;
    const contact = { name: `Forælder${i} ${lastName}`, phone: `9${String(1000000 + i * 7919).slice(-7)}` };
    const c = await call<CaseDetail>(bridge, 'cases.open', {
      person: { firstName, lastName, cpr, districtId: VALBY, school, contacts: [{ name: contact.name, relation: 'Mor', phone: contact.phone }] },
      level: i % 3 === 0 ? 4 : 3,
      reason: 'Gentagne tyverier og trusler',
      districtId: VALBY,
      coordinator: owner.name,
      openedOn: addDays(today, -100 - i),
      nextReviewOn: addDays(today, -1),
    });
    const birthDate = c.person.birthDate;
    out.push({ id: c.id, caseNumber: c.caseNumber, firstName, lastName, initials: `${firstName[0]}${lastName[0]}`, cpr, birthDate, school, contact, age: 0 });
  }
  return out;
}

export interface LiveMeeting {
  today: string;
  people: Seeded[];
  meetingId: number;
  forumId: number;
}

/** Vault, people, a meeting today with `cases` cases and `points` free points (after the cases), control view open. */
export async function openLiveMeeting(
  page: Page,
  bridge: Bridge,
  vault: VaultPages,
  shell: AppShell,
  { cases, points = 0, privacyLevel }: { cases: number; points?: number; privacyLevel?: string },
): Promise<LiveMeeting> {
  await vault.open(bridge.url);
  await vault.createVault(owner, passphrase);
  await vault.confirmRecoveryKey();
  const today = todayOf(new Date());
  const people = await seedPeople(bridge, today, cases);
  const forum = (await call<{ id: number; name: string }[]>(bridge, 'forums.list', {})).find((f) => f.name === 'SSP-ledergruppe Valby')!;
  const m = await call<{ id: number; agenda: { case: { caseId: number; age: number } | null }[] }>(bridge, 'meetings.create', {
    forumId: forum.id,
    heldOn: today,
    startsAt: '09:30',
    proposeAgenda: false,
    ...(privacyLevel ? { privacyLevel } : {}),
  });
  const items = [...people.map((p) => ({ kind: 'case', caseId: p.id })), ...Array.from({ length: points }, (_, i) => ({ kind: 'point', title: `Punkt om tryghed ${i + 1}` }))];
  const saved = await call<{ agenda: { case: { caseId: number; age: number } | null }[] }>(bridge, 'meetings.saveAgenda', { meetingId: m.id, items });
  for (const p of people) p.age = saved.agenda.find((a) => a.case?.caseId === p.id)!.case!.age;
  await shell.goTo('Ledergruppemøder');
  await page.getByRole('button', { name: /^Åbn SSP-ledergruppe Valby/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SSP-ledergruppe Valby' })).toBeVisible();
  return { today, people, meetingId: m.id, forumId: forum.id };
}

export function reveals(bridge: Bridge): { id: number }[] {
  return bridge.ctx.vault.current.sqlite.prepare(`SELECT entity_id AS id FROM audit_log WHERE action = 'reveal' ORDER BY id`).all() as { id: number }[];
}
