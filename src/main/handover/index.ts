import type { DomainModule } from '../core/module';
import { handoverHandlers } from './handlers';
import { createIdentityOnVaultCreated } from './identity';

/**
 * Handing a young person's cases over to a colleague's vault: the vault's keys and fingerprint,
 * the known colleagues, the encrypted and signed bundle and receipt, and the flow around them.
 */
export const handoverModule: DomainModule = { name: 'handover', handlers: handoverHandlers, onVaultCreated: createIdentityOnVaultCreated };

export * from './schema';
