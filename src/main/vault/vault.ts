import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { fsyncTree, renameDurable, step, writeFileAtomic } from '../core/durable';
import { acquireVaultLock, type VaultLock } from './lock';
import { hasVaultData, recoverInterruptedSteps, type RecoveryAction } from './recovery';
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

export { writeFileAtomic };

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
  private vaultLock: VaultLock | null = null;
  /** What start-up recovery did at the last open (codes only), for the log. */
  lastRecovery: RecoveryAction[] = [];

  constructor(readonly dir: string, options: VaultOptions = {}) {
    this.files = vaultFiles(dir);
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.now = options.now ?? (() => new Date());
    this.onCreated = options.onCreated;
    this.gate = new SecretGate(dir, this.now, options.onThrottleTamper);
  }

  state(): VaultState {
    if (this.open) return 'unlocked';
    // Anything of a vault here (even a database without its key file, or a restore's leftovers)
    // is 'locked': opening it runs start-up recovery; never offer to create a vault over it.
    return hasVaultData(this.dir) ? 'locked' : 'none';
  }

  /**
   * Take the one-program-per-vault lock (lock.ts) for as long as the vault is open, or for one
   * step (verify, restore); VAULT_IN_USE when another program has it. Idempotent.
   */
  holdLock(): void {
    if (this.vaultLock) return;
    this.vaultLock = acquireVaultLock(this.dir, this.now());
  }

  /** Let go of the lock unless the vault is open. */
  releaseLock(): void {
    if (this.open || !this.vaultLock) return;
    this.vaultLock.release();
    this.vaultLock = null;
  }

  /** With the lock held: finish or roll back whatever an interrupted step left (recovery.ts). */
  recover(options: { forRestore?: boolean } = {}): RecoveryAction[] {
    this.holdLock();
    this.lastRecovery = recoverInterruptedSteps(this.dir, options);
    return this.lastRecovery;
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
    assertPassphrasePolicy(passphrase, 'passphrase', [owner.name, owner.area]);
    this.holdLock();
    try {
      this.recover();
      if (this.state() !== 'none') {
        throw new AppError('VAULT_EXISTS', 'Der findes allerede en boks i denne mappe. Lås den op i stedet.');
      }
      return await this.createInPlace(passphrase, owner);
    } finally {
      this.releaseLock();
    }
  }

  /**
   * Build the vault in `<vault>.create-ID` (database, reference data, key file), fsync it and
   * rename it into place, so a crash or a power cut leaves either no vault or a whole one; the
   * recovery key is shown only after the rename is durable. Leftovers are removed by recover().
   */
  private async createInPlace(passphrase: string, owner: Owner): Promise<{ recoveryKey: string }> {
    mkdirSync(dirname(this.dir), { recursive: true, mode: 0o700 });
    const dbKey = randomBytes(32);
    const recoveryKey = generateRecoveryKey();
    const vaultId = newVaultId();
    const now = this.now();
    const building = `${this.dir}.create-${randomBytes(6).toString('hex')}`;
    try {
      const slots = [
        await makeSlot(vaultId, 'passphrase', passphrase, dbKey, this.kdf, now),
        await makeSlot(vaultId, 'recovery', normalizeRecoveryKey(recoveryKey), dbKey, this.kdf, now),
      ];
      const keyFile = buildKeyFile(vaultId, now.toISOString(), slots);
      mkdirSync(building, { mode: 0o700 });
      step('create:folder');
      const staged = vaultFiles(building);
      const sqlite = openEncryptedDatabase(staged.database, dbKey, { exclusive: true });
      try {
        chmodSync(staged.database, 0o600);
        migrate(sqlite, undefined, now);
        const db = toDrizzle(sqlite);
        db.insert(vaultMeta)
          .values({ id: 1, vaultId, ownerName: owner.name, ownerRole: owner.role, ownerArea: owner.area, createdAt: now.toISOString(), backupMacKey: randomBytes(32).toString('hex') })
          .run();
        step('create:database');
        this.onCreated?.(db);
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        sqlite.close();
      }
      step('create:database-closed');
      writeFileAtomic(staged.keyFile, serializeKeyFile(keyFile));
      fsyncTree(building);
      step('create:built');
      // An empty folder of the same name (made by hand, or by an older version) is replaced.
      if (existsSync(this.dir) && readdirSync(this.dir).length === 0) rmdirSync(this.dir);
      renameDurable(building, this.dir);
      step('create:renamed');
      const opened = openEncryptedDatabase(this.files.database, dbKey, { fileMustExist: true, exclusive: true });
      this.open = { sqlite: opened, db: toDrizzle(opened), owner, vaultId };
      return { recoveryKey };
    } catch (e) {
      rmSync(building, { recursive: true, force: true });
      throw e;
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
    this.holdLock();
    try {
      this.recover();
      await this.unlockWithLock(method, secret);
    } finally {
      this.releaseLock();
    }
  }

  private async unlockWithLock(method: 'passphrase' | 'recovery', secret: string): Promise<void> {
    const { key: dbKey, vaultId } = await this.unwrapKey(method, secret);
    const keyFile = { vaultId };
    try {
      if (!existsSync(this.files.database)) {
        throw new AppError('VAULT_MISSING', 'Boksens database mangler i mappen. Gendan den fra en sikkerhedskopi.');
      }
      const sqlite = openEncryptedDatabase(this.files.database, dbKey, { fileMustExist: true, exclusive: true });
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
    this.closeDatabase();
    this.releaseLock();
  }

  /** Close the database and drop the key, keeping the vault lock (a restore swaps folders next). */
  closeDatabase(): void {
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

  /** Open a just restored vault (restore holds the lock and handles its own leftovers). */
  async openRestored(method: 'passphrase' | 'recovery', secret: string): Promise<void> {
    this.holdLock();
    await this.unlockWithLock(method, secret);
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
      step('passphrase:slot-made');
      writeFileAtomic(this.files.keyFile, serializeKeyFile(buildKeyFile(keyFile.vaultId, keyFile.createdAt, slots)));
      step('passphrase:written');
    } finally {
      dbKey.fill(0);
    }
    void open;
  }

  /** Open the database read-only without migrating, for `verify` and backups. The caller closes it. */
  /** Holds the vault lock until lock() (or the process ends). */
  async openReadOnly(secret: string): Promise<Sqlite> {
    this.holdLock();
    let key: Buffer | undefined;
    try {
      this.recover();
      key = (await this.unwrapKey('passphrase', secret)).key;
      return openEncryptedDatabase(this.files.database, key, { readonly: true, fileMustExist: true });
    } catch (e) {
      this.releaseLock();
      throw e;
    } finally {
      key?.fill(0);
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
