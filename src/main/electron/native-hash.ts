import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The native module's hash, checked at load (issue 15). The better-sqlite3 build for Electron sits
 * in <resources>/native, outside app.asar and so outside Electron's ASAR integrity check: anyone
 * who can write there could swap it for a library that copies every key. At packaging time
 * build/before-pack.mjs writes its SHA-256 into out/main (NATIVE_HASH_FILE), which goes into
 * app.asar and is covered by the integrity check; at start the file on disk must match it. A
 * packaged app without the recorded hash, or with a mismatch, does not open the vault.
 */
export const nativeHashFile = (platform: string, arch: string) => `native-binding-${platform}-${arch}.sha256`;

export type NativeCheck = { ok: true } | { ok: false; reason: 'hash-missing' | 'hash-mismatch' | 'binding-missing' };

export function checkNativeBinding(o: { binding: string; mainDir: string; platform: string; arch: string; required: boolean }): NativeCheck {
  if (!existsSync(o.binding)) return { ok: false, reason: 'binding-missing' };
  const hashPath = join(o.mainDir, nativeHashFile(o.platform, o.arch));
  if (!existsSync(hashPath)) return o.required ? { ok: false, reason: 'hash-missing' } : { ok: true };
  const expected = readFileSync(hashPath, 'utf8').trim().toLowerCase();
  const actual = createHash('sha256').update(readFileSync(o.binding)).digest('hex');
  return /^[0-9a-f]{64}$/.test(expected) && expected === actual ? { ok: true } : { ok: false, reason: 'hash-mismatch' };
}
