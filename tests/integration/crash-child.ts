/**
 * The child process of the crash test (crash.test.ts). It unlocks a real vault and makes realistic
 * writes through the real dispatcher until the parent kills it with SIGKILL. After every call that
 * the dispatcher reported as committed it writes one JSON line to stdout (a synchronous write to
 * fd 1, so the line is in the pipe before the next call starts):
 *
 *   {"t":"intent","seq":7,"op":"note"}           before the call
 *   {"t":"commit","seq":7,"op":"note",...ids}    after { ok: true }
 *   {"t":"refused","seq":7,"op":"note","code"}   after { ok: false } (an expected rule, or a bug)
 *
 * The parent checks that every committed write is in the vault after the kill, and that nothing
 * but the one call in flight (the last intent without a commit) left rows behind.
 *
 * Protocol: started with the vault folder as argv[2] and a seed as argv[3], the passphrase in the
 * environment (CRASH_PASSPHRASE). It loads its modules, prints {"t":"loaded"}, and waits for one
 * line on stdin before unlocking, so the parent can verify the vault while the next child loads.
 *
 * Run by the parent as a bundle (`node child.mjs`, built with esbuild) because tsx's start-up
 * dominated the run; `node --import tsx tests/integration/crash-child.ts DIR SEED` works as well.
 */
import { createHash } from 'node:crypto';
import { readSync, writeSync } from 'node:fs';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { todayOf } from '../../src/main/core/clock';
import { CLOSING_REASON_CODES, EVENT_KIND_CODES, OFFENCE_CATEGORY_CODES } from '../../src/shared/cases/levels';
import type { CaseDetail, CaseRow } from '../../src/shared/cases/contract';
import type { Result } from '../../src/shared/contract';

const [vaultDir, seedArg] = process.argv.slice(2);
const passphrase = process.env.CRASH_PASSPHRASE ?? '';
if (!vaultDir || !passphrase) {
  process.stderr.write('usage: crash-child VAULT_DIR SEED (passphrase in CRASH_PASSPHRASE)\n');
  process.exit(64);
}

const emit = (line: Record<string, unknown>) => {
  writeSync(1, `${JSON.stringify(line)}\n`);
};

// Deterministic choices per seed (timing still differs from run to run).
let state = Number(seedArg ?? 1) >>> 0 || 1;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const FIRST = ['Åse', 'Søren', 'Ærling', 'Mølle', 'Jørgen', 'Bjørk', 'Frederikke', 'Øjvind', 'Mads', 'Aïcha', 'Ida-Marie', 'Nør'];
const LAST = ['Prøvegård', 'Østergård', 'Ærøskøbing', 'Hansen', 'Blåbær', 'Sø-Jensen', 'Kær', 'Lund'];
const WORDS = ['samtale', 'skolen', 'forældre', 'bekymring', 'klub', 'politiet', 'aftale', 'opfølgning', 'Ærø', 'Østerbro', 'møde', 'fravær', '"citat"', "l'eau", '💬', '\t'];
// Starts with a word, so no text is blank after trimming (the contract refuses blank text).
const sentence = (n: number) => ['Sag', ...Array.from({ length: n }, () => pick(WORDS))].join(' ');
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

