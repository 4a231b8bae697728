import { eq } from 'drizzle-orm';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';
import { DEFAULT_AGE_BAND, sspPlusSettingsSchema, type AgeBand, type SspPlusSettings } from '../../shared/ssp-plus';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

/**
 * The SSP+ rules a vault can set (issue 19): the age band (the programme's documents say both
 * "17½-24" and "17½-25") and how many days before its due date a 3/6/12-month outcome can be
 * recorded. One JSON value under its own key in the settings table.
 */
const KEY = 'sspplus.rules';

export const DEFAULT_SSP_PLUS_SETTINGS: SspPlusSettings = {
  minAgeMonths: DEFAULT_AGE_BAND.minAgeMonths,
  maxAgeYears: DEFAULT_AGE_BAND.maxAgeYears,
  outcomeWindowDays: 14,
};

export function getSspPlusSettings(db: DbOrTx): SspPlusSettings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return { ...DEFAULT_SSP_PLUS_SETTINGS };
  try {
    const parsed = sspPlusSettingsSchema.safeParse({ ...DEFAULT_SSP_PLUS_SETTINGS, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_SSP_PLUS_SETTINGS };
  } catch {
    return { ...DEFAULT_SSP_PLUS_SETTINGS };
  }
}

export function ageBandOf(db: DbOrTx): AgeBand {
  const { minAgeMonths, maxAgeYears } = getSspPlusSettings(db);
  return { minAgeMonths, maxAgeYears };
}

export function saveSspPlusSettings(s: ServiceCtx, input: Partial<SspPlusSettings>): SspPlusSettings {
  return s.db.transaction((tx) => {
    // A key present with the value undefined (possible over IPC) keeps the stored value.
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<SspPlusSettings>;
    const next = { ...getSspPlusSettings(tx), ...given };
    if (next.maxAgeYears * 12 <= next.minAgeMonths) {
      throw new AppError('RULE_VIOLATION', 'Aldersgrænsen for SSP+ skal slutte efter, den begynder. Ret alderen.', { maxAgeYears: 'Skal ligge efter den nedre grænse' });
    }
    const value = JSON.stringify(sspPlusSettingsSchema.parse(next));
    tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'sspplus-settings', detail: Object.keys(given).sort().join(',') });
    return next;
  });
}
