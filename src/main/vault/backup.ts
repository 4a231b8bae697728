import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { openEncryptedDatabase, type Sqlite } from '../core/connection';
import { migrationState } from '../core/migrate';
import { migrations } from '../db/migrations';
import { parseKeyFile, openSlot, normalizeRecoveryKey, type KeyFile } from './keyfile';
import type { SecretGate } from './throttle';
import { carryAuditInto, readAuditSince } from './restore-record';
import { vaultFiles } from './layout';
import type { Vault } from './vault';
import { fsyncDir, fsyncTree, renameDurable, step, writeFileAtomic, writeFileDurable } from '../core/durable';

/**
 * Backups: one file holding a manifest, the encrypted database and the key file.
 *
 *   "SSPDESK-BACKUP\n" | u32 manifest length | manifest JSON | database bytes | key file bytes
 *
 * The database is a consistent snapshot made with VACUUM INTO on the open connection (SQLite's
 * online backup API refuses an unkeyed target under SQLite3MultipleCiphers; VACUUM INTO runs in
 * one read transaction and writes a page-encrypted copy under the same key). The manifest says
 * what the backup holds, with SHA-256 checksums of both parts, and is authenticated with an HMAC
 * whose key lives inside the encrypted vault, so only someone who can open it can forge one.
 */
const MAGIC = Buffer.from('SSPDESK-BACKUP\n', 'utf8');
export const BACKUP_FORMAT_VERSION = 1;
const MAX_MANIFEST = 64 * 1024;

