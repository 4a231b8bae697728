import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { writeFileAtomicBytes } from './atomic';

/**
 * The one gate every secret check goes through: unlock (passphrase or recovery key), change
 * passphrase, restore from a backup, read-only opens for the CLI. Issue 15.
 *
 * - One check at a time: attempts queue behind each other, and each looks at the counter only
 *   when its turn comes, so 20 attempts sent at once cannot all be checked before the first miss
 *   is counted.
 * - The count of misses lives in a file beside the vault folder (`<folder>.throttle`), not in the
 *   database (which a restore would rewind) and not in memory (which a restart clears). The vault
 *   folder itself is swapped whole by a restore, so the file sits next to it.
 * - Tamper-evident: the file carries an HMAC under a random key in `<folder>.throttle-key`. A file
 *   that does not verify (edited by hand, key gone, unreadable) counts as TAMPER_FAILURES misses
 *   and is logged. Deleting both files resets the count: whoever can do that holds the files and
 *   can run scrypt without the app; the throttle is against guessing through the app.
 * - After FREE_MISSES misses each further miss doubles the wait: 1, 2, 4 ... up to MAX_WAIT_S.
 */
export const FREE_MISSES = 3;
export const MAX_WAIT_S = 300;
/** What an altered counter file is taken to hold: a five-minute wait. */
export const TAMPER_FAILURES = FREE_MISSES + 9;

const stateSchema = z
  .object({
    format: z.literal('ssp-desk-throttle'),
    version: z.literal(1),
    failures: z.number().int().nonnegative().max(1_000_000),
    lastFailureAt: z.number().int().nonnegative().nullable(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

interface State {
  failures: number;
  lastFailureAt: number | null;
}

export function throttleFiles(vaultDir: string) {
  const base = join(dirname(vaultDir), basename(vaultDir));
  return { state: `${base}.throttle`, key: `${base}.throttle-key` };
}

export function waitSeconds(failures: number): number {
  return failures >= FREE_MISSES ? Math.min(2 ** (failures - FREE_MISSES), MAX_WAIT_S) : 0;
}

export class SecretGate {
  private queue: Promise<unknown> = Promise.resolve();
  readonly files: ReturnType<typeof throttleFiles>;

  constructor(
    vaultDir: string,
    private readonly now: () => Date,
    private readonly onTamper: () => void = () => {},
  ) {
    this.files = throttleFiles(vaultDir);
  }

  private macKey(create: boolean): Buffer | null {
    if (existsSync(this.files.key)) {
      const key = readFileSync(this.files.key);
      return key.length === 32 ? key : null;
    }
    if (!create) return null;
    mkdirSync(dirname(this.files.key), { recursive: true });
    const key = randomBytes(32);
    writeFileAtomicBytes(this.files.key, key);
    return key;
  }

  private macOf(key: Buffer, s: State): string {
    return createHmac('sha256', key).update(`ssp-desk-throttle|v1|${s.failures}|${s.lastFailureAt ?? ''}`).digest('hex');
  }

  /** The counter as stored; an altered or unverifiable file reads as TAMPER_FAILURES misses now. */
  read(): State {
    if (!existsSync(this.files.state)) return { failures: 0, lastFailureAt: null };
    try {
      const parsed = stateSchema.parse(JSON.parse(readFileSync(this.files.state, 'utf8')));
      const key = this.macKey(false);
      const state = { failures: parsed.failures, lastFailureAt: parsed.lastFailureAt };
      if (key && timingSafeEqual(Buffer.from(this.macOf(key, state), 'hex'), Buffer.from(parsed.mac, 'hex'))) return state;
    } catch {
      // falls through: unreadable counts as tampered
    }
    this.onTamper();
    const state = { failures: TAMPER_FAILURES, lastFailureAt: this.now().getTime() };
    this.write(state);
    return state;
  }

  private write(s: State): void {
    if (s.failures === 0 && !existsSync(this.files.state)) return;
    const key = this.macKey(true)!;
    const body = { format: 'ssp-desk-throttle', version: 1, failures: s.failures, lastFailureAt: s.lastFailureAt, mac: this.macOf(key, s) };
    writeFileAtomicBytes(this.files.state, Buffer.from(`${JSON.stringify(body)}\n`, 'utf8'));
  }

  /** Seconds until another secret check is allowed (0 when allowed now). */
  retryAfterSeconds(): number {
    const s = this.read();
    if (s.lastFailureAt === null) return 0;
    const until = s.lastFailureAt + waitSeconds(s.failures) * 1000;
    return Math.max(0, Math.ceil((until - this.now().getTime()) / 1000));
  }

  /**
   * Run one secret check. `check` returns the result, or null when the secret does not fit: that
   * miss is counted (on disk, before the answer) and `wrong` is thrown. While a wait is running
   * nothing is derived and THROTTLED is thrown.
   */
  attempt<T>(check: () => Promise<T | null>, wrong: () => AppError): Promise<T> {
    const run = async (): Promise<T> => {
      const wait = this.retryAfterSeconds();
      if (wait > 0) {
        throw new AppError('THROTTLED', `For mange forkerte forsøg. Vent ${wait} ${wait === 1 ? 'sekund' : 'sekunder'}, og prøv igen.`);
      }
      const result = await check();
      const before = this.read();
      if (result === null) {
        this.write({ failures: before.failures + 1, lastFailureAt: this.now().getTime() });
        throw wrong();
      }
      if (before.failures > 0) this.write({ failures: 0, lastFailureAt: null });
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
