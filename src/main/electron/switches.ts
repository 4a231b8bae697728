/**
 * Command-line switches that would let another program on the computer look into or drive the
 * app (DevTools protocol, Node inspector, V8 flags). A packaged app refuses to start with any of
 * them; the fuses (electron-builder.yml) already make Electron ignore --inspect and NODE_OPTIONS.
 */
export const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags',
  'auto-open-devtools-for-tabs',
] as const;

/** The debugging switches present in argv (Chromium accepts both --name and -name, any case). */
export function debuggingSwitches(argv: readonly string[]): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const m = /^--?([A-Za-z-]+)(?:[=\s].*)?$/s.exec(arg);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if ((DEBUGGING_SWITCHES as readonly string[]).includes(name)) found.add(name);
  }
  return [...found];
}
