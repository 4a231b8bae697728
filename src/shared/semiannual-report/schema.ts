/**
 * The semi-annual report (halvårsrapport) exchange format, versions 1 and 2, as a zod schema
 * (version 2 adds `districtAreas`: each district's code and areas).
 * docs/report-format.md describes it field by field. The shape is checked by zod; the rules
 * across fields (one row per district and category, totals that add up, hidden counts only in
 * anonymised reports, no CPR numbers in texts) by reportProblems in validate.ts.
 */
import { z } from 'zod';
import { AREA_CODE, DISTRICT_CODE, MAX_AREAS } from '../core/districts';
import { REPORT_BANDS, REPORT_FORMAT, REPORT_SEXES } from './layout';
import { reportProblems } from './validate';
import { unrestRowSchema } from './unrest';

/** A count: a whole number, or the hidden marker '<N' (N = the report's threshold). */
export const countSchema = z.union([
  z.number().int().min(0).max(10_000_000),
  z.string().regex(/^<\d+$/, 'Et skjult tal skrives som "<N", fx "<5".'),
]);
export type Count = z.infer<typeof countSchema>;

const district = z.string().min(1).max(120);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const all = z.literal('all');
const months = z.union([z.literal(3), z.literal(6), z.literal(12)]);
const outcome = z.enum(['uddannelse', 'job', 'aktivering', 'ingen', 'ukendt']);
const band = z.enum(REPORT_BANDS);
const sex = z.enum(REPORT_SEXES);

const casesByLevelRow = z.object({ district, level, active: countSchema, new: countSchema, closed: countSchema }).strict();
const ageBandRow = z.object({ district, band, count: countSchema }).strict();
const sexRow = z.object({ district, sex, count: countSchema }).strict();
const eventsRow = z.object({ district, charges: countSchema, interviews: countSchema, remand: countSchema }).strict();
const sspPlusRow = z.object({ district, active: countSchema, started: countSchema, ended: countSchema }).strict();
const followUpRow = z.object({ district, months, outcome, count: countSchema }).strict();
const releasesRow = z.object({ district, releases: countSchema, meetings: countSchema }).strict();
/** Exit courses (issue 19): running at the end, started, ended; 24-month follow-ups due, without and with a new charge. */
const exitRow = z
  .object({ district, active: countSchema, started: countSchema, ended: countSchema, followUpsNoNewCharge: countSchema, followUpsNewCharge: countSchema })
  .strict();
/** Sikker By (sikker-by.ts): young people 14-25 charged with person-endangering or serious crime; once per bydel, and once in the city. */
const sikkerByRow = z.object({ district, charged: countSchema, firstInCity: countSchema }).strict();

export const tablesSchema = z
  .object({
    casesByLevel: z.array(casesByLevelRow),
    activeByAgeBand: z.array(ageBandRow),
    activeBySex: z.array(sexRow),
    eventsByDistrict: z.array(eventsRow),
    sspPlus: z.object({ byDistrict: z.array(sspPlusRow), followUps: z.array(followUpRow) }).strict(),
    releases: z.object({ byDistrict: z.array(releasesRow), followUps: z.array(followUpRow) }).strict(),
    exit: z.object({ byDistrict: z.array(exitRow) }).strict(),
    sikkerBy: z.object({ byDistrict: z.array(sikkerByRow) }).strict(),
  })
  .strict();

/** Totals rows: like table rows, with 'all' where a dimension is summed. */
export const totalsSchema = z
  .object({
    casesByLevel: z.array(casesByLevelRow.extend({ level: z.union([level, all]) })),
    activeByAgeBand: z.array(ageBandRow.extend({ band: z.union([band, all]) })),
    activeBySex: z.array(sexRow.extend({ sex: z.union([sex, all]) })),
    eventsByDistrict: z.array(eventsRow),
    sspPlus: z
      .object({
        byDistrict: z.array(sspPlusRow),
        followUps: z.array(followUpRow.extend({ outcome: z.union([outcome, all]) })),
      })
      .strict(),
    releases: z
      .object({
        byDistrict: z.array(releasesRow),
        followUps: z.array(followUpRow.extend({ outcome: z.union([outcome, all]) })),
      })
      .strict(),
    exit: z.object({ byDistrict: z.array(exitRow) }).strict(),
    sikkerBy: z.object({ byDistrict: z.array(sikkerByRow) }).strict(),
  })
  .strict();

