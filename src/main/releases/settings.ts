import { eq } from 'drizzle-orm';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';
import { DEFAULT_RELEASE_CONFIG, type ReleaseTimelineConfig } from '../../shared/releases';
import { releaseSettingsSchema, type ReleaseSettings } from '../../shared/releases';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

/**
 * The release timeline's design choices, per vault: the meeting window (DOMAIN.md: typically
 * 1-3 months before release), how early a point milestone shows as due, and how far ahead the
 * overview looks. Stored as one JSON value under its own key in the settings table.
 */
const KEY = 'releases.timeline';

export const DEFAULT_RELEASE_SETTINGS: ReleaseSettings = {
  meetingWindowFromMonths: DEFAULT_RELEASE_CONFIG.meetingWindowMonths.from,
  meetingWindowToMonths: DEFAULT_RELEASE_CONFIG.meetingWindowMonths.to,
  dueSoonDays: DEFAULT_RELEASE_CONFIG.dueSoonDays,
  upcomingDays: 90,
};

export function getReleaseSettings(db: DbOrTx): ReleaseSettings {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return { ...DEFAULT_RELEASE_SETTINGS };
  try {
    const parsed = releaseSettingsSchema.safeParse({ ...DEFAULT_RELEASE_SETTINGS, ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : { ...DEFAULT_RELEASE_SETTINGS };
  } catch {
    return { ...DEFAULT_RELEASE_SETTINGS };
  }
}

export function timelineConfig(settingsValue: ReleaseSettings): Partial<ReleaseTimelineConfig> {
  return {
    meetingWindowMonths: { from: settingsValue.meetingWindowFromMonths, to: settingsValue.meetingWindowToMonths },
    dueSoonDays: settingsValue.dueSoonDays,
  };
}

export function saveReleaseSettings(s: ServiceCtx, input: Partial<ReleaseSettings>): ReleaseSettings {
  return s.db.transaction((tx) => {
    // A key present with the value undefined (possible over IPC) keeps the stored value.
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<ReleaseSettings>;
    const next = { ...getReleaseSettings(tx), ...given };
    if (next.meetingWindowToMonths >= next.meetingWindowFromMonths) {
      throw new AppError('RULE_VIOLATION', 'Mødevinduet skal begynde før det slutter. Ret antallet af måneder.', {
        meetingWindowToMonths: 'Skal være mindre end vinduets begyndelse',
      });
    }
    const value = JSON.stringify(releaseSettingsSchema.parse(next));
    tx.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'release-settings', detail: Object.keys(given).sort().join(',') });
    return next;
  });
}
