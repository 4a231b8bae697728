/** The vault: contract and the passphrase rule. */
export * from './contract';
export * from './passphrase';
