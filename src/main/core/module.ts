import type { DomainModule, RetentionPart } from './context';

export type { DemoSeedStep, DomainModule, RetentionPart } from './context';

/** Every domain's retention part, in list order. */
export function retentionParts(modules: readonly DomainModule[]): RetentionPart[] {
  return modules.flatMap((m) => (m.retention ? [m.retention] : []));
}