const manifestSchema = z
  .object({
    format: z.literal('ssp-desk-backup'),
    version: z.number().int(),
    vaultId: z.string().uuid(),
    createdAt: z.string(),
    migrations: z.array(z.string()),
    rowCounts: z.record(z.string(), z.number().int().nonnegative()),
    database: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    keyFile: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupManifest = z.infer<typeof manifestSchema>;

const FOREIGN = 'Filen er ikke en sikkerhedskopi fra SSP Desk. Vælg en anden fil.';
const DAMAGED = 'Sikkerhedskopien er beskadiget eller ændret (kontrolsummen passer ikke). Den er ikke indlæst, og intet er ændret. Brug en anden sikkerhedskopi.';
const TRUNCATED = 'Sikkerhedskopien er ufuldstændig (filen er afkortet). Den er ikke indlæst, og intet er ændret. Brug en anden sikkerhedskopi.';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function macOf(manifest: Omit<BackupManifest, 'mac'>, macKeyHex: string): string {
  const canonical = JSON.stringify({ ...manifest, rowCounts: Object.fromEntries(Object.entries(manifest.rowCounts).sort()) });
  return createHmac('sha256', Buffer.from(macKeyHex, 'hex')).update(canonical).digest('hex');
}

export function rowCounts(sqlite: Sqlite): Record<string, number> {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return out;
}

function macKey(sqlite: Sqlite): string {
  const row = sqlite.prepare('SELECT backup_mac_key AS k FROM vault_meta WHERE id = 1').get() as { k: string | null } | undefined;
  if (row?.k) return row.k;
  const k = randomBytes(32).toString('hex');
  sqlite.prepare('UPDATE vault_meta SET backup_mac_key = ? WHERE id = 1').run(k);
  return k;
}

/**
 * Remove what an interrupted backup left in a backup folder: its temporary file
 * (`<name>.tmp-ID`) and its snapshot (`.<name>.ID.db`). Finished backups are never touched.
 * Runs before every backup (the folder's writer is the one program holding the vault lock).
 */
export function removeBackupLeftovers(folder: string): number {
  if (!existsSync(folder)) return 0;
  let removed = 0;
  for (const name of readdirSync(folder)) {
    if (/^[^/]+\.sspbak\.tmp-[0-9a-f]+$/.test(name) || /^\.[^/]+\.sspbak\.[0-9a-f]+\.db(-wal|-shm|-journal)?$/.test(name)) {
      rmSync(join(folder, name), { force: true });
      removed++;
    }
  }
  if (removed) fsyncDir(folder);
  return removed;
}

/** Write a backup of the open vault to `outFile` (atomically, durably). Returns the manifest. */
export function createBackup(vault: Vault, outFile: string, now: Date = vault.now()): BackupManifest {
  const open = vault.current;
  const key = macKey(open.sqlite);
  mkdirSync(dirname(outFile), { recursive: true });
  removeBackupLeftovers(dirname(outFile));
  const snapshot = join(dirname(outFile), `.${basename(outFile)}.${randomBytes(4).toString('hex')}.db`);
  try {
    open.sqlite.prepare('VACUUM INTO ?').run(snapshot);
    const database = readFileSync(snapshot);
    const keyFile = readFileSync(vault.files.keyFile);
    const body = {
      format: 'ssp-desk-backup' as const,
      version: BACKUP_FORMAT_VERSION,
      vaultId: open.vaultId,
      createdAt: now.toISOString(),
      migrations: migrations.map((m) => m.tag),
      rowCounts: rowCounts(open.sqlite),
      database: { bytes: database.length, sha256: sha256(database) },
      keyFile: { bytes: keyFile.length, sha256: sha256(keyFile) },
    };
    const manifest: BackupManifest = { ...body, mac: macOf(body, key) };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(manifestBytes.length);
    // Temporary file fsynced, renamed over, folder fsynced: a backup reported written survives a power cut.
    writeFileAtomic(outFile, Buffer.concat([MAGIC, length, manifestBytes, database, keyFile]));
    return manifest;
  } finally {
    rmSync(snapshot, { force: true });
  }
}

interface ParsedBackup {
  manifest: BackupManifest;
  database: Buffer;
  keyFile: Buffer;
}

/** Read and check a backup file's structure and checksums (nothing decrypted yet). */
export function readBackupFile(file: string): ParsedBackup {
  let bytes: Buffer;
  try {
    if (statSync(file).size > 4 * 1024 * 1024 * 1024) throw new AppError('INVALID_INPUT', FOREIGN);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IO_ERROR', 'Sikkerhedskopien kan ikke læses. Tjek, at filen findes.');
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('INVALID_INPUT', FOREIGN);
  const len = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (len > MAX_MANIFEST) throw new AppError('INVALID_INPUT', FOREIGN);
  if (bytes.length < start + len) throw new AppError('INVALID_INPUT', TRUNCATED);
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(bytes.subarray(start, start + len).toString('utf8')));
  } catch {
    throw new AppError('INVALID_INPUT', DAMAGED);
  }
  if (manifest.version !== BACKUP_FORMAT_VERSION) {
    throw new AppError('INVALID_INPUT', 'Sikkerhedskopien er lavet med en nyere version af SSP Desk. Opdater programmet, og prøv igen.');
  }
  const dbStart = start + len;
  const keyStart = dbStart + manifest.database.bytes;
  const end = keyStart + manifest.keyFile.bytes;
  if (bytes.length < end) throw new AppError('INVALID_INPUT', TRUNCATED);
  if (bytes.length > end) throw new AppError('INVALID_INPUT', DAMAGED);
  const database = bytes.subarray(dbStart, keyStart);
  const keyFile = bytes.subarray(keyStart, end);
  if (sha256(database) !== manifest.database.sha256 || sha256(keyFile) !== manifest.keyFile.sha256) throw new AppError('INVALID_INPUT', DAMAGED);
  return { manifest, database, keyFile };
}

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** A folder holding the restored vault's files, ready to move into place. */
  stagingDir: string;
}

/**
 * Verify a backup completely without touching the current vault: structure and checksums, the
 * secret opens its key file, the database decrypts and passes integrity_check, its migrations
 * are ones this version knows, the manifest's HMAC and row counts match. Returns a staged copy.
 */
/**
 * The backup's secret check, through the vault's gate (one at a time, misses counted on disk with
 * the same delay as unlock: issue 15). The caller must fill(0) the key.
 */
