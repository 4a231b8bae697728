/**
 * The domains and what each builds on. A domain's folder in src/shared, src/main and src/renderer
 * may import its own folders, its layer's core, src/shared/core, and the domains listed here.
 * Read by the lint rule (domain-boundaries.js), its test and docs/DEVELOPING.md.
 */
export const DOMAIN_DEPENDENCIES = {
  vault: [],
  cases: [],
  settings: ['vault', 'cases'],
  'ssp-plus': ['cases'],
  releases: ['cases', 'ssp-plus'],
  'leader-meetings': ['cases', 'ssp-plus', 'releases'],
  'semiannual-report': ['vault', 'cases', 'settings', 'ssp-plus', 'releases', 'leader-meetings'],
  overview: ['cases', 'ssp-plus', 'releases', 'leader-meetings'],
  handover: ['vault', 'cases', 'settings', 'ssp-plus', 'releases', 'leader-meetings', 'overview'],
};

export const LAYERS = ['shared', 'main', 'renderer', 'preload'];
