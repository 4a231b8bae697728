import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/vault';
import { TEST_KDF } from '../../src/main/vault/kdf';
import type { Sqlite } from '../../src/main/core/connection';
import { createTestVault, hashVault, PASSPHRASE, tempDir, type TestVault } from './helpers';

/**
 * Crash safety, modelled on SQLite's own crash tests: a child process (crash-child.ts) makes
 * realistic writes through the real dispatcher on a real encrypted vault, reporting each committed
 * call on stdout; the parent kills it with SIGKILL at a random moment, reopens the vault with
 * Vault.unlock and checks that it opens, that integrity_check and foreign_key_check are clean, that
 * every write the child reported is there with its content and its audit entry, that the case rows
 * agree with their histories, and that nothing but the one call in flight left rows behind.
 *
 * SIGKILL stops the process, not the machine: what the child wrote is in the OS page cache, so
 * this proves SQLite's transactions and WAL recovery through our code (no half-written
 * transaction, no reported write lost, no torn row). Power loss (what was not fsynced is gone) is
 * the sibling harness powercut.test.ts, which runs the vault inside LazyFS; kills at each step of
 * create, restore and passphrase change are in steps.test.ts.
 *
 * CRASH_KILLS (default 200) and CRASH_SEED (default: random, printed) tune the run.
 */

const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

let rngState = SEED >>> 0 || 1;
function rand(): number {
  rngState = (rngState + 0x6d2b79f5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

type Line = { t: string; seq?: number; op?: string; [k: string]: unknown };

interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: Line[];
  loaded: Promise<void>;
  ready: Promise<void>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
}

function spawnChild(bundle: string, vaultDir: string, seed: number): Child {
  const proc = spawn(process.execPath, [bundle, vaultDir, String(seed)], {
    env: { ...process.env, CRASH_PASSPHRASE: PASSPHRASE },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: Line[] = [];
  let buffered = '';
  let err = '';
  let onLoaded!: () => void;
  let onReady!: () => void;
  const loaded = new Promise<void>((r) => (onLoaded = r));
  const ready = new Promise<void>((r) => (onReady = r));
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, nl)) as Line;
      buffered = buffered.slice(nl + 1);
      lines.push(line);
      if (line.t === 'loaded') onLoaded();
      if (line.t === 'ready') onReady();
    }
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (c: string) => (err += c));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => {
    proc.on('close', (code, signal) => {
      onLoaded();
      onReady();
      r({ code, signal });
    });
  });
  return { proc, lines, loaded, ready, closed, stderr: () => err };
}

/** What the child reported as committed, over the whole run. */
interface Ledger {
  opens: Line[];
  levels: Line[];
  events: Line[];
  notes: Line[];
  closes: Line[];
  reopens: Line[];
  relocks: number;
}

const TABLES = ['people', 'cases', 'case_level_changes', 'case_status_changes', 'case_events', 'case_notes'] as const;
type Table = (typeof TABLES)[number];

/** Rows the one call in flight at the kill may have committed without reporting it. */
const IN_FLIGHT_ROWS: Record<string, Partial<Record<Table, number>>> = {
  open: { people: 1, cases: 1, case_level_changes: 1, case_status_changes: 1 },
  level: { case_level_changes: 1 },
  event: { case_events: 1 },
  note: { case_notes: 1 },
  close: { case_status_changes: 1 },
  reopen: { case_status_changes: 1, case_level_changes: 1 },
  relock: {},
};

interface Stats {
  kills: number;
  earlyKills: number;
  committedWritesThisRun: number;
  inFlightCommitted: number;
  inFlightAbsent: number;
  verifiedRowChecks: number;
  maxWalBytes: number;
  waitLoadMs: number;
  verifyMs: number;
}

