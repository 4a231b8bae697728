import { asc, count, eq, inArray } from 'drizzle-orm';
import { districts } from '../cases';
import { forumDistricts, forumMembers, forums, meetings } from './schema';
import type { DbOrTx } from '../core/connection';
import { AppError } from '../core/errors';
import { defaultLeaderGroupName, type ForumKind, type Partner, type PrivacyLevel } from '../../shared/leader-meetings';
import { defaultPrivacyFor } from './privacy';
import type { Forum, ForumSaveInput } from '../../shared/leader-meetings';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

export type ForumRow = typeof forums.$inferSelect;

export function loadForum(tx: DbOrTx, forumId: number): ForumRow {
  const row = tx.select().from(forums).where(eq(forums.id, forumId)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Forummet findes ikke.');
  return row;
}

export function forumDistrictIds(tx: DbOrTx, forumId: number): number[] {
  return tx
    .select({ id: forumDistricts.districtId })
    .from(forumDistricts)
    .innerJoin(districts, eq(districts.id, forumDistricts.districtId))
    .where(eq(forumDistricts.forumId, forumId))
    .orderBy(asc(districts.sortOrder), asc(districts.name))
    .all()
    .map((r) => r.id);
}

export function forumMemberRows(tx: DbOrTx, forumId: number) {
  return tx
    .select()
    .from(forumMembers)
    .where(eq(forumMembers.forumId, forumId))
    .orderBy(asc(forumMembers.sortOrder), asc(forumMembers.id))
    .all()
    .map((m) => ({ id: m.id, name: m.name, partner: m.partner as Partner, title: m.title }));
}

function toForum(tx: DbOrTx, row: ForumRow): Forum {
  const ds = tx
    .select({ id: districts.id, name: districts.name })
    .from(forumDistricts)
    .innerJoin(districts, eq(districts.id, forumDistricts.districtId))
    .where(eq(forumDistricts.forumId, row.id))
    .orderBy(asc(districts.sortOrder), asc(districts.name))
    .all();
  const n = tx.select({ n: count() }).from(meetings).where(eq(meetings.forumId, row.id)).get()?.n ?? 0;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ForumKind,
    districtIds: ds.map((d) => d.id),
    districts: ds.map((d) => d.name),
    minutesShowNames: row.minutesShowNames,
    privacyLevel: row.privacyLevel as PrivacyLevel,
    active: row.active,
    members: forumMemberRows(tx, row.id),
    meetingCount: n,
  };
}

/**
 * A vault without forums gets one ledergruppe per active district, named after it, without
 * members and with names hidden in minutes. Runs lazily on the first list; audited.
 */
export function ensureDefaultForums(s: ServiceCtx): void {
  const any = s.db.select({ id: forums.id }).from(forums).limit(1).get();
  if (any) return;
  s.db.transaction((tx) => {
    if (tx.select({ id: forums.id }).from(forums).limit(1).get()) return;
    const ds = tx.select().from(districts).where(eq(districts.active, true)).orderBy(asc(districts.sortOrder), asc(districts.name)).all();
    const stamp = s.now.toISOString();
    const privacyLevel = defaultPrivacyFor(tx, 'leader-group');
    for (const d of ds) {
      const row = tx
        .insert(forums)
        .values({ name: defaultLeaderGroupName(d.name), kind: 'leader-group', minutesShowNames: false, privacyLevel, active: true, createdAt: stamp, updatedAt: stamp })
        .onConflictDoNothing()
        .returning({ id: forums.id })
        .get();
      if (!row) continue;
      tx.insert(forumDistricts).values({ forumId: row.id, districtId: d.id }).run();
      audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'forum', entityId: row.id, detail: 'seed' });
    }
  });
}

export function listForums(s: ServiceCtx): Forum[] {
  ensureDefaultForums(s);
  const rows = s.db.select().from(forums).orderBy(asc(forums.name)).all();
  return rows.map((r) => toForum(s.db, r));
}

export function getForum(db: DbOrTx, forumId: number): Forum {
  return toForum(db, loadForum(db, forumId));
}

/** Create or edit a forum with its districts and members. Members left out are removed. */
export function saveForum(s: ServiceCtx, input: ForumSaveInput): Forum {
  const id = s.db.transaction((tx) => {
    const name = input.name.trim();
    const clash = tx.select({ id: forums.id }).from(forums).where(eq(forums.name, name)).get();
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', 'Der findes allerede et forum med det navn. Vælg et andet navn.', { name: 'Navnet er allerede brugt' });
    const districtIds = [...new Set(input.districtIds)];
    const known = tx.select({ id: districts.id }).from(districts).where(inArray(districts.id, districtIds)).all();
    if (known.length !== districtIds.length) throw new AppError('INVALID_INPUT', 'En af bydelene findes ikke. Vælg bydelene igen.', { districtIds: 'Ukendt bydel' });
    const stamp = s.now.toISOString();
    const values = { name, kind: input.kind as ForumKind, minutesShowNames: input.minutesShowNames ?? false, active: input.active ?? true, updatedAt: stamp };
    let forumId: number;
    if (input.id) {
      const before = loadForum(tx, input.id);
      forumId = before.id;
      const privacyLevel = (input.privacyLevel as PrivacyLevel | undefined) ?? (before.privacyLevel as PrivacyLevel);
      tx.update(forums).set({ ...values, privacyLevel }).where(eq(forums.id, forumId)).run();
      const changes = [
        before.minutesShowNames !== values.minutesShowNames ? `minutesShowNames:${values.minutesShowNames}` : null,
        before.privacyLevel !== privacyLevel ? `privacyLevel:${privacyLevel}` : null,
      ].filter(Boolean);
      audit(tx, { at: s.now, actor: s.actor, action: 'update', entity: 'forum', entityId: forumId, detail: changes.length ? changes.join(';') : null });
    } else {
      const privacyLevel = (input.privacyLevel as PrivacyLevel | undefined) ?? defaultPrivacyFor(tx, values.kind);
      forumId = tx.insert(forums).values({ ...values, privacyLevel, createdAt: stamp }).returning({ id: forums.id }).get().id;
      audit(tx, { at: s.now, actor: s.actor, action: 'create', entity: 'forum', entityId: forumId, detail: `privacyLevel:${privacyLevel}` });
    }
    tx.delete(forumDistricts).where(eq(forumDistricts.forumId, forumId)).run();
    for (const d of districtIds) tx.insert(forumDistricts).values({ forumId, districtId: d }).run();

    const existing = new Set(tx.select({ id: forumMembers.id }).from(forumMembers).where(eq(forumMembers.forumId, forumId)).all().map((m) => m.id));
    const kept = new Set<number>();
    (input.members ?? []).forEach((m, i) => {
      const row = { name: m.name.trim(), partner: m.partner, title: m.title?.trim() || null, sortOrder: i };
      if (m.id !== undefined) {
        if (!existing.has(m.id)) throw new AppError('NOT_FOUND', 'Et af medlemmerne findes ikke i forummet. Hent forummet igen.');
        tx.update(forumMembers).set(row).where(eq(forumMembers.id, m.id)).run();
        kept.add(m.id);
      } else {
        tx.insert(forumMembers).values({ forumId, ...row }).run();
      }
    });
    const removed = [...existing].filter((m) => !kept.has(m));
    if (removed.length) tx.delete(forumMembers).where(inArray(forumMembers.id, removed)).run();
    return forumId;
  });
  return getForum(s.db, id);
}
