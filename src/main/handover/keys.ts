/**
 * Key material for handovers, on node:crypto: X25519 for age's recipients (receiving) and
 * Ed25519 for signatures. Keys are kept as text: the X25519 pair as age's own strings
 * (AGE-SECRET-KEY-1..., age1...), the Ed25519 pair as JWK's base64url d and x.
 * Nothing here logs or returns a private key outside main.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { base32, bech32 } from '@scure/base';

export interface KeyPairs {
  x25519Secret: string;
  x25519Public: string;
  ed25519Secret: string;
  ed25519Public: string;
}

export interface PublicKeys {
  x25519Public: string;
  ed25519Public: string;
}

function b64url(buf: Buffer | Uint8Array): string {
  return Buffer.from(buf).toString('base64url');
}

/** A fresh pair of key pairs (the private halves only ever in the vault). */
export function generateKeyPairs(): KeyPairs {
  const x = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  const e = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const xd = Buffer.from(x.d!, 'base64url');
  const xx = Buffer.from(x.x!, 'base64url');
  try {
    return {
      x25519Secret: bech32.encodeFromBytes('AGE-SECRET-KEY-', xd).toUpperCase(),
      x25519Public: bech32.encodeFromBytes('age', xx),
      ed25519Secret: e.d!,
      ed25519Public: e.x!,
    };
  } finally {
    xd.fill(0);
  }
}

/** The 32 raw bytes of an age X25519 recipient (age1...); throws on anything else. */
export function x25519PublicBytes(recipient: string): Uint8Array {
  const r = bech32.decodeToBytes(recipient);
  if (r.prefix !== 'age' || r.bytes.length !== 32) throw new Error('not an X25519 recipient');
  return r.bytes;
}

export function ed25519PublicBytes(x: string): Buffer {
  const b = Buffer.from(x, 'base64url');
  if (b.length !== 32 || b64url(b) !== x) throw new Error('not an Ed25519 public key');
  return b;
}

/** SHA-256 over a label and both public keys, first 20 bytes, base32 (32 characters). */
export function fingerprintOf(keys: PublicKeys): string {
  const h = createHash('sha256').update('ssp-desk/fingerprint/v1\n').update(x25519PublicBytes(keys.x25519Public)).update(ed25519PublicBytes(keys.ed25519Public)).digest();
  return base32.encode(h.subarray(0, 20));
}

export function signWith(ed25519Secret: string, ed25519Public: string, message: Uint8Array): Buffer {
  const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: ed25519Secret, x: ed25519Public }, format: 'jwk' });
  return sign(null, message, key);
}

export function verifyWith(ed25519Public: string, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: ed25519Public }, format: 'jwk' });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/**
 * A colleague code: one line to paste or save as a file, with the vault's label and both public
 * keys: `ssp-desk-kollega:1:<label, base64url>:<age1...>:<Ed25519, base64url>`.
 */
export const COLLEAGUE_CODE_PREFIX = 'ssp-desk-kollega:1:';

export function colleagueCode(label: string, keys: PublicKeys): string {
  return `${COLLEAGUE_CODE_PREFIX}${b64url(Buffer.from(label, 'utf8'))}:${keys.x25519Public}:${keys.ed25519Public}`;
}

export interface ParsedColleagueCode extends PublicKeys {
  label: string;
  fingerprint: string;
}

/** Parse a pasted or read code (surrounding blank space and line breaks ignored); null when it is not one. */
export function parseColleagueCode(text: string): ParsedColleagueCode | null {
  const line = text.trim();
  if (!line.startsWith(COLLEAGUE_CODE_PREFIX) || /\s/.test(line)) return null;
  const parts = line.slice(COLLEAGUE_CODE_PREFIX.length).split(':');
  if (parts.length !== 3) return null;
  const [labelB64, x25519Public, ed25519Public] = parts as [string, string, string];
  try {
    const label = Buffer.from(labelB64, 'base64url').toString('utf8').trim();
    if (!label || label.length > 120 || b64url(Buffer.from(label, 'utf8')) !== labelB64) return null;
    const keys = { x25519Public, ed25519Public };
    return { label, ...keys, fingerprint: fingerprintOf(keys) };
  } catch {
    return null;
  }
}
