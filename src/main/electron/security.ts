import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/log';
import { nullLogger } from '../core/log';

/**
 * Is `candidate` our own page? For a packaged app the page is one file (file://.../index.html):
 * same file, any hash or query (the router lives in the hash). For the development server it is
 * the same origin. Paths are compared decoded (Chromium and Node may percent-encode non-ASCII
 * folder names differently) and, on Windows, without regard to case.
 */
export function isAppUrl(candidate: string, appUrl: string, caseInsensitive = process.platform === 'win32'): boolean {
  let c: URL;
  let a: URL;
  try {
    c = new URL(candidate);
    a = new URL(appUrl);
  } catch {
    return false;
  }
  if (a.protocol === 'file:') {
    if (c.protocol !== 'file:' || c.host !== a.host) return false;
    const norm = (p: string) => {
      let s = p;
      try {
        s = decodeURIComponent(p);
      } catch {
        // keep as is
      }
      return caseInsensitive ? s.toLowerCase() : s;
    };
    return norm(c.pathname) === norm(a.pathname);
  }
  if (a.protocol === 'http:' || a.protocol === 'https:') return c.origin === a.origin;
  return false;
}

/** A URL's scheme only, for the log: never the rest (it could carry names or search terms). */
function schemeOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? m[1]!.toLowerCase() : 'unknown';
}

export interface SecurityOptions {
  /** The URL our page is loaded from (file://.../index.html, or the dev server in development). */
  appUrl: string;
  log?: Logger;
}

const guardedContents = new WeakSet<object>();
const guardedSessions = new WeakSet<object>();

/**
 * Session-wide refusals: every permission request (camera, microphone, notifications, geolocation,
 * clipboard read, HID, serial, ...) is answered no, and every permission check is false. The one
 * exception is full screen for our own page, which the ledergruppe projection asks for.
 */
export function installSessionGuards(session: Session, log: Logger = nullLogger): void {
  if (guardedSessions.has(session)) return;
  guardedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    if (permission === 'fullscreen') {
      callback(true);
      return;
    }
    log.warn('permission.denied', { permission: String(permission) });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window's refusals: no navigation away from our page (links to the web are not opened, in
 * the app or elsewhere: there is no shell.openExternal in this app), no new windows, no webviews.
 */
export function installSecurityHandlers(session: Session, webContents: WebContents, options: SecurityOptions): void {
  const log = options.log ?? nullLogger;
  installSessionGuards(session, log);
  if (guardedContents.has(webContents)) return;
  guardedContents.add(webContents);

  webContents.on('will-navigate', (event, url) => {
    const target = typeof url === 'string' ? url : (event as { url?: string }).url ?? '';
    if (isAppUrl(target, options.appUrl)) return;
    event.preventDefault();
    log.warn('nav.blocked', { scheme: schemeOf(target) });
  });
  webContents.on('will-redirect', (event, url) => {
    const target = typeof url === 'string' ? url : (event as { url?: string }).url ?? '';
    if (isAppUrl(target, options.appUrl)) return;
    event.preventDefault();
    log.warn('nav.redirect_blocked', { scheme: schemeOf(target) });
  });
  webContents.setWindowOpenHandler((details) => {
    log.warn('window.open_denied', { scheme: schemeOf(details.url) });
    return { action: 'deny' };
  });
  webContents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview.blocked');
  });
}

/**
 * Send our Content-Security-Policy header with every response the session receives, replacing
 * whatever the response carried. (Pages read from file:// have no response headers to rewrite:
 * for those the meta element in index.html carries the same policy.)
 */
export function installContentSecurityPolicy(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() === 'content-security-policy') continue;
      headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
