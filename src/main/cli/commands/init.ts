import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { openVault } from '../../app-context';
import { audit } from '../../core/audit';
import { readPassphraseFile, requireArg, type CliIo } from '../io';
import type { KdfParams } from '../../vault';

export async function initCommand(argv: string[], io: CliIo, kdf?: KdfParams): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      vault: { type: 'string' },
      'passphrase-file': { type: 'string' },
      owner: { type: 'string' },
      role: { type: 'string' },
      area: { type: 'string' },
    },
    strict: true,
  });
  const dir = requireArg(values.vault, '--vault');
  const passphrase = readPassphraseFile(values['passphrase-file']);
  const owner = {
    name: values.owner ?? userInfo().username,
    role: values.role ?? 'SSP-koordinator',
    area: values.area ?? 'Ikke angivet',
  };
  const vault = openVault(dir, kdf ? { kdf } : {});
  const { recoveryKey } = await vault.create(passphrase, owner);
  audit(vault.current.db, { at: new Date(), actor: owner.name, action: 'create', entity: 'vault', detail: 'cli' });
  vault.lock();
  io.out(`Boksen er oprettet i ${dir}.`);
  io.out('');
  io.out('Gendannelsesnøgle (vises kun denne ene gang; udskriv den og opbevar den i SSP-Sekretariatets pengeskab):');
  io.out(`  ${recoveryKey}`);
  return 0;
}
