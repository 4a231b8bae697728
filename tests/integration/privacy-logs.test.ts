import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, type AppContext } from '../../src/main/app-context';
import { createDispatcher, type Dispatch } from '../../src/main/modules';
import { createFileLogger, type Logger } from '../../src/main/core/log';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { operationNames, type Result } from '../../src/shared/contract';
import { contractExamples } from '../fixtures/contract-examples';
import { PASSPHRASE, tempDir } from './helpers';

/**
 * The support log and every other file the app writes (key file, backups, their manifests, the
 * logs, temp files left behind) hold no names, CPR numbers, phone numbers, schools or note text.
 * Known personal strings go through every write operation of the contract, failing calls
 * included, and then every file under the app's folders is searched for them as UTF-8 and as
 * UTF-16LE. The encrypted database and its WAL are searched too: they must not hold plaintext either.
 */

// Personal values, distinctive enough that a hit is ours. Some are plain ASCII on purpose: the
// logger's sanitizer lets short ASCII tokens through, so only the callers can keep them out.
const FIRST = 'Sørine';
const LAST = 'Kræmmergård';
const ASCII_LAST = 'Quistorff';
const CPR = '070809-4321';
const CPR_DIGITS = '0708094321';
const PHONE = '28449137';
const SCHOOL = 'Ørnehøjskolen';
const CONTACT = 'Mormor Æbeltoft';
const NOTE = 'Mistanke om hæleri ved Valby Station';
const REASON = 'Sigtet for røveri på Enghave Plads';
const EVENT = 'Anholdt med tyvekoster fra Fields';
const COORDINATOR = 'Birthe Zenobia Lykkegaard';
const WRONG_SECRET = `${LAST}-${CPR}-forkert`;

const NEEDLES = [FIRST, LAST, ASCII_LAST, CPR, CPR_DIGITS, PHONE, SCHOOL, CONTACT, NOTE, REASON, EVENT, COORDINATOR, WRONG_SECRET, 'Zenobia', 'Ørnehøj', 'hæleri', 'røveri', 'tyvekoster'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Every needle found in a file, as UTF-8 or UTF-16LE, case-insensitively for the letters. */
function leaks(file: string): string[] {
  const bytes = readFileSync(file);
  const found: string[] = [];
  for (const needle of NEEDLES) {
    for (const variant of new Set([needle, needle.toLowerCase(), needle.toUpperCase()])) {
      if (bytes.includes(Buffer.from(variant, 'utf8'))) found.push(`${needle} (utf8)`);
      if (bytes.includes(Buffer.from(variant, 'utf16le'))) found.push(`${needle} (utf16le)`);
    }
  }
  return found;
}

function scan(root: string) {
  const files = filesUnder(root);
  return { files: files.map((f) => f.slice(root.length + 1)), found: files.map((f) => ({ file: f.slice(root.length + 1), leaks: leaks(f) })).filter((x) => x.leaks.length) };
}

/** Every string leaf of a value replaced by `text`: the example's shape, full of personal data. */
function withText(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((v) => withText(v, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withText(v, text)]));
  return value;
}

/** Logs to two files: one large (nothing rotated away before the scan) and one rotating small. */
function teeLogger(a: Logger, b: Logger): Logger {
  return {
    info: (e, d) => (a.info(e, d), b.info(e, d)),
    warn: (e, d) => (a.warn(e, d), b.warn(e, d)),
    error: (e, d) => (a.error(e, d), b.error(e, d)),
  };
}

