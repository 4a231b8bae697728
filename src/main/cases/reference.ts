import { asc, eq } from 'drizzle-orm';
import { districts, efforts } from './schema';
import { areasProblem, DEFAULT_DISTRICTS, defaultIdentity, formatAreas, parseAreas } from '../../shared/core/districts';
import { DEFAULT_EFFORTS } from '../../shared/cases';
import type { Db } from '../core/connection';
import { AppError } from '../core/errors';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

/** Reference data a new vault starts with: Copenhagen's ten districts and the usual efforts. */
export function seedDefaults(db: Db): void {
  db.transaction((tx) => {
    DEFAULT_DISTRICTS.forEach((d, i) =>
      tx.insert(districts).values({ name: d.name, code: d.code, areas: formatAreas([d.code]), sortOrder: i }).onConflictDoNothing().run(),
    );
    for (const name of DEFAULT_EFFORTS) tx.insert(efforts).values({ name }).onConflictDoNothing().run();
  });
}

type DistrictRow = typeof districts.$inferSelect;

/** A district as the contract gives it: areas as a list, a code always (older rows: from the id). */
export function districtOut(row: DistrictRow) {
  return { id: row.id, name: row.name, code: row.code ?? `distrikt-${row.id}`, areas: parseAreas(row.areas), active: row.active, sortOrder: row.sortOrder };
}

export function listDistricts(db: Db) {
  return db.select().from(districts).orderBy(asc(districts.sortOrder), asc(districts.name)).all().map(districtOut);
}

/** A code not yet used by another district: the wanted one, else with -2, -3 ... */
function freeCode(tx: Pick<Db, 'select'>, wanted: string, exceptId?: number): string {
  for (let n = 1; ; n++) {
    const code = n === 1 ? wanted : `${wanted}-${n}`;
    const row = tx.select({ id: districts.id }).from(districts).where(eq(districts.code, code)).get();
    if (!row || row.id === exceptId) return code;
  }
}

export function listEfforts(db: Db) {
  return db.select().from(efforts).orderBy(asc(efforts.name)).all();
}

export function saveDistrict(
  s: ServiceCtx,
  input: { id?: number; name: string; code?: string; areas?: string[]; active: boolean; sortOrder: number },
) {
  return s.db.transaction((tx) => {
    const clash = tx.select().from(districts).where(eq(districts.name, input.name)).get();
    if (clash && clash.id !== input.id) {
      throw new AppError('CONFLICT', 'Der findes allerede en bydel med det navn.', { name: 'Navnet er allerede brugt' });
    }
    if (input.code) {
      const codeClash = tx.select().from(districts).where(eq(districts.code, input.code)).get();
      if (codeClash && codeClash.id !== input.id) {
        throw new AppError('CONFLICT', `Koden "${input.code}" bruges allerede af bydelen "${codeClash.name}". Vælg en anden kode.`, { code: 'Koden er allerede brugt' });
      }
    }
    const problem = input.areas === undefined ? null : areasProblem(input.areas);
    if (problem) throw new AppError('INVALID_INPUT', problem, { areas: 'Ret områderne' });
    const areas = input.areas === undefined ? undefined : formatAreas(input.areas);
    let row;
    if (input.id) {
      row = tx
        .update(districts)
        .set({ name: input.name, active: input.active, sortOrder: input.sortOrder, ...(input.code ? { code: input.code } : {}), ...(areas !== undefined ? { areas } : {}) })
        .where(eq(districts.id, input.id))
        .returning()
        .get();
      if (!row) throw new AppError('NOT_FOUND', 'Bydelen findes ikke.');
    } else {
      const identity = defaultIdentity(input.name);
      row = tx
        .insert(districts)
        .values({
          name: input.name,
          code: input.code ?? freeCode(tx, identity.code),
          areas: areas ?? formatAreas(identity.areas),
          active: input.active,
          sortOrder: input.sortOrder,
        })
        .returning()
        .get();
    }
    audit(tx, { at: s.now, actor: s.actor, action: input.id ? 'update' : 'create', entity: 'district', entityId: row.id });
    return districtOut(row);
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
