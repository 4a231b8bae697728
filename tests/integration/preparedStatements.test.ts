import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { clientOf, perConnection, STAT4_KEPT, toDrizzle, tuneConnection } from '../../src/main/core/connection';
import { seedDemoData } from '../../src/main/demo-data';
import { migrate } from '../../src/main/core/migrate';
import { districts } from '../../src/main/db/schema';

/** The per-connection statement cache the services use on hot paths (cases.ts, people.ts). */
describe('prepared statements per connection', () => {
  const open = () => {
    const sqlite = new Database(':memory:');
    migrate(sqlite);
    return { sqlite, db: toDrizzle(sqlite) };
  };
  const statements = perConnection((db) => ({
    insert: db.insert(districts).values({ name: sql.placeholder('name') }).prepare(),
    count: db.select({ n: sql<number>`count(*)` }).from(districts).prepare(),
  }));

  it('finds the connection under a database, a transaction and a nested one', () => {
    const { sqlite, db } = open();
    expect(clientOf(db)).toBe(sqlite);
    db.transaction((tx) => {
      expect(clientOf(tx)).toBe(sqlite);
      tx.transaction((nested) => expect(clientOf(nested)).toBe(sqlite));
    });
    expect(() => clientOf({} as never)).toThrow(/no better-sqlite3 client/);
  });

  it('prepares once per connection, and the statements run inside the caller’s transaction', () => {
    const a = open();
    const b = open();
    const sa = statements(a.db);
    a.db.transaction((tx) => expect(statements(tx)).toBe(sa));
    expect(statements(b.db)).not.toBe(sa);
    const before = sa.count.get()!.n;
    expect(() =>
      a.db.transaction((tx) => {
        statements(tx).insert.run({ name: 'Prøvebydel' });
        expect(statements(tx).count.get()!.n).toBe(before + 1);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(sa.count.get()!.n).toBe(before);
  });

  it('tunes the connection: page cache, temp store, and statistics without personal data in samples', () => {
    const { sqlite } = open();
    seedDemoData(sqlite, { people: 300, seed: 2, today: '2026-11-23' });
    tuneConnection(sqlite, { analyse: true });
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
    expect((sqlite.prepare(`SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'people'`).get() as { n: number }).n).toBeGreaterThan(0);
    // sqlite_stat4 samples whole index keys: only the case list's code-and-date indexes keep theirs.
    const sampled = sqlite.prepare(`SELECT DISTINCT tbl || '.' || idx FROM sqlite_stat4 ORDER BY 1`).pluck().all();
    expect(sampled.length).toBeGreaterThan(0);
    expect(sampled.every((name) => STAT4_KEPT.some((kept) => name === `cases.${kept}`))).toBe(true);
    // Nothing from people (names, CPR numbers, birth dates) in any sample.
    const cpr = sqlite.prepare(`SELECT cpr FROM people WHERE cpr IS NOT NULL LIMIT 1`).pluck().get() as string;
    const blobs = sqlite.prepare(`SELECT sample FROM sqlite_stat4`).pluck().all() as Buffer[];
    expect(blobs.some((b) => b.includes(Buffer.from(cpr)))).toBe(false);
    // Idle on the next open: nothing changed, nothing to analyse.
    const before = sqlite.prepare(`SELECT count(*) FROM sqlite_stat4`).pluck().get();
    tuneConnection(sqlite, { analyse: true });
    expect(sqlite.prepare(`SELECT count(*) FROM sqlite_stat4`).pluck().get()).toBe(before);
  });
});
