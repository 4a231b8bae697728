import { z } from 'zod';
import { op, shortText, longText, isoDate, isoDateTime, id, empty } from '../core/contract';
import { CLOSING_REASON_CODES, EVENT_KIND_CODES, OFFENCE_CATEGORY_CODES } from './levels';
import { exitGroupsContract } from './exit-contract';
import { AREA_CODE, DISTRICT_CODE, MAX_AREAS } from '../core/districts';

export const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const sex = z.enum(['M', 'K', 'unknown']);
export const closingReason = z.enum(CLOSING_REASON_CODES as [string, ...string[]]);
export const eventKind = z.enum(EVENT_KIND_CODES as [string, ...string[]]);
export const offenceCategory = z.enum(OFFENCE_CATEGORY_CODES as [string, ...string[]]);

// ---- reference data ----
/** A district: its name, its stable code (the identity in report files) and the city areas it covers (see shared/core/districts). */
export const districtSchema = z
  .object({ id, name: z.string(), code: z.string(), areas: z.array(z.string()), active: z.boolean(), sortOrder: z.number().int() })
  .strict();
export const districtCode = shortText(60)
  .trim()
  .regex(DISTRICT_CODE, 'Koden må kun have små bogstaver a-z, tal og bindestreger, fx "amager-vest" eller "distrikt-15".');
export const districtAreas = z
  .array(shortText(120).trim().regex(AREA_CODE, 'Skriv en bydelskode som "amager-vest", eller "amager-vest/distrikt-15" for en del af en bydel.'))
  .max(MAX_AREAS); // known bydele, no overlap: checked by saveDistrict, with a message that says what to do
export const effortSchema = z.object({ id, name: z.string(), active: z.boolean() }).strict();

// ---- people ----
export const contactInput = z
  .object({ name: shortText(120).min(1), relation: shortText(80).min(1), phone: shortText(40).optional() })
  .strict();
export const personInput = z
  .object({
    firstName: shortText(80).trim().min(1),
    lastName: shortText(80).trim().min(1),
    cpr: shortText(20).optional(),
    birthDate: isoDate.optional(),
    /** Omit to take it from the CPR number (or 'unknown' without one). */
    sex: sex.optional(),
    districtId: id.optional(),
    school: shortText(160).optional(),
    contacts: z.array(contactInput).max(20).default([]),
  })
  .strict();
export type PersonInput = z.input<typeof personInput>;

export const personSchema = z
  .object({
    id,
    firstName: z.string(),
    lastName: z.string(),
    /** Always masked (DDMMYY-xxxx) unless the caller asked to reveal it. */
    cpr: z.string().nullable(),
    cprRevealed: z.boolean(),
    birthDate: z.string(),
    sex,
    sexFromCpr: z.boolean(),
    districtId: z.number().nullable(),
    school: z.string().nullable(),
    contacts: z.array(z.object({ id, name: z.string(), relation: z.string(), phone: z.string().nullable() }).strict()),
  })
  .strict();
export type Person = z.infer<typeof personSchema>;

