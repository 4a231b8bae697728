import { describe, it, expect } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from '../../src/main/db/migrations';
import { migrate, migrationState } from '../../src/main/core/migrate';
// @ts-expect-error plain JS build script without types
import { buildIndex } from '../../scripts/embed-migrations.mjs';

const DIR = join(process.cwd(), 'src', 'main', 'db', 'migrations');

describe('migrations', () => {
  it('the embedded index is exactly what the SQL files say (run `npm run db:generate`)', () => {
    const fromFiles = buildIndex(DIR) as string;
    expect(readFileSync(join(DIR, 'index.ts'), 'utf8')).toBe(fromFiles);
  });

  it('the schema has no changes that lack a migration (drizzle-kit finds nothing to generate)', () => {
    // drizzle-kit wants an out folder relative to the project.
    const out = mkdtempSync(join(process.cwd(), '.tmp-drift-'));
    try {
      cpSync(DIR, out, { recursive: true });
      const before = readdirSync(out).sort();
      const printed = execFileSync(process.execPath, [join('node_modules', 'drizzle-kit', 'bin.cjs'), 'generate'], {
        env: { ...process.env, DRIZZLE_OUT: relative(process.cwd(), out) },
        stdio: 'pipe',
      }).toString();
      expect(printed).toContain('No schema changes');
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('applies all migrations to an empty database in order and is idempotent', () => {
    const db = new Database(':memory:');
    expect(migrate(db).applied).toBe(migrations.length);
    expect(migrate(db).applied).toBe(0);
    expect(migrationState(db)).toBe('current');
    db.close();
  });

  it('rolls back a failing migration completely', () => {
    const db = new Database(':memory:');
    const broken = [...migrations, { idx: migrations.length, tag: '9999_broken', hash: 'h', sql: 'CREATE TABLE ok_before (x);\n--> statement-breakpoint\nTHIS IS NOT SQL;' }];
    migrate(db);
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name='ok_before'`).get()).toBeUndefined();
    expect(migrationState(db)).toBe('current');
    db.close();
  });

  it('calls a vault with a migration this version does not know a mismatch', () => {
    const db = new Database(':memory:');
    const newer = [...migrations, { idx: migrations.length, tag: '9999_future', hash: 'f', sql: 'CREATE TABLE future (x);' }];
    migrate(db, newer);
    expect(migrationState(db)).toBe('mismatch');
    expect(() => migrate(db)).toThrow(/anden version af SSP Desk/);
    db.close();
  });
});
