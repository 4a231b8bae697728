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
 * frame-ancestors is left out: browsers ignore it in a meta element and warn about it. The page
 * is served on app://ssp-desk/ with the header policy (app-protocol.ts); the element is the same
 * policy again, should a response ever lack the header.
 */
export const META_CONTENT_SECURITY_POLICY = join(directives.filter(([k]) => k !== 'frame-ancestors'));

/**
 * Browser mode (src/main/browser-mode): the Electron window's policy with one change, as the page
 * talks to main over fetch('/rpc') on its own origin instead of IPC: connect-src 'self'.
 * `meta` leaves out frame-ancestors (ignored in a meta element); the header carries it.
 */
export function browserModeContentSecurityPolicy({ meta = false }: { meta?: boolean } = {}): string {
  return join(
    directives
      .filter(([k]) => !meta || k !== 'frame-ancestors')
      .map(([k, v]): [string, string] => (k === 'connect-src' ? [k, "'self'"] : [k, v])),
  );
}

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

function metaAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
  }
  return attrs;
}

const isCspMeta = (tag: string) => metaAttributes(tag).get('http-equiv')?.toLowerCase() === 'content-security-policy';

/** The content of the page's <meta http-equiv="Content-Security-Policy"> elements, in order. */
export function metaCspOf(html: string): string[] {
  return (html.match(/<meta\b[^>]*>/gi) ?? []).filter(isCspMeta).map((tag) => metaAttributes(tag).get('content') ?? '');
}

/** The page without any meta CSP element. */
export function withoutMetaCsp(html: string): string {
  return html.replace(/[ \t]*<meta\b[^>]*>[ \t]*\r?\n?/gi, (tag) => (isCspMeta(tag) ? '' : tag));
}

/**
 * The Electron renderer build's index.html: exactly one meta CSP, the app's, early in <head>
 * (after <meta charset> when there is one, which must come first).
 * Whatever policy the source page carries (src/renderer/index.html also serves the web test
 * build, which needs connect-src 'self' for its loopback bridge) is replaced, so the page carries
 * the app's policy even where no response header does.
 */
export function withMetaCsp(html: string, policy: string = META_CONTENT_SECURITY_POLICY): string {
  const page = withoutMetaCsp(html);
  const head = /<head(?:\s[^>]*)?>/i.exec(page);
  if (!head) throw new Error('index.html has no <head> to put the Content-Security-Policy in.');
  const afterHead = head.index + head[0].length;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(page.slice(afterHead));
  const at = charset ? afterHead + charset.index + charset[0].length : afterHead;
  return `${page.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />${page.slice(at)}`;
}
