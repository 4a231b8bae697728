/**
 * The domains, by folder name: each has one folder of this name in src/shared, src/main and
 * src/renderer. The lists that join them (src/main/modules.ts, src/renderer/modules.tsx) are
 * checked against this one.
 */
export const DOMAINS = ['vault', 'cases', 'settings', 'ssp-plus', 'releases', 'leader-meetings', 'semiannual-report', 'overview', 'handover'] as const;
export type DomainName = (typeof DOMAINS)[number];

/**
 * Check a list of domain entries: every domain exactly once. Throws on a duplicate, a name that
 * is not a domain, or a domain left out.
 */
export function checkDomainList(what: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!(DOMAINS as readonly string[]).includes(name)) throw new Error(`${what}: not a domain: ${name}`);
    if (seen.has(name)) throw new Error(`${what}: listed twice: ${name}`);
    seen.add(name);
  }
  const missing = DOMAINS.filter((d) => !seen.has(d));
  if (missing.length) throw new Error(`${what}: missing: ${missing.join(', ')}`);
}
