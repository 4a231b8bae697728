/**
 * The renderer's Content Security Policy. Pure strings and functions (no 'electron' import), so
 * electron.vite.config.ts and the tests can use them too.
 *
 * The renderer is a local React bundle: scripts, styles, fonts and images come from the app's own
 * files; it talks to main only through the preload's IPC bridge, never over the network, so
 * connect-src is 'none'. style-src needs no 'unsafe-inline': Vite's production build emits CSS as
 * files loaded with <link>, and React's `style` prop writes through the CSSOM (element.style),
 * which CSP does not govern. dkfds is meant to be used here as CSS and fonts (its markup patterns
 * written as React components); its own JS sets style attributes and would need 'unsafe-inline',
 * so it is not to be loaded. img-src allows data: because Vite inlines small assets (dkfds
 * icons) as data: URLs.
 */
const directives: readonly (readonly [string, string])[] = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['child-src', "'none'"],
  ['worker-src', "'none'"],
  ['manifest-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

const join = (list: readonly (readonly [string, string])[]): string => list.map(([k, v]) => `${k} ${v}`).join('; ');

/** Sent as a response header for every response the renderer's session receives. */
export const CONTENT_SECURITY_POLICY = join(directives);

/**
 * The same policy for the renderer's index.html <meta http-equiv="Content-Security-Policy">.
 * frame-ancestors is left out: browsers ignore it in a meta element and warn about it. For pages
 * loaded from file:// the meta element is what applies, as no response headers are involved.
 */
export const META_CONTENT_SECURITY_POLICY = join(directives.filter(([k]) => k !== 'frame-ancestors'));

/**
 * Development only (electron-vite dev server, never in a packaged app): Vite injects inline
 * scripts (React refresh preamble) and <style> elements, and talks to its server over a websocket.
 */
export function developmentContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  const ws = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return join(
    directives.map(([k, v]): [string, string] => {
      if (k === 'script-src') return [k, "'self' 'unsafe-inline'"];
      if (k === 'style-src') return [k, "'self' 'unsafe-inline'"];
      if (k === 'connect-src') return [k, `'self' ${ws}`];
      return [k, v];
    }),
  );
}

/** The content of the page's <meta http-equiv="Content-Security-Policy"> elements, in order. */
export function metaCspOf(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
    }
    if (attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy') found.push(attrs.get('content') ?? '');
  }
  return found;
}

/**
 * For the production renderer build: make sure index.html carries exactly our meta CSP. If the
 * page already has one it must be identical (a differing copy is an error, not silently
 * replaced); if it has none, it is inserted right after <head>.
 */
export function withMetaCsp(html: string, policy: string = META_CONTENT_SECURITY_POLICY): string {
  const found = metaCspOf(html);
  if (found.length > 0) {
    const other = found.find((p) => p !== policy);
    if (other !== undefined) {
      throw new Error(
        `src/renderer/index.html carries a Content-Security-Policy that differs from the app's.\n  found:    ${other}\n  expected: ${policy}`,
      );
    }
    return html;
  }
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('index.html has no <head> to put the Content-Security-Policy in.');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />${html.slice(at)}`;
}
