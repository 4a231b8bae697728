/**
 * The types that tie core together: the app context, the service context of one call, a handler
 * and a domain module. They refer to each other, so they live in one file (no import loop).
 */
import type { Db, Sqlite } from './connection';
import type { z } from 'zod';
import type { Contract, OperationName, OutputOf } from '../../shared/contract';
import type { DomainName } from '../../shared/core/domains';
import type { Logger } from './log';

/** An expected failure as the dispatcher answers it (core/errors.ts AppError has this shape). */
export interface AppErrorLike {
  toShape(): import('../../shared/core/contract').AppErrorShape;
}

export type VaultState = 'none' | 'locked' | 'unlocked';

/** Who owns the open vault: notes and audit entries name them. */
export interface VaultOwner {
  name: string;
  role: string;
  area: string;
}

/** The unlocked database. */
export interface OpenVault {
  sqlite: Sqlite;
  db: Db;
  owner: VaultOwner;
  vaultId: string;
}

/**
 * What the dispatcher and the domains need of the vault: its state and, when unlocked, the open
 * database. The vault domain (src/main/vault) implements it; only that domain and the shell see
 * the rest (create, unlock, key files).
 */
export interface VaultSession {
  state(): VaultState;
  retryAfterSeconds(): number;
  /** The open database; throws VAULT_LOCKED when the vault is not unlocked. */
  readonly current: OpenVault;
  lock(): void;
}

/** What every call gets: the vault (and through it the database), the clock and the log. */
export interface CoreContext {
  vault: VaultSession;
  /** Where backups are written and listed: a folder beside the vault, never a path from the renderer. */
  backupDir: string;
  now: () => Date;
  log: Logger;
  /** Validate handler outputs against the contract (development and tests). */
  validateOutput: boolean;
  /** The domains of this app (src/main/modules.ts): their handlers and hooks. */
  modules: readonly DomainModule[];
  /** Called after the vault locks, so the shell can tell the renderer to drop what it holds. */
  onLocked?: () => void;
  /** The desktop shell's PDF printing of the window (a save dialog, then the file); absent in browser mode and the CLI. */
  printToPdf?: PdfPrinter;
}

/** Prints the window's page to a PDF file the user picks; `saved` false when the dialog was cancelled. */
export type PdfPrinter = (options: { defaultName: string }) => Promise<{ saved: boolean; fileName: string | null }>;

/** What a service call needs: the open database, who acts, and when. */
export interface ServiceCtx {
  db: Db;
  sqlite: Sqlite;
  actor: string;
  now: Date;
  today: string;
}

/** What a handler gets: the service context of this call, and the app context behind it. */
export interface HandlerCtx extends ServiceCtx {
  app: CoreContext;
}

export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
/** One operation: the parsed input and this call's context in, the contract's output out. */
export type Handler<N extends OperationName> = (input: ParsedInput<N>, s: HandlerCtx) => Promise<OutputOf<N>> | OutputOf<N>;
export type HandlerGroup = { [N in OperationName]?: Handler<N> };

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
  /**
   * Turns a database error this domain's triggers raise into the user's message (e.g. the cases
   * domain's handover lock); undefined when the error is not its own.
   */
  mapDatabaseError?: (e: unknown) => AppErrorLike | undefined;
  /** This domain's tables in a handover payload (src/main/handover/payload orchestrates). */
  handover?: HandoverPart;
}

/**
 * One table's rows about one young person in a handover payload (issue 21). The orchestrator
 * (src/main/handover/payload) reads the rows with `select`, carries them as plain JSON and inserts
 * them in the recipient's vault with new ids: `refs` columns point at another payload table's
 * `id` and are remapped; a `reference` table (districts, efforts, forums ...) is matched at the
 * recipient by natural key (`matchBy`, the first alternative that finds a row) and inserted only
 * when `onMissing` is 'insert' (else the column becomes null).
 */
export interface HandoverTable {
  table: string;
  /** SELECT of this table's rows concerning the person, with the named parameter @person; ordered by id. */
  select: string;
  /** Whether the rows have an integer `id` of their own (remapped); false for link tables. */
  hasId: boolean;
  /** column -> payload table whose id it holds */
  refs?: Readonly<Record<string, string>>;
  /** Reference data: matched at the recipient rather than copied. */
  reference?: { matchBy: readonly (readonly string[])[]; onMissing: 'insert' | 'null'; insertValues?: Readonly<Record<string, string | number | null>> };
  /** The audit trail's entity code for this table's rows, so the payload carries their entries. */
  auditEntity?: string;
  /** When the entity code is shared with another table: the detail token that picks this one. */
  auditDetail?: string;
  /** Adjusts a row (ids already remapped) before it is inserted at the recipient, e.g. a case number taken there. */
  beforeInsert?: (sqlite: Sqlite, row: Record<string, string | number | null>) => void;
}

/** A domain's part of a handover: its tables, references before data, in insert order. */
export interface HandoverPart {
  tables: readonly HandoverTable[];
}
