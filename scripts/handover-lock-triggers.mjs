// Prints the lock triggers of migration 0023 (issue 21): while a person is handed over (a
// case_handovers row not 'refused'), every insert, update and delete on a row about them is
// refused with RAISE(ABORT, 'HANDED_OVER'), which the cases domain turns into a Danish message.
// The settle transaction alone passes, with its one handover_unlock row.
// Usage: node scripts/handover-lock-triggers.mjs >> src/main/db/migrations/00NN_....sql (before embedding).
const byCase = (x) => `(SELECT person_id FROM cases WHERE id = ${x}.case_id)`;
const byPlan = (x) => `(SELECT person_id FROM sspplus_plans WHERE id = ${x}.plan_id)`;
const byReview = (x) => `(SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = ${x}.review_id)`;
const byCustody = (x) => `(SELECT person_id FROM custody_periods WHERE id = ${x}.custody_id)`;
const byReleaseMeeting = (x) => `(SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = ${x}.meeting_id)`;
const own = (x) => `${x}.person_id`;

export const LOCKED_TABLES = {
  people: (x) => `${x}.id`,
  contacts: own,
  cases: own,
  exit_courses: own,
  custody_periods: own,
  sspplus_plans: own,
  case_level_changes: byCase,
  case_district_changes: byCase,
  case_status_changes: byCase,
  case_events: byCase,
  case_notes: byCase,
  youth_group_members: byCase,
  meeting_agenda_items: byCase,
  meeting_decisions: byCase,
  meeting_actions: byCase,
  case_actions: byCase,
  sspplus_plan_partners: byPlan,
  sspplus_areas: byPlan,
  sspplus_actions: byPlan,
  sspplus_reviews: byPlan,
  sspplus_follow_ups: byPlan,
  sspplus_review_partners: byReview,
  sspplus_review_areas: byReview,
  release_meetings: byCustody,
  release_followups: byCustody,
  release_meeting_participants: byReleaseMeeting,
  release_checklist_items: byReleaseMeeting,
  release_action_items: byReleaseMeeting,
};

// The first test costs one read of an (almost always) empty table, so bulk writes (an import, the
// demo seeder) pay next to nothing while no handover exists.
const locked = (people) =>
  `EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (${people}) AND h.state <> 'refused')`;

const out = ['-- Handed-over people are read-only: printed by scripts/handover-lock-triggers.mjs.'];
for (const [table, person] of Object.entries(LOCKED_TABLES)) {
  for (const [op, people] of [['INSERT', person('NEW')], ['UPDATE', `${person('OLD')}, ${person('NEW')}`], ['DELETE', person('OLD')]]) {
    out.push(`--> statement-breakpoint\nCREATE TRIGGER \`handover_lock_${table}_${op.toLowerCase()}\` BEFORE ${op} ON \`${table}\`\nWHEN ${locked(people)}\nBEGIN\n  SELECT RAISE(ABORT, 'HANDED_OVER');\nEND;`);
  }
}
if (import.meta.url === `file://${process.argv[1]}`) console.log(out.join('\n'));
