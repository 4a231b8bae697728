import type { DomainModule } from '../core/module';
import { casesHandlers } from './handlers';
import { seedDefaults } from './reference';
import { casesRetention } from './retention';

/** The case register: people, cases at concern levels 1-4, events, notes, and the reference lists. */
export const casesModule: DomainModule = { name: 'cases', handlers: casesHandlers, onVaultCreated: seedDefaults, retention: casesRetention };

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
