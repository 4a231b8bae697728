import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import type { Person } from '../../src/shared/cases/contract';

/** Issue 19: the programme's rules where the first version disagreed with itself or the programme. */
const NOW = new Date('2026-12-03T10:00:00Z');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

describe('CPR as people type it', () => {
  it.each(['211062 5629', '211062\u20135629', '211062 \u2013 5629'])('people.create takes %j and stores 211062-5629', async (typed) => {
    const p = await v.call<Person>('people.create', { firstName: 'Bent', lastName: 'Bindestreg', cpr: typed });
    const { cpr } = await v.call<{ cpr: string }>('people.revealCpr', { personId: p.id });
    expect(cpr).toBe('211062-5629');
    expect(p.birthDate).toBe('1862-10-21');
  });

  it('the live check refuses a birth date in the future, as saving does', async () => {
    const check = await v.call<{ ok: boolean; message?: string }>('people.checkCpr', { cpr: '010150-5001' });
    expect(check.ok).toBe(false);
    expect(check.message).toContain('fremtiden');
    const saved = await v.dispatch('people.create', { firstName: 'Frida', lastName: 'Fremtid', cpr: '010150-5001' });
    expect(saved.ok).toBe(false);
  });
});

describe("SSP+ entry in the programme's order", () => {
  const start = (personId: number, startDate: string, over: Record<string, unknown> = {}) =>
    v.dispatch('sspplus.start', { personId, startDate, coordinator: 'Kim Koordinator', ...over });
  const openCase = (birthDate: string, level: number, openedOn = '2026-02-01') =>
    v.call<{ id: number; person: { id: number } }>('cases.open', { person: { firstName: 'Sami', lastName: 'Sekvens', birthDate }, level, reason: 'Gentagen kriminalitet', districtId: 1, openedOn });

  it('closes the case with "Overgået til SSP+" and then starts the plan on it', async () => {
    const c = await openCase('2006-04-01', 4);
    await v.call('cases.close', { caseId: c.id, closedOn: '2026-11-30', reason: 'to-ssp-plus' });
    const r = await start(c.person.id, '2026-12-01');
    expect(r).toMatchObject({ ok: true, value: { caseId: c.id, caseLevel: 4, status: 'active' } });
  });

  it('a level 2 case closed with "Overgået til SSP+" is still refused for its level', async () => {
    const c = await openCase('2006-04-01', 2);
    await v.call('cases.close', { caseId: c.id, closedOn: '2026-11-30', reason: 'to-ssp-plus' });
    expect(await start(c.person.id, '2026-12-01')).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau 2.' } });
  });

  it('a referral without an SSP case opens the level 3-4 case in the same step, naming who referred', async () => {
    const p = await v.call<Person>('people.create', { firstName: 'Rasmus', lastName: 'Henvist', birthDate: '2007-03-15' }); // 19 years old
    const r = (await start(p.id, '2026-12-02', { referral: { level: 4, source: 'Kriminalforsorgen', reason: 'Løsladt, gentagen personfarlig kriminalitet' } })) as { ok: true; value: { caseId: number; caseLevel: number } };
    expect(r).toMatchObject({ ok: true, value: { caseLevel: 4 } });
    const detail = await v.call<{ level: number; status: string; openedOn: string; levelHistory: { reason: string }[] }>('cases.get', { caseId: r.value.caseId });
    expect(detail).toMatchObject({ level: 4, status: 'open', openedOn: '2026-12-02' });
    expect(detail.levelHistory[0]!.reason).toBe('Henvist til SSP+ af Kriminalforsorgen: Løsladt, gentagen personfarlig kriminalitet');
  });

  it('a refused referral (too young) leaves no case and no plan behind', async () => {
    const p = await v.call<Person>('people.create', { firstName: 'Ung', lastName: 'Forung', birthDate: '2010-01-01' });
    const r = await start(p.id, '2026-12-02', { referral: { level: 3, source: 'Politiet', reason: 'Bekymring' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('fra 17½ år') } });
    const counts = v.ctx.vault.current.sqlite.prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM sspplus_plans) AS plans').get();
    expect(counts).toEqual({ cases: 0, plans: 0 });
  });

  it('a referral for someone who already has an open case is refused: the plan starts on that case', async () => {
    const c = await openCase('2006-04-01', 3);
    const r = await start(c.person.id, '2026-12-02', { referral: { level: 4, source: 'Politiet', reason: 'x' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { referral: expect.stringContaining('allerede en SSP-sag') } } });
  });

  it('the age band is a setting: 17½ up to the 26th birthday admits a 25-year-old', async () => {
    const c = await openCase('2001-06-01', 3);
    expect(await start(c.person.id, '2026-12-01')).toMatchObject({ ok: false, error: { message: expect.stringContaining('under 25 år') } });
    expect(await v.call('sspplus.settings.get', {})).toEqual({ minAgeMonths: 210, maxAgeYears: 25, outcomeWindowDays: 14 });
    await v.call('sspplus.settings.save', { maxAgeYears: 26 });
    expect(await start(c.person.id, '2026-12-01')).toMatchObject({ ok: true });
    expect(await v.dispatch('sspplus.settings.save', { maxAgeYears: 17 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await v.dispatch('sspplus.settings.save', { minAgeMonths: 240, maxAgeYears: 20 })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
  });
});

describe('outcomes on time', () => {
  it('a 12-month outcome one day after the plan ended is refused with the date it opens; from 14 days before it is due it is taken', async () => {
    const c = await v.call<{ id: number; person: { id: number } }>('cases.open', { person: { firstName: 'Olga', lastName: 'Opfølger', birthDate: '2005-05-05' }, level: 3, reason: 'Gentagen kriminalitet', districtId: 1, openedOn: '2025-01-10' });
    const plan = await v.call<{ id: number }>('sspplus.start', { personId: c.person.id, startDate: '2025-02-01', coordinator: 'Kim' });
    const ended = await v.call<{ followUps: { id: number; months: number; dueOn: string }[] }>('sspplus.end', { planId: plan.id, endDate: '2025-11-20', reason: 'completed' });
    // +3 = 20 February 2026, +6 = 20 May 2026, +12 = 20 November 2026 (by hand).
    expect(ended.followUps.map((f) => [f.months, f.dueOn])).toEqual([[3, '2026-02-20'], [6, '2026-05-20'], [12, '2026-11-20']]);
    const m12 = ended.followUps.find((f) => f.months === 12)!;
    expect(await v.dispatch('sspplus.recordFollowUp', { followUpId: m12.id, outcome: 'job', recordedOn: '2025-11-21' })).toEqual({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: 'Opfølgningen efter 12 måneder kan først registreres fra 6. november 2026 (den forfalder 20. november 2026).', fields: { recordedOn: expect.any(String) } },
    });
    expect(await v.dispatch('sspplus.recordFollowUp', { followUpId: m12.id, outcome: 'job', recordedOn: '2026-11-05' })).toMatchObject({ ok: false });
    expect(await v.dispatch('sspplus.recordFollowUp', { followUpId: m12.id, outcome: 'job', recordedOn: '2026-11-06' })).toMatchObject({ ok: true });
  });

  it('a release follow-up follows the same window', async () => {
    const p = await v.call<Person>('people.create', { firstName: 'Leo', lastName: 'Løsladt', birthDate: '2004-04-04' });
    const institutions = await v.call<{ id: number }[]>('releases.institutions.list', {});
    const custody = await v.call<{ id: number }>('releases.custody.create', { personId: p.id, institutionId: institutions[0]!.id, type: 'afsoning', imprisonedOn: '2025-01-10' });
    await v.call('releases.custody.recordRelease', { custodyId: custody.id, releasedOn: '2026-06-15' });
    // +3 months = 15 September 2026; the window opens 1 September.
    const early = await v.dispatch('releases.followup.record', { custodyId: custody.id, months: 3, outcome: 'job', newCharge: false, recordedOn: '2026-08-31' });
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'Opfølgningen efter 3 måneder kan først registreres fra 1. september 2026 (den forfalder 15. september 2026).' } });
    expect(await v.dispatch('releases.followup.record', { custodyId: custody.id, months: 3, outcome: 'job', newCharge: false, recordedOn: '2026-09-01' })).toMatchObject({ ok: true });
  });
});

