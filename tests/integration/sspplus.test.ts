import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createTestVault, OWNER, type TestVault } from './helpers';
import type { CaseDetail, Person } from '../../src/shared/cases/contract';
import type { PlanDetail, PlanRow, SspPlusCandidate, SspPlusOverview, SspPlusPartner } from '../../src/shared/ssp-plus/contract';

// Every expected date below is worked out by hand from this reference day: Monday 23 November 2026.
const NOW = new Date('2026-11-23T10:00:00');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

let seq = 0;
/** A person with an open case at `level`, opened on `openedOn`. */
async function youngPerson(birthDate: string, level = 3, openedOn = '2026-01-10', firstName = `Ung${++seq}`): Promise<CaseDetail> {
  return v.call<CaseDetail>('cases.open', { person: { firstName, lastName: 'Prøvesen', birthDate }, level, reason: 'Gentagen kriminalitet', districtId: 1, openedOn });
}
const start = (personId: number, startDate: string, over: Record<string, unknown> = {}) =>
  v.call<PlanDetail>('sspplus.start', { personId, startDate, coordinator: 'Kim Koordinator', ...over });
const partners = () => v.call<SspPlusPartner[]>('sspplus.partners.list', {});
const overview = () => v.call<SspPlusOverview>('sspplus.overview', {});
const auditRows = () =>
  v.ctx.vault.current.sqlite.prepare('SELECT actor, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY id').all() as {
    actor: string; action: string; entity: string; entityId: number | null; detail: string | null;
  }[];
const planCount = () => (v.ctx.vault.current.sqlite.prepare('SELECT count(*) AS n FROM sspplus_plans').get() as { n: number }).n;

