import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { openVault } from '../../app-context';
import { createBackup, restoreBackup } from '../../vault';
import { setSetting } from '../../settings';
import { audit } from '../../core/audit';
import { readPassphraseFile, requireArg, type CliIo } from '../io';

export async function backupCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { vault: { type: 'string' }, 'passphrase-file': { type: 'string' }, out: { type: 'string' } }, strict: true });
  const vault = openVault(requireArg(values.vault, '--vault'));
  const out = resolve(requireArg(values.out, '--out'));
  await vault.unlock('passphrase', readPassphraseFile(values['passphrase-file']));
  try {
    const now = new Date();
    const m = createBackup(vault, out, now);
    setSetting(vault.current.db, 'lastBackupAt', now.toISOString());
    audit(vault.current.db, { at: now, actor: vault.current.owner.name, action: 'backup', entity: 'vault', detail: 'cli' });
    const rows = Object.values(m.rowCounts).reduce((a, b) => a + b, 0);
    io.out(`Sikkerhedskopi skrevet til ${out} (${m.database.bytes + m.keyFile.bytes} bytes, ${rows} rækker, ${m.migrations.length} migreringer).`);
    return 0;
  } finally {
    vault.lock();
  }
}

export async function restoreCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { vault: { type: 'string' }, 'passphrase-file': { type: 'string' }, from: { type: 'string' }, recovery: { type: 'boolean' } },
    strict: true,
  });
  const vault = openVault(requireArg(values.vault, '--vault'));
  const from = resolve(requireArg(values.from, '--from'));
  const secret = readPassphraseFile(values['passphrase-file']);
  const m = await restoreBackup(vault, from, values.recovery ? 'recovery' : 'passphrase', secret);
  try {
    audit(vault.current.db, { at: new Date(), actor: vault.current.owner.name, action: 'restore', entity: 'vault', detail: 'cli' });
  } finally {
    vault.lock();
  }
  io.out(`Boksen er gendannet fra sikkerhedskopien taget ${m.createdAt}.`);
  return 0;
}
