import type { Sqlite } from './core/connection';
import { seedCasesDemoData, type SeedOptions, type SeedSummary } from './cases';
import { modules } from './modules';

/**
 * Synthetic demo data for a vault (never real people): the case register's people and cases,
 * then every other domain's seeder in the order of src/main/modules.ts, in one transaction with
 * one audit entry. See src/main/cases/seed.ts for the rules.
 */
export function seedDemoData(sqlite: Sqlite, options: SeedOptions): SeedSummary {
  return seedCasesDemoData(sqlite, options, (step) => {
    for (const m of modules) m.seed?.(sqlite, step);
  });
}

export { createRng, syntheticCpr, SEED_ACTOR, MAX_SEED_PEOPLE, type Rng, type SeedOptions, type SeedSummary } from './cases';