describe('the report counts only outcomes recorded in their window', () => {
  it('an outcome stored before its window (legacy data) counts as ukendt; one in its window counts', async () => {
    const c = await v.call<{ id: number; person: { id: number } }>('cases.open', { person: { firstName: 'Rita', lastName: 'Rapport', birthDate: '2004-04-04' }, level: 3, reason: 'Gentagen kriminalitet', districtId: 1, openedOn: '2025-01-10' });
    const plan = await v.call<{ id: number }>('sspplus.start', { personId: c.person.id, startDate: '2025-02-01', coordinator: 'Kim' });
    const ended = await v.call<{ followUps: { id: number; months: number; dueOn: string }[] }>('sspplus.end', { planId: plan.id, endDate: '2026-01-15', reason: 'completed' });
    // +3 = 15 April 2026, +6 = 15 July 2026: both due in 2026 (H1 and H2).
    const m3 = ended.followUps.find((f) => f.months === 3)!;
    const m6 = ended.followUps.find((f) => f.months === 6)!;
    await v.call('sspplus.recordFollowUp', { followUpId: m3.id, outcome: 'job', recordedOn: '2026-04-10' });
    // An outcome recorded the day after the plan ended, before this rule existed.
    v.ctx.vault.current.sqlite.prepare("UPDATE sspplus_follow_ups SET outcome = 'job', recorded_on = '2026-01-16' WHERE id = ?").run(m6.id);
    type Report = { tables: { sspPlus: { followUps: { district: string; months: number; outcome: string; count: number }[] } } };
    const count = (r: Report, months: number, outcome: string) => r.tables.sspPlus.followUps.filter((x) => x.months === months && x.outcome === outcome).reduce((a, x) => a + x.count, 0);
    const h1 = await v.call<{ report: Report }>('report.compute', { period: '2026-H1', mode: 'exact' });
    expect(count(h1.report, 3, 'job')).toBe(1);
    const h2 = await v.call<{ report: Report }>('report.compute', { period: '2026-H2', mode: 'exact' });
    expect(count(h2.report, 6, 'job')).toBe(0);
    expect(count(h2.report, 6, 'ukendt')).toBe(1);
  });
});