// ---- cases ----
export const caseSort = z.enum(['caseNumber', 'name', 'age', 'district', 'level', 'status', 'coordinator', 'nextReviewOn', 'openedOn']);
export const caseListInput = z
  .object({
    search: shortText(100).optional(),
    levels: z.array(level).max(4).optional(),
    districtIds: z.array(id).max(100).optional(),
    status: z.enum(['open', 'closed', 'all']).default('open'),
    coordinator: shortText(120).optional(),
    ageBands: z.array(z.enum(['0-11', '12-14', '15-17', '18-21', '22-25', '26+'])).max(6).optional(),
    review: z.enum(['due', 'overdue']).optional(),
    sort: caseSort.default('caseNumber'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type CaseListInput = z.input<typeof caseListInput>;

export const caseRowSchema = z
  .object({
    id,
    caseNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    age: z.number().int(),
    district: z.string().nullable(),
    level,
    status: z.enum(['open', 'closed']),
    coordinator: z.string().nullable(),
    openedOn: z.string(),
    nextReviewOn: z.string().nullable(),
  })
  .strict();
export type CaseRow = z.infer<typeof caseRowSchema>;

export const caseOpenInput = z
  .object({
    personId: id.optional(),
    person: personInput.optional(),
    level,
    reason: shortText(500).trim().min(1),
    forum: shortText(120).optional(),
    districtId: id.optional(),
    coordinator: shortText(120).optional(),
    openedOn: isoDate,
    nextReviewOn: isoDate.optional(),
    externalRef: shortText(60).optional(),
    /** Given when the young person is outside SSP's age scope and the case is opened anyway. */
    outsideAgeScopeReason: shortText(500).trim().min(1).optional(),
  })
  .strict()
  .refine((v) => (v.personId === undefined) !== (v.person === undefined), { message: 'Angiv enten en eksisterende person eller en ny', path: ['person'] });

/** SSP's age scope for new cases (whole years on the opening day). */
export const caseSettingsSchema = z
  .object({ minAge: z.number().int().min(0).max(30), maxAge: z.number().int().min(10).max(40) })
  .strict();
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

export const levelChangeSchema = z
  .object({ id, changedOn: z.string(), level, reason: z.string(), forum: z.string(), meetingId: z.number().nullable(), actor: z.string() })
  .strict();
export const statusChangeSchema = z
  .object({ id, kind: z.enum(['opened', 'closed', 'reopened']), changedOn: z.string(), closingReason: z.string().nullable(), actor: z.string() })
  .strict();
export const eventSchema = z
  .object({
    id,
    kind: eventKind,
    occurredOn: z.string(),
    offenceCategory: z.string().nullable(),
    effortId: z.number().nullable(),
    effortName: z.string().nullable(),
    description: z.string().nullable(),
    actor: z.string(),
    meetingId: z.number().nullable(),
  })
  .strict();
export const noteSchema = z
  .object({ id, author: z.string(), writtenAt: z.string(), text: z.string(), correctsNoteId: z.number().nullable(), correctedByNoteIds: z.array(z.number()), meetingId: z.number().nullable() })
  .strict();

export const caseDetailSchema = z
  .object({
    id,
    caseNumber: z.string(),
    externalRef: z.string().nullable(),
    person: personSchema,
    age: z.number().int(),
    districtId: z.number().nullable(),
    district: z.string().nullable(),
    coordinator: z.string().nullable(),
    forum: z.string(),
    level,
    status: z.enum(['open', 'closed']),
    openedOn: z.string(),
    nextReviewOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    closingReason: z.string().nullable(),
    levelHistory: z.array(levelChangeSchema),
    statusHistory: z.array(statusChangeSchema),
    events: z.array(eventSchema),
    notes: z.array(noteSchema),
    /**
     * Present when the young person is handed over to another vault (issue 21): everything about
     * them is read-only here. 'pending': "overdraget – afventer kvittering"; 'accepted': the
     * recipient took it (the personal data has left); 'kept': accepted, kept read-only here.
     */
    handover: z.object({ state: z.enum(['pending', 'accepted', 'kept']), handoverDate: isoDate }).strict().optional(),
  })
  .strict();
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const caseId = z.object({ caseId: id }).strict();

/** The fields an import column can fill (the ASCII column names of the import help). */
export const IMPORT_FIELD_CODES = [
  'fornavn', 'efternavn', 'cpr', 'foedselsdato', 'koen', 'bydel', 'niveau', 'oprettet', 'afsluttet', 'afslutningsaarsag', 'koordinator', 'sagsnummer',
] as const;
const importField = z.enum(IMPORT_FIELD_CODES);
export const importRowError = z.object({ line: z.number().int(), reason: z.string(), field: importField.optional() }).strict();
const importNote = z.object({ line: z.number().int(), field: importField, note: z.string() }).strict();
const importRowValues = z.object({ line: z.number().int(), values: z.partialRecord(importField, z.string()) }).strict();
const importRequest = z
  .object({
    fileName: shortText(260),
    format: z.enum(['csv', 'xlsx']),
    /** The file's bytes, base64. At most about 20 MB. */
    contentBase64: z.string().max(28_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
    /** Sheet columns (0-based) to fields or 'ignore'; columns left out keep the field their header gives. */
    mapping: z.array(z.object({ column: z.number().int().min(0).max(255), field: z.union([importField, z.literal('ignore')]) }).strict()).max(256).optional(),
    /** Cells corrected in the import screen. */
    fixes: z.array(z.object({ line: z.number().int().min(1).max(10_000_000), field: importField, value: shortText(200) }).strict()).max(20_000).optional(),
    /** Rows whose person is already in the vault: link the case to that person, or skip the row. */
    duplicates: z.array(z.object({ line: z.number().int().min(1).max(10_000_000), action: z.enum(['link', 'skip']) }).strict()).max(50_000).optional(),
    /** Import the good rows and give the bad ones back as a CSV, instead of importing nothing. */
    goodRowsOnly: z.boolean().optional(),
  })
  .strict();
export const importPreviewSchema = z
  .object({
    ok: z.boolean(),
    headerLine: z.number().int(),
    headerFirstLine: z.number().int(),
    columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string(), field: importField.nullable() }).strict()),
    mappingSource: z.enum(['auto', 'remembered', 'given']),
    missing: z.array(importField),
    unknown: z.array(z.number().int()),
    rowCount: z.number().int(),
    preview: z.array(importRowValues),
    errors: z.array(importRowError),
    notes: z.array(importNote),
    duplicates: z.array(
      z
        .object({
          line: z.number().int(),
          personId: z.number().int(),
          match: z.enum(['cpr', 'name-birth']),
          firstName: z.string(),
          lastName: z.string(),
          birthDate: z.string(),
          cpr: z.string().nullable(),
        })
        .strict(),
    ),
    badRows: z.array(importRowValues),
  })
  .strict();
export type ImportPreviewResult = z.infer<typeof importPreviewSchema>;

export const findHitSchema = z
  .object({
    caseId: id,
    caseNumber: z.string(),
    personId: id,
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string(),
    /** 'DDMMYY-xxxx': a search never answers with a full CPR number. */
    cprMasked: z.string().nullable(),
    level,
    status: z.enum(['open', 'closed']),
    match: z.enum(['cpr', 'birthDate', 'caseNumber', 'exact', 'prefix', 'fuzzy']),
  })
  .strict();
export type FindHit = z.infer<typeof findHitSchema>;
export const findResultSchema = z
  .object({
    kind: z.enum(['empty', 'cpr', 'birthDate', 'caseNumber', 'name']),
    /** Open cases, best match first. */
    hits: z.array(findHitSchema),
    /** People whose cases are all closed: their latest case. */
    closed: z.array(findHitSchema),
    closedCount: z.number().int(),
  })
  .strict();
export type FindResult = z.infer<typeof findResultSchema>;

export const casesContract = {
  'districts.list': op(empty, z.array(districtSchema)),
  'districts.save': op(
    z
      .object({
        id: id.optional(),
        name: shortText(80).trim().min(1),
        /** Left out: kept on an update; a new district gets its bydel's code, or one made from its name. */
        code: districtCode.optional(),
        /** Left out: kept on an update; a new district named as a bydel covers it, any other is unmapped. */
        areas: districtAreas.optional(),
        active: z.boolean().default(true),
        sortOrder: z.number().int().min(0).max(1000).default(0),
      })
      .strict(),
    districtSchema,
  ),
  'efforts.list': op(empty, z.array(effortSchema)),
  'efforts.save': op(z.object({ id: id.optional(), name: shortText(80).trim().min(1), active: z.boolean().default(true) }).strict(), effortSchema),

  'people.create': op(personInput, personSchema),
  'people.update': op(z.object({ personId: id, person: personInput }).strict(), personSchema),
  'people.revealCpr': op(z.object({ personId: id }).strict(), z.object({ cpr: z.string().nullable() }).strict()),
  'people.checkCpr': op(
    // Format, date, sex and warnings only: never whether another person has the number (issue 15).
    z.object({ cpr: shortText(20) }).strict(),
    z.object({ ok: z.boolean(), message: z.string().optional(), warnings: z.array(z.string()), birthDate: z.string().optional(), sex: z.enum(['M', 'K']).optional() }).strict(),
  ),

  'cases.find': op(z.object({ query: shortText(100), limit: z.number().int().min(1).max(50).default(20) }).strict(), findResultSchema),
  // `capped`: a search matched more than the count's cap (SEARCH_COUNT_CAP); `total` is then the cap, and the list pages up to it.
  'cases.list': op(caseListInput, z.object({ total: z.number().int(), capped: z.boolean(), rows: z.array(caseRowSchema) }).strict()),
  'cases.coordinators': op(empty, z.array(z.string())),
  'cases.settings.get': op(empty, caseSettingsSchema),
  'cases.settings.save': op(caseSettingsSchema.partial().strict(), caseSettingsSchema),
  'cases.get': op(caseId, caseDetailSchema),
  'cases.open': op(caseOpenInput, caseDetailSchema),
  'cases.update': op(
    z
      .object({ caseId: id, districtId: id.nullable().optional(), coordinator: shortText(120).nullable().optional(), forum: shortText(120).optional(), nextReviewOn: isoDate.nullable().optional() })
      .strict(),
    caseDetailSchema,
  ),
  'cases.changeLevel': op(
    z.object({ caseId: id, level, changedOn: isoDate, reason: shortText(500).trim().min(1), forum: shortText(120).optional(), nextReviewOn: isoDate.nullable().optional() }).strict(),
    caseDetailSchema,
  ),
  'cases.close': op(z.object({ caseId: id, closedOn: isoDate, reason: closingReason }).strict(), caseDetailSchema),
  'cases.reopen': op(
    z.object({ caseId: id, reopenedOn: isoDate, reason: shortText(500).trim().min(1), level: level.optional() }).strict(),
    caseDetailSchema,
  ),
  'cases.addEvent': op(
    z
      .object({
        caseId: id,
        kind: eventKind,
        occurredOn: isoDate,
        offenceCategory: offenceCategory.optional(),
        effortId: id.optional(),
        description: longText(4000).optional(),
      })
      .strict(),
    caseDetailSchema,
  ),
  'cases.addNote': op(z.object({ caseId: id, text: longText(20_000).trim().min(1), correctsNoteId: id.optional() }).strict(), caseDetailSchema),
  'cases.importPreview': op(importRequest, importPreviewSchema),
  'cases.import': op(
    importRequest,
    z.discriminatedUnion('ok', [
      z
        .object({
          ok: z.literal(true),
          imported: z.number().int(),
          linked: z.number().int(),
          skipped: z.number().int(),
          headerLine: z.number().int(),
          notes: z.array(importNote),
          rejected: z.object({ rows: z.number().int(), fileName: z.string(), csv: z.string() }).strict().optional(),
        })
        .strict(),
      z.object({ ok: z.literal(false), errors: z.array(importRowError) }).strict(),
    ]),
  ),
  ...exitGroupsContract,
} as const;

export { isoDateTime };