export const assessmentSchema = z.object({ district, text: z.string().max(20_000) }).strict();

/** A district's identity (version 2): its stable code and the city areas it covers ('amager-vest', 'amager-vest/distrikt-15'). */
export const districtAreaSchema = z
  .object({
    district,
    code: z.string().max(60).regex(DISTRICT_CODE, 'En bydelskode har kun små bogstaver a-z, tal og bindestreger.'),
    areas: z.array(z.string().max(120).regex(AREA_CODE, 'En områdekode skrives som "amager-vest" eller "amager-vest/distrikt-15".')).max(MAX_AREAS),
  })
  .strict();

const reportShape = z
  .object({
    format: z.literal(REPORT_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]),
    period: z.string().regex(/^\d{4}(-H[12])?$/, 'Perioden skrives som ÅÅÅÅ-H1, ÅÅÅÅ-H2 eller ÅÅÅÅ (hele året).'),
    unit: z.string().min(1).max(200),
    districts: z.array(district).min(1).max(100),
    /** Version 2: one per district, in the order of `districts`. Absent in version 1. */
    districtAreas: z.array(districtAreaSchema).max(100).optional(),
    mode: z.enum(['exact', 'anonymised']),
    threshold: z.number().int().min(1).max(100),
    generatedAt: z.iso.datetime({ offset: true }),
    appVersion: z.string().min(1).max(50),
    tables: tablesSchema,
    totals: totalsSchema,
    assessments: z.array(assessmentSchema).max(100),
    /** Tryghed and unrest per district (unrest.ts; not personal, never suppressed). Absent in files from before it. */
    unrest: z.array(unrestRowSchema).max(100).optional(),
  })
  .strict();

export const reportSchemaV1 = reportShape.superRefine((report, ctx) => {
  for (const p of reportProblems(report)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
});

export type ReportV1 = z.infer<typeof reportShape>;
export type ReportTables = ReportV1['tables'];
export type ReportTotals = ReportV1['totals'];
export type ReportMode = ReportV1['mode'];
export type Assessment = z.infer<typeof assessmentSchema>;
export type DistrictArea = z.infer<typeof districtAreaSchema>;
export type CasesByLevelRow = z.infer<typeof casesByLevelRow>;
export type AgeBandRow = z.infer<typeof ageBandRow>;
export type SexRow = z.infer<typeof sexRow>;
export type EventsRow = z.infer<typeof eventsRow>;
export type SspPlusRow = z.infer<typeof sspPlusRow>;
export type FollowUpRow = z.infer<typeof followUpRow>;
export type ReleasesRow = z.infer<typeof releasesRow>;
export type ExitRow = z.infer<typeof exitRow>;
export type SikkerByRow = z.infer<typeof sikkerByRow>;

export type ParseReportResult = { ok: true; report: ReportV1 } | { ok: false; error: string; issues: string[] };

function describePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/**
 * Parses and checks a report. Errors are Danish: `error` is one sentence for the user,
 * `issues` lists each problem with the field it concerns (at most 20).
 */
export function parseReport(input: unknown): ParseReportResult {
  const r = reportSchemaV1.safeParse(input, { error: z.locales.da().localeError });
  if (r.success) return { ok: true, report: r.data };
  const issues = r.error.issues.slice(0, 20).map((i) => (i.path.length ? `${describePath(i.path)}: ${i.message}` : i.message));
  return {
    ok: false,
    error: `Filen følger ikke formatet for halvårsrapporter (${issues[0] ?? 'ukendt fejl'}).`,
    issues,
  };
}
