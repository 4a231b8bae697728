import { asc, eq } from 'drizzle-orm';
import { districts, efforts } from './schema';
import { DEFAULT_DISTRICTS } from '../../shared/core/districts';
import { DEFAULT_EFFORTS } from '../../shared/cases';
import type { Db } from '../core/connection';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

/** Reference data a new vault starts with: Copenhagen's ten districts and the usual efforts. */
export function seedDefaults(db: Db): void {
  db.transaction((tx) => {
    DEFAULT_DISTRICTS.forEach((d, i) => tx.insert(districts).values({ name: d.name, sortOrder: i }).onConflictDoNothing().run());
    for (const name of DEFAULT_EFFORTS) tx.insert(efforts).values({ name }).onConflictDoNothing().run();
  });
}

export function listDistricts(db: Db) {
  return db.select().from(districts).orderBy(asc(districts.sortOrder), asc(districts.name)).all();
}

export function listEfforts(db: Db) {
  return db.select().from(efforts).orderBy(asc(efforts.name)).all();
}

export function saveDistrict(s: ServiceCtx, input: { id?: number; name: string; active: boolean; sortOrder: number }) {
  return s.db.transaction((tx) => {
    const clash = tx.select().from(districts).where(eq(districts.name, input.name)).get();
    if (clash && clash.id !== input.id) {
      throw new AppError('CONFLICT', 'Der findes allerede en bydel med det navn.', { name: 'Navnet er allerede brugt' });
    }
    let row;
    if (input.id) {
      row = tx.update(districts).set({ name: input.name, active: input.active, sortOrder: input.sortOrder }).where(eq(districts.id, input.id)).returning().get();
      if (!row) throw new AppError('NOT_FOUND', 'Bydelen findes ikke.');
    } else {
      row = tx.insert(districts).values({ name: input.name, active: input.active, sortOrder: input.sortOrder }).returning().get();
    }
    audit(tx, { at: s.now, actor: s.actor, action: input.id ? 'update' : 'create', entity: 'district', entityId: row.id });
    return row;
  });
}

export function saveEffort(s: ServiceCtx, input: { id?: number; name: string; active: boolean }) {
  return s.db.transaction((tx) => {
    const clash = tx.select().from(efforts).where(eq(efforts.name, input.name)).get();
    if (clash && clash.id !== input.id) {
      throw new AppError('CONFLICT', 'Der findes allerede en indsats med det navn.', { name: 'Navnet er allerede brugt' });
    }
    let row;
    if (input.id) {
      row = tx.update(efforts).set({ name: input.name, active: input.active }).where(eq(efforts.id, input.id)).returning().get();
      if (!row) throw new AppError('NOT_FOUND', 'Indsatsen findes ikke.');
    } else {
      row = tx.insert(efforts).values({ name: input.name, active: input.active }).returning().get();
    }
    audit(tx, { at: s.now, actor: s.actor, action: input.id ? 'update' : 'create', entity: 'effort', entityId: row.id });
    return row;
  });
}
