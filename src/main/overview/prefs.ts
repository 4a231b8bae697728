import { eq } from 'drizzle-orm';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { DEFAULT_INACTIVE_WEEKS, overviewPrefsSchema, type OverviewPrefs } from '../../shared/overview';

const KEY = 'overview.prefs';
export const DEFAULT_PREFS: OverviewPrefs = { scope: 'mine', inactiveWeeks: DEFAULT_INACTIVE_WEEKS, hiddenKinds: [] };

/** Overblik's remembered choices (scope, inactivity weeks, hidden kinds), per vault; defaults when unset or unreadable. */
export function getOverviewPrefs(db: DbOrTx): OverviewPrefs {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_PREFS;
  try {
    const parsed = overviewPrefsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_PREFS;
  } catch {
    return DEFAULT_PREFS;
  }
}

export function saveOverviewPrefs(s: ServiceCtx, prefs: OverviewPrefs): OverviewPrefs {
  s.db.transaction((tx) => {
    const value = JSON.stringify(prefs);
    tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'setting', detail: `${KEY}:scope:${prefs.scope};weeks:${prefs.inactiveWeeks}` });
  });
  return getOverviewPrefs(s.db);
}
