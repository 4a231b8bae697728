import type { DomainModule } from '../core/module';
import { settingsHandlers } from './handlers';

/** Settings, backups, retention and the audit trail. */
export const settingsModule: DomainModule = { name: 'settings', handlers: settingsHandlers };

export * from './store';
export { recordRetentionDeletion } from './restore-record';
