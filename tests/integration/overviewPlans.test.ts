import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type Database from 'better-sqlite3';
import { createTestVault, type TestVault } from './helpers';
import { seedDemoData } from '../../src/main/demo-data';

/**
 * Issue 17 (Overblik "alle" at 100,000 cases): the birthday windows (17½, 18, 25) read the person's
 * name and the open case from covering indexes (migration 0026), not from the tables' rows. The
 * plans are read from the statements Overblik really prepares, on a real migrated vault.
 */
const NOW = new Date('2026-11-23T10:00:00');
let v: TestVault;
beforeEach(async () => {
  v = await createTestVault({ now: () => NOW });
});
afterEach(() => v.cleanup());

describe('Overblik birthday windows', () => {
  it('read people and open cases from covering indexes only', async () => {
    const sqlite = v.ctx.vault.current.sqlite as Database.Database;
    seedDemoData(sqlite, { people: 200, seed: 5, today: '2026-11-23' });
    const texts: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      texts.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
    const all = await v.call<{ items: { kind: string }[] }>('overview.get', { scope: 'all' });
    expect(all.items.length).toBeGreaterThan(0);
    sqlite.prepare = prepare;
    const birthday = texts.filter((t) => t.includes('p.birth_date BETWEEN'));
    // 17½ (level 3-4, no active SSP+ plan) and one text shared by 18 and 25.
    expect(birthday).toHaveLength(2);
    for (const text of birthday) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all({ from: '2009-01-01', to: '2009-01-20', end: '2026-12-06' }) as { detail: string }[]).map((r) => r.detail);
      expect(plan.some((d) => d.includes('COVERING INDEX people_birth_name_idx'))).toBe(true);
      expect(plan.some((d) => d.includes('COVERING INDEX cases_open_person_cover_idx'))).toBe(true);
      // Neither table's rows are read for the window.
      expect(plan.filter((d) => /^(SCAN|SEARCH) [pc] /.test(d) && !d.includes('COVERING'))).toEqual([]);
    }
  });
});
