import type { z } from 'zod';
import type { OperationDef, Result } from './core/contract';
import { vaultContract } from './vault';
import { casesContract } from './cases';
import { leaderMeetingsContract } from './leader-meetings';
import { settingsContract } from './settings';
import { sspPlusContract } from './ssp-plus';
import { releasesContract } from './releases';
import { semiannualReportContract } from './semiannual-report';
import { overviewContract } from './overview';
import { handoverContract } from './handover';

export * from './core/contract';

/**
 * The whole IPC contract: the union of the per-domain contracts. A name defined in two domains
 * is a type error here (the spread would silently overwrite), so `assertDisjoint` guards it at
 * module load as well.
 */
const parts = [vaultContract, casesContract, settingsContract, leaderMeetingsContract, sspPlusContract, releasesContract, semiannualReportContract, overviewContract, handoverContract] as const;

function assertDisjoint(list: readonly Record<string, unknown>[]): void {
  const seen = new Set<string>();
  for (const part of list) {
    for (const name of Object.keys(part)) {
      if (seen.has(name)) throw new Error(`Contract operation defined twice: ${name}`);
      seen.add(name);
    }
  }
}
assertDisjoint(parts);

export const contract = {
  ...vaultContract,
  ...casesContract,
  ...leaderMeetingsContract,
  ...settingsContract,
  ...sspPlusContract,
  ...releasesContract,
  ...semiannualReportContract,
  ...overviewContract,
  ...handoverContract,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const operationNames = Object.keys(contract) as OperationName[];

export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;

/** The shape the preload exposes and the renderer's client implements: one function per operation. */
export type Api = { [N in OperationName]: (input: InputOf<N>) => Promise<Result<OutputOf<N>>> };

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type AnyOperation = OperationDef;
