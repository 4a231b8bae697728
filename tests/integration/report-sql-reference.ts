/**
 * The report's case counts as the SQL it computed them with before the timeline (issue 16's
 * performance step): one grouped statement each, with a correlated index lookup per case for its
 * status, level and district on the day. Kept as the second, independent method the timeline is
 * compared with (report-timeline.test.ts) and as the benchmark's hand-written-SQL limit
 * (tests/bench/extra.ts, report.bench.ts). Same shape as `reportQueries`.
 */
import type { Sqlite } from '../../src/main/core/connection';
import { ageBand } from '../../src/shared/core/districts';
import type { SikkerByCharge } from '../../src/shared/semiannual-report';
import { caseHereOn, districtOn, reportQueries, type ActiveCount, type EventCount, type LevelCount, type ReportQueries, type ReportScope } from '../../src/main/semiannual-report/compute';

type DistrictId = number | null;

/** The level of case `c` in effect on the date expression `on`. */
const levelOn = (on: string) =>
  `COALESCE((SELECT l.level FROM case_level_changes l WHERE l.case_id = c.id AND l.changed_on <= ${on}
             ORDER BY l.changed_on DESC, l.id DESC LIMIT 1), c.level)`;

const SEX = `CASE WHEN p.sex IN ('M', 'K') THEN p.sex ELSE 'unknown' END`;

export const sqlReportQueries: ReportQueries = {
  ...reportQueries,
  /**
   * Active cases on the end date by district, level, birth year, sex. Grouped by birth year and
   * "birthday later in the year than the end date" rather than by age band: cheaper in SQL, and
   * the age in whole years follows from the two (as ageInYears). Bands are made here.
   */
  activeCases: (sqlite: Sqlite, scope: ReportScope): ActiveCount[] => {
    const rows = sqlite
      .prepare(
        `SELECT ${districtOn('@end')} AS districtId, ${levelOn('@end')} AS level,
                CASE WHEN length(p.birth_date) = 10 THEN CAST(substr(p.birth_date, 1, 4) AS INTEGER) END AS birthYear,
                substr(p.birth_date, 6, 5) > substr(@end, 6, 5) AS later, ${SEX} AS sex, COUNT(*) AS n
         FROM cases c JOIN people p ON p.id = c.person_id
         WHERE c.opened_on <= @end AND ${caseHereOn('@end')}
           AND (SELECT s.kind FROM case_status_changes s WHERE s.case_id = c.id AND s.changed_on <= @end
                ORDER BY s.changed_on DESC, s.id DESC LIMIT 1) IN ('opened', 'reopened')
         GROUP BY 1, 2, 3, 4, 5`,
      )
      .all({ end: scope.end }) as { districtId: DistrictId; level: number; birthYear: number | null; later: number; sex: string; n: number }[];
    const endYear = Number(scope.end.slice(0, 4));
    return rows.map((r) => ({
      districtId: r.districtId,
      level: r.level,
      band: ageBand(r.birthYear === null ? null : endYear - r.birthYear - r.later),
      sex: r.sex,
      n: r.n,
    }));
  },

  newCases: (sqlite: Sqlite, scope: ReportScope): LevelCount[] =>
    sqlite
      .prepare(
        `SELECT ${districtOn('o.changed_on')} AS districtId, ${levelOn('o.changed_on')} AS level, COUNT(*) AS n
         FROM (SELECT s.case_id, MIN(s.changed_on) AS changed_on FROM case_status_changes s
               WHERE s.kind = 'opened' AND s.changed_on BETWEEN @start AND @end GROUP BY s.case_id) o
         JOIN cases c ON c.id = o.case_id JOIN people p ON p.id = c.person_id
         WHERE ${caseHereOn('o.changed_on')}
         GROUP BY 1, 2`,
      )
      .all({ start: scope.start, end: scope.end }) as LevelCount[],

  closedCases: (sqlite: Sqlite, scope: ReportScope): LevelCount[] =>
    sqlite
      .prepare(
        `SELECT ${districtOn('k.changed_on')} AS districtId, ${levelOn('k.changed_on')} AS level, COUNT(*) AS n
         FROM (SELECT s.case_id, MAX(s.changed_on) AS changed_on FROM case_status_changes s
               WHERE s.kind = 'closed' AND s.changed_on BETWEEN @start AND @end GROUP BY s.case_id) k
         JOIN cases c ON c.id = k.case_id JOIN people p ON p.id = c.person_id
         WHERE ${caseHereOn('k.changed_on')}
         GROUP BY 1, 2`,
      )
      .all({ start: scope.start, end: scope.end }) as LevelCount[],

  /** Young people (not events) with at least one event of each kind in the period. */
  eventPeople: (sqlite: Sqlite, scope: ReportScope): EventCount[] =>
    sqlite
      .prepare(
        `SELECT districtId, SUM(kind = 'charge') AS charges, SUM(kind = 'interview') AS interviews, SUM(kind = 'remand') AS remand
         FROM (SELECT ${districtOn('e.occurred_on')} AS districtId, e.kind AS kind, c.person_id AS personId
               FROM case_events e JOIN cases c ON c.id = e.case_id JOIN people p ON p.id = c.person_id
               WHERE e.kind IN ('charge', 'interview', 'remand') AND e.occurred_on BETWEEN @start AND @end AND ${caseHereOn('e.occurred_on')}
               GROUP BY 1, 2, 3)
         GROUP BY 1`,
      )
      .all({ start: scope.start, end: scope.end }) as EventCount[],

  /**
   * Every charge in the period with what the Sikker By figure needs (sikker-by.ts): category,
   * the case's level and district on the charge date, the birth date. All districts: a person's
   * first charge decides where the city figure counts them, whichever districts are reported.
   */
  sikkerByCharges: (sqlite: Sqlite, scope: ReportScope): SikkerByCharge[] =>
    sqlite
      .prepare(
        `SELECT c.person_id AS personId, e.occurred_on AS occurredOn, e.offence_category AS offenceCategory,
                ${levelOn('e.occurred_on')} AS level, ${districtOn('e.occurred_on')} AS districtId, p.birth_date AS birthDate
         FROM case_events e JOIN cases c ON c.id = e.case_id JOIN people p ON p.id = c.person_id
         WHERE e.kind = 'charge' AND e.occurred_on BETWEEN @start AND @end
         ORDER BY e.occurred_on, e.id`,
      )
      .all({ start: scope.start, end: scope.end }) as SikkerByCharge[],
};
