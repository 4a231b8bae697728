/** Release coordination: contract, rules and the release meeting checklist. */
export * from './contract';
export * from './rules';
export * from './checklist';
