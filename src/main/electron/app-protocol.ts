/**
 * The renderer is served from a custom protocol, app://ssp-desk/, not from file:// (Electron's
 * security checklist, item 18). A page on file:// has an opaque origin and, with Electron's
 * GrantFileProtocolExtraPrivileges fuse on, may fetch any other local file; a page on app://ssp-desk
 * has an origin of its own, so CSP's 'self' means exactly the built renderer, and that fuse is off
 * (electron-builder.yml).
 *
 * No 'electron' import here beyond types: app.ts registers the scheme (before ready) and the
 * handler (after), and the tests call the handler with real Request objects on a real folder.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import type { Logger } from '../core/log';
import { nullLogger } from '../core/log';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ssp-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. The router lives in the hash, so this is the only page. */
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: a real origin (app://ssp-desk), relative URLs resolve as on the web. secure: a secure
 * context, like https (no mixed-content downgrade). codeCache: V8's code cache for our scripts,
 * a faster start. Not given: supportFetchAPI, corsEnabled, bypassCSP, allowServiceWorkers, stream:
 * the page never fetches (connect-src 'none'), every module it loads is same-origin, and the CSP
 * must apply.
 */
export const APP_SCHEME_PRIVILEGED: CustomScheme = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, codeCache: true } };

/** What the renderer build emits (Vite's out/renderer, dkfds' fonts and icons). */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** A file's Content-Type by its extension; anything else is bytes (never sniffed: nosniff). */
export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The file under `rendererDir` that an app:// URL names, or why not. Refused (403): another host,
 * another scheme, a path that leaves the folder in any spelling (`..`, `%2e%2e`, an encoded `/` or
 * `\`, a drive letter, a NUL byte). `/` is index.html; a folder is not listed (404).
 */
export function resolveAppPath(url: string, rendererDir: string): AppPath {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path === '' || path === '/') path = '/index.html';
  if (path.endsWith('/')) return { ok: false, status: 404 };
  if (/[\0\\:]/.test(path)) return { ok: false, status: 403 };
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { ok: false, status: 403 };
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, file };
}

export interface AppProtocolOptions {
  /** out/renderer: the only folder served. */
  rendererDir: string;
  /** The Content-Security-Policy header sent with every response (csp.ts). */
  csp: string;
  log?: Logger;
  /** Tests only: how files are read (default fs.promises.readFile, which reads inside app.asar). */
  read?: (file: string) => Promise<Uint8Array>;
}

/** The response headers of every answer, errors included. */
export function baseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The protocol.handle handler: GET and HEAD of files under rendererDir, with their MIME type and
 * the CSP header; 403 for anything outside, 404 for what is not there, 405 for other methods.
 * The log gets the status only, never the path (a search term could end up in a URL).
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const log = options.log ?? nullLogger;
  const read = options.read ?? ((file: string) => readFile(file));
  const headers = baseHeaders(options.csp);
  const refuse = (status: number) => new Response(null, { status, headers });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      log.warn('protocol.refused', { status: 405 });
      return refuse(405);
    }
    const target = resolveAppPath(request.url, options.rendererDir);
    if (!target.ok) {
      log.warn('protocol.refused', { status: target.status });
      return refuse(target.status);
    }
    let body: Uint8Array;
    try {
      body = await read(target.file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return refuse(404);
      log.error('protocol.read_failed', { code: code ?? 'unknown' });
      return refuse(500);
    }
    const h = { ...headers, 'Content-Type': mimeTypeOf(target.file), 'Content-Length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers: h });
  };
}

/** Before app ready: app:// as a standard, secure scheme (Electron allows this call only once, early). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGED]);
}

/** After app ready: serve out/renderer on app://ssp-desk/ in the default session. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
