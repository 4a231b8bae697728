/**
 * Actions (handlinger) as one concept across the programme: agreed at a ledergruppe meeting
 * (meeting_actions), at a release meeting (release_action_items) or added on a case
 * (case_actions). Each has a description, a responsible partner, a deadline and a status:
 * open, done, or dropped with a reason. Completing, dropping or reopening one is audited.
 */
export const ACTION_SOURCES = ['meeting', 'release', 'case'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The status a release action item's columns mean (older rows have only `doneOn`). */
export function releaseActionStatus(row: { status?: string | null; doneOn: string | null; dropReason?: string | null }): ActionStatus {
  if (row.doneOn) return 'done';
  if (row.status === 'dropped' || row.dropReason) return 'dropped';
  return 'open';
}