describe('eligibility, enforced through the contract', () => {
  it('starts a plan on the day the young person turns 17½, and refuses the day before with the rule named', async () => {
    // Born 23 May 2009: 17 years and 6 months on 23 November 2026.
    const c = await youngPerson('2009-05-23');
    const refused = await v.dispatch('sspplus.start', { personId: c.person.id, startDate: '2026-11-22', coordinator: 'Kim Koordinator' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message: 'SSP+ er for unge fra 17½ år. Den unge er ikke fyldt 17½ på startdatoen, men bliver det 23. november 2026; planen kan tidligst starte den dag.',
        fields: { startDate: expect.stringContaining('17½') },
      },
    });
    expect(planCount()).toBe(0);
    const plan = await start(c.person.id, '2026-11-23');
    expect(plan).toMatchObject({ status: 'active', startDate: '2026-11-23', caseId: c.id, caseNumber: c.caseNumber, caseLevel: 3, person: { id: c.person.id, age: 17 } });
  });

  it('refuses on the 25th birthday and accepts the day before', async () => {
    // Born 23 November 2001: 25 on 23 November 2026.
    const c = await youngPerson('2001-11-23');
    const r = await v.dispatch('sspplus.start', { personId: c.person.id, startDate: '2026-11-23', coordinator: 'Kim Koordinator' });
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'SSP+ er for unge under 25 år. Den unge fylder 25 23. november 2026, så en plan skal starte før den dag.' } });
    const plan = await start(c.person.id, '2026-11-22');
    // Today the person is 25: the plan must end, and the overview says so.
    expect(plan.person).toMatchObject({ age: 25, turns25On: '2026-11-23' });
    expect((await overview()).alerts.turning25).toMatchObject([{ planId: plan.id, date: '2026-11-23', daysLeft: 0 }]);
  });

  it('refuses level 2, a closed case and no case, naming the rule', async () => {
    const level2 = await youngPerson('2005-01-01', 2);
    expect(await v.dispatch('sspplus.start', { personId: level2.person.id, startDate: '2026-11-01', coordinator: 'K' })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: 'SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau 2.', fields: { personId: expect.any(String) } },
    });
    const closed = await youngPerson('2005-01-01', 4);
    await v.call('cases.close', { caseId: closed.id, closedOn: '2026-10-01', reason: 'other' });
    const closedR = await v.dispatch('sspplus.start', { personId: closed.person.id, startDate: '2026-11-01', coordinator: 'K' });
    expect(closedR).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('afsluttet af en anden grund') } });
    const noCase = await v.call<Person>('people.create', { firstName: 'Uden', lastName: 'Sag', birthDate: '2005-01-01' });
    expect(await v.dispatch('sspplus.start', { personId: noCase.id, startDate: '2026-11-01', coordinator: 'K' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(planCount()).toBe(0);
    expect(auditRows().filter((r) => r.entity === 'sspplus_plan')).toEqual([]);
  });

  it('judges the level on the start date, and refuses a start in the future or before the case', async () => {
    const c = await youngPerson('2005-01-01', 2, '2026-01-10');
    await v.call('cases.changeLevel', { caseId: c.id, level: 3, changedOn: '2026-06-01', reason: 'Gentagen vold' });
    expect(await v.dispatch('sspplus.start', { personId: c.person.id, startDate: '2026-05-31', coordinator: 'K' })).toMatchObject({
      ok: false, error: { message: 'SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau 2.' },
    });
    expect(await v.dispatch('sspplus.start', { personId: c.person.id, startDate: '2026-11-24', coordinator: 'K' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', fields: { startDate: 'Må ikke ligge i fremtiden' } },
    });
    expect(await v.dispatch('sspplus.start', { personId: c.person.id, startDate: '2026-01-09', coordinator: 'K' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('ingen sag på startdatoen') },
    });
    expect((await start(c.person.id, '2026-06-01')).caseLevel).toBe(3);
  });

  it('lists candidates with their eligibility on the chosen start date', async () => {
    const a = await youngPerson('2009-05-23', 3, '2026-01-10', 'Ærø');
    await youngPerson('2005-01-01', 2, '2026-01-10', 'Bo');
    const c = await youngPerson('2005-01-01', 4, '2026-01-10', 'Cecilie');
    await start(c.person.id, '2026-11-01');
    // Without a search: open level 3-4 cases only.
    const list = await v.call<SspPlusCandidate[]>('sspplus.candidates', { startDate: '2026-11-22' });
    expect(list.map((x) => [x.firstName, x.eligible, x.reason])).toEqual([
      ['Cecilie', false, 'Den unge har allerede en aktiv SSP+-plan.'],
      ['Ærø', false, expect.stringContaining('bliver det 23. november 2026')],
    ]);
    expect(list[1]).toMatchObject({ personId: a.person.id, caseNumber: a.caseNumber, level: 3, caseStatus: 'open', age: 17, activePlanId: null });
    const bo = await v.call<SspPlusCandidate[]>('sspplus.candidates', { search: 'bo prøv', startDate: '2026-11-23' });
    expect(bo).toMatchObject([{ firstName: 'Bo', level: 2, eligible: false, reason: 'SSP+ kræver en sag på niveau 3 eller 4. Sagen er på niveau 2.' }]);
    expect(await v.call('sspplus.candidates', { search: 'ærø', startDate: '2026-11-23' })).toMatchObject([{ firstName: 'Ærø', eligible: true, reason: null }]);
  });
});

