import type { DomainModule } from '../core/module';
import { sspPlusHandlers } from './handlers';
import { sspPlusRetention } from './retention';
import { seedSspPlus } from './seed';
import { sspPlusHandover } from './handover';

/** SSP+ holistic plans for 17½-25 year olds. */
export const sspPlusModule: DomainModule = { name: 'ssp-plus', handlers: sspPlusHandlers, seed: seedSspPlus, retention: sspPlusRetention, handover: sspPlusHandover };

export * from './schema';
export * from './seed';
export { getSspPlusSettings, ageBandOf, DEFAULT_SSP_PLUS_SETTINGS } from './settings';
export { listPlans, activePlanDueDates, type PlanDueDates } from './queries';
