/**
 * Sealing and opening handover files (bundles and receipts): age encryption (age-encryption, the
 * reference TypeScript implementation of age-encryption.org/v1, X25519 recipients) to the
 * addressee, then an Ed25519 signature by the writer over the kind, both fingerprints and the
 * exact ciphertext. The plaintext is the manifest's JSON, a line break, and the payload's bytes.
 *
 * Opening checks, in this order, and refuses with a Danish reason before anything is written:
 * the file's form (byte for byte as this program writes it), the kind, the addressee (this
 * vault), the writer (a known colleague), the signature, the decryption, the manifest (its
 * fingerprints must be the envelope's), expiry and schema version (for bundles).
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { z } from 'zod';
import {
  BUNDLE_VALID_DAYS,
  bundleManifestSchema,
  envelopeSchema,
  HANDOVER_FORMAT,
  HANDOVER_VERSION,
  MAX_HANDOVER_FILE_BYTES,
  receiptManifestSchema,
  type BundleManifest,
  type Envelope,
  type HandoverKind,
  type OpenRefusal,
  type ReceiptManifest,
} from '../../shared/handover';
import { AppError } from '../core/errors';
import { signWith, verifyWith, type KeyPairs, type PublicKeys } from './keys';

export { BUNDLE_VALID_DAYS };

/** A refusal to open a file: a stable reason and a Danish sentence that says what to do. */
export class HandoverRefusal extends AppError {
  constructor(
    readonly reason: OpenRefusal,
    message: string,
  ) {
    super('RULE_VIOLATION', message);
  }
}

const NOUN: Record<HandoverKind, string> = { bundle: 'Overdragelsesfilen', receipt: 'Kvitteringen' };

function refusalText(reason: OpenRefusal, kind: HandoverKind): string {
  const n = NOUN[kind];
  switch (reason) {
    case 'damaged':
      return `${n} kan ikke læses: den er ikke en fil fra SSP Desk, eller den er beskadiget. Bed afsenderen om at sende den igen. Intet er gemt.`;
    case 'wrong-kind':
      return kind === 'bundle'
        ? 'Filen er en kvittering, ikke en overdragelse. Åbn den under "Åbn kvittering". Intet er gemt.'
        : 'Filen er en overdragelse, ikke en kvittering. Åbn den under "Modtag overdragelse". Intet er gemt.';
    case 'other-vault':
      return `${n} er lavet til en anden boks end din. Bed afsenderen om at sende den til dit fingeraftryk (se Indstillinger > Overdragelse). Intet er gemt.`;
    case 'unknown-sender':
      return `${n} er underskrevet af en boks, du ikke kender. Tilføj afsenderen som kollega (og sammenlign fingeraftrykket med dem), og åbn filen igen. Intet er gemt.`;
    case 'tampered':
      return `${n} er blevet ændret, efter den blev underskrevet, eller den er beskadiget. Brug den ikke; bed afsenderen om at sende den igen. Intet er gemt.`;
    case 'expired':
      return `${n} er udløbet. Bed afsenderen om at lave en ny overdragelse. Intet er gemt.`;
    case 'newer-schema':
      return `${n} er lavet med en nyere udgave af SSP Desk end din. Opdatér SSP Desk, og åbn filen igen. Intet er gemt.`;
    case 'unknown-schema':
      return `${n} er lavet med en udgave af SSP Desk, som denne ikke kan læse. Bed afsenderen om at opdatere SSP Desk og sende den igen. Intet er gemt.`;
  }
}

export function refuse(reason: OpenRefusal, kind: HandoverKind): never {
  throw new HandoverRefusal(reason, refusalText(reason, kind));
}

