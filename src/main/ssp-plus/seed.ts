/**
 * Synthetic SSP+ demo data: holistic plans for some of the young people with an open level 3-4
 * case who are (or were) 17½-25, with life areas, agreed actions, reviews, and for ended plans the
 * follow-ups at 3/6/12 months. Deterministic for the same vault, seed and today; every date is
 * derived from `today`, never from the clock. Texts are generic; no real people.
 *
 * Consistent with what the services would write: each plan starts on a day the person was
 * eligible (eligibility() on the case's level that day), at most one active plan per person,
 * reviews between the start and the end (or today), follow-up due dates = end + months.
 */
import type { Sqlite } from '../core/connection';
import { addDays, addMonths, compare, diffDays, maxDate, minDate, type IsoDate } from '../../shared/core/dates';
import type { CaseLevel } from '../../shared/cases';
import { createRng } from '../core/rng';
import {
  LIFE_AREA_CODES,
  eligibility,
  seventeenAndHalfDate,
  twentyFifthBirthday,
  type ActionStatus,
  type AreaReviewStatus,
  type LifeArea,
  type Outcome,
  type PlanEndReason,
  type ReviewTrigger,
} from '../../shared/ssp-plus';

export interface SspPlusSeedOptions {
  today: IsoDate;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Share of the eligible people who get a plan; default 0.6. */
  share?: number;
  /** At most this many plans; default 150 (Copenhagen has about 100 young people in SSP+ at a time). */
  max?: number;
  /** For the one audit entry only. */
  now?: Date;
  actor?: string;
  /** Write the audit entry; false when called from seedDemoData, which writes its own. Default true. */
  audit?: boolean;
}

export interface SspPlusSeedSummary {
  plans: number;
  active: number;
  ended: number;
  actions: number;
  reviews: number;
  followUps: number;
}


/** Generic texts per life area: [current situation, goal, action]. */
const TEXTS: Record<LifeArea, readonly (readonly [string, string, string])[]> = {
  education: [
    ['Droppet ud af EUD efter grundforløbet', 'Tilbage på en erhvervsuddannelse', 'Møde med UU-vejleder om optag'],
    ['Ingen afgangsprøve fra 9. klasse', 'Afgangsprøve på VUC', 'Tilmelding til VUC'],
  ],
  employment: [
    ['Ledig og på kontanthjælp', 'Fritidsjob eller praktik', 'Første samtale i Jobcenter København Unge'],
    ['Har haft korte jobs i lager og byggeri', 'Fast job med faste tider', 'Virksomhedspraktik via jobcentret'],
  ],
  income: [['Har gæld og ingen fast indtægt', 'Stabil forsørgelse fra dag ét', 'Ansøgning om ydelse og gældsrådgivning']],
  housing: [
    ['Bor på skift hos venner', 'Eget værelse', 'Ansøgning om ungdomsbolig'],
    ['Bor hos forældre under trange forhold', 'Egen bolig inden for et år', 'Opskrivning til bolig og boligsocial støtte'],
  ],
  'substance-use': [['Ryger hash dagligt', 'Nedtrapning af forbruget', 'Henvisning til ungemisbrugsbehandling']],
  health: [['Sover dårligt og er ofte urolig', 'Kontakt til egen læge', 'Lægebesøg og vurdering']],
  network: [['Lille netværk uden for miljøet', 'Voksenkontakt uden for miljøet', 'Mentor tilknyttes']],
  leisure: [['Ingen faste fritidsaktiviteter', 'En fast fritidsaktivitet', 'Prøvetræning i idrætsforening']],
  'criminal-associations': [['Tæt på en kriminel gruppe i området', 'Ud af gruppen', 'Samtale om exit-forløb']],
  'probation-conditions': [['Betinget dom med vilkår om tilsyn', 'Vilkårene overholdes', 'Faste tilsynssamtaler hos Kriminalforsorgen']],
};
const CONSENT_SCOPES = [
  'Deling af oplysninger mellem de deltagende samarbejdspartnere om uddannelse, beskæftigelse og bolig.',
  'Deling mellem SOF, jobcentret og Kriminalforsorgen om planens mål og handlinger.',
];
const COORDINATORS = ['Anne Egeholt', 'Karim Ravnsø', 'Mette Skovtoft', 'Lars Kildevang'];
const REVIEW_WEIGHTS: readonly (readonly [AreaReviewStatus, number])[] = [['progress', 40], ['unchanged', 35], ['setback', 15], ['achieved', 10]];
const END_WEIGHTS: readonly (readonly [PlanEndReason, number])[] = [['completed', 45], ['declined', 20], ['moved', 15], ['other', 20]];
const OUTCOME_WEIGHTS: readonly (readonly [Outcome, number])[] = [['uddannelse', 25], ['job', 22], ['aktivering', 18], ['ingen', 25], ['ukendt', 10]];
const TRIGGER_WEIGHTS: readonly (readonly [ReviewTrigger, number])[] = [['new-charge', 45], ['release', 20], ['lost-housing', 25], ['other', 10]];

