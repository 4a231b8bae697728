/**
 * The child of the kill tests (steps.test.ts): runs one multi-file operation through the real
 * dispatcher and kills itself with SIGKILL at the named step (src/main/core/durable.ts `step`), as
 * a crash at exactly that point would. Prints {"t":"done", ...} when the operation returned.
 *
 *   create DIR STEP | restore DIR BACKUP_FILE_NAME STEP | passphrase DIR NEW STEP
 * The passphrase comes in STEPS_PASSPHRASE. Run with `node --import tsx`.
 */
import { writeSync } from 'node:fs';
import { createAppContext } from '../../src/main/app-context';
import { createDispatcher } from '../../src/main/modules';
import { TEST_KDF } from '../../src/main/vault/kdf';
import { observeSteps } from '../../src/main/core/durable';
import type { Result } from '../../src/shared/contract';

const [mode, dir, a, b] = process.argv.slice(2);
const passphrase = process.env.STEPS_PASSPHRASE ?? '';
const target = mode === 'create' ? a : b;
const emit = (line: Record<string, unknown>) => writeSync(1, `${JSON.stringify(line)}\n`);
const seen: string[] = [];
observeSteps((name) => {
  seen.push(name);
  if (name === target) {
    emit({ t: 'killing', at: name });
    process.kill(process.pid, 'SIGKILL');
  }
});

async function main(): Promise<void> {
  const ctx = createAppContext({ vaultDir: dir!, kdf: TEST_KDF });
  const dispatch = createDispatcher(ctx);
  const call = async (name: string, input: unknown) => (await dispatch(name, input)) as Result<unknown>;
  let r: Result<unknown>;
  if (mode === 'create') {
    r = await call('vault.create', { passphrase, passphraseConfirm: passphrase, owner: { name: 'Testa Koordinatorsen', role: 'SSP-koordinator', area: 'SSP Amager Vest' } });
  } else {
    const u = await call('vault.unlock', { method: 'passphrase', secret: passphrase });
    if (!u.ok) throw new Error(u.error.code);
    r = mode === 'restore'
      ? await call('backup.restore', { fileName: a, method: 'passphrase', secret: passphrase })
      : await call('vault.changePassphrase', { current: passphrase, next: a, nextConfirm: a });
  }
  emit({ t: 'done', ok: r.ok, value: r.ok ? r.value : r.error, steps: seen });
  process.exit(0);
}
main().catch((e: unknown) => {
  emit({ t: 'fatal', message: e instanceof Error ? e.message : String(e) });
  process.exit(3);
});