describe('the default efforts', () => {
  it('a new vault offers Exit, Københavnerteamet, 18+ center and Fritidsjob med mentor', async () => {
    const names = (await v.call<{ name: string }[]>('efforts.list', {})).map((e) => e.name);
    for (const n of ['Exit', 'Københavnerteamet', '18+ center', 'Fritidsjob med mentor']) expect(names).toContain(n);
  });

  it('an older vault gets them by migration once, keeping an effort of the same name it already had (deactivated stays deactivated)', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { migrations } = await import('../../src/main/db/migrations');
    const { migrate } = await import('../../src/main/core/migrate');
    const db = new Database(':memory:');
    const before = migrations.filter((m) => m.tag < '0014');
    migrate(db, before);
    db.prepare("INSERT INTO efforts (name, active) VALUES ('Exit', 0)").run();
    migrate(db);
    const rows = db.prepare("SELECT name, active FROM efforts WHERE name IN ('Exit', 'Københavnerteamet', '18+ center', 'Fritidsjob med mentor') ORDER BY name").all();
    expect(rows).toEqual([
      { name: '18+ center', active: 1 },
      { name: 'Exit', active: 0 },
      { name: 'Fritidsjob med mentor', active: 1 },
      { name: 'Københavnerteamet', active: 1 },
    ]);
    db.close();
  });
});

