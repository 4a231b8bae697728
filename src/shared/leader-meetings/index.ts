/** Ledergruppe meetings: contract and rules. */
export * from './contract';
export * from './rules';
