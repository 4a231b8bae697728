/** Helpers for the report tests: reports built from a few hand-set counts (synthetic data). */
import {
  createExactReport,
  emptyTables,
  getRows,
  type Assessment,
  type GenericRow,
  type ReportHeader,
  type ReportTables,
  type ReportV1,
} from '../../src/shared/semiannual-report';

export type Setting = [table: string, keys: Record<string, string | number>, values: Record<string, number>];

export function findRow(container: unknown, table: string, keys: Record<string, string | number>): GenericRow {
  const row = getRows(container, table).find((r) => Object.entries(keys).every(([k, v]) => r[k] === v));
  if (!row) throw new Error(`no row in ${table} for ${JSON.stringify(keys)}`);
  return row;
}

export function tablesWith(districts: string[], settings: Setting[]): ReportTables {
  const tables = emptyTables(districts);
  for (const [table, keys, values] of settings) Object.assign(findRow(tables, table, keys), values);
  return tables;
}

export function exactReport(
  districts: string[],
  settings: Setting[],
  header: Partial<ReportHeader> = {},
  assessments: Assessment[] = [],
): ReportV1 {
  return createExactReport(
    {
      period: '2026-H1',
      unit: 'SSP Test',
      districts,
      generatedAt: '2026-07-01T08:00:00Z',
      appVersion: '0.1.0',
      ...header,
    },
    tablesWith(districts, settings),
    assessments,
  );
}

/** District A of the worked example in the tests and docs. */
export const AMAGER_VEST: Setting[] = [
  ['casesByLevel', { district: 'Amager Vest', level: 1 }, { active: 3, new: 1, closed: 0 }],
  ['casesByLevel', { district: 'Amager Vest', level: 2 }, { active: 6, new: 2, closed: 1 }],
  ['casesByLevel', { district: 'Amager Vest', level: 3 }, { active: 2, new: 0, closed: 0 }],
  ['activeByAgeBand', { district: 'Amager Vest', band: '12-14' }, { count: 5 }],
  ['activeByAgeBand', { district: 'Amager Vest', band: '15-17' }, { count: 6 }],
  ['activeBySex', { district: 'Amager Vest', sex: 'M' }, { count: 8 }],
  ['activeBySex', { district: 'Amager Vest', sex: 'K' }, { count: 3 }],
  ['eventsByDistrict', { district: 'Amager Vest' }, { charges: 4, interviews: 6, remand: 1 }],
  ['sspPlus.byDistrict', { district: 'Amager Vest' }, { active: 2, started: 1, ended: 0 }],
  ['sspPlus.followUps', { district: 'Amager Vest', months: 3, outcome: 'job' }, { count: 1 }],
  ['sspPlus.followUps', { district: 'Amager Vest', months: 6, outcome: 'uddannelse' }, { count: 2 }],
  ['releases.byDistrict', { district: 'Amager Vest' }, { releases: 1, meetings: 1 }],
  ['releases.followUps', { district: 'Amager Vest', months: 3, outcome: 'aktivering' }, { count: 1 }],
];

/** District B of the worked example. */
export const VALBY: Setting[] = [
  ['casesByLevel', { district: 'Valby', level: 1 }, { active: 7, new: 3, closed: 2 }],
  ['casesByLevel', { district: 'Valby', level: 2 }, { active: 1, new: 1, closed: 0 }],
  ['casesByLevel', { district: 'Valby', level: 3 }, { active: 5, new: 1, closed: 1 }],
  ['casesByLevel', { district: 'Valby', level: 4 }, { active: 1, new: 0, closed: 0 }],
  ['activeByAgeBand', { district: 'Valby', band: '12-14' }, { count: 6 }],
  ['activeByAgeBand', { district: 'Valby', band: '15-17' }, { count: 8 }],
  ['activeBySex', { district: 'Valby', sex: 'M' }, { count: 9 }],
  ['activeBySex', { district: 'Valby', sex: 'K' }, { count: 5 }],
  ['eventsByDistrict', { district: 'Valby' }, { charges: 10, interviews: 12, remand: 3 }],
  ['sspPlus.byDistrict', { district: 'Valby' }, { active: 4, started: 2, ended: 1 }],
  ['sspPlus.followUps', { district: 'Valby', months: 3, outcome: 'job' }, { count: 2 }],
  ['sspPlus.followUps', { district: 'Valby', months: 3, outcome: 'ingen' }, { count: 1 }],
  ['releases.byDistrict', { district: 'Valby' }, { releases: 2, meetings: 1 }],
  ['releases.followUps', { district: 'Valby', months: 3, outcome: 'aktivering' }, { count: 1 }],
  ['releases.followUps', { district: 'Valby', months: 3, outcome: 'ingen' }, { count: 1 }],
];