function signedMessage(kind: HandoverKind, from: string, to: string, ciphertext: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${HANDOVER_FORMAT}/${kind}/v${HANDOVER_VERSION}\n${from}\n${to}\n`, 'utf8'), ciphertext]);
}

/** The file's exact text for an envelope: one JSON line, keys in this order. */
function serialize(e: Envelope): string {
  return `${JSON.stringify({ format: e.format, kind: e.kind, version: e.version, from: e.from, to: e.to, ciphertext: e.ciphertext, signature: e.signature })}\n`;
}

export interface Writer extends KeyPairs {
  fingerprint: string;
}
export interface Addressee extends PublicKeys {
  fingerprint: string;
}

async function seal(kind: HandoverKind, manifest: BundleManifest | ReceiptManifest, payload: Uint8Array, writer: Writer, to: Addressee): Promise<Uint8Array> {
  const plain = Buffer.concat([Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8'), payload]);
  const enc = new Encrypter();
  enc.addRecipient(to.x25519Public);
  const ciphertext = await enc.encrypt(plain);
  plain.fill(0);
  const signature = signWith(writer.ed25519Secret, writer.ed25519Public, signedMessage(kind, writer.fingerprint, to.fingerprint, ciphertext)).toString('base64url');
  const envelope: Envelope = { format: HANDOVER_FORMAT, kind, version: HANDOVER_VERSION, from: writer.fingerprint, to: to.fingerprint, ciphertext: Buffer.from(ciphertext).toString('base64'), signature };
  const bytes = Buffer.from(serialize(envelope), 'utf8');
  if (bytes.length > MAX_HANDOVER_FILE_BYTES) throw new AppError('RULE_VIOLATION', 'Overdragelsen er for stor til én fil (over 20 MB). Kontakt support. Intet er sendt.');
  return bytes;
}

export function sealBundle(manifest: BundleManifest, payload: Uint8Array, writer: Writer, to: Addressee): Promise<Uint8Array> {
  return seal('bundle', bundleManifestSchema.parse(manifest), payload, writer, to);
}

export function sealReceipt(manifest: ReceiptManifest, writer: Writer, to: Addressee): Promise<Uint8Array> {
  return seal('receipt', receiptManifestSchema.parse(manifest), new Uint8Array(0), writer, to);
}

/** The envelope, or a refusal: only files exactly as this program writes them are read. */
export function readEnvelope(bytes: Uint8Array, kind: HandoverKind): Envelope {
  if (bytes.length === 0 || bytes.length > MAX_HANDOVER_FILE_BYTES) refuse('damaged', kind);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    refuse('damaged', kind);
  }
  const r = envelopeSchema.safeParse(parsed);
  if (!r.success) {
    const k = (parsed as { kind?: unknown } | null)?.kind;
    if (typeof k === 'string' && k !== kind && (k === 'bundle' || k === 'receipt') && envelopeSchema.safeParse({ ...(parsed as object), kind }).success) refuse('wrong-kind', kind);
    refuse('damaged', kind);
  }
  if (r.data.kind !== kind) refuse('wrong-kind', kind);
  // A changed byte anywhere (spaces, base64's unused bits, an odd character) is a changed file.
  if (!Buffer.from(serialize(r.data), 'utf8').equals(Buffer.from(bytes))) refuse('tampered', kind);
  // Base64's last character can carry unused bits: a flip there decodes to the same bytes, so only
  // the one canonical spelling of the signature and the ciphertext is accepted.
  if (Buffer.from(r.data.signature, 'base64url').toString('base64url') !== r.data.signature) refuse('tampered', kind);
  if (Buffer.from(r.data.ciphertext, 'base64').toString('base64') !== r.data.ciphertext) refuse('tampered', kind);
  return r.data;
}

export interface Reader extends Writer {
  /** The colleagues this vault knows, by fingerprint. */
  colleague(fingerprint: string): Addressee | null;
}

export interface Opened<M> {
  manifest: M;
  payload: Uint8Array;
  from: Addressee;
}

async function open<M extends BundleManifest | ReceiptManifest>(bytes: Uint8Array, kind: HandoverKind, schema: z.ZodType<M>, me: Reader): Promise<Opened<M>> {
  const env = readEnvelope(bytes, kind);
  if (env.to !== me.fingerprint) refuse('other-vault', kind);
  const from = me.colleague(env.from);
  if (!from) refuse('unknown-sender', kind);
  const ciphertext = Buffer.from(env.ciphertext, 'base64');
  if (!verifyWith(from.ed25519Public, signedMessage(kind, env.from, env.to, ciphertext), Buffer.from(env.signature, 'base64url'))) refuse('tampered', kind);
  let plain: Uint8Array;
  try {
    const dec = new Decrypter();
    dec.addIdentity(me.x25519Secret);
    plain = await dec.decrypt(ciphertext);
  } catch {
    // Signed by a known colleague but not for our key: made wrongly; treat as changed.
    refuse('tampered', kind);
  }
  const nl = plain.indexOf(0x0a);
  let manifest: M;
  try {
    const r = schema.safeParse(JSON.parse(Buffer.from(plain.subarray(0, nl < 0 ? plain.length : nl)).toString('utf8')));
    if (!r.success || nl < 0) throw new Error('manifest');
    manifest = r.data;
  } catch {
    refuse('damaged', kind);
  }
  if (manifest.senderFingerprint !== env.from || manifest.recipientFingerprint !== env.to) refuse('tampered', kind);
  return { manifest, payload: plain.subarray(nl + 1), from };
}

/** Checks a bundle's expiry and schema against this vault (its migration tags, oldest first). */
export function checkBundleTimes(manifest: BundleManifest, now: Date, knownSchemas: readonly string[]): void {
  if (now.getTime() > Date.parse(manifest.validUntil)) refuse('expired', 'bundle');
  if (!knownSchemas.includes(manifest.schemaVersion)) {
    const num = (tag: string) => Number(/^(\d+)_/.exec(tag)?.[1] ?? NaN);
    const newest = num(knownSchemas[knownSchemas.length - 1] ?? '');
    refuse(num(manifest.schemaVersion) > newest ? 'newer-schema' : 'unknown-schema', 'bundle');
  }
}

export async function openBundle(bytes: Uint8Array, me: Reader, now: Date, knownSchemas: readonly string[]): Promise<Opened<BundleManifest>> {
  const opened = await open(bytes, 'bundle', bundleManifestSchema, me);
  checkBundleTimes(opened.manifest, now, knownSchemas);
  return opened;
}

export function openReceiptFile(bytes: Uint8Array, me: Reader): Promise<Opened<ReceiptManifest>> {
  return open(bytes, 'receipt', receiptManifestSchema, me);
}
