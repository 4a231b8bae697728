/** Settings, backups, retention and the audit trail: contract. */
export * from './contract';
