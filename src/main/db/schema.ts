/** The drizzle schema: each domain's tables, joined here for drizzle-kit (drizzle.config.ts) and the migration guard tests. */
export * from '../core/schema';
export * from '../vault/schema';
export * from '../cases/schema';
export * from '../leader-meetings/schema';
export * from '../releases/schema';
export * from '../ssp-plus/schema';
export * from '../semiannual-report/schema';
export * from '../overview/schema';
export * from '../handover/schema';
