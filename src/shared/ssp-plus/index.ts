/** SSP+ plans: contract and rules. */
export * from './contract';
export * from './rules';
