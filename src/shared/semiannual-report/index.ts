/** The semi-annual report format: schema, building, totals, anonymising and merging. */
export * from './schema';
export * from './layout';
export * from './build';
export * from './totals';
export * from './validate';
export * from './anonymise';
export * from './merge';
export * from './labels';
export * from './csv';
export * from './contract';
export * from './suppression';
export * from './suppression-graph';
export * from './linked';
export * from './linked-system';
export * from './views';
export * from './trend';