function verifyVault(sqlite: Sqlite, ledger: Ledger, seen: Record<Table, Set<number>>, inFlightOp: string | null, stats: Stats): void {
  expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  expect(sqlite.pragma('foreign_key_check')).toEqual([]);

  const byId = <T extends { id: number }>(sql: string) => new Map((sqlite.prepare(sql).all() as T[]).map((r) => [r.id, r]));
  const people = byId<{ id: number; first_name: string; last_name: string }>('SELECT id, first_name, last_name FROM people');
  const cases = byId<{ id: number; person_id: number; status: string; level: number }>('SELECT id, person_id, status, level FROM cases');
  const levels = byId<{ id: number; case_id: number; level: number; reason: string }>('SELECT id, case_id, level, reason FROM case_level_changes');
  const statuses = byId<{ id: number; case_id: number; kind: string }>('SELECT id, case_id, kind FROM case_status_changes');
  const events = byId<{ id: number; case_id: number; kind: string; description: string | null }>('SELECT id, case_id, kind, description FROM case_events');
  const notes = byId<{ id: number; case_id: number; text: string }>('SELECT id, case_id, text FROM case_notes');
  const contacts = byId<{ id: number; person_id: number; name: string }>('SELECT id, person_id, name FROM contacts');
  const auditKeys = new Set(
    (sqlite.prepare('SELECT action, entity, entity_id AS id FROM audit_log WHERE entity_id IS NOT NULL').all() as { action: string; entity: string; id: number }[]).map(
      (a) => `${a.action}/${a.entity}/${a.id}`,
    ),
  );
  let checks = 0;
  const must = (ok: boolean, what: string) => {
    checks++;
    if (!ok) throw new Error(`after kill ${stats.kills}: ${what}`);
  };

  for (const o of ledger.opens) {
    const p = people.get(o.personId as number);
    must(!!p && p.first_name === o.firstName && p.last_name === o.lastName, `person ${o.personId} of case ${o.caseId}`);
    must(cases.get(o.caseId as number)?.person_id === o.personId, `case ${o.caseId}`);
    const l = levels.get(o.levelChangeId as number);
    must(!!l && l.case_id === o.caseId && l.level === o.level && sha(l.reason) === o.reasonSha, `first level change ${o.levelChangeId}`);
    must(statuses.get(o.statusChangeId as number)?.kind === 'opened', `opened entry ${o.statusChangeId}`);
    for (const cid of o.contactIds as number[]) must(contacts.get(cid)?.person_id === o.personId && contacts.get(cid)?.name === o.contactName, `contact ${cid}`);
    must(auditKeys.has(`create/case/${o.caseId}`) && auditKeys.has(`create/person/${o.personId}`), `audit of case ${o.caseId}`);
  }
  for (const c of ledger.levels) {
    const l = levels.get(c.levelChangeId as number);
    must(!!l && l.case_id === c.caseId && l.level === c.level && sha(l.reason) === c.reasonSha, `level change ${c.levelChangeId}`);
  }
  for (const e of ledger.events) {
    const row = events.get(e.eventId as number);
    must(!!row && row.case_id === e.caseId && row.kind === e.kind && (row.description === null ? null : sha(row.description)) === e.descriptionSha, `event ${e.eventId}: ${JSON.stringify(row)} vs ${JSON.stringify(e)}`);
    must(auditKeys.has(`create/case_event/${e.eventId}`), `audit of event ${e.eventId}`);
  }
  for (const n of ledger.notes) {
    const row = notes.get(n.noteId as number);
    must(!!row && row.case_id === n.caseId && row.text.length === n.length && sha(row.text) === n.textSha, `note ${n.noteId}`);
    must(auditKeys.has(`create/case_note/${n.noteId}`), `audit of note ${n.noteId}`);
  }
  for (const c of ledger.closes) must(statuses.get(c.statusChangeId as number)?.kind === 'closed' && statuses.get(c.statusChangeId as number)?.case_id === c.caseId, `closing ${c.statusChangeId}`);
  for (const c of ledger.reopens) {
    must(statuses.get(c.statusChangeId as number)?.kind === 'reopened', `reopening ${c.statusChangeId}`);
    const l = levels.get(c.levelChangeId as number);
    must(!!l && l.case_id === c.caseId && sha(l.reason) === c.reasonSha, `reopening level entry ${c.levelChangeId}`);
  }

  // Every case agrees with its histories: no transaction was half applied.
  const disagreeing = sqlite
    .prepare(
      `SELECT c.id FROM cases c
       WHERE c.level IS NOT (SELECT l.level FROM case_level_changes l WHERE l.case_id = c.id ORDER BY l.changed_on DESC, l.id DESC LIMIT 1)
          OR (c.status = 'closed') IS NOT ((SELECT s.kind FROM case_status_changes s WHERE s.case_id = c.id ORDER BY s.changed_on DESC, s.id DESC LIMIT 1) = 'closed')
          OR NOT EXISTS (SELECT 1 FROM case_status_changes s WHERE s.case_id = c.id AND s.kind = 'opened')`,
    )
    .all();
  must(disagreeing.length === 0, `cases disagreeing with their history: ${JSON.stringify(disagreeing)}`);
  // Each note, event and case has its audit entry and each audit entry its row (same transaction).
  for (const [table, entity, action] of [['case_notes', 'case_note', 'create'], ['case_events', 'case_event', 'create'], ['cases', 'case', 'create'], ['people', 'person', 'create']] as const) {
    const orphanRows = sqlite.prepare(`SELECT count(*) AS n FROM ${table} r WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = ? AND a.action = ? AND a.entity_id = r.id)`).get(entity, action) as { n: number };
    const orphanAudit = sqlite.prepare(`SELECT count(*) AS n FROM audit_log a WHERE a.entity = ? AND a.action = ? AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.id = a.entity_id)`).get(entity, action) as { n: number };
    must(orphanRows.n === 0 && orphanAudit.n === 0, `${table} and audit_log disagree (${orphanRows.n} rows without audit, ${orphanAudit.n} audit entries without row)`);
  }

  // Nothing but the call in flight left rows that were not reported.
  const reported: Record<Table, Set<number>> = {
    people: new Set(ledger.opens.map((o) => o.personId as number)),
    cases: new Set(ledger.opens.map((o) => o.caseId as number)),
    case_level_changes: new Set([...ledger.opens, ...ledger.levels, ...ledger.reopens].map((o) => o.levelChangeId as number)),
    case_status_changes: new Set([...ledger.opens, ...ledger.closes, ...ledger.reopens].map((o) => o.statusChangeId as number)),
    case_events: new Set(ledger.events.map((o) => o.eventId as number)),
    case_notes: new Set(ledger.notes.map((o) => o.noteId as number)),
  };
  const present: Record<Table, Map<number, unknown>> = { people, cases, case_level_changes: levels, case_status_changes: statuses, case_events: events, case_notes: notes };
  const allowance = inFlightOp ? IN_FLIGHT_ROWS[inFlightOp] ?? {} : {};
  let unreported = 0;
  for (const table of TABLES) {
    const extra = [...present[table].keys()].filter((id) => !seen[table].has(id) && !reported[table].has(id));
    must(extra.length <= (allowance[table] ?? 0), `${extra.length} unreported new rows in ${table} (call in flight: ${inFlightOp ?? 'none'})`);
    unreported += extra.length;
    for (const id of present[table].keys()) seen[table].add(id);
  }
  if (inFlightOp && inFlightOp !== 'relock') {
    if (unreported > 0) stats.inFlightCommitted++;
    else stats.inFlightAbsent++;
  }
  stats.verifiedRowChecks += checks;
}

