/** Handover between vaults (issue 21): the payload (what moves), the bundle's envelope and manifests, fingerprints, and the contract. */
export * from './payload';
export * from './fingerprint';
export * from './bundle';
export * from './contract';
