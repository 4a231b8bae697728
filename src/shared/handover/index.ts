export * from './fingerprint';
export * from './bundle';
export * from './contract';
