import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, openSync, fsyncSync, closeSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { AppError } from '../core/errors';
import { openEncryptedDatabase, toDrizzle, type Db, type Sqlite } from '../core/connection';
import type { OpenVault, VaultSession, VaultState } from '../core/context';
import { migrate } from '../core/migrate';
import { vaultMeta } from './schema';
import { DEFAULT_KDF, type KdfParams } from './kdf';
import {
  buildKeyFile, generateRecoveryKey, makeSlot, newVaultId, normalizeRecoveryKey, openSlot, parseKeyFile,
  serializeKeyFile, WRONG_RECOVERY_MESSAGE, WRONG_SECRET_MESSAGE, type KeyFile,
} from './keyfile';
import { vaultFiles } from './layout';
import { SecretGate } from './throttle';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH, passphraseRefusalDa } from '../../shared/vault';
import type { Owner } from '../../shared/vault';

export type { OpenVault, VaultState };

export interface VaultOptions {
  kdf?: KdfParams;
  now?: () => Date;
  /**
   * Runs in the new database before the key file is written (each domain's default reference
   * data, from src/main/modules.ts). A vault made without it has empty reference lists.
   */
  onCreated?: (db: Db) => void;
  /** Told when the throttle's counter file beside the vault was altered (it then counts as many misses). */
  onThrottleTamper?: () => void;
}

/** Write a small file so that it is either the old or the new version after a crash. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * One vault folder: create, unlock, lock, change passphrase. Holds the open database while
 * unlocked; lock closes it and drops every reference to the key.
 */
export class Vault implements VaultSession {
  private open: OpenVault | null = null;
  /** Every secret check (unlock, change passphrase, restore, read-only open) goes through it: throttle.ts. */
  readonly gate: SecretGate;
  readonly files: ReturnType<typeof vaultFiles>;
  private readonly kdf: KdfParams;
  readonly now: () => Date;
  private readonly onCreated: ((db: Db) => void) | undefined;

  constructor(readonly dir: string, options: VaultOptions = {}) {
    this.files = vaultFiles(dir);
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.now = options.now ?? (() => new Date());
    this.onCreated = options.onCreated;
    this.gate = new SecretGate(dir, this.now, options.onThrottleTamper);
  }

  state(): VaultState {
    if (this.open) return 'unlocked';
    return existsSync(this.files.keyFile) ? 'locked' : 'none';
  }

  /** Seconds until another unlock attempt is allowed (0 when allowed now). */
  retryAfterSeconds(): number {
    return this.gate.retryAfterSeconds();
  }

  get current(): OpenVault {
    if (!this.open) throw new AppError('VAULT_LOCKED', 'Boksen er låst. Lås den op for at fortsætte.');
    return this.open;
  }

  async create(passphrase: string, owner: Owner): Promise<{ recoveryKey: string }> {
    if (this.state() !== 'none' || existsSync(this.files.database)) {
      throw new AppError('VAULT_EXISTS', 'Der findes allerede en boks i denne mappe. Lås den op i stedet.');
    }
    assertPassphrasePolicy(passphrase, 'passphrase', [owner.name, owner.area]);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const dbKey = randomBytes(32);
    const recoveryKey = generateRecoveryKey();
    const vaultId = newVaultId();
    const now = this.now();
    try {
      const slots = [
        await makeSlot(vaultId, 'passphrase', passphrase, dbKey, this.kdf, now),
        await makeSlot(vaultId, 'recovery', normalizeRecoveryKey(recoveryKey), dbKey, this.kdf, now),
      ];
      const keyFile = buildKeyFile(vaultId, now.toISOString(), slots);
      const sqlite = openEncryptedDatabase(this.files.database, dbKey);
      try {
        chmodSync(this.files.database, 0o600);
        migrate(sqlite, undefined, now);
        const db = toDrizzle(sqlite);
        db.insert(vaultMeta)
          .values({ id: 1, vaultId, ownerName: owner.name, ownerRole: owner.role, ownerArea: owner.area, createdAt: now.toISOString(), backupMacKey: randomBytes(32).toString('hex') })
          .run();
        this.onCreated?.(db);
      } catch (e) {
        sqlite.close();
        rmSync(this.files.database, { force: true });
        rmSync(this.files.wal, { force: true });
        rmSync(this.files.shm, { force: true });
        throw e;
      }
      // The key file is written last: a folder without it is not a vault.
      writeFileAtomic(this.files.keyFile, serializeKeyFile(keyFile));
      this.open = { sqlite, db: toDrizzle(sqlite), owner, vaultId };
      return { recoveryKey };
    } finally {
      dbKey.fill(0);
    }
  }

