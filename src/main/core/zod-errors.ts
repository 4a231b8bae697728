import type { z } from 'zod';

const MESSAGES: Record<string, string> = {
  invalid_type: 'Mangler eller har forkert type',
  too_big: 'For lang eller for stor',
  too_small: 'Skal udfyldes',
  unrecognized_keys: 'Ukendt felt',
  invalid_format: 'Har forkert format',
  invalid_value: 'Ugyldig værdi',
  custom: 'Ugyldig værdi',
};

/** Map zod issues to Danish messages per field path. Never echoes the rejected value. */
export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues.slice(0, 50)) {
    const path = issue.path.map(String).join('.') || '_';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys.slice(0, 10)) fields[[...issue.path.map(String), key].join('.').slice(0, 200)] = MESSAGES.unrecognized_keys!;
      continue;
    }
    if (!(path in fields)) fields[path.slice(0, 200)] = MESSAGES[issue.code] ?? 'Ugyldig værdi';
  }
  return fields;
}
