import { z } from 'zod';
import { op, shortText, longText, id, empty } from '../core/contract';
import { isValidPeriod } from '../core/dates';
import { isYearPeriod } from './periods';
import { reportSchemaV1 } from './schema';
import { unrestContract } from './unrest-contract';

/**
 * The semi-annual report (halvårsrapport): options, the report for a period and districts, each
 * district's assessment, export to a file and merging unit files. The renderer cannot write files:
 * an export answers with the file's bytes (base64) and a suggested name, and the renderer offers
 * them as a download.
 */

export const reportPeriod = z
  .string()
  .max(7)
  .refine((p) => isValidPeriod(p) || isYearPeriod(p), 'Perioden skrives som ÅÅÅÅ-H1, ÅÅÅÅ-H2 eller ÅÅÅÅ (hele året).');
export const reportMode = z.enum(['exact', 'anonymised']);
export type ReportModeInput = z.infer<typeof reportMode>;
export const reportFormat = z.enum(['json', 'csv', 'xlsx']);
export type ReportFormatInput = z.infer<typeof reportFormat>;

export const reportRequest = z
  .object({
    period: reportPeriod,
    /** District names; every district in the vault when left out. */
    districts: z.array(shortText(120).trim().min(1)).min(1).max(100).optional(),
    mode: reportMode.default('anonymised'),
    unit: shortText(200).trim().min(1).optional(),
  })
  .strict();
export type ReportRequestInput = z.input<typeof reportRequest>;

export const reportFileSchema = z
  .object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), bytes: z.number().int().min(0) })
  .strict();
export type ReportFileOutput = z.infer<typeof reportFileSchema>;

const count = z.union([z.number().int().min(0), z.string()]);
export const trendPointSchema = z
  .object({
    period: z.string(),
    byLevel: z.array(
      z.object({ district: z.literal('all'), level: z.union([z.number().int(), z.literal('all')]), active: count, new: count, closed: count }).strict(),
    ),
    /** Young people charged in the half-year; SSP+ plans; releases and meetings held (issue 16: the trend in the files). */
    charges: count,
    sspPlus: z.object({ active: count, started: count, ended: count }).strict(),
    releases: z.object({ releases: count, meetings: count }).strict(),
  })
  .strict();
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const reportOptionsSchema = z
  .object({
    districts: z.array(z.object({ id, name: z.string(), active: z.boolean() }).strict()),
    /** The districts named by the owner's area, preselected on the report screen. */
    ownerDistricts: z.array(z.string()),
    periods: z.array(z.string()),
    currentPeriod: z.string(),
    defaultPeriod: z.string(),
    threshold: z.number().int(),
    unit: z.string(),
  })
  .strict();
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

export const computedReportSchema = z
  .object({
    report: reportSchemaV1,
    /** Counts left out because neither the case nor the person has a district. */
    unplaced: z.object({ active: z.number().int(), new: z.number().int(), closed: z.number().int() }).strict(),
  })
  .strict();
export type ComputedReport = z.infer<typeof computedReportSchema>;

export const assessmentRowSchema = z
  .object({
    districtId: id,
    district: z.string(),
    text: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    problem: z.string().nullable(),
  })
  .strict();
export type AssessmentRowOutput = z.infer<typeof assessmentRowSchema>;

/** A report file chosen for merging: its name (for messages) and its text. */
export const MAX_MERGE_FILE_CHARS = 2_000_000;
export const mergeRequest = z
  .object({
    files: z
      .array(z.object({ name: shortText(260).min(1), content: z.string().max(MAX_MERGE_FILE_CHARS) }).strict())
      .min(1)
      .max(100),
    mode: reportMode.default('anonymised'),
    unit: shortText(200).trim().min(1).optional(),
    /** Leave out to see the merged report only; with a format the file comes too (and is audited). */
    format: reportFormat.optional(),
  })
  .strict();

export const mergeCoverageSchema = z
  .object({ received: z.number().int(), of: z.number().int(), missing: z.array(z.string()), partial: z.array(z.string()), unmapped: z.array(z.string()) })
  .strict();
export type MergeCoverageOutput = z.infer<typeof mergeCoverageSchema>;

export const semiannualReportContract = {
  'report.options': op(empty, reportOptionsSchema),
  'report.compute': op(reportRequest, computedReportSchema),
  /** The trend: the chosen half-year and up to three before it (oldest first), as their reports show them; separate, so the report shows first. */
  'report.trend': op(reportRequest, z.array(trendPointSchema)),
  'report.export': op(reportRequest.extend({ format: reportFormat }).strict(), reportFileSchema),
  /**
   * Desktop app only: the print view shown in the window printed to a PDF file the user picks
   * (Electron's printToPDF, A4). The request names the file and is audited like an export; in
   * browser mode it is refused and the print dialog's "Gem som PDF" does the same.
   */
  'report.savePdf': op(reportRequest, z.object({ saved: z.boolean(), fileName: z.string().nullable() }).strict()),
  'report.assessments.list': op(z.object({ period: reportPeriod }).strict(), z.array(assessmentRowSchema)),
  'report.assessments.save': op(
    z.object({ period: reportPeriod, districtId: id, text: longText(20_000) }).strict(),
    z.object({ saved: assessmentRowSchema.nullable() }).strict(),
  ),
  'report.merge': op(
    mergeRequest,
    z
      .object({
        report: reportSchemaV1,
        /** Which of the city's bydele the files cover ("modtaget 7 af 10 bydele; mangler: ..."). */
        coverage: mergeCoverageSchema,
        file: reportFileSchema.nullable(),
      })
      .strict(),
  ),
  ...unrestContract,
} as const;
