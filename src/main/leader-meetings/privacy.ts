import { eq } from 'drizzle-orm';
import { settings } from '../core/schema';
import type { DbOrTx } from '../core/connection';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { MOST_PRIVATE_LEVEL, PRIVACY_LEVEL_CODES, type ForumKind, type PrivacyLevel } from '../../shared/leader-meetings';

/**
 * Privacy levels of the shared screen and the minutes. The setting `meetings.privacyDefaults`
 * holds, per forum kind, the most private level that kind's terms of reference allow; a new
 * forum starts there. Without the setting (or with a damaged one) it is the most private level.
 */
const PRIVACY_KEY = 'meetings.privacyDefaults';
type PrivacyDefaults = Record<ForumKind, PrivacyLevel>;

const isLevel = (v: unknown): v is PrivacyLevel => typeof v === 'string' && (PRIVACY_LEVEL_CODES as readonly string[]).includes(v);

export function privacyDefaults(db: DbOrTx): PrivacyDefaults {
  const fallback: PrivacyDefaults = { 'leader-group': MOST_PRIVATE_LEVEL, 'local-committee': MOST_PRIVATE_LEVEL };
  const row = db.select().from(settings).where(eq(settings.key, PRIVACY_KEY)).get();
  if (!row) return fallback;
  try {
    const v = JSON.parse(row.value) as Record<string, unknown>;
    return { 'leader-group': isLevel(v['leader-group']) ? v['leader-group'] : fallback['leader-group'], 'local-committee': isLevel(v['local-committee']) ? v['local-committee'] : fallback['local-committee'] };
  } catch {
    return fallback;
  }
}

export function savePrivacyDefaults(tx: DbOrTx, s: ServiceCtx, value: PrivacyDefaults): void {
  const json = JSON.stringify(value);
  tx.insert(settings).values({ key: PRIVACY_KEY, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
  audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'setting', detail: `${PRIVACY_KEY}:${value['leader-group']},${value['local-committee']}` });
}

export function defaultPrivacyFor(db: DbOrTx, kind: ForumKind): PrivacyLevel {
  return privacyDefaults(db)[kind];
}

/** The level a meeting shows at: its own, else its forum's. */
export function meetingPrivacy(meeting: { privacyLevel: string | null }, forum: { privacyLevel: string }): PrivacyLevel {
  const own: unknown = meeting.privacyLevel;
  const forums: unknown = forum.privacyLevel;
  if (isLevel(own)) return own;
  return isLevel(forums) ? forums : MOST_PRIVATE_LEVEL;
}