  private readKeyFile(): KeyFile {
    if (!existsSync(this.files.keyFile)) {
      throw new AppError('VAULT_MISSING', 'Der er ingen boks i denne mappe. Opret en ny boks.');
    }
    return parseKeyFile(readFileSync(this.files.keyFile, 'utf8'));
  }

  /**
   * Unwrap the database key from the slot of the given kind, through the gate: one check at a
   * time, misses counted on disk, the increasing delay. Nothing in the vault folder is written
   * either way. The caller must fill(0) the key.
   */
  async unwrapKey(method: 'passphrase' | 'recovery', secret: string): Promise<{ key: Buffer; vaultId: string }> {
    return this.gate.attempt(
      async () => {
        const keyFile = this.readKeyFile();
        const slot = keyFile.slots.find((s) => s.kind === method);
        const key = slot ? await openSlot(keyFile.vaultId, slot, method === 'recovery' ? normalizeRecoveryKey(secret) : secret) : null;
        return key ? { key, vaultId: keyFile.vaultId } : null;
      },
      () => new AppError('WRONG_PASSPHRASE', method === 'recovery' ? WRONG_RECOVERY_MESSAGE : WRONG_SECRET_MESSAGE),
    );
  }

  async unlock(method: 'passphrase' | 'recovery', secret: string): Promise<void> {
    if (this.open) {
      // Already open: still prove the secret, so an unlock screen never opens on a wrong one.
      (await this.unwrapKey(method, secret)).key.fill(0);
      return;
    }
    const { key: dbKey, vaultId } = await this.unwrapKey(method, secret);
    const keyFile = { vaultId };
    try {
      if (!existsSync(this.files.database)) {
        throw new AppError('VAULT_MISSING', 'Boksens database mangler i mappen. Gendan den fra en sikkerhedskopi.');
      }
      const sqlite = openEncryptedDatabase(this.files.database, dbKey, { fileMustExist: true });
      try {
        migrate(sqlite, undefined, this.now());
        const db = toDrizzle(sqlite);
        const meta = db.select().from(vaultMeta).get();
        if (!meta || meta.vaultId !== keyFile.vaultId) {
          throw new AppError('DATABASE_CORRUPT', 'Databasen hører ikke til denne nøglefil. Gendan fra en sikkerhedskopi.');
        }
        this.open = { sqlite, db, vaultId: meta.vaultId, owner: { name: meta.ownerName, role: meta.ownerRole, area: meta.ownerArea } };
      } catch (e) {
        sqlite.close();
        throw e;
      }
    } finally {
      dbKey.fill(0);
    }
  }

  lock(): void {
    if (!this.open) return;
    const { sqlite } = this.open;
    this.open = null;
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A full or read-only disk must not keep the vault open: the WAL stays beside the database
      // and is replayed at the next unlock.
    } finally {
      sqlite.close();
    }
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const open = this.current;
    assertPassphrasePolicy(next, 'next', [open.owner.name, open.owner.area]);
    const keyFile = this.readKeyFile();
    const slot = keyFile.slots.find((s) => s.kind === 'passphrase');
    const dbKey = await this.gate.attempt(
      async () => (slot ? openSlot(keyFile.vaultId, slot, current) : null),
      () => new AppError('WRONG_PASSPHRASE', 'Den nuværende adgangskode er forkert. Adgangskoden er ikke ændret.', { current: 'Forkert adgangskode' }),
    );
    try {
      const fresh = await makeSlot(keyFile.vaultId, 'passphrase', next, dbKey, this.kdf, this.now());
      const slots = keyFile.slots.map((s) => (s.id === slot!.id ? fresh : s));
      writeFileAtomic(this.files.keyFile, serializeKeyFile(buildKeyFile(keyFile.vaultId, keyFile.createdAt, slots)));
    } finally {
      dbKey.fill(0);
    }
    void open;
  }

  /** Open the database read-only without migrating, for `verify` and backups. The caller closes it. */
  async openReadOnly(secret: string): Promise<Sqlite> {
    const { key } = await this.unwrapKey('passphrase', secret);
    try {
      return openEncryptedDatabase(this.files.database, key, { readonly: true, fileMustExist: true });
    } finally {
      key.fill(0);
    }
  }
}

export function assertPassphrasePolicy(passphrase: string, field: string, userInputs: readonly string[] = []): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('WEAK_PASSPHRASE', `Adgangskoden skal være mindst ${MIN_PASSPHRASE_LENGTH} tegn.`, {
      [field]: `Mindst ${MIN_PASSPHRASE_LENGTH} tegn`,
    });
  }
  const assessment = assessPassphrase(passphrase, userInputs);
  if (!assessment.acceptable) {
    throw new AppError('WEAK_PASSPHRASE', passphraseRefusalDa(assessment), { [field]: 'For let at gætte' });
  }
}
