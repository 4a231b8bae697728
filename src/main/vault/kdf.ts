import { scrypt, type ScryptOptions } from 'node:crypto';

/**
 * Key derivation for vault key slots: scrypt (memory-hard, built into Node and Electron, so no
 * native add-on to rebuild). The parameters live in each slot so they can be raised later
 * without breaking existing vaults.
 */
export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** Tuned on the project machine (2 cores) to about 0.3-0.5 s per derivation; see BENCHMARKS.md. */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/** Cheap parameters for tests that create many vaults. Never used by the app or the CLI. */
export const TEST_KDF: KdfParams = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };

/**
 * Caps near the defaults (issue 15): a key file or backup is read before anything in it is
 * authenticated, so its parameters decide what one attempt costs. N may rise one step above the
 * default (room to raise it later), r and p not at all: at most 128 * 2^18 * 8 = 256 MiB and about
 * 1-2 s per derivation on the project machine. Anything else is refused before deriving.
 */
export const KDF_LIMITS = { minN: 2 ** 10, maxN: 2 ** 18, maxR: 8, maxP: 1 } as const;

export function validateKdfParams(p: KdfParams): boolean {
  return (
    p.name === 'scrypt' &&
    Number.isInteger(p.N) && p.N >= KDF_LIMITS.minN && p.N <= KDF_LIMITS.maxN && (p.N & (p.N - 1)) === 0 &&
    Number.isInteger(p.r) && p.r >= 1 && p.r <= KDF_LIMITS.maxR &&
    Number.isInteger(p.p) && p.p >= 1 && p.p <= KDF_LIMITS.maxP
  );
}

/**
 * Derive a 256-bit key. A string secret is turned into NFC UTF-8 bytes here and those bytes are
 * zeroed once scrypt is done; a Buffer secret is the caller's to zero. The caller zeroes the key.
 */
export function deriveKey(secret: string | Buffer, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 128 * params.N * params.r * params.p + 32 * 1024 * 1024,
  };
  const bytes = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(bytes, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key)));
  }).finally(() => {
    if (bytes !== secret) bytes.fill(0);
  });
}
