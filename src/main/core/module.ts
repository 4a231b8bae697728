import type { DomainName } from '../../shared/core/domains';
import type { Db, Sqlite } from './connection';
import type { HandlerGroup } from './handlers';

/**
 * A domain's part of retention (deleting the personal data of closed cases when they are due).
 * settings/retention.ts orchestrates; each domain scrubs its own tables.
 */
export interface RetentionPart {
  /** Whether this domain still needs the person (an active plan, a custody without a release date ...). */
  personInUse?(sqlite: Sqlite, personId: number, deletingCaseIds: ReadonlySet<number>): boolean;
  /** Remove the personal data this domain holds about one case. */
  scrubCase?(sqlite: Sqlite, caseId: number, stamp: string): void;
  /** Remove the personal data this domain holds about one person. */
  scrubPerson?(sqlite: Sqlite, personId: number, stamp: string): void;
}

/** Options every demo-data seeder gets, after the synthetic people and their cases exist. */
export interface DemoSeedStep {
  today: string;
  seed: number;
  /** false: the orchestrator writes the one audit entry for the whole seed. */
  audit: false;
}

/** What a domain gives the app: one entry in src/main/modules.ts. */
export interface DomainModule {
  name: DomainName;
  handlers: HandlerGroup;
  /** Runs in the transaction that creates a vault (default reference data). */
  onVaultCreated?: (db: Db) => void;
  /** Adds this domain's synthetic demo data (never real people). */
  seed?: (sqlite: Sqlite, step: DemoSeedStep) => unknown;
  retention?: RetentionPart;
}

/** Every domain's retention part, in list order. */
export function retentionParts(modules: readonly DomainModule[]): RetentionPart[] {
  return modules.flatMap((m) => (m.retention ? [m.retention] : []));
}
