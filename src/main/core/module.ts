import type { DomainModule, HandoverTable, RetentionPart } from './context';

export type { DemoSeedStep, DomainModule, RetentionPart, HandoverPart, HandoverTable } from './context';

/** Every domain's retention part, in list order. */
export function retentionParts(modules: readonly DomainModule[]): RetentionPart[] {
  return modules.flatMap((m) => (m.retention ? [m.retention] : []));
}

/** Every domain's handover tables: reference tables first, then data tables, each in list order. */
export function handoverTables(modules: readonly DomainModule[]): HandoverTable[] {
  const all = modules.flatMap((m) => m.handover?.tables ?? []);
  return [...all.filter((t) => t.reference), ...all.filter((t) => !t.reference)];
}
