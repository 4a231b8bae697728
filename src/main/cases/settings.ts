import { eq } from 'drizzle-orm';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';
import { caseSettingsSchema, DEFAULT_AGE_SCOPE, type CaseSettings } from '../../shared/cases';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

/** SSP's age scope for new cases (issue 19): 10-25 by default. One JSON value in the settings table. */
const KEY = 'cases.ageScope';

export function getCaseSettings(db: DbOrTx): CaseSettings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return { ...DEFAULT_AGE_SCOPE };
  try {
    const parsed = caseSettingsSchema.safeParse({ ...DEFAULT_AGE_SCOPE, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_AGE_SCOPE };
  } catch {
    return { ...DEFAULT_AGE_SCOPE };
  }
}

export function saveCaseSettings(s: ServiceCtx, input: Partial<CaseSettings>): CaseSettings {
  return s.db.transaction((tx) => {
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<CaseSettings>;
    const next = { ...getCaseSettings(tx), ...given };
    if (next.maxAge < next.minAge) {
      throw new AppError('RULE_VIOLATION', 'Den øvre aldersgrænse skal være mindst den nedre. Ret alderen.', { maxAge: 'Skal være mindst den nedre grænse' });
    }
    const value = JSON.stringify(caseSettingsSchema.parse(next));
    tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'case-settings', detail: Object.keys(given).sort().join(',') });
    return next;
  });
}
