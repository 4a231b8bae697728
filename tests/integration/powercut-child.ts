/**
 * The writer of the power-cut harness (powercut.test.ts). Works on one path through the real
 * dispatcher on a vault inside LazyFS until the parent kills it; after every call the dispatcher
 * reported as committed it prints one JSON line (a synchronous write to fd 1):
 *
 *   {"t":"intent","op":...}  before a call     {"t":"commit","op":...,...}  after { ok: true }
 *   {"t":"refused","op":...,"code"}  after { ok: false }
 *
 * argv: PATH DIR SEED. Env: PC_PASSPHRASE (the current passphrase), PC_NEXT (passphrase path: the
 * other one), PC_BACKUP (restore path: the backup's file name), PC_PAYLOAD (receive path: a
 * handover payload's JSON file, issue 21; each import gets its own bundle id and a new surname,
 * no CPR number, so every import adds one whole person). Waits for one stdin line before
 * touching the vault, so it can load while the parent checks the previous cut.
 */
import { createHash } from 'node:crypto';
import { readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { todayOf } from '../../src/main/core/clock';
import { addYears } from '../../src/shared/core/dates';
import { buildImportCsv } from '../bench/importCsv';
import { readFileSync } from 'node:fs';
import { serviceCtx } from '../../src/main/core/service-context';
import { importPersonPayload, type HandoverPayload } from '../../src/main/handover/payload';
import type { Result } from '../../src/shared/contract';

const [path, dir, seedArg] = process.argv.slice(2);
let passphrase = process.env.PC_PASSPHRASE ?? '';
const OWNER = { name: 'Testa Koordinatorsen', role: 'SSP-koordinator', area: 'SSP Amager Vest' };
const emit = (line: Record<string, unknown>) => writeSync(1, `${JSON.stringify(line)}\n`);
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
let state = Number(seedArg ?? 1) >>> 0 || 1;
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

function context(vaultDir: string) {
  const ctx = createAppContext({ vaultDir, kdf: TEST_KDF, validateOutput: true });
  const dispatch = createDispatcher(ctx);
  const call = async <T>(name: string, input: unknown) => (await dispatch(name, input)) as Result<T>;
  return { ctx, call };
}

async function run(op: string, f: () => Promise<Result<unknown>>, commit: (v: never) => Record<string, unknown> = () => ({})): Promise<boolean> {
  emit({ t: 'intent', op });
  const r = await f();
  if (r.ok) emit({ t: 'commit', op, ...commit(r.value as never) });
  else emit({ t: 'refused', op, code: r.error.code });
  return r.ok;
}

async function main(): Promise<void> {
  emit({ t: 'loaded' });
  readSync(0, Buffer.alloc(64), 0, 64, null);
  if (path === 'create') {
    for (let i = 0; ; i++) {
      const vaultDir = join(dir!, `v-${seedArg}-${i}`);
      emit({ t: 'dir', dir: vaultDir });
      const { ctx, call } = context(vaultDir);
      await run('create', () => call('vault.create', { passphrase, passphraseConfirm: passphrase, owner: OWNER }), (v: { recoveryKey: string }) => ({ dir: vaultDir, recoveryKey: v.recoveryKey }));
      ctx.vault.lock();
    }
  }
  const { ctx, call } = context(dir!);
  const u = await call('vault.unlock', { method: 'passphrase', secret: passphrase });
  if (!u.ok) {
    emit({ t: 'fatal', where: 'unlock', code: u.error.code, message: u.error.message });
    process.exit(3);
  }
  emit({ t: 'ready' });
  const today = todayOf(ctx.now());
  const openCase = async (openedOn = today) => {
    let id = 0;
    await run('open', () => call('cases.open', { person: { firstName: 'Åse', lastName: `Strømsvigt-${int(1, 1e6)}`, birthDate: addYears(openedOn, -14) /* inside SSP's age scope on the opening day */ }, level: int(1, 4), reason: 'Bekymring', openedOn }), (v: { id: number; person: { id: number } }) => {
      id = v.id;
      return { caseId: v.id, personId: v.person.id };
    });
    return id;
  };
  const addNote = async (caseId: number) => {
    const text = `Notat ${int(1, 1e9)} ${'om samtalen på Østerbro '.repeat(int(1, rand() < 0.1 ? 400 : 20))}`.trim();
    await run('note', () => call('cases.addNote', { caseId, text }), (v: { notes: { id: number }[] }) => ({ caseId, noteId: Math.max(...v.notes.map((n) => n.id)), textSha: sha(text) }));
  };
  for (let i = 0; ; i++) {
    switch (path) {
      case 'writes': {
        const caseId = await openCase();
        for (let k = int(1, 6); k > 0; k--) {
          if (rand() < 0.7) await addNote(caseId);
          else {
            const level = int(1, 4);
            await run('level', () => call('cases.changeLevel', { caseId, level, changedOn: today, reason: 'Ny vurdering' }), (v: { level: number; levelHistory: { id: number }[] }) => ({ caseId, level: v.level, levelChangeId: Math.max(...v.levelHistory.map((l) => l.id)) }));
          }
        }
        break;
      }
      case 'import': {
        const rows = int(20, 80);
        const csv = buildImportCsv(ctx.vault.current.sqlite, rows, today, int(1, 1e9));
        emit({ t: 'rows', n: rows });
        await run('import', () => call('cases.import', { fileName: 'sager.csv', format: 'csv', contentBase64: csv.toString('base64') }), (v: { ok: boolean; imported?: number }) => ({ imported: v.ok ? v.imported : -1 }));
        break;
      }
      case 'passphrase': {
        const next = process.env[i % 2 === 0 ? 'PC_NEXT' : 'PC_PASSPHRASE']!;
        emit({ t: 'next', passphrase: next });
        const ok = await run('passphrase', () => call('vault.changePassphrase', { current: passphrase, next, nextConfirm: next }), () => ({ passphrase: next }));
        if (ok) passphrase = next;
        break;
      }
      case 'backup':
        await run('backup', () => call('backup.create', {}), (v: { fileName: string }) => ({ fileName: v.fileName }));
        break;
      case 'restore': {
        await run('restore', () => call('backup.restore', { fileName: process.env.PC_BACKUP, method: 'passphrase', secret: passphrase }));
        const caseId = (ctx.vault.current.sqlite.prepare('SELECT min(id) AS id FROM cases').get() as { id: number }).id;
        for (let k = int(0, 3); k > 0; k--) await addNote(caseId);
        break;
      }
      case 'retention': {
        const caseId = await openCase('2015-01-05');
        await run('close', () => call('cases.close', { caseId, closedOn: '2015-02-01', reason: 'concern-ended' }));
        await run('retention', () => call('retention.apply', { caseIds: [caseId], confirm: true }), () => ({ caseId }));
        break;
      }
      case 'receive': {
        // A handover bundle received (importPersonPayload: one transaction, every row of one person).
        const payload = JSON.parse(readFileSync(process.env.PC_PAYLOAD!, 'utf8')) as HandoverPayload;
        const person = payload.tables.people![0]!;
        const lastName = `Modtagersen-${int(1, 1e9)}`;
        Object.assign(person, { cpr: null, last_name: lastName, search_name: `${String(person.first_name).toLowerCase()} ${lastName.toLowerCase()}`, sort_name: lastName.toLowerCase() });
        const bundleId = `pc-${seedArg}-${i}-${int(1, 1e9)}`;
        emit({ t: 'bundle', bundleId });
        await run(
          'receive',
          async () => {
            try {
              return { ok: true, value: importPersonPayload(serviceCtx(ctx), payload, { bundleId, senderFingerprint: 'AAAA BBBB CCCC', districtId: null }) } as Result<unknown>;
            } catch (e) {
              return { ok: false, error: { code: (e as { code?: string }).code ?? 'INTERNAL', message: '' } } as Result<unknown>;
            }
          },
          (v: { personId: number }) => ({ bundleId, personId: v.personId }),
        );
        break;
      }
      case 'settings': {
        const value = int(1, 365);
        emit({ t: 'value', value });
        await run('settings', () => call('settings.update', { backupReminderDays: value }), () => ({ value }));
        break;
      }
      case 'migration': {
        // The unlock above ran the older vault's first migration; then ordinary writes.
        if (i === 0) emit({ t: 'commit', op: 'migrated' });
        const caseId = (ctx.vault.current.sqlite.prepare('SELECT min(id) AS id FROM cases').get() as { id: number }).id;
        await addNote(caseId);
        break;
      }
      default:
        throw new Error(`unknown path ${path}`);
    }
  }
}

main().catch((e: unknown) => {
  emit({ t: 'fatal', where: 'main', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  process.exit(3);
});