async function unwrapBackupKey(kf: KeyFile, method: 'passphrase' | 'recovery', secret: string, gate: SecretGate): Promise<Buffer> {
  return gate.attempt(
    async () => {
      const slot = kf.slots.find((s) => s.kind === method);
      return slot ? openSlot(kf.vaultId, slot, method === 'recovery' ? normalizeRecoveryKey(secret) : secret) : null;
    },
    () => new AppError('WRONG_PASSPHRASE', 'Adgangskoden passer ikke til sikkerhedskopien. Brug den adgangskode, der gjaldt, da kopien blev taget, eller gendannelsesnøglen.'),
  );
}

export async function verifyBackup(file: string, method: 'passphrase' | 'recovery', secret: string, stagingDir: string, gate: SecretGate): Promise<VerifiedBackup> {
  const { manifest, database, keyFile } = readBackupFile(file);
  const kf = (() => {
    try {
      return parseKeyFile(keyFile.toString('utf8'));
    } catch {
      throw new AppError('INVALID_INPUT', DAMAGED);
    }
  })();
  if (kf.vaultId !== manifest.vaultId) throw new AppError('INVALID_INPUT', DAMAGED);
  const dbKey = await unwrapBackupKey(kf, method, secret, gate);
  let sqlite: Sqlite | undefined;
  try {
    rmSync(stagingDir, { recursive: true, force: true });
    mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
    const files = vaultFiles(stagingDir);
    writeFileDurable(files.database, database);
    step('restore:staged-database');
    writeFileDurable(files.keyFile, keyFile);
    step('restore:staged');
    sqlite = openEncryptedDatabase(files.database, dbKey, { fileMustExist: true, exclusive: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new AppError('INVALID_INPUT', DAMAGED);
    if (migrationState(sqlite) === 'mismatch') {
      throw new AppError('MIGRATION_MISMATCH', 'Sikkerhedskopien er lavet med en version af SSP Desk, som denne version ikke kender. Opdater programmet, og prøv igen.');
    }
    const meta = sqlite.prepare('SELECT vault_id AS vaultId, backup_mac_key AS k FROM vault_meta WHERE id = 1').get() as { vaultId: string; k: string | null } | undefined;
    if (!meta?.k || meta.vaultId !== manifest.vaultId) throw new AppError('INVALID_INPUT', DAMAGED);
    const { mac, ...body } = manifest;
    if (macOf(body, meta.k) !== mac) throw new AppError('INVALID_INPUT', DAMAGED);
    const counts = rowCounts(sqlite);
    for (const [table, n] of Object.entries(manifest.rowCounts)) if (counts[table] !== n) throw new AppError('INVALID_INPUT', DAMAGED);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.close();
    sqlite = undefined;
    // Durable before anything relies on it: the staged files, the folder, and its place beside the vault.
    fsyncTree(stagingDir);
    fsyncDir(dirname(stagingDir));
    step('restore:verified');
    return { manifest, stagingDir };
  } catch (e) {
    sqlite?.close();
    sqlite = undefined;
    rmSync(stagingDir, { recursive: true, force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', DAMAGED);
  } finally {
    sqlite?.close();
    dbKey.fill(0);
  }
}

/**
 * Restore: verify fully first (staged beside the vault as `<vault>.restore-ID`, fsynced), then
 * swap folders, keeping the old vault as `<vault>.old-ID` until the restored one has opened with
 * the given secret; if it does not open, the old vault is put back. Every state a crash or a power
 * cut can leave is one that start-up recovery (recovery.ts) finishes or rolls back. Holds the vault
 * lock throughout; the staging folder is removed on every error.
 */
export async function restoreBackup(vault: Vault, file: string, method: 'passphrase' | 'recovery', secret: string): Promise<BackupManifest> {
  vault.holdLock();
  const id = randomBytes(6).toString('hex');
  const staging = `${vault.dir}.restore-${id}`;
  try {
    vault.recover({ forRestore: true });
    mkdirSync(dirname(vault.dir), { recursive: true, mode: 0o700 });
    const verified = await verifyBackup(file, method, secret, staging, vault.gate);
    const previousId = await previousVaultIdOf(vault, staging, method, secret);
    if (previousId && previousId !== verified.manifest.vaultId) {
      throw new AppError('CONFLICT', 'Sikkerhedskopien er fra en anden boks end denne. Den er ikke indlæst, og intet er ændret.');
    }
    // Issue 15: what the current vault recorded after the backup was taken goes into the restored one.
    const laterAudit = readAuditSince(vault.state() === 'unlocked' ? vault.current : null, verified.manifest.createdAt);
    vault.closeDatabase();
    await swapInRestoredVault(vault, staging, id, method, secret);
    carryAuditInto(vault.current, laterAudit, vault.now());
    return verified.manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    vault.releaseLock();
  }
}

/**
 * The id of the vault a restore replaces, or null when there is none. From the open vault, else
 * from its key file; when the key file is missing or damaged, from its database opened with the
 * backup's key (the database key never changes, so the backup's key opens the same vault's
 * database). A database the backup's key does not open belongs to another vault: CONFLICT.
 */
async function previousVaultIdOf(vault: Vault, staging: string, method: 'passphrase' | 'recovery', secret: string): Promise<string | null> {
  if (vault.state() === 'unlocked') return vault.current.vaultId;
  if (existsSync(vault.files.keyFile)) {
    try {
      return parseKeyFile(readFileSync(vault.files.keyFile, 'utf8')).vaultId;
    } catch {
      // Damaged: ask the database.
    }
  }
  if (!existsSync(vault.files.database)) return null;
  const staged = parseKeyFile(readFileSync(vaultFiles(staging).keyFile, 'utf8'));
  const normalized = method === 'recovery' ? normalizeRecoveryKey(secret) : secret;
  let key: Buffer | null = null;
  for (const slot of staged.slots.filter((s) => s.kind === method)) {
    key = await openSlot(staged.vaultId, slot, normalized);
    if (key) break;
  }
  if (!key) throw new AppError('WRONG_PASSPHRASE', 'Adgangskoden passer ikke til sikkerhedskopien.');
  let sqlite: Sqlite | undefined;
  try {
    sqlite = openEncryptedDatabase(vault.files.database, key, { readonly: true, fileMustExist: true });
    return readVaultId(sqlite);
  } catch {
    throw new AppError(
      'CONFLICT',
      'Boksens nøglefil er beskadiget, og databasen i boksen kan ikke åbnes med sikkerhedskopiens nøgle, så det kan ikke bekræftes, at kopien er fra denne boks. Intet er ændret. Kontakt SSP-Sekretariatet.',
    );
  } finally {
    sqlite?.close();
    key.fill(0);
  }
}

/**
 * The swap, each step durable before the next: vault -> <vault>.old-ID, staging -> vault, open
 * the restored vault, remove the old one. If the restored vault does not open, it is moved to
 * <vault>.failed-ID, the old one moved back, and the failed one removed.
 */
async function swapInRestoredVault(vault: Vault, staging: string, id: string, method: 'passphrase' | 'recovery', secret: string): Promise<void> {
  const old = `${vault.dir}.old-${id}`;
  const hadVault = existsSync(vault.dir);
  if (hadVault) renameDurable(vault.dir, old);
  step('restore:old-moved');
  try {
    renameDurable(staging, vault.dir);
    step('restore:new-moved');
    await vault.openRestored(method, secret);
    step('restore:opened');
  } catch (e) {
    if (hadVault) {
      const failed = `${vault.dir}.failed-${id}`;
      if (existsSync(vault.dir)) renameDurable(vault.dir, failed);
      renameDurable(old, vault.dir);
      rmSync(failed, { recursive: true, force: true });
    } else {
      rmSync(vault.dir, { recursive: true, force: true });
    }
    fsyncDir(dirname(vault.dir));
    throw e;
  }
  if (hadVault) {
    rmSync(old, { recursive: true, force: true });
    fsyncDir(dirname(vault.dir));
  }
  step('restore:old-removed');
}

export function readVaultId(sqlite: Sqlite): string {
  return (sqlite.prepare('SELECT vault_id AS v FROM vault_meta WHERE id = 1').get() as { v: string }).v;
}