describe('no personal data in the logs or in any file outside the encrypted database', () => {
  let root: string;
  let ctx: AppContext;
  let dispatch: Dispatch;
  const outcomes: Record<string, number> = {};
  const calls: string[] = [];
  const rotatingMax = 300;
  let whileOpen: { files: string[]; found: { file: string; leaks: string[] }[] };

  const send = async (name: string, input: unknown): Promise<Result<unknown>> => {
    const r = (await dispatch(name, input)) as Result<unknown>;
    const key = r.ok ? 'ok' : r.error.code;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
    calls.push(name);
    return r;
  };
  const must = async <T,>(name: string, input: unknown): Promise<T> => {
    const r = await send(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value as T;
  };

  let clock = Date.parse('2026-03-15T09:30:00Z');
  beforeAll(async () => {
    root = tempDir('ssp-privacy-');
    const log = teeLogger(createFileLogger(join(root, 'logs'), { maxBytes: 64 * 1024 * 1024 }), createFileLogger(join(root, 'logs-rotating'), { maxBytes: rotatingMax, keep: 3 }));
    ctx = createAppContext({ vaultDir: join(root, 'vault'), backupDir: join(root, 'backups'), kdf: TEST_KDF, log, now: () => new Date(clock) });
    dispatch = createDispatcher(ctx);

    // Creating the vault with a personal owner name and area, then a wrong passphrase while locked.
    await must('vault.create', { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE, owner: { name: COORDINATOR, role: 'SSP-koordinator', area: `SSP ${SCHOOL}` } });
    await must('vault.lock', {});
    for (let i = 0; i < 2; i++) expect((await send('vault.unlock', { method: 'passphrase', secret: WRONG_SECRET })).ok).toBe(false);
    expect((await send('vault.unlock', { method: 'recovery', secret: `${CPR} ${LAST}` })).ok).toBe(false);
    expect(await send('vault.unlock', { method: 'passphrase', secret: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'THROTTLED' } });
    clock += 60_000;
    await must('vault.unlock', { method: 'passphrase', secret: PASSPHRASE });

    // The case register, every write with personal text.
    const person = { firstName: FIRST, lastName: LAST, cpr: CPR, school: SCHOOL, districtId: 1, contacts: [{ name: CONTACT, relation: 'Mormor', phone: PHONE }] };
    expect((await send('people.checkCpr', { cpr: CPR })).ok).toBe(true);
    const opened = await must<{ id: number; person: { id: number } }>('cases.open', { person, level: 3, reason: REASON, openedOn: '2026-03-01', coordinator: COORDINATOR, externalRef: CPR_DIGITS, forum: `Forum ${LAST}` });
    const caseId = opened.id;
    const personId = opened.person.id;
    await must('people.update', { personId, person: { ...person, lastName: `${LAST}-${ASCII_LAST}` } });
    await must('people.revealCpr', { personId });
    const other = await must<{ id: number }>('people.create', { firstName: ASCII_LAST, lastName: LAST, birthDate: '2010-05-05', school: SCHOOL, contacts: [{ name: CONTACT, relation: 'Far', phone: PHONE }] });
    await must('cases.update', { caseId, coordinator: COORDINATOR, forum: `Forum ${ASCII_LAST}`, nextReviewOn: '2026-06-01' });
    await must('cases.changeLevel', { caseId, level: 4, changedOn: '2026-03-10', reason: REASON, forum: `Ledergruppe ${LAST}` });
    await must('cases.addEvent', { caseId, kind: 'charge', occurredOn: '2026-03-11', offenceCategory: 'robbery', description: EVENT });
    await must('cases.addEvent', { caseId, kind: 'concern', occurredOn: '2026-03-12', description: `${NOTE} ${CPR}` });
    const withNote = await must<{ notes: { id: number }[] }>('cases.addNote', { caseId, text: `${NOTE}. Kontakt ${CONTACT} på ${PHONE}.` });
    await must('cases.addNote', { caseId, text: `Rettelse: ${NOTE}`, correctsNoteId: withNote.notes[0]!.id });
    await must('cases.get', { caseId });
    await must('cases.list', { search: LAST, coordinator: COORDINATOR, status: 'all' });
    await must('cases.close', { caseId, closedOn: '2026-03-13', reason: 'moved' });
    await must('cases.reopen', { caseId, reopenedOn: '2026-03-14', reason: REASON, level: 2 });
    await must('districts.save', { name: `Distrikt ${LAST}` });
    await must('efforts.save', { name: `Indsats ${ASCII_LAST}` });
    const csv = `fornavn,efternavn,cpr,foedselsdato,koen,bydel,niveau,oprettet,afsluttet,afslutningsaarsag,koordinator,sagsnummer\n${FIRST},${ASCII_LAST},,2011-02-03,K,Valby,2,2026-01-10,,,${COORDINATOR},\n`;
    await send('cases.import', { fileName: `${LAST}.csv`, format: 'csv', contentBase64: Buffer.from(csv).toString('base64') });
    const badCsv = `fornavn,efternavn,cpr\n${FIRST},${LAST},${CPR}-ugyldig\n`;
    await send('cases.import', { fileName: `${LAST}-fejl.csv`, format: 'csv', contentBase64: Buffer.from(badCsv).toString('base64') });

    // Settings, backups and their failures.
    await must('settings.update', { idleLockMinutes: 7, backupReminderDays: 3, retentionMonths: 30, reportThreshold: 5 });
    await must('backup.create', {});
    await send('backup.restore', { fileName: `${LAST}.sspbak`, method: 'passphrase', secret: WRONG_SECRET });
    const backups = await must<{ backups: { fileName: string }[] }>('backup.status', {});
    await send('backup.restore', { fileName: backups.backups[0]!.fileName, method: 'passphrase', secret: WRONG_SECRET });

    // Refused calls that carry personal data in every field: invalid input, rule violations,
    // unknown operations, and conflicts (the same CPR on another person).
    expect((await send('people.update', { personId: other.id, person: { ...person, firstName: ASCII_LAST } })).ok).toBe(false);
    expect((await send('cases.open', { person: { ...person, cpr: `${LAST} ${CPR}` }, level: 9, reason: REASON, openedOn: '2026-02-30' })).ok).toBe(false);
    expect((await send('cases.addNote', { caseId, text: NOTE, extra: `${CPR} ${LAST}` })).ok).toBe(false);
    expect((await send(`${LAST}.${CPR}`, { text: NOTE })).ok).toBe(false);
    expect((await send('cases.addNote', { caseId: 999_999, text: NOTE })).ok).toBe(false);
    expect((await send('vault.changePassphrase', { current: WRONG_SECRET, next: `${LAST}-${PHONE}-x`, nextConfirm: `${LAST}-${PHONE}-x` })).ok).toBe(false);
    expect((await send('vault.changePassphrase', { current: PASSPHRASE, next: `${LAST}-${PHONE}-a`, nextConfirm: `${LAST}-${PHONE}-b` })).ok).toBe(false);

    // Every operation of the contract, with personal text in every string of its example input.
    let secret = PASSPHRASE;
    for (const name of operationNames) {
      const example = contractExamples[name]!.input;
      for (const input of [withText(example, `${FIRST} ${LAST}`), withText(example, CPR), withText(example, `${NOTE} ${PHONE}`), example]) {
        const r = await send(name, input);
        if (r.ok && name === 'vault.changePassphrase') secret = (input as { next: string }).next;
        if (ctx.vault.state() !== 'unlocked') await must('vault.unlock', { method: 'passphrase', secret });
      }
    }

    // While unlocked, the WAL and shared-memory files are there too: scan them now.
    whileOpen = scan(root);

    // An unexpected failure inside a handler (the disk fills up while a note with personal text is written).
    const sqlite = ctx.vault.current.sqlite;
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    expect(await send('cases.addNote', { caseId, text: `${NOTE} `.repeat(500) })).toMatchObject({ ok: false, error: { code: 'IO_ERROR' } });
    await must('vault.lock', {});
    await must('vault.unlock', { method: 'passphrase', secret });
    await must('vault.lock', {});
  }, 180_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the scanner finds a planted string in either encoding (control)', () => {
    const planted = join(root, 'control.bin');
    for (const enc of ['utf8', 'utf16le'] as const) {
      writeFileSync(planted, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`x${CPR}y`, enc)]));
      expect(leaks(planted)).toContain(`${CPR} (${enc})`);
    }
    writeFileSync(planted, Buffer.from(LAST.toUpperCase(), 'utf16le'));
    expect(leaks(planted)).toContain(`${LAST} (utf16le)`);
    rmSync(planted);
  });

  it('went through every operation, with successes and refusals', () => {
    expect(new Set(calls)).toEqual(new Set([...operationNames, `${LAST}.${CPR}`]));
    expect(outcomes.ok).toBeGreaterThan(30);
    expect(outcomes.INVALID_INPUT).toBeGreaterThan(10);
    expect(outcomes.WRONG_PASSPHRASE).toBeGreaterThan(0);
    expect(outcomes.IO_ERROR).toBe(1);
    console.log(`privacy: ${calls.length} calls (${operationNames.length} operations), outcomes ${JSON.stringify(outcomes)}`);
  });

  it('the support log has entries, and none of them holds personal data', () => {
    const logFiles = filesUnder(join(root, 'logs'));
    expect(logFiles.map((f) => f.slice(root.length))).toEqual(['/logs/ssp-desk.log']);
    const lines = readFileSync(logFiles[0]!, 'utf8').trim().split('\n');
    const events = lines.map((l) => (JSON.parse(l) as { event: string }).event);
    for (const e of ['vault.created', 'vault.unlock_failed', 'vault.unlocked', 'vault.locked', 'backup.created', 'handler.io_error']) expect(events).toContain(e);
    for (const file of logFiles) expect(leaks(file), file).toEqual([]);
    console.log(`privacy: ${lines.length} log lines, no personal data`);
  });

  it('no file under the app folders holds personal data (logs, key file, backups, database, WAL, leftovers)', () => {
    const files = filesUnder(root);
    const names = files.map((f) => f.slice(root.length + 1));
    expect(names).toContain('vault/ssp-desk.keys');
    expect(names).toContain('vault/ssp-desk.db');
    expect(names.some((n) => /^backups\/ssp-desk-backup-.*\.sspbak$/.test(n))).toBe(true);
    // No temp files left behind by atomic writes or backups.
    expect(names.filter((n) => /\.tmp-|\.db$/.test(n) && n !== 'vault/ssp-desk.db')).toEqual([]);
    expect(scan(root).found).toEqual([]);
    expect(whileOpen.files).toContain('vault/ssp-desk.db-wal');
    // The vault's connection is in exclusive locking mode: the WAL index is in memory, no -shm file.
    expect(whileOpen.files).not.toContain('vault/ssp-desk.db-shm');
    expect(whileOpen.found).toEqual([]);
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(
      `privacy: scanned ${files.length} files after locking (${Math.round(bytes / 1024)} KiB) and ${whileOpen.files.length} while unlocked (with WAL) ` +
        `for ${NEEDLES.length} personal strings as UTF-8 and UTF-16LE: none found. Files: ${[...new Set([...names, ...whileOpen.files])].sort().join(', ')}`,
    );
  });

  it('rotates a log at maxBytes and keeps only the configured number of old files', () => {
    const dir = join(root, 'rotation');
    let i = 0;
    const log = createFileLogger(dir, { maxBytes: 1000, keep: 3, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    for (; i < 200; i++) log.info('rotation.test', { n: i });
    expect(readdirSync(dir).sort()).toEqual(['ssp-desk.log', 'ssp-desk.log.1', 'ssp-desk.log.2', 'ssp-desk.log.3']);
    const numbers = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { n: number }).n);
    const [current, one, two, three] = ['ssp-desk.log', 'ssp-desk.log.1', 'ssp-desk.log.2', 'ssp-desk.log.3'].map(numbers) as [number[], number[], number[], number[]];
    // Consecutive, newest last in the current file, nothing older than the third rotated file kept.
    expect([...three, ...two, ...one, ...current]).toEqual(Array.from({ length: 200 - three[0]! }, (_, k) => three[0]! + k));
    expect(current[current.length - 1]).toBe(199);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThan(1000 + 100);
  });

  it('the app log rotates on real traffic too', () => {
    const files = readdirSync(join(root, 'logs-rotating')).sort();
    expect(files).toEqual(['ssp-desk.log', 'ssp-desk.log.1', 'ssp-desk.log.2', 'ssp-desk.log.3']);
    for (const f of files) {
      const text = readFileSync(join(root, 'logs-rotating', f), 'utf8');
      // A file is rotated before the write that would start past the limit: at most one line over.
      const lines = text.trim().split('\n');
      expect(Buffer.byteLength(text) - Buffer.byteLength(lines[lines.length - 1]!) - 1).toBeLessThan(rotatingMax);
      for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    }
    // The newest entries are in the current file, the rotated ones are older.
    const lastOf = (f: string) => (JSON.parse(readFileSync(join(root, 'logs-rotating', f), 'utf8').trim().split('\n').pop()!) as { event: string }).event;
    expect(lastOf('ssp-desk.log')).toBe('vault.locked');
    const total = files.reduce((n, f) => n + statSync(join(root, 'logs-rotating', f)).size, 0);
    expect(total).toBeLessThan(4 * (rotatingMax + 300));
  });
});

