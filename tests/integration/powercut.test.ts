import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/vault';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { createBackup, readBackupFile, removeBackupLeftovers } from '../../src/main/vault/backup';
import { migrations } from '../../src/main/db/migrations';
import type { Sqlite } from '../../src/main/core/connection';
import { createTestVault, OWNER, PASSPHRASE, tempDir } from './helpers';
import { handoverPayloadFile, expectWholePeople } from './handover-fixture';

/**
 * Power cuts, not just kills. SIGKILL leaves what a process wrote in the page cache, where it
 * reaches the disk anyway; a power cut loses everything not fsynced. The vault lives inside LazyFS
 * (../shared/tools/lazyfs: a FUSE file system that keeps written data in its own cache until it
 * is fsynced, and drops the unsynced rest on `lazyfs::clear-cache`). A writer (powercut-child.ts)
 * works on one path through the real dispatcher; the parent kills it at a random moment, cuts the
 * power, and opens the vault as the app does at start-up. After each cut: the vault opens with the
 * passphrase AND the recovery key, integrity_check and foreign_key_check are clean, every write
 * the child reported committed is there, nothing half-done is visible, and no leftover of an
 * interrupted step remains. Paths: case writes, import, vault creation, passphrase change,
 * backup, restore, retention deletion, the first migration of an older vault, settings, and
 * receiving a handover (issue 21: importPersonPayload; after a cut either the whole person is
 * there or nothing of them).
 *
 * POWERCUT_CUTS (default 300) and POWERCUT_SEED tune the run; LAZYFS_BIN skips the build.
 */

