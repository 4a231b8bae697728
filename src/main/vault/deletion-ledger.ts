import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Sqlite } from '../core/connection';
import { writeFileAtomicBytes } from './atomic';

/**
 * The deletion ledger (issue 15): which rows retention anonymised, kept outside the database in a
 * file beside the vault folder (`<folder>.deletions`), so that a restore of an older backup can
 * anonymise them again instead of bringing the people back. It holds row ids and their creation
 * times only (no names, no CPR numbers: the creation time tells a reused id from the deleted
 * row). It is authenticated with an HMAC under the vault's backup MAC key, which lives inside the
 * encrypted database (and is the same in every backup of the vault), so an edited ledger is
 * refused rather than used to delete other rows.
 */
export interface DeletionEntry {
  at: string;
  cases: [number, string][];
  people: [number, string][];
}

const rowRef = z.tuple([z.number().int().positive(), z.string().max(40)]);
const ledgerSchema = z
  .object({
    format: z.literal('ssp-desk-deletions'),
    version: z.literal(1),
    vaultId: z.string().uuid(),
    entries: z.array(z.object({ at: z.string().max(40), cases: z.array(rowRef), people: z.array(rowRef) }).strict()),
    mac: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export const deletionLedgerFile = (vaultDir: string) => `${vaultDir}.deletions`;

function macKeyOf(sqlite: Sqlite): { vaultId: string; key: Buffer } | null {
  const row = sqlite.prepare('SELECT vault_id AS v, backup_mac_key AS k FROM vault_meta WHERE id = 1').get() as { v: string; k: string | null } | undefined;
  return row?.k ? { vaultId: row.v, key: Buffer.from(row.k, 'hex') } : null;
}

function macOf(key: Buffer, vaultId: string, entries: DeletionEntry[]): string {
  return createHmac('sha256', key).update(JSON.stringify(['ssp-desk-deletions', 1, vaultId, entries])).digest('hex');
}

export type LedgerRead = { ok: true; entries: DeletionEntry[] } | { ok: false; reason: 'invalid' };

/** The ledger's entries, checked against this vault's key. No file: no entries. */
export function readDeletionLedger(vaultDir: string, sqlite: Sqlite): LedgerRead {
  const file = deletionLedgerFile(vaultDir);
  if (!existsSync(file)) return { ok: true, entries: [] };
  const k = macKeyOf(sqlite);
  try {
    const parsed = ledgerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const entries = parsed.entries as DeletionEntry[];
    if (k && parsed.vaultId === k.vaultId && timingSafeEqual(Buffer.from(macOf(k.key, k.vaultId, entries), 'hex'), Buffer.from(parsed.mac, 'hex'))) {
      return { ok: true, entries };
    }
  } catch {
    // falls through
  }
  return { ok: false, reason: 'invalid' };
}

/**
 * Add one retention run. Written before the deletion is committed would record deletions that
 * did not happen; after, a crash in between loses the entry: it is written right after the commit
 * (the deletion is in the database, and every backup taken later has it too).
 */
export function appendDeletionLedger(vaultDir: string, sqlite: Sqlite, entry: DeletionEntry): void {
  const k = macKeyOf(sqlite);
  if (!k) throw new Error('vault_meta has no backup MAC key');
  const read = readDeletionLedger(vaultDir, sqlite);
  // An invalid ledger is not extended (its entries cannot be trusted); it is replaced by one that
  // starts with this entry, and the caller's audit entry says so.
  const entries = [...(read.ok ? read.entries : []), entry];
  const body = { format: 'ssp-desk-deletions', version: 1, vaultId: k.vaultId, entries, mac: macOf(k.key, k.vaultId, entries) };
  writeFileAtomicBytes(deletionLedgerFile(vaultDir), Buffer.from(`${JSON.stringify(body)}\n`, 'utf8'));
}