describe("SSP's age scope when a case opens", () => {
  const open = (birthDate: string, over: Record<string, unknown> = {}) =>
    v.dispatch('cases.open', { person: { firstName: 'Alma', lastName: 'Aldersen', birthDate }, level: 1, reason: 'Bekymring fra skolen', districtId: 1, openedOn: '2026-12-01', ...over });
  const counts = () => v.ctx.vault.current.sqlite.prepare('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM people) AS people').get();

  it.each([
    ['a 6-year-old', '2020-06-01', 6],
    ['a 30-year-old', '1996-06-01', 30],
  ])('%s is not opened without a word: the answer asks for a reason, nothing is written', async (_label, birthDate, age) => {
    const r = await open(birthDate);
    expect(r).toEqual({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: `Den unge er ${age} år på oprettelsesdatoen. SSP dækker 10-25 år. Skriv en begrundelse for at oprette sagen alligevel.`, fields: { outsideAgeScopeReason: expect.any(String) } },
    });
    expect(counts()).toEqual({ cases: 0, people: 0 });
  });

  it('with the reason the case opens and the reason is its first journal note', async () => {
    const r = (await open('2020-06-01', { outsideAgeScopeReason: 'Lillebror til en ung på niveau 4' })) as { ok: true; value: { notes: { text: string }[] } };
    expect(r.ok).toBe(true);
    expect(r.value.notes.map((n) => n.text)).toEqual(["Oprettet uden for SSP's aldersgruppe (6 år; SSP dækker 10-25 år). Begrundelse: Lillebror til en ung på niveau 4"]);
  });

  it('the ends are inside (10 and 25 on the opening day), and the scope is a setting', async () => {
    expect(await open('2016-12-01')).toMatchObject({ ok: true }); // 10 today
    expect(await open('2000-12-02', { person: { firstName: 'Bo', lastName: 'Grænse', birthDate: '2000-12-02' } })).toMatchObject({ ok: true }); // 25 until tomorrow
    expect(await open('2016-12-02', { person: { firstName: 'Cy', lastName: 'Grænse', birthDate: '2016-12-02' } })).toMatchObject({ ok: false }); // 9
    await v.call('cases.settings.save', { minAge: 6 });
    expect(await open('2020-06-01', { person: { firstName: 'Di', lastName: 'Seks', birthDate: '2020-06-01' } })).toMatchObject({ ok: true });
    expect(await v.dispatch('cases.settings.save', { minAge: 20, maxAge: 15 })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
  });

  it('a reason for someone inside the scope is refused (a stale confirmation)', async () => {
    expect(await open('2012-01-01', { outsideAgeScopeReason: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { outsideAgeScopeReason: expect.any(String) } } });
  });
});

describe('SSP+ counts stop at the band end', () => {
  it('a plan not ended for someone who turned 25 in the period is not active at its end; one turning 25 after it is', async () => {
    type Report = { tables: { sspPlus: { byDistrict: { district: string; active: number; started: number }[] } } };
    const plan = async (first: string, birthDate: string) => {
      const c = await v.call<{ id: number; person: { id: number } }>('cases.open', { person: { firstName: first, lastName: 'Bånd', birthDate }, level: 3, reason: 'Gentagen kriminalitet', districtId: 1, openedOn: '2025-06-01' });
      await v.call('sspplus.start', { personId: c.person.id, startDate: '2025-07-01', coordinator: 'Kim' });
    };
    await plan('Aged', '2001-03-10'); // 25 on 10 March 2026: inside 2026-H1
    await plan('Young', '2001-07-10'); // 25 on 10 July 2026: after 2026-H1 ends
    await plan('Leap', '2001-06-30'); // 25 on 30 June 2026, the period's last day: not active on it
    const r = await v.call<{ report: Report }>('report.compute', { period: '2026-H1', mode: 'exact' });
    const active = r.report.tables.sspPlus.byDistrict.reduce((a, x) => a + x.active, 0);
    expect(active).toBe(1);
  });
});