async function main() {
  emit({ t: 'loaded' });
  // Wait for the parent's go (one line on stdin).
  const buf = Buffer.alloc(64);
  readSync(0, buf, 0, buf.length, null);

  const ctx = createAppContext({ vaultDir: vaultDir!, kdf: TEST_KDF, validateOutput: true });
  const dispatch = createDispatcher(ctx);
  const call = async <T>(name: string, input: unknown) => (await dispatch(name, input)) as Result<T>;

  const unlocked = await call('vault.unlock', { method: 'passphrase', secret: passphrase });
  if (!unlocked.ok) {
    emit({ t: 'fatal', where: 'unlock', code: unlocked.error.code });
    process.exit(3);
  }
  // Cases to work on: the most recently opened ones from earlier children, and our own.
  const listed = await call<{ rows: CaseRow[] }>('cases.list', { status: 'all', sort: 'caseNumber', direction: 'desc', limit: 200 });
  if (!listed.ok) {
    emit({ t: 'fatal', where: 'list', code: listed.error.code });
    process.exit(3);
  }
  const known = new Map<number, 'open' | 'closed'>(listed.value.rows.map((r) => [r.id, r.status]));
  const withStatus = (s: 'open' | 'closed') => [...known].filter(([, st]) => st === s).map(([id]) => id);
  emit({ t: 'ready', cases: known.size });

  const today = () => todayOf(ctx.now());
  const maxId = (list: readonly { id: number }[]) => Math.max(...list.map((x) => x.id));

  for (let seq = 1; seq <= 5000; seq++) {
    const open = withStatus('open');
    const closed = withStatus('closed');
    const r = rand();
    let op: string;
    if (open.length < 3 || r < 0.18) op = 'open';
    else if (r < 0.36) op = 'level';
    else if (r < 0.56) op = 'event';
    else if (r < 0.84) op = 'note';
    else if (r < 0.91) op = 'close';
    else if (r < 0.97) op = closed.length ? 'reopen' : 'note';
    else op = 'relock';

    emit({ t: 'intent', seq, op });
    let res: Result<CaseDetail> | Result<unknown>;
    let commit: Record<string, unknown> = {};
    switch (op) {
      case 'open': {
        const firstName = pick(FIRST);
        const lastName = `${pick(LAST)}-${seq}`;
        const contact = { name: `${pick(FIRST)} ${lastName}`, relation: pick(['Mor', 'Far', 'Værge']), phone: String(int(20000000, 99999999)) };
        const level = int(1, 4);
        const reason = sentence(int(2, 6));
        res = await call<CaseDetail>('cases.open', {
          person: { firstName, lastName, birthDate: `${int(2008, 2014)}-0${int(1, 9)}-1${int(0, 9)}`, districtId: int(1, 10), school: `${pick(LAST)} Skole`, contacts: [contact] },
          level,
          reason,
          openedOn: today(),
          coordinator: pick(['K. Koordinator', 'Søs Sørensen']),
        });
        if (res.ok) {
          const c = res.value as CaseDetail;
          known.set(c.id, 'open');
          commit = {
            caseId: c.id, personId: c.person.id, firstName, lastName, level,
            levelChangeId: c.levelHistory[0]!.id, reasonSha: sha(reason.trim()), statusChangeId: c.statusHistory[0]!.id,
            contactIds: c.person.contacts.map((x) => x.id), contactName: contact.name,
          };
        }
        break;
      }
      case 'level': {
        const caseId = pick(open);
        const level = int(1, 4);
        const reason = sentence(int(2, 8));
        res = await call<CaseDetail>('cases.changeLevel', { caseId, level, changedOn: today(), reason });
        if (res.ok) commit = { caseId, level, levelChangeId: maxId((res.value as CaseDetail).levelHistory), reasonSha: sha(reason.trim()) };
        break;
      }
      case 'event': {
        const caseId = pick(open);
        const kind = pick(EVENT_KIND_CODES);
        const description = rand() < 0.8 ? sentence(int(1, 30)) : undefined;
        res = await call<CaseDetail>('cases.addEvent', {
          caseId, kind, occurredOn: today(), description,
          ...(kind === 'charge' ? { offenceCategory: pick(OFFENCE_CATEGORY_CODES) } : {}),
          ...(kind.startsWith('effort-') ? { effortId: int(1, 6) } : {}),
        });
        if (res.ok) commit = { caseId, kind, eventId: maxId((res.value as CaseDetail).events), descriptionSha: description?.trim() ? sha(description.trim()) : null };
        break;
      }
      case 'note': {
        const caseId = pick([...open, ...closed]);
        // Mostly short notes; some long enough to need overflow pages (a write spanning pages).
        const text = rand() < 0.12 ? sentence(int(800, 2500)) : `${sentence(int(3, 60))}\n${sentence(int(0, 20))}`;
        res = await call<CaseDetail>('cases.addNote', { caseId, text });
        if (res.ok) commit = { caseId, noteId: maxId((res.value as CaseDetail).notes), textSha: sha(text.trim()), length: text.trim().length };
        break;
      }
      case 'close': {
        const caseId = pick(open);
        res = await call<CaseDetail>('cases.close', { caseId, closedOn: today(), reason: pick(CLOSING_REASON_CODES) });
        if (res.ok) {
          known.set(caseId, 'closed');
          commit = { caseId, statusChangeId: maxId((res.value as CaseDetail).statusHistory) };
        }
        break;
      }
      case 'reopen': {
        const caseId = pick(closed);
        const level = rand() < 0.5 ? int(1, 4) : undefined;
        const reason = sentence(int(2, 6));
        res = await call<CaseDetail>('cases.reopen', { caseId, reopenedOn: today(), reason, ...(level ? { level } : {}) });
        if (res.ok) {
          const c = res.value as CaseDetail;
          known.set(caseId, 'open');
          commit = { caseId, statusChangeId: maxId(c.statusHistory), levelChangeId: maxId(c.levelHistory), reasonSha: sha(reason.trim()) };
        }
        break;
      }
      default: {
        // Lock (checkpoints the WAL into the database file) and unlock again, as auto-lock does.
        res = await call('vault.lock', {});
        if (res.ok) res = await call('vault.unlock', { method: 'passphrase', secret: passphrase });
        break;
      }
    }
    if (res.ok) emit({ t: 'commit', seq, op, ...commit });
    else emit({ t: 'refused', seq, op, code: res.error.code });
  }
  emit({ t: 'done' });
}

main().catch((e: unknown) => {
  emit({ t: 'fatal', where: 'main', kind: e instanceof Error ? e.name : typeof e });
  process.exit(3);
});