describe('one active plan per person', () => {
  it('refuses a second active plan and allows a new one after the first ended', async () => {
    const c = await youngPerson('2005-01-01');
    const first = await start(c.person.id, '2026-02-01');
    expect(await v.dispatch('sspplus.start', { personId: c.person.id, startDate: '2026-11-01', coordinator: 'K' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Den unge har allerede en aktiv SSP+-plan (startet 1. februar 2026). Der kan kun være én aktiv plan pr. person; åbn den i stedet.' },
    });
    await v.call('sspplus.end', { planId: first.id, endDate: '2026-06-30', reason: 'declined' });
    const second = await start(c.person.id, '2026-11-01');
    expect(second.id).not.toBe(first.id);
    expect((await v.call<PlanRow[]>('sspplus.list', { status: 'all' })).map((p) => [p.planId, p.status])).toEqual([[first.id, 'ended'], [second.id, 'active']]);
  });
});

describe('plan content', () => {
  it('records partners (an editable list) and consent, and leaves areas empty until filled', async () => {
    const list = await partners();
    expect(list.map((p) => p.name)).toEqual(['SOF', 'BIF / Jobcenter', 'BUF', 'Kriminalforsorgen', 'Politi']);
    const mentor = await v.call<SspPlusPartner>('sspplus.partners.save', { name: 'Mentorkorpset' });
    expect(await v.dispatch('sspplus.partners.save', { name: 'SOF' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { name: 'Navnet er allerede brugt' } } });
    const c = await youngPerson('2005-01-01');
    const plan = await start(c.person.id, '2026-11-01', { partnerIds: [list[0]!.id, list[3]!.id, mentor.id], consentDate: '2026-10-30', consentScope: 'Deling mellem SOF og Kriminalforsorgen' });
    expect(plan.partners.map((p) => p.name)).toEqual(['SOF', 'Kriminalforsorgen', 'Mentorkorpset']);
    expect(plan).toMatchObject({ consentDate: '2026-10-30', consentScope: 'Deling mellem SOF og Kriminalforsorgen', reviewIntervalMonths: 3, coordinator: 'Kim Koordinator' });
    expect(plan.areas.map((a) => a.area)).toEqual(['education', 'employment', 'income', 'housing', 'substance-use', 'health', 'network', 'leisure', 'criminal-associations', 'probation-conditions']);
    expect(plan.areas.every((a) => !a.filled && a.goal === '' && a.actions.length === 0)).toBe(true);
    const updated = await v.call<PlanDetail>('sspplus.update', { planId: plan.id, partnerIds: [list[1]!.id], consentScope: null, coordinator: 'Ny Koordinator' });
    expect(updated).toMatchObject({ partners: [{ name: 'BIF / Jobcenter' }], consentScope: null, consentDate: '2026-10-30', coordinator: 'Ny Koordinator' });
    expect(await v.dispatch('sspplus.update', { planId: plan.id, partnerIds: [999] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('flags overdue actions on the reference date, in the plan and in the overview', async () => {
    const c = await youngPerson('2005-01-01', 3, '2026-01-10', 'Dana');
    const plan = await start(c.person.id, '2026-05-31');
    const [sof, bif] = await partners();
    await v.call('sspplus.saveArea', {
      planId: plan.id,
      area: 'education',
      currentSituation: 'Droppet ud af EUD',
      goal: 'Tilbage på EUD til sommer',
      actions: [
        { description: 'Møde med UU-vejleder', partnerId: bif!.id, deadline: '2026-11-22' }, // yesterday: 1 day overdue
        { description: 'Skolebesøg', partnerId: bif!.id, deadline: '2026-11-23' }, // today: not overdue
        { description: 'Ansøgning sendt', deadline: '2026-11-01', status: 'done' }, // done: not overdue
      ],
    });
    const withHousing = await v.call<PlanDetail>('sspplus.saveArea', {
      planId: plan.id,
      area: 'housing',
      currentSituation: 'Bor hos en ven',
      goal: 'Eget værelse',
      actions: [{ description: 'Ansøgning om ungdomsbolig', partnerId: sof!.id, deadline: '2026-10-01', status: 'in-progress' }], // 53 days overdue
    });
    expect(withHousing.areas.filter((a) => a.filled).map((a) => a.area)).toEqual(['education', 'housing']);
    expect(withHousing.overdueActions).toBe(2);
    const education = withHousing.areas.find((a) => a.area === 'education')!;
    expect(education.actions.map((a) => [a.description, a.overdue, a.status, a.partnerName])).toEqual([
      ['Møde med UU-vejleder', true, 'planned', 'BIF / Jobcenter'],
      ['Skolebesøg', false, 'planned', 'BIF / Jobcenter'],
      ['Ansøgning sendt', false, 'done', null],
    ]);
    const o = await overview();
    expect(o.today).toBe('2026-11-23');
    expect(o.overdueActions.map((a) => [a.description, a.deadline, a.daysOverdue, a.area, a.partnerName, a.firstName])).toEqual([
      ['Ansøgning om ungdomsbolig', '2026-10-01', 53, 'housing', 'SOF', 'Dana'],
      ['Møde med UU-vejleder', '2026-11-22', 1, 'education', 'BIF / Jobcenter', 'Dana'],
    ]);
    expect(o.activePlans).toMatchObject([{ planId: plan.id, overdueActions: 2 }]);

    // Marking one done clears its flag; an action may not move to another area or plan.
    const housingAction = withHousing.areas.find((a) => a.area === 'housing')!.actions[0]!;
    const done = await v.call<PlanDetail>('sspplus.saveArea', {
      planId: plan.id, area: 'housing', currentSituation: 'Bor hos en ven', goal: 'Eget værelse',
      actions: [{ id: housingAction.id, description: housingAction.description, partnerId: sof!.id, deadline: '2026-10-01', status: 'done' }],
    });
    expect(done.overdueActions).toBe(1);
    expect(done.areas.find((a) => a.area === 'housing')!.actions).toHaveLength(1);
    expect(await v.dispatch('sspplus.saveArea', { planId: plan.id, area: 'education', actions: [{ id: housingAction.id, description: 'x' }] })).toMatchObject({
      ok: false, error: { code: 'INVALID_INPUT', fields: { 'actions.0': 'Handlingen hører ikke til dette område' } },
    });
    // Emptying an area's texts keeps its actions (never deleted).
    const emptied = await v.call<PlanDetail>('sspplus.saveArea', { planId: plan.id, area: 'housing' });
    expect(emptied.areas.find((a) => a.area === 'housing')).toMatchObject({ filled: true, goal: '', actions: [{ id: housingAction.id }] });
  });
});

describe('reviews', () => {
  it('schedules every 3 months from the start, counts a late review for its date, and is not moved by ad hoc reviews', async () => {
    const c = await youngPerson('2005-01-01');
    // Start 31 May: the grid is 31 August, 30 November, 28 February (month ends clamped).
    const plan = await start(c.person.id, '2026-05-31');
    // 31 August to 23 November: 30 (Sep) + 31 (Oct) + 23 = 84 days overdue.
    expect(plan.nextReview).toEqual({ dueOn: '2026-08-31', daysLeft: -84, overdue: true });
    expect(plan.schedule).toEqual([{ dueOn: '2026-08-31', reviewId: null, heldOn: null }]);
    expect((await overview()).dueReviews).toMatchObject([{ planId: plan.id, dueOn: '2026-08-31', daysLeft: -84, overdue: true }]);

    const [sof] = await partners();
    const reviewed = await v.call<PlanDetail>('sspplus.addReview', {
      planId: plan.id,
      heldOn: '2026-09-10',
      kind: 'scheduled',
      partnerIds: [sof!.id],
      participantsNote: 'Den unge og mor',
      changes: 'Nyt mål for uddannelse',
      areas: [{ area: 'education', status: 'progress', note: 'Går til vejledning', newGoal: 'Start på EUD i januar' }],
    });
    // 10 September is 10 days after 31 August: it counts for it. Next: 30 November, 7 days ahead.
    expect(reviewed.nextReview).toEqual({ dueOn: '2026-11-30', daysLeft: 7, overdue: false });
    expect(reviewed.schedule).toEqual([
      { dueOn: '2026-08-31', reviewId: reviewed.reviews[0]!.id, heldOn: '2026-09-10' },
      { dueOn: '2026-11-30', reviewId: null, heldOn: null },
    ]);
    expect(reviewed.reviews[0]).toMatchObject({ kind: 'scheduled', trigger: null, partnerNames: ['SOF'], participantsNote: 'Den unge og mor', areas: [{ area: 'education', status: 'progress', note: 'Går til vejledning' }], actor: OWNER.name });
    expect(reviewed.areas.find((a) => a.area === 'education')).toMatchObject({ filled: true, goal: 'Start på EUD i januar' });

    const adHoc = await v.call<PlanDetail>('sspplus.addReview', { planId: plan.id, heldOn: '2026-11-01', kind: 'ad-hoc', trigger: 'new-charge' });
    expect(adHoc.nextReview?.dueOn).toBe('2026-11-30');
    expect(adHoc.reviews.map((r) => [r.heldOn, r.kind, r.trigger])).toEqual([['2026-09-10', 'scheduled', null], ['2026-11-01', 'ad-hoc', 'new-charge']]);
    // Due within 14 days: still in the overview, not overdue.
    expect((await overview()).dueReviews).toMatchObject([{ planId: plan.id, dueOn: '2026-11-30', daysLeft: 7, overdue: false }]);

    // Monthly instead: grid 30 Jun, 31 Jul, 31 Aug, 30 Sep ...; 10 September is nearest 31 August,
    // so 30 September is next: 31 (Oct) + 23 = 54 days overdue.
    const monthly = await v.call<PlanDetail>('sspplus.update', { planId: plan.id, reviewIntervalMonths: 1 });
    expect(monthly.nextReview).toEqual({ dueOn: '2026-09-30', daysLeft: -54, overdue: true });
    expect(monthly.schedule.map((x) => [x.dueOn, x.heldOn])).toEqual([['2026-06-30', null], ['2026-07-31', null], ['2026-08-31', '2026-09-10'], ['2026-09-30', null]]);
  });

  it('refuses reviews in the future, before the start, or naming an area twice', async () => {
    const c = await youngPerson('2005-01-01');
    const plan = await start(c.person.id, '2026-05-31');
    expect(await v.dispatch('sspplus.addReview', { planId: plan.id, heldOn: '2026-11-24', kind: 'scheduled' })).toMatchObject({ ok: false, error: { fields: { heldOn: 'Må ikke ligge i fremtiden' } } });
    expect(await v.dispatch('sspplus.addReview', { planId: plan.id, heldOn: '2026-05-30', kind: 'scheduled' })).toMatchObject({
      ok: false, error: { code: 'RULE_VIOLATION', message: 'Datoen kan ikke ligge før planens start (31. maj 2026).' },
    });
    const twice = [{ area: 'health', status: 'unchanged' }, { area: 'health', status: 'progress' }];
    expect(await v.dispatch('sspplus.addReview', { planId: plan.id, heldOn: '2026-09-01', kind: 'scheduled', areas: twice })).toMatchObject({ ok: false, error: { fields: { 'areas.1.area': 'Angivet to gange' } } });
    expect((await v.call<PlanDetail>('sspplus.get', { planId: plan.id })).reviews).toEqual([]);
  });
});

describe('ending a plan and outcome follow-ups', () => {
  it('ends on 31 August with follow-ups at 30 November, 28 February and 31 August', async () => {
    const c = await youngPerson('2005-01-01');
    const plan = await start(c.person.id, '2026-03-01');
    expect(await v.dispatch('sspplus.end', { planId: plan.id, endDate: '2026-02-28', reason: 'completed' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await v.dispatch('sspplus.end', { planId: plan.id, endDate: '2026-11-24', reason: 'completed' })).toMatchObject({ ok: false, error: { fields: { endDate: 'Må ikke ligge i fremtiden' } } });
    const ended = await v.call<PlanDetail>('sspplus.end', { planId: plan.id, endDate: '2026-08-31', reason: 'completed', note: 'Er i lære' });
    expect(ended).toMatchObject({ status: 'ended', endDate: '2026-08-31', endReason: 'completed', endNote: 'Er i lære', nextReview: null });
    expect(ended.followUps.map((f) => [f.months, f.dueOn, f.outcome, f.due])).toEqual([
      [3, '2026-11-30', null, false],
      [6, '2027-02-28', null, false],
      [12, '2027-08-31', null, false],
    ]);
    // An ended plan is closed for edits and cannot be ended twice.
    expect(await v.dispatch('sspplus.saveArea', { planId: plan.id, area: 'education', goal: 'x' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'Planen er afsluttet og kan ikke ændres.' } });
    expect(await v.dispatch('sspplus.end', { planId: plan.id, endDate: '2026-09-01', reason: 'other' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await v.call('sspplus.list', { status: 'active' })).toEqual([]);
    expect(await v.call('sspplus.list', { status: 'ended' })).toMatchObject([{ planId: plan.id, endReason: 'completed', nextReview: null }]);
  });

  it('shows due follow-ups in the overview until the outcome is recorded', async () => {
    const c = await youngPerson('2005-01-01', 3, '2026-01-10', 'Emil');
    const plan = await start(c.person.id, '2026-02-15');
    // Ended 31 May: +3 months = 31 August (due), +6 = 30 November (7 days ahead), +12 = 31 May 2027.
    const ended = await v.call<PlanDetail>('sspplus.end', { planId: plan.id, endDate: '2026-05-31', reason: 'moved' });
    expect(ended.followUps.map((f) => [f.months, f.dueOn, f.due])).toEqual([[3, '2026-08-31', true], [6, '2026-11-30', false], [12, '2027-05-31', false]]);
    expect((await overview()).dueFollowUps).toEqual([
      { planId: plan.id, followUpId: ended.followUps[0]!.id, personId: c.person.id, firstName: 'Emil', lastName: 'Prøvesen', months: 3, dueOn: '2026-08-31', endDate: '2026-05-31' },
    ]);
    expect(await v.dispatch('sspplus.recordFollowUp', { followUpId: ended.followUps[0]!.id, outcome: 'job', recordedOn: '2026-05-30' })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const recorded = await v.call<PlanDetail>('sspplus.recordFollowUp', { followUpId: ended.followUps[0]!.id, outcome: 'job', recordedOn: '2026-09-02' });
    expect(recorded.followUps[0]).toMatchObject({ outcome: 'job', recordedOn: '2026-09-02', due: false });
    expect((await overview()).dueFollowUps).toEqual([]);
  });
});

describe('alerts', () => {
  it('warns about level 3-4 people turning 17½ and plans whose person turns 25, within 60 days', async () => {
    // 17½ on 15 January 2027: 7 + 31 + 15 = 53 days ahead.
    const soon = await youngPerson('2009-07-15', 4, '2026-01-10', 'Frida');
    await youngPerson('2009-09-01', 3, '2026-01-10', 'Gustav'); // 17½ on 1 March 2027: 98 days
    await youngPerson('2009-07-15', 2, '2026-01-10', 'Hans'); // level 2: no alert
    // 25 on 10 January 2027: 7 + 31 + 10 = 48 days ahead.
    const old = await youngPerson('2002-01-10', 3, '2026-01-10', 'Ida');
    const oldPlan = await start(old.person.id, '2026-06-01');
    const notYet = await youngPerson('2002-03-01', 3, '2026-01-10', 'Jonas'); // 25 on 1 March 2027: 98 days
    await start(notYet.person.id, '2026-06-01');
    const o = await overview();
    expect(o.alerts.turning17Half).toEqual([
      { personId: soon.person.id, firstName: 'Frida', lastName: 'Prøvesen', caseId: soon.id, caseNumber: soon.caseNumber, level: 4, date: '2027-01-15', daysLeft: 53 },
    ]);
    expect(o.alerts.turning25).toEqual([{ planId: oldPlan.id, personId: old.person.id, firstName: 'Ida', lastName: 'Prøvesen', date: '2027-01-10', daysLeft: 48 }]);
  });
});

describe('audit', () => {
  it('records every write with codes and ids only', async () => {
    const c = await youngPerson('2005-01-01', 3, '2026-01-10', 'Karla');
    const before = auditRows().length;
    const plan = await start(c.person.id, '2026-03-01', { consentScope: 'Hemmelig samtykketekst' });
    await v.call('sspplus.get', { planId: plan.id });
    await v.call('sspplus.update', { planId: plan.id, reviewIntervalMonths: 2 });
    await v.call('sspplus.saveArea', { planId: plan.id, area: 'education', goal: 'Hemmeligt mål', actions: [{ description: 'Hemmelig handling' }] });
    const reviewed = await v.call<PlanDetail>('sspplus.addReview', { planId: plan.id, heldOn: '2026-05-01', kind: 'scheduled', changes: 'Hemmelig ændring', areas: [{ area: 'education', status: 'progress' }] });
    const ended = await v.call<PlanDetail>('sspplus.end', { planId: plan.id, endDate: '2026-06-01', reason: 'completed', note: 'Hemmelig note' });
    await v.call('sspplus.recordFollowUp', { followUpId: ended.followUps[0]!.id, outcome: 'uddannelse', recordedOn: '2026-09-01' });
    const partner = await v.call<SspPlusPartner>('sspplus.partners.save', { name: 'Hemmelig Partner' });
    const rows = auditRows().slice(before);
    const a = { actor: OWNER.name };
    expect(rows).toEqual([
      { ...a, action: 'create', entity: 'sspplus_plan', entityId: plan.id, detail: `case:${c.id};level:3` },
      { ...a, action: 'view', entity: 'sspplus_plan', entityId: plan.id, detail: null },
      { ...a, action: 'update', entity: 'sspplus_plan', entityId: plan.id, detail: 'interval:2' },
      { ...a, action: 'update', entity: 'sspplus_plan', entityId: plan.id, detail: 'area:education;actions-added:1;actions-updated:0' },
      { ...a, action: 'create', entity: 'sspplus_review', entityId: reviewed.reviews[0]!.id, detail: `plan:${plan.id};kind:scheduled;areas:1;goals:0` },
      { ...a, action: 'close', entity: 'sspplus_plan', entityId: plan.id, detail: 'reason:completed' },
      { ...a, action: 'create', entity: 'sspplus_follow_up', entityId: ended.followUps[0]!.id, detail: `plan:${plan.id};months:3;outcome:uddannelse` },
      { ...a, action: 'create', entity: 'sspplus_partner', entityId: partner.id, detail: null },
    ]);
    const all = JSON.stringify(auditRows());
    for (const secret of ['Hemmelig', 'Karla', 'Prøvesen', 'Kim Koordinator']) expect(all).not.toContain(secret);
  });
});
