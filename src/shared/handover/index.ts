/** Handover between vaults (issue 21): the payload (what moves). i21keys adds the bundle, identity and receipt contract. */
export * from './payload';
