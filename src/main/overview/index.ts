import type { DomainModule } from '../core/module';
import { overviewHandlers } from './handlers';
import { overviewRetention } from './retention';
import { overviewHandover } from './handover';

/** Overblik (the first screen) and the programme's actions across cases, ledergruppe and release meetings. */
export const overviewModule: DomainModule = { name: 'overview', handlers: overviewHandlers, retention: overviewRetention, handover: overviewHandover };

export * from './schema';
export { actionsForCase, setActionStatus, addCaseAction } from './actions';