describe('crash safety: SIGKILL at random moments', () => {
  let root: string;
  let vaultDir: string;
  let bundle: string;

  beforeAll(async () => {
    root = tempDir('ssp-crash-');
    vaultDir = join(root, 'vault');
    const v = await createTestVault({ dir: vaultDir });
    await v.call('vault.lock', {});
    // The child as one ES module: tsx's start-up (about 1.5 s here) would dominate 200 runs.
    const cacheDir = resolve('node_modules/.cache/ssp-desk-crash');
    mkdirSync(cacheDir, { recursive: true });
    bundle = join(cacheDir, `child-${process.pid}.mjs`);
    // exceljs and papaparse (case import) take most of the load time and the child never imports
    // a file: they are replaced by a stub that throws if touched. better-sqlite3 stays external.
    const stubImportLibraries: Plugin = {
      name: 'stub-import-libraries',
      setup(b) {
        b.onResolve({ filter: /^(exceljs|papaparse)$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default new Proxy({}, { get() { throw new Error("not loaded in the crash child"); } });' }));
      },
    };
    await build({
      entryPoints: [resolve('tests/integration/crash-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external', // every package stays a package (CommonJS ones such as yauzl cannot be bundled into ESM)
      plugins: [stubImportLibraries],
      outfile: bundle,
      logLevel: 'warning',
    });
  }, 120_000);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(bundle, { force: true });
  });

  it(`survives ${KILLS} kills with every reported write intact`, async () => {
    const ledger: Ledger = { opens: [], levels: [], events: [], notes: [], closes: [], reopens: [], relocks: 0 };
    const seen = Object.fromEntries(TABLES.map((t) => [t, new Set<number>()])) as Record<Table, Set<number>>;
    const stats: Stats = { kills: 0, earlyKills: 0, committedWritesThisRun: 0, inFlightCommitted: 0, inFlightAbsent: 0, verifiedRowChecks: 0, maxWalBytes: 0, waitLoadMs: 0, verifyMs: 0 };
    const refused: Record<string, number> = {};
    const started = Date.now();
    console.log(`crash: seed ${SEED} (set CRASH_SEED to repeat the choices), ${KILLS} kills`);

    let next = spawnChild(bundle, vaultDir, SEED);
    try {
      for (let k = 1; k <= KILLS; k++) {
        const child = next;
        const t0 = Date.now();
        await child.loaded;
        stats.waitLoadMs += Date.now() - t0;
        child.proc.stdin.write('go\n');
        // The next child loads its modules while this one writes and the vault is checked; it
        // touches nothing until it gets its own go.
        if (k < KILLS) next = spawnChild(bundle, vaultDir, SEED + k);
        const r = rand();
        if (r < 0.08) {
          // During unlock, migration check or the first query.
          stats.earlyKills++;
          await sleep(rand() * 40);
        } else {
          await Promise.race([child.ready, sleep(20_000)]);
          await sleep(r < 0.35 ? rand() * 30 : r < 0.85 ? rand() * 300 : 300 + rand() * 600);
        }
        const alive = child.proc.exitCode === null && child.proc.signalCode === null;
        child.proc.kill('SIGKILL');
        const exit = await child.closed;
        expect(alive, `child ${k} ended by itself: ${JSON.stringify(exit)} ${child.stderr()} ${JSON.stringify(child.lines.slice(-3))}`).toBe(true);
        expect(exit.signal).toBe('SIGKILL');
        stats.kills++;

        const fatal = child.lines.find((l) => l.t === 'fatal');
        expect(fatal, `child ${k}: ${JSON.stringify(fatal)}`).toBeUndefined();
        let inFlight: string | null = null;
        for (const line of child.lines) {
          if (line.t === 'intent') inFlight = line.op!;
          if (line.t === 'refused') {
            inFlight = null;
            refused[`${line.op}:${line.code}`] = (refused[`${line.op}:${line.code}`] ?? 0) + 1;
            expect(['INTERNAL', 'IO_ERROR', 'INVALID_INPUT'], `child ${k} refused ${JSON.stringify(line)}`).not.toContain(line.code);
          }
          if (line.t === 'commit') {
            inFlight = null;
            stats.committedWritesThisRun++;
            const bucket = { open: ledger.opens, level: ledger.levels, event: ledger.events, note: ledger.notes, close: ledger.closes, reopen: ledger.reopens }[line.op!];
            if (bucket) bucket.push(line);
            else ledger.relocks++;
          }
        }
        stats.maxWalBytes = Math.max(stats.maxWalBytes, (() => { try { return statSync(`${join(vaultDir, 'ssp-desk.db')}-wal`).size; } catch { return 0; } })());

        const t1 = Date.now();
        const vault = new Vault(vaultDir, { kdf: TEST_KDF });
        await vault.unlock('passphrase', PASSPHRASE);
        try {
          verifyVault(vault.current.sqlite, ledger, seen, inFlight, stats);
        } finally {
          vault.lock();
        }
        stats.verifyMs += Date.now() - t1;
        if (k % 50 === 0) console.log(`crash: ${k} kills, ${stats.committedWritesThisRun} committed writes so far, ${Math.round((Date.now() - started) / 1000)} s`);
      }
    } finally {
      if (next.proc.exitCode === null && next.proc.signalCode === null) next.proc.kill('SIGKILL');
    }

    const total = ledger.opens.length + ledger.levels.length + ledger.events.length + ledger.notes.length + ledger.closes.length + ledger.reopens.length;
    console.log(
      `crash: ${stats.kills} kills survived (${stats.earlyKills} during start-up), ${total} committed writes verified after every kill ` +
        `(${ledger.opens.length} cases opened, ${ledger.levels.length} level changes, ${ledger.events.length} events, ${ledger.notes.length} notes, ` +
        `${ledger.closes.length} closings, ${ledger.reopens.length} reopenings, ${ledger.relocks} lock/unlock cycles), ` +
        `${stats.verifiedRowChecks} row checks; the call in flight was found committed ${stats.inFlightCommitted} times and absent ${stats.inFlightAbsent} times; ` +
        `largest WAL left by a kill ${Math.round(stats.maxWalBytes / 1024)} KiB; ` +
        `mean wait for a child to load ${Math.round(stats.waitLoadMs / KILLS)} ms, mean reopen and check ${Math.round(stats.verifyMs / KILLS)} ms; ` +
        `refused by rules: ${JSON.stringify(refused)}; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(stats.kills).toBe(KILLS);
    expect(total).toBeGreaterThan(KILLS);
    expect(ledger.notes.length).toBeGreaterThan(0);
    expect(ledger.closes.length + ledger.reopens.length).toBeGreaterThan(0);
  }, 900_000);
});

/** Every row of every table, in rowid order: "nothing already saved is lost" compares these. */
function snapshot(sqlite: Sqlite): Record<string, unknown[]> {
  const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  const rows = (t: string) => {
    try {
      return sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
    } catch {
      // WITHOUT ROWID tables (the search index's own tables) come back in primary-key order.
      return sqlite.prepare(`SELECT * FROM "${t}"`).all();
    }
  };
  return Object.fromEntries(tables.map((t) => [t, rows(t)]));
}

/** The snapshot after, compared with the one before: equal, except audit entries added at the end. */
function expectKept(after: Record<string, unknown[]>, before: Record<string, unknown[]>): void {
  const { audit_log: auditAfter = [], ...restAfter } = after;
  const { audit_log: auditBefore = [], ...restBefore } = before;
  expect(restAfter).toEqual(restBefore);
  expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
}

async function withData(v: TestVault): Promise<number> {
  const c = await v.call<{ id: number }>('cases.open', {
    person: { firstName: 'Åse', lastName: 'Prøvegård', birthDate: '2011-04-03', contacts: [{ name: 'Mor Prøvegård', relation: 'Mor', phone: '12345678' }] },
    level: 2,
    reason: 'Bekymring fra skolen',
    openedOn: '2026-01-05',
  });
  await v.call('cases.addNote', { caseId: c.id, text: 'Samtale med forældrene på Østerbro.' });
  await v.call('cases.addEvent', { caseId: c.id, kind: 'charge', occurredOn: '2026-01-10', offenceCategory: 'theft', description: 'Butikstyveri' });
  await v.call('cases.changeLevel', { caseId: c.id, level: 3, changedOn: '2026-01-12', reason: 'Gentagen kriminalitet' });
  return c.id;
}

const NOW = () => new Date('2026-02-01T10:00:00Z');
const FULL = /^Disken er fuld\. Intet er gemt fra denne handling\./;
const READ_ONLY = /(skrivebeskyttet|kan ikke åbnes til skrivning)/;

describe('disk full', () => {
  it('refuses the write with a clear Danish message, keeps everything saved, and still locks', async () => {
    const v = await createTestVault({ now: NOW });
    try {
      const caseId = await withData(v);
      const sqlite = v.ctx.vault.current.sqlite;
      // No room for one more page: SQLite answers SQLITE_FULL exactly as for a full disk (ENOSPC).
      sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
      let before = snapshot(sqlite);

      const big = await v.dispatch('cases.addNote', { caseId, text: 'Et langt notat. '.repeat(1200) });
      expect(big).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(FULL) } });
      expect(snapshot(sqlite)).toEqual(before);

      // Fill the remaining room; every refusal leaves no trace and every success stays.
      let saved = 0;
      for (let i = 0; i < 2000; i++) {
        const r = await v.dispatch('cases.addNote', { caseId, text: `Notat ${i}: ${'opfølgning '.repeat(300)}` });
        if (!r.ok) {
          expect(r.error).toEqual({ code: 'IO_ERROR', message: expect.stringMatching(FULL) });
          break;
        }
        saved++;
        before = snapshot(sqlite);
      }
      expect(snapshot(sqlite)).toEqual(before);

      // A new case with a new person, contacts and history: all of it or none of it.
      const contacts = Array.from({ length: 20 }, (_, i) => ({ name: `Kontakt ${i} ${'Ø'.repeat(100)}`, relation: 'Familie', phone: '87654321' }));
      const opened = await v.dispatch('cases.open', {
        person: { firstName: 'Søren', lastName: 'Ærøskøbing', birthDate: '2010-02-02', contacts },
        level: 1,
        reason: 'Bekymring '.repeat(40),
        openedOn: '2026-01-20',
      });
      expect(opened).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(FULL) } });
      expect(snapshot(sqlite)).toEqual(before);

      // Locking works on a full disk (auto-lock must never fail).
      expect(await v.dispatch('vault.lock', {})).toEqual({ ok: true, value: { state: 'locked' } });
      expect(v.ctx.vault.state()).toBe('locked');

      // Room again (a new connection has no page limit): all that was saved is there, intact.
      await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
      const reopened = v.ctx.vault.current.sqlite;
      expect(reopened.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expectKept(snapshot(reopened), before);
      expect(await v.call('cases.addNote', { caseId, text: 'Efter oprydning.' })).toBeTruthy();
      console.log(`disk full: ${saved} notes saved until the disk was full, 3 refused writes left no trace, lock and reopen kept every saved row`);
    } finally {
      v.cleanup();
    }
  });
});

/**
 * A read-only vault folder. Tests run as root here, where chmod does not stop writes; as root we
 * set the immutable attribute (chattr +i), which refuses writes even through already open files.
 * The -shm file is left alone: SQLite maps it into memory, and making a mapped file immutable
 * kills the process with SIGBUS, which no permission change on a real machine can cause. Without
 * root, chmod (0o500 on the folder, 0o400 on the files) is used; it only affects files opened
 * afterwards, so the "turns read-only while unlocked" case needs chattr.
 */
function readOnlyTechnique(): 'chattr' | 'chmod' | null {
  if (process.getuid?.() !== 0) return 'chmod';
  const probeDir = tempDir('ssp-chattr-');
  const probe = join(probeDir, 'probe');
  writeFileSync(probe, 'x');
  try {
    if (spawnSync('chattr', ['+i', probe]).status !== 0) return null;
    spawnSync('chattr', ['-i', probe]);
    return 'chattr';
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

describe('read-only vault folder', () => {
  const technique = readOnlyTechnique();
  const protectedPaths = (v: TestVault) => [v.files.dir, v.files.database, v.files.wal, v.files.keyFile].filter((p) => existsSync(p));
  let marked: string[] = [];
  const makeReadOnly = (v: TestVault) => {
    marked = protectedPaths(v);
    if (technique === 'chattr') {
      const r = spawnSync('chattr', ['+i', ...marked]);
      expect(r.status, String(r.stderr)).toBe(0);
    } else {
      for (const p of marked) chmodSync(p, p === v.files.dir ? 0o500 : 0o400);
    }
  };
  const makeWritable = (v: TestVault) => {
    if (technique === 'chattr') spawnSync('chattr', ['-i', ...marked]);
    else for (const p of marked) chmodSync(p, p === v.files.dir ? 0o700 : 0o600);
    marked = [];
  };

  it.skipIf(technique !== 'chattr')('a folder that turns read-only while unlocked: clear error, nothing lost, lock still works', async () => {
    const v = await createTestVault({ now: NOW });
    try {
      const caseId = await withData(v);
      const before = snapshot(v.ctx.vault.current.sqlite);
      makeReadOnly(v);
      try {
        const hashes = hashVault(v.files);
        const write = await v.dispatch('cases.addNote', { caseId, text: 'Skrives aldrig.' });
        expect(write).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(READ_ONLY) } });
        const open = await v.dispatch('cases.open', { person: { firstName: 'Bo', lastName: 'Blåbær', birthDate: '2012-03-03' }, level: 1, reason: 'Bekymring', openedOn: '2026-01-20' });
        expect(open).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
        expect(await v.dispatch('vault.lock', {})).toEqual({ ok: true, value: { state: 'locked' } });
        const unlock = await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
        expect(unlock).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(READ_ONLY) } });
        expect(v.ctx.vault.state()).toBe('locked');
        expect(hashVault(v.files)).toEqual(hashes);
      } finally {
        makeWritable(v);
      }
      await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
      const sqlite = v.ctx.vault.current.sqlite;
      expect(sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expectKept(snapshot(sqlite), before);
      console.log('read-only (chattr +i) while unlocked: 2 writes refused with IO_ERROR, lock worked, unlock refused and stayed locked, every saved row kept');
    } finally {
      makeWritable(v);
      v.cleanup();
    }
  });

  it.skipIf(technique === null)(`unlocking a read-only vault folder: clear error, stays locked, files untouched (${technique ?? 'no technique'})`, async () => {
    const v = await createTestVault({ now: NOW });
    try {
      await withData(v);
      const before = snapshot(v.ctx.vault.current.sqlite);
      await v.call('vault.lock', {});
      makeReadOnly(v);
      try {
        const hashes = hashVault(v.files);
        const unlock = await v.dispatch('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
        expect(unlock).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(READ_ONLY) } });
        expect(v.ctx.vault.state()).toBe('locked');
        expect(hashVault(v.files)).toEqual(hashes);
      } finally {
        makeWritable(v);
      }
      await v.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
      expectKept(snapshot(v.ctx.vault.current.sqlite), before);
      console.log(`read-only (${technique}) at unlock: refused with IO_ERROR, stayed locked, files untouched, every saved row kept`);
    } finally {
      makeWritable(v);
      v.cleanup();
    }
  });

  if (technique === null) {
    it('cannot make a folder read-only here (root without chattr +i)', () => {
      console.log('read-only vault folder: not tested on this machine: running as root and chattr +i is not permitted');
    });
  }
});
