import { z } from 'zod';
import { op, shortText, isoDate, id, empty } from '../core/contract';
import { EXIT_PROGRAMME_CODES, EXIT_STATUS_CODES } from './exit';

export const exitProgramme = z.enum(EXIT_PROGRAMME_CODES);
export const exitStatus = z.enum(EXIT_STATUS_CODES);

/** An Exit course as the case and SSP+ screens show it, with its three-year limit and follow-up. */
export const exitCourseSchema = z
  .object({
    id,
    personId: id,
    programme: exitProgramme,
    startOn: z.string(),
    endOn: z.string().nullable(),
    /** Three years after the start: the latest end. */
    latestEndOn: z.string(),
    /** Active and past its three years: it should be ended. */
    overdue: z.boolean(),
    contactPerson: z.string(),
    status: exitStatus,
    followUp: z
      .object({
        dueOn: z.string(),
        state: z.enum(['running', 'due']),
        windowAfter: z.string(),
        windowThrough: z.string(),
        newCharges: z.number().int(),
        /** The day the follow-up was recorded as done; until then Overblik lists it from its due date. */
        recordedOn: z.string().nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type ExitCourse = z.infer<typeof exitCourseSchema>;

export const exitCourseInput = z
  .object({
    personId: id,
    /** Given: update that course; left out: a new one. */
    id: id.optional(),
    programme: exitProgramme,
    startOn: isoDate,
    endOn: isoDate.nullable().default(null),
    contactPerson: shortText(120).trim().min(1, 'Skriv kontaktpersonen'),
    status: exitStatus,
  })
  .strict();
export type ExitCourseInput = z.input<typeof exitCourseInput>;

const exitList = z.object({ courses: z.array(exitCourseSchema), kkPlacesInUse: z.number().int() }).strict();

// ---- youth groups ----
const groupName = shortText(80).trim().min(2, 'Skriv et navn på mindst to tegn');
export const youthGroupSchema = z.object({ id, name: z.string(), active: z.boolean(), caseCount: z.number().int() }).strict();
export type YouthGroup = z.infer<typeof youthGroupSchema>;
/** A case in a group, for the coordinator's own case screen (names are fine there, never on the shared screen). */
export const youthGroupCaseSchema = z
  .object({ caseId: id, caseNumber: z.string(), firstName: z.string(), lastName: z.string(), level: z.number().int(), status: z.enum(['open', 'closed']), addedOn: z.string() })
  .strict();
export const caseYouthGroupSchema = z.object({ id, name: z.string(), active: z.boolean(), cases: z.array(youthGroupCaseSchema) }).strict();
export type CaseYouthGroup = z.infer<typeof caseYouthGroupSchema>;

export const exitGroupsContract = {
  'cases.exit.list': op(z.object({ personId: id }).strict(), exitList),
  'cases.exit.save': op(exitCourseInput, exitList),
  'cases.exit.delete': op(z.object({ personId: id, id }).strict(), exitList),
  /** The follow-up 24 months after the end is done (on or after its due date, not in the future). */
  'cases.exit.recordFollowUp': op(z.object({ personId: id, id, recordedOn: isoDate }).strict(), exitList),

  'youthGroups.list': op(empty, z.array(youthGroupSchema)),
  'youthGroups.save': op(z.object({ id: id.optional(), name: groupName, active: z.boolean().default(true) }).strict(), youthGroupSchema),
  'youthGroups.ofCase': op(z.object({ caseId: id }).strict(), z.array(caseYouthGroupSchema)),
  'youthGroups.addCase': op(z.object({ groupId: id, caseId: id, addedOn: isoDate }).strict(), z.array(caseYouthGroupSchema)),
  'youthGroups.removeCase': op(z.object({ groupId: id, caseId: id }).strict(), z.array(caseYouthGroupSchema)),
} as const;
