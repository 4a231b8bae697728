/** The drizzle schema: one file per domain under ./schema, joined here for drizzle-kit and queries. */
export * from '../core/schema';
export * from '../cases/schema';
export * from '../leader-meetings/schema';
export * from '../releases/schema';
export * from '../ssp-plus/schema';
export * from '../semiannual-report/schema';