const CUTS = Number(process.env.POWERCUT_CUTS ?? 300);
const SEED = Number(process.env.POWERCUT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const OTHER_PASSPHRASE = 'en-anden-lang-sætning-om-Vesterbro-31';
const PATHS = ['writes', 'import', 'create', 'passphrase', 'backup', 'restore', 'retention', 'migration', 'settings', 'receive'] as const;
type PathName = (typeof PATHS)[number];
const BACKUP_NAME = 'ssp-desk-backup-2026-01-05T10-00-00Z-abcd.sspbak';

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
type Line = { t: string; op?: string; [k: string]: unknown };

// ---------------------------------------------------------------- LazyFS

interface Mount {
  mnt: string;
  fifo: string;
  pid: number;
}
// LAZYFS_TOOLS: where the mount scripts are, for a checkout that is not beside ../shared (a worktree).
const lazyfsDir = process.env.LAZYFS_TOOLS ?? resolve('../shared/tools/lazyfs');

function mountLazyFs(): Mount {
  const bin = process.env.LAZYFS_BIN ?? spawnSync('bash', [join(lazyfsDir, 'build.sh')], { encoding: 'utf8' }).stdout.trim().split('\n').pop()!;
  if (!bin || !existsSync(bin)) throw new Error(`LazyFS is not built (bash ${lazyfsDir}/build.sh): ${bin}`);
  const t = tempDir('ssp-lazyfs-');
  const r = spawnSync('bash', [join(lazyfsDir, 'mount.sh'), bin, join(t, 'mnt'), join(t, 'backing'), join(t, 'faults.fifo')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`LazyFS did not mount: ${r.stderr}`);
  return { mnt: join(t, 'mnt'), fifo: join(t, 'faults.fifo'), pid: Number(r.stdout.trim().split('\n').pop()) };
}
/** The power cut: every write not fsynced is gone. */
function cutPower(m: Mount): void {
  writeFileSync(m.fifo, 'lazyfs::clear-cache\n');
}
/** A clean shutdown: flush everything (used after set-up, which is not what is tested). */
function flushAll(m: Mount): void {
  writeFileSync(m.fifo, 'lazyfs::cache-checkpoint\n');
}
function unmount(m: Mount): void {
  spawnSync('fusermount3', ['-u', m.mnt]);
}

// ---------------------------------------------------------------- the child

interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: Line[];
  loaded: Promise<void>;
  ready: Promise<void>;
  closed: Promise<void>;
  stderr: () => string;
}

async function bundleChild(): Promise<string> {
  const cacheDir = resolve('node_modules/.cache/ssp-desk-powercut');
  mkdirSync(cacheDir, { recursive: true });
  const out = join(cacheDir, `child-${process.pid}.mjs`);
  const stubXlsx: Plugin = {
    name: 'stub-exceljs',
    setup(b) {
      b.onResolve({ filter: /^exceljs$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
      b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default new Proxy({}, { get() { throw new Error("not loaded in the power-cut child"); } });' }));
    },
  };
  await build({ entryPoints: [resolve('tests/integration/powercut-child.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', plugins: [stubXlsx], outfile: out, logLevel: 'warning' });
  return out;
}

function spawnChild(bundle: string, path: string, dir: string, seed: number, env: Record<string, string>): Child {
  const proc = spawn(process.execPath, [bundle, path, dir, String(seed)], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
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
      if (line.t === 'ready' || line.t === 'intent') onReady();
    }
  });
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (c: string) => (err += c));
  const closed = new Promise<void>((r) => proc.on('close', () => (onLoaded(), onReady(), r())));
  return { proc, lines, loaded, ready, closed, stderr: () => err };
}

/** Run one child on a path, kill it at a random moment, cut the power. Returns its lines. */
async function runAndCut(m: Mount, bundle: string, path: string, dir: string, seed: number, env: Record<string, string>, maxMs: number): Promise<Line[]> {
  const child = spawnChild(bundle, path, dir, seed, env);
  await child.loaded;
  child.proc.stdin.write('go\n');
  if (rand() < 0.1) await sleep(rand() * 30);
  else {
    await Promise.race([child.ready, sleep(20_000)]);
    await sleep(rand() * maxMs);
  }
  const alive = child.proc.exitCode === null && child.proc.signalCode === null;
  child.proc.kill('SIGKILL');
  await child.closed;
  expect(alive, `${path}: child ended by itself: ${child.stderr()} ${JSON.stringify(child.lines.slice(-3))}`).toBe(true);
  const fatal = child.lines.find((l) => l.t === 'fatal');
  expect(fatal, `${path}: ${JSON.stringify(fatal)} ${child.stderr()}`).toBeUndefined();
  for (const l of child.lines) if (l.t === 'refused') expect.fail(`${path}: a call was refused: ${JSON.stringify(l)}`);
  cutPower(m);
  return child.lines;
}

/** The last intent without a commit: the call in flight when the power went. */
function inFlight(lines: Line[]): Line | null {
  let open: Line | null = null;
  for (const l of lines) {
    if (l.t === 'intent') open = l;
    if (l.t === 'commit' || l.t === 'refused') open = null;
  }
  return open;
}

// ---------------------------------------------------------------- checks

/** Nothing of an interrupted step beside or in the vault folder (the lock file is the OS lock's). */
function expectNoLeftovers(dir: string): void {
  const base = dir.split('/').pop()!;
  const siblings = readdirSync(dirname(dir)).filter((n) => n.startsWith(`${base}.`) && !/\.(lock|lock-holder|throttle|throttle-key|deletions)$/.test(n) /* the vault's companions beside it: lock (issue 14), throttle and deletion ledger (issue 15) */);
  expect(siblings, `leftovers beside ${base}`).toEqual([]);
  if (existsSync(dir)) expect(readdirSync(dir).filter((n) => n.includes('.tmp-')), `leftovers in ${base}`).toEqual([]);
}

/**
 * Open as the app does after the cut (start-up recovery runs in unlock), with the first passphrase
 * that fits, then with the recovery key. Checks integrity and foreign keys, then `check`.
 */
async function openAfterCut(dir: string, passphrases: string[], recoveryKey: string, check: (sqlite: Sqlite) => void): Promise<string> {
  const v = new Vault(dir, { kdf: TEST_KDF });
  expect(v.state(), `${dir} must never look like "no vault"`).toBe('locked');
  let used: string | null = null;
  for (const p of passphrases) {
    try {
      await v.unlock('passphrase', p);
      used = p;
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'WRONG_PASSPHRASE') throw e;
    }
  }
  expect(used, `${dir}: opens with a passphrase`).not.toBeNull();
  try {
    expect(v.current.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(v.current.sqlite.pragma('foreign_key_check')).toEqual([]);
    check(v.current.sqlite);
  } finally {
    v.lock();
  }
  await v.unlock('recovery', recoveryKey);
  v.lock();
  expectNoLeftovers(dir);
  return used!;
}

interface Figures {
  cuts: number;
  writesVerified: number;
  inFlightKept: number;
  inFlightGone: number;
  lost: number;
  unopenable: number;
}

// ---------------------------------------------------------------- the harness

interface PathState {
  dir: string;
  recoveryKey: string;
  passphrase: string;
  notes: Map<number, string>;
  cases: Set<number>;
  levels: Map<number, number>;
  imported: number;
  backups: string[];
  retained: Set<number>;
  settingValue: number | null;
  restoredBaseline: Set<string>;
  notesSinceRestore: Map<number, string>;
  createdVaults: { dir: string; recoveryKey: string }[];
  template: string;
  templateNotes: string[];
  /** receive: the handover payload's file, its row count per (non-reference) table, the bundles reported imported. */
  payloadFile: string;
  payloadCounts: Record<string, number>;
  received: Set<string>;
}

async function setUpVault(m: Mount, dir: string): Promise<{ recoveryKey: string }> {
  const t = await createTestVault({ dir, create: false });
  const { recoveryKey } = await t.call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
  t.ctx.vault.lock();
  flushAll(m);
  return { recoveryKey };
}

/** An older vault: a current one with its last two migrations taken back out (0012 builds an index over existing data). */
async function olderVaultTemplate(root: string): Promise<{ dir: string; recoveryKey: string; notes: string[] }> {
  const dir = join(root, 'older', 'vault');
  const t = await createTestVault({ dir, create: false });
  const { recoveryKey } = await t.call<{ recoveryKey: string }>('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: OWNER });
  const notes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const c = await t.call<{ id: number }>('cases.open', { person: { firstName: 'Bo', lastName: `Ældregård-${i}`, birthDate: '2010-02-02' }, level: 2, reason: 'Bekymring', openedOn: '2026-01-05' });
    const text = `Notat fra den ældre version ${i}`;
    await t.call('cases.addNote', { caseId: c.id, text });
    notes.push(text);
  }
  const sqlite = t.ctx.vault.current.sqlite;
  // Taken back out, newest first: what migrations 0028-0012 added, so the vault is as 0011 left it.
  const keep = migrations.findIndex((m) => m.tag === '0012_case_search');
  expect(migrations.slice(keep).map((m) => m.tag)).toEqual([
    '0012_case_search', '0013_case_events_by_kind', '0014_default_efforts', '0015_import_mappings', '0016_first_class_actions', '0017_privacy_levels',
    '0018_exit_courses_youth_groups', '0019_district_areas', '0020_case_district_history', '0021_case_last_activity', '0022_handover_identity_colleagues_log',
    '0023_handover_state', '0024_overview_indexes_exit_follow_up', '0025_district_unrest_log',
    '0026_overview_birthday_covering_indexes', '0027_report_timeline_covering_indexes', '0028_open_case_date_counts',
  ]);
  for (const { name } of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'open_case_date_counts_%'`).all() as { name: string }[]) sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.exec('DROP TABLE open_case_date_counts');
  sqlite.exec(`DROP INDEX people_report_idx;
    DROP INDEX cases_person_idx; CREATE INDEX cases_person_idx ON cases (person_id);
    DROP INDEX status_changes_case_idx; CREATE INDEX status_changes_case_idx ON case_status_changes (case_id, changed_on);
    DROP INDEX level_changes_case_idx; CREATE INDEX level_changes_case_idx ON case_level_changes (case_id, changed_on);
    DROP INDEX events_kind_date_idx; CREATE INDEX events_kind_date_idx ON case_events (kind, occurred_on);`);
  sqlite.exec('DROP INDEX cases_open_person_cover_idx; DROP INDEX people_birth_name_idx; CREATE INDEX people_birth_idx ON people (birth_date);');
  sqlite.exec('DROP TABLE district_unrest_entries');
  sqlite.exec('DROP INDEX cases_open_coordinator_review_idx; DROP INDEX cases_open_coordinator_activity_idx; ALTER TABLE exit_courses DROP COLUMN follow_up_recorded_on;');
  for (const { name } of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'handover_lock_%'`).all() as { name: string }[]) sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.exec('DROP TABLE handover_imports; DROP TABLE handover_unlock; DROP TABLE case_handovers;');
  sqlite.exec('DROP TABLE handover_log; DROP TABLE handover_identity; DROP TABLE handover_colleagues;');
  for (const { name } of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_activity_after_%'`).all() as { name: string }[]) sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.exec('DROP INDEX cases_active_activity_idx; ALTER TABLE cases DROP COLUMN last_activity_on;');
  sqlite.exec('DROP TABLE case_district_changes');
  sqlite.exec('DROP INDEX districts_code_unique; ALTER TABLE districts DROP COLUMN code; ALTER TABLE districts DROP COLUMN areas;');
  sqlite.exec('DROP INDEX agenda_one_group_per_meeting; ALTER TABLE meeting_agenda_items DROP COLUMN group_id;');
  sqlite.exec('DROP TABLE youth_group_members; DROP TABLE youth_groups; DROP TABLE exit_courses;');
  sqlite.exec('ALTER TABLE meetings DROP COLUMN privacy_level; ALTER TABLE forums DROP COLUMN privacy_level;');
  sqlite.exec('DROP INDEX actions_open_deadline_idx; DROP TABLE case_actions;');
  for (const c of ['status', 'closed_on', 'drop_reason']) sqlite.exec(`ALTER TABLE meeting_actions DROP COLUMN ${c}`);
  for (const c of ['status', 'dropped_on', 'drop_reason']) sqlite.exec(`ALTER TABLE release_action_items DROP COLUMN ${c}`);
  sqlite.exec('DROP TABLE import_mappings');
  sqlite.exec("DELETE FROM efforts WHERE name IN ('Exit', 'Københavnerteamet', '18+ center', 'Fritidsjob med mentor')");
  sqlite.exec('DROP INDEX IF EXISTS events_case_kind_idx');
  for (const { name } of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%case_search%'`).all() as { name: string }[]) sqlite.exec(`DROP TRIGGER "${name}"`);
  sqlite.exec('DROP TABLE case_search');
  sqlite.prepare('DELETE FROM __ssp_migrations WHERE idx >= ?').run(migrations[keep]!.idx);
  t.ctx.vault.lock();
  return { dir, recoveryKey, notes };
}

/** Copy a vault folder onto the mount, durably (set-up, not under test). */
function copyVault(m: Mount, from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) writeFileSync(join(to, name), readFileSync(join(from, name)), { mode: 0o600 });
  flushAll(m);
}

describe('power cuts (LazyFS)', () => {
  let m: Mount;
  let bundle: string;
  let root: string;

  beforeAll(async () => {
    m = mountLazyFs();
    bundle = await bundleChild();
    root = tempDir('ssp-powercut-');
  }, 300_000);

  afterAll(() => {
    if (m) unmount(m);
    rmSync(root, { recursive: true, force: true });
    if (bundle) rmSync(bundle, { force: true });
  });

  it('a restore reported done survives a power cut right after it (restore-then-cut)', async () => {
    const dir = join(m.mnt, 'restore-then-cut', 'vault');
    const { recoveryKey } = await setUpVault(m, dir);
    const v = new Vault(dir, { kdf: TEST_KDF });
    await v.unlock('passphrase', PASSPHRASE);
    mkdirSync(join(dirname(dir), 'backups'), { recursive: true });
    createBackup(v, join(dirname(dir), 'backups', BACKUP_NAME));
    v.lock();
    flushAll(m);
    const child = spawnChild(bundle, 'restore', dir, 1, { PC_PASSPHRASE: PASSPHRASE, PC_BACKUP: BACKUP_NAME });
    await child.loaded;
    child.proc.stdin.write('go\n');
    const until = Date.now() + 60_000;
    while (!child.lines.some((l) => l.t === 'commit' && l.op === 'restore') && Date.now() < until && child.proc.exitCode === null) await sleep(2);
    child.proc.kill('SIGKILL');
    await child.closed;
    expect(child.lines.some((l) => l.t === 'commit' && l.op === 'restore'), `${child.stderr()} ${JSON.stringify(child.lines.slice(-3))}`).toBe(true);
    cutPower(m);
    await openAfterCut(dir, [PASSPHRASE], recoveryKey, () => {});
  }, 120_000);

  it(`survives ${CUTS} power cuts across ${PATHS.length} write paths`, async () => {
    console.log(`powercut: seed ${SEED} (POWERCUT_SEED repeats the choices), ${CUTS} cuts`);
    const started = Date.now();
    const template = await olderVaultTemplate(root);
    const states = new Map<PathName, PathState>();
    for (const path of PATHS) {
      const dir = join(m.mnt, path, 'vault');
      const st: PathState = {
        dir, recoveryKey: '', passphrase: PASSPHRASE, notes: new Map(), cases: new Set(), levels: new Map(), imported: 0, backups: [], retained: new Set(),
        settingValue: null, restoredBaseline: new Set(), notesSinceRestore: new Map(), createdVaults: [], template: template.dir, templateNotes: template.notes,
        payloadFile: '', payloadCounts: {}, received: new Set(),
      };
      if (path === 'receive') Object.assign(st, await handoverPayloadFile(root));
      if (path === 'create') mkdirSync(join(m.mnt, 'create'), { recursive: true });
      else if (path !== 'migration') st.recoveryKey = (await setUpVault(m, dir)).recoveryKey;
      if (path === 'restore') {
        const t = await createTestVault({ dir, create: false });
        await t.call('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });
        const cs = await t.call<{ id: number }>('cases.open', { person: { firstName: 'Åse', lastName: 'Kopigård', birthDate: '2011-04-03' }, level: 1, reason: 'Bekymring', openedOn: '2026-01-05' });
        await t.call('cases.addNote', { caseId: cs.id, text: 'Med i sikkerhedskopien' });
        mkdirSync(t.ctx.backupDir, { recursive: true });
        createBackup(t.ctx.vault, join(t.ctx.backupDir, BACKUP_NAME));
        await t.call('cases.addNote', { caseId: cs.id, text: 'Efter sikkerhedskopien' });
        t.ctx.vault.lock();
        st.restoredBaseline = new Set([sha('Med i sikkerhedskopien')]);
        flushAll(m);
      }
      states.set(path, st);
    }
    const figures: Record<string, Figures> = Object.fromEntries(PATHS.map((p) => [p, { cuts: 0, writesVerified: 0, inFlightKept: 0, inFlightGone: 0, lost: 0, unopenable: 0 }]));

    for (let k = 0; k < CUTS; k++) {
      const path = PATHS[k % PATHS.length]!;
      const st = states.get(path)!;
      const f = figures[path]!;
      let dir = st.dir;
      if (path === 'migration') {
        dir = join(m.mnt, 'migration', `vault-${k}`);
        copyVault(m, st.template, dir);
        st.recoveryKey = template.recoveryKey;
        st.notes = new Map();
      }
      const env: Record<string, string> = { PC_PASSPHRASE: st.passphrase, PC_NEXT: st.passphrase === PASSPHRASE ? OTHER_PASSPHRASE : PASSPHRASE, PC_BACKUP: BACKUP_NAME, PC_PAYLOAD: st.payloadFile };
      const maxMs = path === 'create' || path === 'import' || path === 'restore' || path === 'receive' ? 600 : 300;
      const lines = await runAndCut(m, bundle, path, path === 'create' ? join(m.mnt, 'create') : dir, SEED + k, env, maxMs);
      f.cuts++;
      const commits = lines.filter((l) => l.t === 'commit');
      const flight = inFlight(lines);
      try {
        await verifyPath(path, st, dir, lines, commits, flight, f);
      } catch (e) {
        throw new Error(`cut ${k + 1} (${path}, in flight: ${flight?.op ?? 'none'}): ${(e as Error).message}`);
      }
      if ((k + 1) % 50 === 0) console.log(`powercut: ${k + 1} cuts, ${Math.round((Date.now() - started) / 1000)} s`);
    }
    // Every vault created across the run still opens.
    for (const c of states.get('create')!.createdVaults) await openAfterCut(c.dir, [PASSPHRASE], c.recoveryKey, () => {});
    const total = Object.values(figures).reduce((a, f) => ({ cuts: a.cuts + f.cuts, writes: a.writes + f.writesVerified, lost: a.lost + f.lost, unopenable: a.unopenable + f.unopenable }), { cuts: 0, writes: 0, lost: 0, unopenable: 0 });
    console.log(
      `powercut: ${total.cuts} cuts survived, ${total.writes} committed writes verified, lost: ${total.lost}, unopenable: ${total.unopenable}; per path: ` +
        PATHS.map((p) => `${p} ${figures[p]!.cuts} cuts/${figures[p]!.writesVerified} writes (in flight kept ${figures[p]!.inFlightKept}, gone ${figures[p]!.inFlightGone})`).join('; ') +
        `; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(total.cuts).toBe(CUTS);
    expect(total.lost).toBe(0);
    expect(total.unopenable).toBe(0);
    for (const p of PATHS) if (CUTS >= PATHS.length * 3) expect(figures[p]!.writesVerified, `${p} verified some writes`).toBeGreaterThan(0);
  }, 3_600_000);
});

async function verifyPath(path: PathName, st: PathState, dir: string, lines: Line[], commits: Line[], flight: Line | null, f: Figures): Promise<void> {
  const noteShas = (sqlite: Sqlite) => new Map((sqlite.prepare('SELECT id, text FROM case_notes').all() as { id: number; text: string }[]).map((n) => [n.id, sha(n.text)]));
  const expectNotes = (sqlite: Sqlite, expected: Map<number, string>) => {
    const present = noteShas(sqlite);
    for (const [id, h] of expected) {
      if (present.get(id) !== h) {
        f.lost++;
        expect.fail(`note ${id} reported saved is missing or changed`);
      }
    }
    f.writesVerified += expected.size;
  };
  const recordNotes = (into: Map<number, string>) => {
    for (const c of commits) if (c.op === 'note') into.set(c.noteId as number, c.textSha as string);
  };
  const open = async (check: (s: Sqlite) => void, passphrases = [st.passphrase]) => {
    try {
      return await openAfterCut(dir, passphrases, st.recoveryKey, check);
    } catch (e) {
      if (!/reported saved|ledger/.test((e as Error).message)) f.unopenable++;
      throw e;
    }
  };
  switch (path) {
    case 'writes': {
      recordNotes(st.notes);
      for (const c of commits) {
        if (c.op === 'open') st.cases.add(c.caseId as number);
        if (c.op === 'level') st.levels.set(c.levelChangeId as number, c.level as number);
      }
      await open((s) => {
        expectNotes(s, st.notes);
        const cases = new Set((s.prepare('SELECT id FROM cases').pluck().all() as number[]));
        for (const id of st.cases) if (!cases.has(id)) {
          f.lost++;
          expect.fail(`case ${id} reported saved is missing`);
        }
        const levels = new Map((s.prepare('SELECT id, level FROM case_level_changes').all() as { id: number; level: number }[]).map((l) => [l.id, l.level]));
        for (const [id, level] of st.levels) if (levels.get(id) !== level) {
          f.lost++;
          expect.fail(`level change ${id} missing`);
        }
        f.writesVerified += st.cases.size + st.levels.size;
        // Nothing half-done: every case agrees with its histories and has its audit entry.
        const bad = s.prepare(`SELECT count(*) FROM cases c WHERE c.level IS NOT (SELECT l.level FROM case_level_changes l WHERE l.case_id = c.id ORDER BY l.changed_on DESC, l.id DESC LIMIT 1)
          OR NOT EXISTS (SELECT 1 FROM case_status_changes x WHERE x.case_id = c.id AND x.kind = 'opened')
          OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'case' AND a.action = 'create' AND a.entity_id = c.id)`).pluck().get();
        expect(bad).toBe(0);
        expect(s.prepare(`SELECT count(*) FROM case_notes n WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'case_note' AND a.entity_id = n.id)`).pluck().get()).toBe(0);
      });
      if (flight) f.inFlightGone++;
      break;
    }
    case 'import': {
      const committedRows = commits.filter((c) => c.op === 'import').reduce((a, c) => a + (c.imported as number), 0);
      const rowsLines = lines.filter((l) => l.t === 'rows');
      const flightRows = flight?.op === 'import' ? (rowsLines.at(-1)!.n as number) : 0;
      st.imported += committedRows;
      await open((s) => {
        const n = s.prepare('SELECT count(*) FROM cases').pluck().get() as number;
        // All rows of the import in flight or none of them.
        if (n === st.imported + flightRows && flightRows > 0) {
          st.imported = n;
          f.inFlightKept++;
        } else {
          if (n < st.imported) f.lost++;
          expect(n, `cases after the cut: ${st.imported} imported and reported, ${flightRows} in flight`).toBe(st.imported);
          if (flightRows) f.inFlightGone++;
        }
        f.writesVerified += commits.filter((c) => c.op === 'import').length;
      });
      break;
    }
    case 'create': {
      for (const c of commits) st.createdVaults.push({ dir: c.dir as string, recoveryKey: c.recoveryKey as string });
      for (const c of commits) await openAfterCut(c.dir as string, [PASSPHRASE], c.recoveryKey as string, () => {});
      f.writesVerified += commits.length;
      const dirs = lines.filter((l) => l.t === 'dir');
      const last = dirs.at(-1)?.dir as string | undefined;
      if (last && !commits.some((c) => c.dir === last)) {
        // The create in flight: after start-up recovery, no vault and nothing left, or a whole vault.
        const v = new Vault(last, { kdf: TEST_KDF });
        if (v.state() === 'none') {
          v.recover();
          v.releaseLock();
          expectNoLeftovers(last);
          expect(existsSync(last)).toBe(false);
          f.inFlightGone++;
        } else {
          await v.unlock('passphrase', PASSPHRASE);
          expect(v.current.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
          v.lock();
          expectNoLeftovers(last);
          f.inFlightKept++;
        }
      }
      break;
    }
    case 'passphrase': {
      const last = commits.filter((c) => c.op === 'passphrase').at(-1);
      if (last) st.passphrase = last.passphrase as string;
      const next = lines.filter((l) => l.t === 'next').at(-1)?.passphrase as string | undefined;
      const candidates = flight?.op === 'passphrase' && next ? [st.passphrase, next] : [st.passphrase];
      const used = await open(() => {}, candidates);
      if (flight?.op === 'passphrase') {
        if (used === st.passphrase) f.inFlightGone++;
        else f.inFlightKept++;
      }
      st.passphrase = used;
      f.writesVerified += commits.length;
      break;
    }
    case 'backup': {
      for (const c of commits) st.backups.push(c.fileName as string);
      await open(() => {});
      const folder = join(dirname(dir), 'backups');
      // What an interrupted backup left is removed before the next backup (createBackup).
      removeBackupLeftovers(folder);
      if (existsSync(folder)) expect(readdirSync(folder).filter((n) => !/^ssp-desk-backup-.*\.sspbak$/.test(n))).toEqual([]);
      for (const name of commits.map((c) => c.fileName as string)) {
        const parsed = readBackupFile(join(folder, name));
        expect(parsed.manifest.format).toBe('ssp-desk-backup');
      }
      f.writesVerified += commits.length;
      if (flight) f.inFlightGone++;
      break;
    }
    case 'restore': {
      let restoredHere = false;
      for (const c of commits) {
        if (c.op === 'restore') {
          restoredHere = true;
          st.notesSinceRestore = new Map();
        }
        if (c.op === 'note') st.notesSinceRestore.set(c.noteId as number, c.textSha as string);
      }
      await open((s) => {
        const present = new Set(noteShas(s).values());
        for (const h of st.restoredBaseline) expect(present.has(h), 'the backup\'s notes are there').toBe(true);
        const exactlyRestored = present.size === st.restoredBaseline.size;
        if (flight?.op === 'restore' && exactlyRestored) {
          // The restore in flight finished (start-up recovery completes a swap that was in place).
          st.notesSinceRestore = new Map();
          f.inFlightKept++;
        } else {
          expectNotes(s, st.notesSinceRestore);
          if (flight?.op === 'restore') f.inFlightGone++;
        }
      });
      f.writesVerified += restoredHere ? 1 : 0;
      break;
    }
    case 'retention': {
      recordNotes(st.notes);
      for (const c of commits) if (c.op === 'retention') st.retained.add(c.caseId as number);
      await open((s) => {
        for (const id of st.retained) {
          const row = s.prepare('SELECT c.anonymised_at AS a, p.first_name AS fn FROM cases c JOIN people p ON p.id = c.person_id WHERE c.id = ?').get(id) as { a: string | null; fn: string } | undefined;
          if (!row || row.a === null || row.fn !== '') {
            f.lost++;
            expect.fail(`retention of case ${id} reported done is not`);
          }
        }
        // Nothing half-done: an anonymised case has no notes and an anonymised person; one audit entry each.
        expect(s.prepare(`SELECT count(*) FROM cases c WHERE c.anonymised_at IS NOT NULL AND (EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = c.id) OR (SELECT first_name FROM people p WHERE p.id = c.person_id) <> '')`).pluck().get()).toBe(0);
        expect(s.prepare(`SELECT count(*) FROM audit_log WHERE entity = 'retention' AND action = 'delete'`).pluck().get()).toBe(s.prepare('SELECT count(*) FROM cases WHERE anonymised_at IS NOT NULL').pluck().get());
        f.writesVerified += st.retained.size;
      });
      break;
    }
    case 'migration': {
      recordNotes(st.notes);
      await open((s) => {
        expect(s.prepare('SELECT count(*) FROM __ssp_migrations').pluck().get()).toBe(migrations.length);
        const texts = new Set(s.prepare('SELECT text FROM case_notes').pluck().all() as string[]);
        for (const t of st.templateNotes) expect(texts.has(t), 'the older vault\'s notes are kept').toBe(true);
        // The search index that 0012 built over the existing cases is complete.
        expect(s.prepare(`SELECT count(*) FROM cases WHERE id NOT IN (SELECT rowid FROM case_search)`).pluck().get()).toBe(0);
        expectNotes(s, st.notes);
      });
      f.writesVerified += commits.some((c) => c.op === 'migrated') ? 1 : 0;
      break;
    }
    case 'receive': {
      for (const c of commits) if (c.op === 'receive') st.received.add(c.bundleId as string);
      const flightBundle = flight?.op === 'receive' ? (lines.filter((l) => l.t === 'bundle').at(-1)!.bundleId as string) : null;
      await open((s) => {
        const imported = new Set(s.prepare('SELECT bundle_id FROM handover_imports').pluck().all() as string[]);
        for (const b of st.received) if (!imported.has(b)) {
          f.lost++;
          expect.fail(`bundle ${b} reported received is missing`);
        }
        if (flightBundle !== null) {
          if (imported.has(flightBundle)) {
            st.received.add(flightBundle);
            f.inFlightKept++;
          } else f.inFlightGone++;
        }
        expect(imported.size).toBe(st.received.size);
        expectWholePeople(s, imported.size, st.payloadCounts);
        f.writesVerified += commits.length;
      });
      break;
    }
    case 'settings': {
      const last = commits.filter((c) => c.op === 'settings').at(-1);
      if (last) st.settingValue = last.value as number;
      const flightValue = flight?.op === 'settings' ? (lines.filter((l) => l.t === 'value').at(-1)!.value as number) : null;
      await open((s) => {
        const row = s.prepare(`SELECT value FROM settings WHERE key = 'backupReminderDays'`).get() as { value: string } | undefined;
        const value = row ? Number(JSON.parse(row.value)) : null;
        if (flightValue !== null && value === flightValue && value !== st.settingValue) {
          st.settingValue = value;
          f.inFlightKept++;
        } else {
          if (value !== st.settingValue) f.lost++;
          expect(value).toBe(st.settingValue);
          if (flightValue !== null) f.inFlightGone++;
        }
        f.writesVerified += commits.length;
      });
      break;
    }
  }
}