/** The first day from which the case's level has stayed at 3 or 4 (levelAt's order: date, then recording order). */
function levelSince(changes: readonly { date: string; level: number }[]): IsoDate | null {
  let since: IsoDate | null = null;
  for (const c of changes) {
    if (c.level >= 3) since ??= c.date;
    else since = null;
  }
  return since;
}

/**
 * Add plans. Skips people who already have a plan, so running it twice adds nothing new for them.
 * One transaction and one audit entry ('seed').
 */
export function seedSspPlus(sqlite: Sqlite, options: SspPlusSeedOptions): SspPlusSeedSummary {
  const today = options.today;
  const rng = createRng((options.seed ?? 1) ^ 0x55b1a5);
  const share = options.share ?? 0.6;
  const max = options.max ?? 150;
  const summary: SspPlusSeedSummary = { plans: 0, active: 0, ended: 0, actions: 0, reviews: 0, followUps: 0 };

  sqlite.transaction(() => {
    const partners = sqlite.prepare('SELECT id, name FROM sspplus_partners WHERE active = 1 ORDER BY sort_order, id').all() as { id: number; name: string }[];
    if (partners.length < 2) return;
    const candidates = sqlite
      .prepare(
        `SELECT c.id AS caseId, c.person_id AS personId, c.coordinator, p.birth_date AS birthDate FROM cases c JOIN people p ON p.id = c.person_id
         WHERE c.status = 'open' AND c.level >= 3 AND NOT EXISTS (SELECT 1 FROM sspplus_plans sp WHERE sp.person_id = c.person_id)
         ORDER BY c.person_id`,
      )
      .all() as { caseId: number; personId: number; coordinator: string | null; birthDate: string }[];
    const history = sqlite.prepare('SELECT changed_on AS date, level FROM case_level_changes WHERE case_id = ? ORDER BY changed_on, id');
    const st = {
      plan: sqlite.prepare(
        `INSERT INTO sspplus_plans (person_id, case_id, status, start_date, coordinator, review_interval_months, consent_date, consent_scope,
           end_date, end_reason, end_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      ),
      planPartner: sqlite.prepare('INSERT INTO sspplus_plan_partners (plan_id, partner_id) VALUES (?, ?)'),
      area: sqlite.prepare('INSERT INTO sspplus_areas (plan_id, area, current_situation, goal, progress_notes, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      action: sqlite.prepare(
        'INSERT INTO sspplus_actions (plan_id, area, description, partner_id, deadline, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      review: sqlite.prepare(
        `INSERT INTO sspplus_reviews (plan_id, held_on, kind, "trigger", participants_note, changes, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      reviewPartner: sqlite.prepare('INSERT INTO sspplus_review_partners (review_id, partner_id) VALUES (?, ?)'),
      reviewArea: sqlite.prepare('INSERT INTO sspplus_review_areas (review_id, area, status, note) VALUES (?, ?, ?, ?)'),
      followUp: sqlite.prepare('INSERT INTO sspplus_follow_ups (plan_id, months, due_on, outcome, recorded_on) VALUES (?, ?, ?, ?, ?)'),
      audit: sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, 'seed', 'sspplus', NULL, ?)`),
    };
    const stamp = (date: IsoDate) => `${date}T10:00:00.000Z`;

    for (const c of candidates) {
      if (summary.plans >= max) break;
      const changes = history.all(c.caseId) as { date: string; level: number }[];
      const since = levelSince(changes);
      if (since === null) continue;
      const turns25 = twentyFifthBirthday(c.birthDate);
      const lo = maxDate(seventeenAndHalfDate(c.birthDate), since);
      const hi = minDate(today, addDays(turns25, -1));
      if (compare(lo, hi) > 0 || !rng.chance(share)) continue;
      const start = addDays(hi, -rng.int(0, Math.min(diffDays(hi, lo), 540)));
      const level = changes.filter((x) => compare(x.date, start) <= 0).at(-1)?.level as CaseLevel;
      if (!eligibility(c.birthDate, start, { level, status: 'open' }).eligible) continue;

      // Ended: the young person turned 25, or (for older plans) completed, declined, moved ...
      let end: IsoDate | null = null;
      let reason: PlanEndReason | null = null;
      if (compare(turns25, today) <= 0) {
        end = maxDate(start, addDays(turns25, -rng.int(1, 20)));
        reason = 'turned-25';
      } else if (diffDays(today, start) > 150 && rng.chance(0.35)) {
        end = addDays(start, rng.int(120, diffDays(today, start)));
        reason = rng.weighted(END_WEIGHTS);
      }
      const until = end ?? today;
      const interval = rng.weighted([[3, 85], [2, 15]] as const);
      const planPartners = [partners[0]!, partners[1]!, ...partners.slice(2).filter(() => rng.chance(0.4))];
      const planId = Number(
        st.plan.run(c.personId, c.caseId, end ? 'ended' : 'active', start, c.coordinator ?? rng.pick(COORDINATORS), interval, start, rng.pick(CONSENT_SCOPES), end, reason, stamp(start), stamp(until))
          .lastInsertRowid,
      );
      for (const p of planPartners) st.planPartner.run(planId, p.id);
      summary.plans++;
      if (end) summary.ended++;
      else summary.active++;

      // Life areas: education and employment always, a few more as relevant.
      const others = LIFE_AREA_CODES.filter((a) => a !== 'education' && a !== 'employment' && rng.chance(0.3)).slice(0, 3);
      const areas: LifeArea[] = ['education', 'employment', ...others];
      for (const area of areas) {
        const [situation, goal, action] = rng.pick(TEXTS[area]);
        st.area.run(planId, area, situation, goal, rng.chance(0.4) ? 'Følges op på næste statusmøde.' : '', stamp(start));
        const count = rng.int(1, 2);
        for (let i = 0; i < count; i++) {
          const deadline = minDate(addDays(start, rng.int(14, 160)), addDays(until, 90));
          const status: ActionStatus =
            compare(deadline, today) < 0 ? rng.weighted([['done', 65], ['planned', 12], ['in-progress', 10], ['cancelled', 13]]) : rng.weighted([['planned', 50], ['in-progress', 50]]);
          st.action.run(planId, area, i === 0 ? action : `Opfølgning: ${action.toLowerCase()}`, rng.pick(planPartners).id, deadline, status, stamp(start), stamp(minDate(deadline, until)));
          summary.actions++;
        }
      }

      // Reviews on the grid from the start, most held a little early or late; sometimes one ad hoc.
      const addReview = (heldOn: IsoDate, kind: 'scheduled' | 'ad-hoc') => {
        const trigger = kind === 'ad-hoc' ? rng.weighted(TRIGGER_WEIGHTS) : null;
        const id = Number(st.review.run(planId, heldOn, kind, trigger, rng.chance(0.6) ? 'Den unge' : '', rng.chance(0.3) ? 'Fristerne for handlingerne er justeret.' : '', c.coordinator ?? 'Demodata', stamp(heldOn)).lastInsertRowid);
        for (const p of planPartners) if (rng.chance(0.8)) st.reviewPartner.run(id, p.id);
        for (const area of areas) st.reviewArea.run(id, area, rng.weighted(REVIEW_WEIGHTS), '');
        summary.reviews++;
      };
      for (let k = 1; ; k++) {
        const due = addMonths(start, k * interval);
        if (compare(due, until) > 0) break;
        if (!rng.chance(0.8)) continue;
        const heldOn = minDate(maxDate(addDays(due, rng.int(-10, 14)), start), until);
        addReview(heldOn, 'scheduled');
      }
      if (diffDays(until, start) > 30 && rng.chance(0.25)) addReview(addDays(start, rng.int(15, diffDays(until, start))), 'ad-hoc');

      if (end) {
        for (const months of [3, 6, 12] as const) {
          const due = addMonths(end, months);
          const recorded = compare(due, today) <= 0 && rng.chance(diffDays(today, due) <= 30 ? 0.4 : 0.9) ? minDate(addDays(due, rng.int(0, 20)), today) : null;
          st.followUp.run(planId, months, due, recorded ? rng.weighted(OUTCOME_WEIGHTS) : null, recorded);
          summary.followUps++;
        }
      }
    }
    if (options.audit !== false) {
      st.audit.run((options.now ?? new Date()).toISOString(), options.actor ?? 'Demodata', `plans:${summary.plans};ended:${summary.ended};reviews:${summary.reviews}`);
    }
  })();
  return summary;
}
