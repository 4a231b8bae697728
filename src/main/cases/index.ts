import type { DomainModule } from '../core/module';
import { casesHandlers } from './handlers';
import { seedDefaults } from './reference';
import { casesRetention } from './retention';
import { casesHandover } from './handover';
import { handedOverError } from './handover-lock';

/** The case register: people, cases at concern levels 1-4, events, notes, and the reference lists. */
export const casesModule: DomainModule = { name: 'cases', handlers: casesHandlers, onVaultCreated: seedDefaults, retention: casesRetention, handover: casesHandover, mapDatabaseError: handedOverError };

export * from './schema';
export { closedCasesDue, stubBirthDate, type ClosedCaseDue } from './retention';
export * from './seed';
export * from './writes';
export * from './people';
export * from './reference';
export * from './queries';
export * from './import';
export { getCaseSettings } from './settings';
export { listExitCourses } from './exit';
export { youthGroupCaseIds, listYouthGroups } from './youth-groups';
export { PERSON_CASES } from './handover';
export { ensureDistrictHistory, recordDistrictMoves } from './district-history';
export { handedOverError, HANDED_OVER_MESSAGE, activeHandoverOf, handoverRows, lockPersonForHandover, setHandoverState, withHandoverUnlocked, type HandoverLockRow, type HandoverLockState } from './handover-lock';
