import { checkDomainList } from '../shared/core/domains';
import type { CoreContext } from './core/context';
import { createDispatcher as createCoreDispatcher, registerHandlers, type Dispatch } from './core/dispatcher';
import type { HandlerGroup } from './core/handlers';
import type { DomainModule } from './core/module';
import { vaultModule } from './vault';
import { casesModule } from './cases';
import { settingsModule } from './settings';
import { releasesModule } from './releases';
import { sspPlusModule } from './ssp-plus';
import { leaderMeetingsModule } from './leader-meetings';
import { semiannualReportModule } from './semiannual-report';
import { overviewModule } from './overview';
import { handoverModule } from './handover';

/**
 * The one list that joins the domains in main: their handlers, vault-creation hooks, demo-data
 * seeders and retention parts. Every domain exactly once (checked at load, and every contract
 * operation must have exactly one handler). The order is the order seeders and retention parts
 * run in; keep it (demo data is deterministic in this order).
 */
export const modules: readonly DomainModule[] = [vaultModule, casesModule, settingsModule, releasesModule, sspPlusModule, leaderMeetingsModule, semiannualReportModule, overviewModule, handoverModule];

/** Refuse a domain listed twice or left out, and a handler registered twice or missing. */
export function checkModules(list: readonly DomainModule[]): void {
  checkDomainList('src/main/modules.ts', list.map((m) => m.name));
  registerHandlers(list.map((m) => m.handlers));
}
checkModules(modules);

/** Every domain's handlers. */
export const handlerGroups: readonly HandlerGroup[] = modules.map((m) => m.handlers);

export { registerHandlers, type Dispatch, type HandlerMap } from './core/dispatcher';

/** The dispatcher over every domain's handlers (or the given groups, in tests). */
export function createDispatcher(ctx: CoreContext, groups: readonly HandlerGroup[] = ctx.modules.map((m) => m.handlers)): Dispatch {
  return createCoreDispatcher(ctx, groups);
}
