/** Strings of the report's Exit table (issue 19 item 7). */
export const reportExitDa = {
  'report.section.exit': 'Exit',
  'report.table.exit.byDistrict': 'Exitforløb og opfølgning 24 måneder efter afslutning',
  'report.col.followUpsNoNewCharge': 'Opfølgning: ingen ny sigtelse',
  'report.col.followUpsNewCharge': 'Opfølgning: ny sigtelse',
} as const;

export const reportExitEn: { readonly [K in keyof typeof reportExitDa]: string } = {
  'report.section.exit': 'Exit',
  'report.table.exit.byDistrict': 'Exit courses and follow-up 24 months after the end',
  'report.col.followUpsNoNewCharge': 'Follow-up: no new charge',
  'report.col.followUpsNewCharge': 'Follow-up: new charge',
};
