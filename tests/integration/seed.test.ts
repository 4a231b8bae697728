import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestVault, PASSPHRASE, tempDir, type TestVault } from './helpers';
import { runCli } from '../../src/main/cli/main';
import { createRng, seedDemoData, syntheticCpr, SEED_ACTOR } from '../../src/main/demo-data';
import { parseCpr } from '../../src/shared/core/cpr';
import { ageInYears } from '../../src/shared/core/dates';
import { normalizeForSearch, DEFAULT_DISTRICT_NAMES } from '../../src/shared/core/districts';
import { danishSortKey } from '../../src/shared/core/names';
import { CLOSING_REASON_CODES, defaultForum, EVENT_KIND_CODES, isEffortEvent, levelAt, OFFENCE_CATEGORY_CODES, type CaseLevel } from '../../src/shared/cases/levels';
import type { Sqlite } from '../../src/main/core/connection';
import type { CaseDetail, CaseRow } from '../../src/shared/cases/contract';

const TODAY = '2026-03-01';
const DATA_TABLES = ['people', 'contacts', 'cases', 'case_level_changes', 'case_status_changes', 'case_events', 'case_notes'] as const;

const vaults: TestVault[] = [];
afterAll(() => vaults.forEach((v) => v.cleanup()));
async function seeded(people: number, seed: number): Promise<{ v: TestVault; sqlite: Sqlite }> {
  const v = await createTestVault();
  vaults.push(v);
  const sqlite = v.ctx.vault.current.sqlite;
  seedDemoData(sqlite, { people, seed, today: TODAY });
  return { v, sqlite };
}
const dump = (sqlite: Sqlite) => Object.fromEntries(DATA_TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
const all = <T,>(sqlite: Sqlite, sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];

describe('seedDemoData: determinism', () => {
  it('the same seed gives identical data in two vaults; another seed differs', async () => {
    const a = await seeded(400, 42);
    const b = await seeded(400, 42);
    const c = await seeded(400, 43);
    const da = dump(a.sqlite);
    expect(dump(b.sqlite)).toEqual(da);
    expect(dump(c.sqlite).people).not.toEqual(da.people);
    expect(dump(c.sqlite).cases).not.toEqual(da.cases);
    // Same through the contract.
    const list = (v: TestVault) => v.call<{ rows: CaseRow[] }>('cases.list', { status: 'all', sort: 'name', limit: 500 });
    expect(await list(b.v)).toEqual(await list(a.v));
    // One audit entry for the whole seed.
    expect(all(a.sqlite, `SELECT action, entity, detail FROM audit_log WHERE action = 'seed'`)).toEqual([{ action: 'seed', entity: 'vault', detail: 'people:400' }]);
  });

  it('synthetic CPR numbers fail modulus 11, match birth date and sex, and are unique', () => {
    const rng = createRng(7);
    const taken = new Set<string>();
    for (const birth of ['1999-12-31', '2000-01-01', '2007-09-30', '2015-02-28', '2016-02-29']) {
      for (let i = 0; i < 200; i++) {
        const sex = i % 2 ? 'M' : 'K';
        const parsed = parseCpr(syntheticCpr(rng, birth, sex, taken));
        expect(parsed.ok && parsed.value).toMatchObject({ birthDate: birth, sex, mod11Valid: false });
      }
    }
    expect(taken.size).toBe(1000);
  });
});

describe('seedDemoData: content', () => {
  let sqlite: Sqlite;
  let v: TestVault;
  beforeAll(async () => {
    ({ v, sqlite } = await seeded(3000, 1));
  });

  it('has the requested counts', () => {
    expect(all(sqlite, 'SELECT count(*) AS n FROM people')).toEqual([{ n: 3000 }]);
    expect(all(sqlite, 'SELECT count(*) AS n FROM cases')).toEqual([{ n: 3000 }]);
    const closed = all<{ n: number }>(sqlite, `SELECT count(*) AS n FROM cases WHERE status = 'closed'`)[0]!.n;
    expect(closed / 3000).toBeGreaterThan(0.15);
    expect(closed / 3000).toBeLessThan(0.25);
  });

  it('people: valid CPR numbers matching birth date and sex, ages 10-25, names and search columns like the services write', () => {
    const people = all<{ first_name: string; last_name: string; search_name: string; sort_name: string; cpr: string | null; birth_date: string; sex: string; sex_from_cpr: number }>(
      sqlite,
      'SELECT * FROM people',
    );
    let withCpr = 0;
    let teens = 0;
    let danishLetters = 0;
    for (const p of people) {
      if (p.cpr) {
        withCpr++;
        const parsed = parseCpr(p.cpr);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        expect(parsed.value.normalized).toBe(p.cpr);
        expect(parsed.value.birthDate).toBe(p.birth_date);
        expect(parsed.value.sex).toBe(p.sex);
        expect(parsed.value.mod11Valid).toBe(false);
        expect(p.sex_from_cpr).toBe(1);
      } else {
        expect(p.sex_from_cpr).toBe(0);
      }
      const age = ageInYears(p.birth_date, TODAY);
      expect(age).toBeGreaterThanOrEqual(10);
      expect(age).toBeLessThanOrEqual(25);
      if (age >= 12 && age <= 19) teens++;
      expect(p.search_name).toBe(normalizeForSearch(`${p.first_name} ${p.last_name}`));
      expect(p.sort_name).toBe(danishSortKey(`${p.last_name} ${p.first_name}`));
      if (/[æøåÆØÅ]/.test(p.first_name + p.last_name)) danishLetters++;
    }
    expect(withCpr / people.length).toBeGreaterThan(0.9);
    expect(new Set(people.map((p) => p.cpr).filter(Boolean)).size).toBe(withCpr);
    expect(teens / people.length).toBeGreaterThan(0.6);
    expect(danishLetters).toBeGreaterThan(100);
  });

  it('cases: level history ends in cases.level, status history matches status, numbers per opening year', () => {
    const cases = all<{ id: number; case_number: string; level: CaseLevel; status: string; forum: string; opened_on: string; closed_on: string | null; closing_reason: string | null; next_review_on: string | null; district_id: number }>(
      sqlite,
      'SELECT * FROM cases ORDER BY id',
    );
    const levels = new Map<number, { changed_on: string; level: CaseLevel; forum: string }[]>();
    for (const r of all<{ case_id: number; changed_on: string; level: CaseLevel; forum: string }>(sqlite, 'SELECT * FROM case_level_changes ORDER BY changed_on, id')) {
      levels.set(r.case_id, [...(levels.get(r.case_id) ?? []), r]);
    }
    const statuses = new Map<number, { kind: string; changed_on: string; closing_reason: string | null }[]>();
    for (const r of all<{ case_id: number; kind: string; changed_on: string; closing_reason: string | null }>(sqlite, 'SELECT * FROM case_status_changes ORDER BY changed_on, id')) {
      statuses.set(r.case_id, [...(statuses.get(r.case_id) ?? []), r]);
    }
    const perYear = new Map<string, number[]>();
    const levelCounts = [0, 0, 0, 0, 0];
    let changed = 0;
    let reopened = 0;
    let overdue = 0;
    for (const c of cases) {
      const history = levels.get(c.id)!;
      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history.length).toBeLessThanOrEqual(5);
      if (history.length > 1) changed++;
      expect(history[0]!.changed_on).toBe(c.opened_on);
      expect(history.at(-1)!.level).toBe(c.level);
      expect(levelAt(history.map((h) => ({ date: h.changed_on, level: h.level })), '9999-12-31')).toBe(c.level);
      expect(c.forum).toBe(defaultForum(c.level));
      for (const h of history) {
        expect(h.changed_on <= (c.closed_on ?? TODAY)).toBe(true);
        expect(h.forum).toBe(defaultForum(h.level));
      }
      levelCounts[c.level]!++;

      const st = statuses.get(c.id)!;
      expect(st[0]).toMatchObject({ kind: 'opened', changed_on: c.opened_on });
      st.forEach((s, i) => {
        if (i > 0) expect(s.kind).toBe(st[i - 1]!.kind === 'closed' ? 'reopened' : 'closed');
        expect(s.closing_reason === null).toBe(s.kind !== 'closed');
        if (s.closing_reason) expect(CLOSING_REASON_CODES).toContain(s.closing_reason);
      });
      if (st.some((s) => s.kind === 'reopened')) reopened++;
      const last = st.at(-1)!;
      if (c.status === 'closed') {
        expect(last).toMatchObject({ kind: 'closed', changed_on: c.closed_on, closing_reason: c.closing_reason });
        expect(c.next_review_on).toBeNull();
      } else {
        expect(last.kind).not.toBe('closed');
        expect(c.closed_on).toBeNull();
        expect(c.closing_reason).toBeNull();
        expect(c.next_review_on).not.toBeNull();
        if (c.next_review_on! < TODAY) overdue++;
      }
      expect(c.case_number).toMatch(/^\d{4}-\d{5}$/);
      expect(c.case_number.slice(0, 4)).toBe(c.opened_on.slice(0, 4));
      perYear.set(c.case_number.slice(0, 4), [...(perYear.get(c.case_number.slice(0, 4)) ?? []), Number(c.case_number.slice(5))]);
    }
    for (const seqs of perYear.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    // Roughly 45/30/17/8 %.
    const share = (l: number) => levelCounts[l]! / cases.length;
    expect(share(1)).toBeGreaterThan(0.39);
    expect(share(1)).toBeLessThan(0.51);
    expect(share(2)).toBeGreaterThan(0.25);
    expect(share(2)).toBeLessThan(0.35);
    expect(share(3)).toBeGreaterThan(0.13);
    expect(share(3)).toBeLessThan(0.21);
    expect(share(4)).toBeGreaterThan(0.05);
    expect(share(4)).toBeLessThan(0.11);
    expect(changed / cases.length).toBeGreaterThan(0.4);
    expect(reopened).toBeGreaterThan(10);
    expect(overdue).toBeGreaterThan(100);
  });

  it('spreads cases unevenly over every district', () => {
    const rows = all<{ name: string; n: number }>(sqlite, 'SELECT d.name, count(*) AS n FROM cases c JOIN districts d ON d.id = c.district_id GROUP BY d.name');
    expect(rows.map((r) => r.name).sort()).toEqual([...DEFAULT_DISTRICT_NAMES].sort());
    const shares = rows.map((r) => r.n / 3000);
    expect(Math.min(...shares)).toBeGreaterThan(0.02);
    expect(Math.max(...shares)).toBeLessThan(0.25);
    expect(Math.max(...shares) / Math.min(...shares)).toBeGreaterThan(2);
    // A case's district is its person's.
    expect(all(sqlite, 'SELECT count(*) AS n FROM cases c JOIN people p ON p.id = c.person_id WHERE c.district_id IS NOT p.district_id')).toEqual([{ n: 0 }]);
  });

  it('events and notes: valid kinds, categories and efforts, dated within the case', () => {
    const events = all<{ kind: string; occurred_on: string; offence_category: string | null; effort_id: number | null; opened_on: string; end: string }>(
      sqlite,
      `SELECT e.kind, e.occurred_on, e.offence_category, e.effort_id, c.opened_on, coalesce(c.closed_on, ?) AS end FROM case_events e JOIN cases c ON c.id = e.case_id`,
      TODAY,
    );
    const efforts = new Set(all<{ id: number }>(sqlite, 'SELECT id FROM efforts').map((e) => e.id));
    const kinds = new Set<string>();
    const categories = new Set<string>();
    for (const e of events) {
      kinds.add(e.kind);
      expect(EVENT_KIND_CODES).toContain(e.kind);
      expect(e.occurred_on >= e.opened_on && e.occurred_on <= e.end).toBe(true);
      if (e.kind === 'charge') {
        expect(OFFENCE_CATEGORY_CODES).toContain(e.offence_category);
        categories.add(e.offence_category!);
      } else expect(e.offence_category).toBeNull();
      if (isEffortEvent(e.kind as never)) expect(efforts.has(e.effort_id!)).toBe(true);
      else expect(e.effort_id).toBeNull();
    }
    expect([...kinds].sort()).toEqual([...EVENT_KIND_CODES].sort());
    expect(categories.size).toBeGreaterThan(8);
    const notes = all<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM case_notes')[0]!.n;
    expect(notes / 3000).toBeGreaterThan(1.5);
    expect(all<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM case_notes WHERE corrects_note_id IS NOT NULL')[0]!.n).toBeGreaterThan(10);
    // Actors are the synthetic coordinators (or the seed's own name), never the vault owner.
    const actors = all<{ actor: string }>(sqlite, 'SELECT DISTINCT actor FROM case_level_changes').map((a) => a.actor);
    expect(actors).toContain(SEED_ACTOR);
    expect(actors).not.toContain('Testa Koordinatorsen');
  });

  it('fits the contract: cases.get and filtered cases.list work on seeded cases', async () => {
    for (const id of [1, 500, 1500, 3000]) {
      const c = await v.call<CaseDetail>('cases.get', { caseId: id });
      expect(c.levelHistory.at(-1)!.level).toBe(c.level);
    }
    const overdue = await v.call<{ total: number }>('cases.list', { review: 'overdue' });
    expect(overdue.total).toBeGreaterThan(0);
    const levelFour = await v.call<{ total: number; rows: CaseRow[] }>('cases.list', { levels: [4], status: 'all' });
    expect(levelFour.rows.every((r) => r.level === 4)).toBe(true);
  });
});

describe('seedDemoData: guards and timing', () => {
  it('refuses a vault with cases unless forced; forced, case numbers and CPR numbers continue without clashes', async () => {
    const { sqlite } = await seeded(200, 5);
    expect(() => seedDemoData(sqlite, { people: 10, seed: 5, today: TODAY })).toThrow(/allerede 200 sager/);
    expect(() => seedDemoData(sqlite, { people: 0, seed: 5, today: TODAY })).toThrow(/Antal personer/);
    const summary = seedDemoData(sqlite, { people: 200, seed: 5, today: TODAY, force: true });
    expect(summary.people).toBe(200);
    expect(all(sqlite, 'SELECT count(*) AS n FROM cases')).toEqual([{ n: 400 }]);
    expect(all(sqlite, 'SELECT count(DISTINCT cpr) AS n FROM people WHERE cpr IS NOT NULL')).toEqual(all(sqlite, 'SELECT count(cpr) AS n FROM people'));
    const seqs = all<{ y: string; n: number; m: number }>(sqlite, `SELECT substr(case_number, 1, 4) AS y, count(*) AS n, max(CAST(substr(case_number, 6) AS INTEGER)) AS m FROM cases GROUP BY y`);
    for (const s of seqs) expect(s.m).toBe(s.n);
  });

  it('seeds 20,000 people (timing printed, not asserted)', async () => {
    const v = await createTestVault();
    vaults.push(v);
    const summary = seedDemoData(v.ctx.vault.current.sqlite, { people: 20_000, seed: 1, today: TODAY });
    console.log(`seed of 20,000 people: ${summary.ms} ms`, summary);
    expect(summary.cases).toBe(20_000);
  });

  it('cli seed prints counts and refuses a second run without --force', async () => {
    const root = tempDir('ssp-seed-cli-');
    try {
      const v = await createTestVault();
      vaults.push(v);
      v.ctx.vault.lock();
      const passFile = join(root, 'pass.txt');
      writeFileSync(passFile, `${PASSPHRASE}\n`);
      const cli = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      const args = ['seed', '--vault', v.dir, '--passphrase-file', passFile];
      const first = await cli(...args, '--people', '150', '--seed', '3', '--today', TODAY);
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/^Demodata er lagt i boksen på \d+,\d s \(seed 3\):/);
      expect(first.out).toContain('personer: 150');
      expect(first.out).toMatch(/sager: 150 \(åbne \d+, afsluttede \d+\)/);
      const again = await cli(...args, '--people', '10');
      expect(again.code).toBe(1);
      expect(again.err).toContain('allerede 150 sager');
      expect((await cli(...args, '--people', '10', '--force')).code).toBe(0);
      expect((await cli(...args, '--people', 'mange')).code).toBe(2);
      expect((await cli(...args)).code).toBe(2);
      expect((await cli(...args, '--people', '5', '--today', '2026-13-01')).code).toBe(2);
      await v.ctx.vault.unlock('passphrase', PASSPHRASE);
      expect(all(v.ctx.vault.current.sqlite, 'SELECT count(*) AS n FROM people')).toEqual([{ n: 160 }]);
      expect(all(v.ctx.vault.current.sqlite, `SELECT actor, detail FROM audit_log WHERE action = 'seed' ORDER BY id`)).toEqual([
        { actor: 'Testa Koordinatorsen', detail: 'people:150' },
        { actor: 'Testa Koordinatorsen', detail: 'people:10' },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
