import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { clientOf, perConnection, toDrizzle, tuneConnection } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
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

  it('tunes the connection: page cache, temp store, and statistics without sampled keys', () => {
    const { sqlite } = open();
    sqlite.exec(`INSERT INTO districts (name) VALUES ('A'), ('B'), ('C')`);
    tuneConnection(sqlite, { analyse: true });
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
    expect((sqlite.prepare(`SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'districts'`).get() as { n: number }).n).toBeGreaterThan(0);
    // sqlite_stat4 samples index keys (names, CPR numbers): none are kept.
    const stat4 = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'`).get();
    if (stat4) expect((sqlite.prepare(`SELECT count(*) AS n FROM sqlite_stat4`).get() as { n: number }).n).toBe(0);
  });
});
