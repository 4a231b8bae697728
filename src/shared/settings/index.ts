/** Settings, backups, retention and the audit trail: contract. */
export * from './contract';
export * from './audit-labels';
