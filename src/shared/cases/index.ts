/** The case register's contract and rules (levels, closing reasons, events, efforts). */
export * from './contract';
export * from './levels';
export * from './find';
export * from './exit';
export * from './exit-contract';
export * from './youth-groups';
