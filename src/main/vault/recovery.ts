import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/errors';
import { fsyncDir } from '../core/durable';
import { vaultFiles } from './layout';

/**
 * Start-up recovery: the leftovers an interrupted step leaves beside or in the vault folder, and
 * what to do with each. Every multi-file step names its temporary folders after the vault folder
 * and one random id, so the state after a crash or a power cut at any point is one of these:
 *
 *   <vault>.create-ID            a vault being built (create never returned a recovery key): removed
 *   <vault>.restore-ID           a verified restore staged beside the vault: removed (restore not done)
 *   <vault>.old-ID, no <vault>   killed between the two renames of a restore: the old vault goes back
 *   <vault>.old-ID and <vault>   the restored vault is in place (fsynced and verified before the
 *                                rename): the restore is finished, the old copy removed
 *   <vault>.failed-ID            a restored vault being rolled back: removed once <vault> is back
 *   <vault>.lock-holder.tmp-*    the lock holder's name being written: removed
 *   <vault>.deletions.tmp-*,     the deletion ledger, the throttle count or its key being written:
 *   .throttle.tmp-*, .throttle-key.tmp-*   removed (the file itself is the old whole version)
 *   <vault>/ssp-desk.keys.tmp-*  a key file being written (create, passphrase change): removed;
 *                                the key file itself is always the old or the new whole version
 *
 * What cannot be decided without the user (a database with no key file beside it) is refused with
 * VAULT_RECOVERY and a Danish description; nothing is ever deleted then, and the vault is never
 * shown as "no vault" while data is there. Runs with the vault lock held (see lock.ts).
 */

export type RecoveryAction =
  | 'removed-unfinished-create'
  | 'removed-unfinished-restore'
  | 'rolled-back-restore'
  | 'finished-restore'
  | 'removed-rolled-back-restore'
  | 'removed-unfinished-key-file'
  | 'removed-unfinished-lock-holder'
  | 'removed-unfinished-companion';

const STEP = /^(create|restore|old|failed)-([0-9a-f]{8,32})$/;

/** Leftover folders beside the vault folder, by kind and id. */
export function leftoversOf(dir: string): { kind: 'create' | 'restore' | 'old' | 'failed'; id: string; path: string }[] {
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.`;
  if (!existsSync(parent)) return [];
  const out: { kind: 'create' | 'restore' | 'old' | 'failed'; id: string; path: string }[] = [];
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = STEP.exec(name.slice(prefix.length));
    if (!m) continue;
    const path = join(parent, name);
    if (!statSync(path).isDirectory()) continue;
    out.push({ kind: m[1] as 'create' | 'restore' | 'old' | 'failed', id: m[2]!, path });
  }
  return out;
}

/** True when there is anything of a vault here: never offer to create a new vault over it. */
export function hasVaultData(dir: string): boolean {
  const files = vaultFiles(dir);
  if (existsSync(files.keyFile) || existsSync(files.database)) return true;
  return leftoversOf(dir).some((l) => l.kind === 'old' || l.kind === 'failed');
}

function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
  fsyncDir(dirname(path));
}

/** Finish or roll back every interrupted step. Returns what was done (codes, no paths or data). */
export function recoverInterruptedSteps(dir: string, options: { forRestore?: boolean } = {}): RecoveryAction[] {
  const done: RecoveryAction[] = [];
  const leftovers = leftoversOf(dir);
  const parent = dirname(dir);
  if (existsSync(parent)) {
    // The small companion files are written to `<file>.tmp-<hex>` and renamed (vault/atomic.ts):
    // a cut before the rename leaves the temporary file, and the companion is the old whole version.
    const companionTmp = new RegExp(`^${basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(lock-holder|deletions|throttle|throttle-key)\\.tmp-[0-9a-f]+$`);
    let removed = false;
    for (const name of readdirSync(parent)) {
      const m = companionTmp.exec(name);
      if (m) {
        rmSync(join(parent, name), { force: true });
        removed = true;
        done.push(m[1] === 'lock-holder' ? 'removed-unfinished-lock-holder' : 'removed-unfinished-companion');
      }
    }
    if (removed) fsyncDir(parent);
  }
  // Ids of restores, oldest questions first: put an old vault back before anything is removed.
  for (const old of leftovers.filter((l) => l.kind === 'old')) {
    if (!existsSync(dir)) {
      renameSync(old.path, dir);
      fsyncDir(dirname(dir));
      done.push('rolled-back-restore');
    } else if (existsSync(vaultFiles(dir).keyFile) && existsSync(vaultFiles(dir).database)) {
      // The restored vault is in place and complete (it was fsynced before its rename).
      removeTree(old.path);
      done.push('finished-restore');
    } else {
      throw new AppError(
        'VAULT_RECOVERY',
        `En gendannelse blev afbrudt, og boksmappen er ufuldstændig. Den tidligere boks ligger urørt i mappen ${basename(old.path)} ved siden af. Luk programmet, og kontakt SSP-Sekretariatet, før du gør andet. Intet er slettet.`,
      );
    }
  }
  for (const l of leftovers) {
    if (l.kind === 'old' || !existsSync(l.path)) continue;
    removeTree(l.path);
    done.push(l.kind === 'create' ? 'removed-unfinished-create' : l.kind === 'restore' ? 'removed-unfinished-restore' : 'removed-rolled-back-restore');
  }
  if (existsSync(dir)) {
    let removed = false;
    for (const name of readdirSync(dir)) {
      if (/^ssp-desk\.keys\.tmp-[0-9a-f]+$/.test(name)) {
        rmSync(join(dir, name), { force: true });
        removed = true;
      }
    }
    if (removed) {
      fsyncDir(dir);
      done.push('removed-unfinished-key-file');
    }
    const files = vaultFiles(dir);
    // A restore may replace such a folder (it checks the database against the backup itself).
    if (!options.forRestore && existsSync(files.database) && !existsSync(files.keyFile)) {
      throw new AppError(
        'VAULT_RECOVERY',
        'Boksmappen indeholder en database, men ingen nøglefil, så boksen kan ikke åbnes. Databasen er ikke slettet. Gendan boksen fra en sikkerhedskopi, eller kontakt SSP-Sekretariatet. Opret ikke en ny boks her.',
      );
    }
  }
  return done;
}
