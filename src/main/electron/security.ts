import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import type { Logger } from '../core/log';
import { nullLogger } from '../core/log';
import { APP_SCHEME } from './app-protocol';

/**
 * Is `candidate` our own page? The app's page is app://ssp-desk/index.html (app-protocol.ts):
 * the same origin and the same page (or `/`, which serves it), any hash or query (the router lives
 * in the hash); no other file of the bundle (an SVG is a document too). For a file:// app URL
 * (kept for tools that load the build from disk) the same file. For the development server the
 * same origin. Paths are compared decoded (Chromium and Node may percent-encode non-ASCII
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
  if (a.protocol === `${APP_SCHEME}:`) {
    if (c.protocol !== a.protocol || c.host !== a.host || c.username || c.password || c.port) return false;
    return c.pathname === a.pathname || c.pathname === '/';
  }
  return false;
}

/** A URL's scheme only, for the log: never the rest (it could carry names or search terms). */
function schemeOf(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return m ? m[1]!.toLowerCase() : 'unknown';
}

export interface SecurityOptions {
  /** The URL our page is loaded from (app://ssp-desk/index.html, or the dev server in development). */
  appUrl: string;
  log?: Logger;
}

const guardedContents = new WeakSet<object>();

/** The one kind of new window a webContents may open, if any (allowWindowOpen). */
export type WindowOpenPolicy = (details: HandlerDetails) => WindowOpenHandlerResponse | null;
const windowOpenPolicies = new WeakMap<object, WindowOpenPolicy>();

/**
 * Let `webContents` open the windows `policy` allows (it answers null for everything else, which is
 * then denied like any other window). Used for the main window's projector window
 * (projection-window.ts); every other webContents opens nothing. Order with
 * installSecurityHandlers does not matter: its handler asks the policy at each window.open.
 */
export function allowWindowOpen(webContents: WebContents, policy: WindowOpenPolicy): void {
  windowOpenPolicies.set(webContents, policy);
}

const pinned = new WeakSet<object>();

/**
 * No navigation at all for `webContents`, not even to our own page: the projector window is an
 * about:blank document the control window writes into, and has nowhere to go.
 */
export function forbidNavigation(webContents: Pick<WebContents, 'on'>): void {
  pinned.add(webContents);
}
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
 * the app or elsewhere: there is no shell.openExternal in this app), no new windows but the one an
 * allowWindowOpen policy allows (the projector window), no webviews.
 */
export function installSecurityHandlers(session: Session, webContents: WebContents, options: SecurityOptions): void {
  const log = options.log ?? nullLogger;
  installSessionGuards(session, log);
  if (guardedContents.has(webContents)) return;
  guardedContents.add(webContents);

  webContents.on('will-navigate', (event, url) => {
    const target = typeof url === 'string' ? url : (event as { url?: string }).url ?? '';
    if (!pinned.has(webContents) && isAppUrl(target, options.appUrl)) return;
    event.preventDefault();
    log.warn('nav.blocked', { scheme: schemeOf(target) });
  });
  webContents.on('will-redirect', (event, url) => {
    const target = typeof url === 'string' ? url : (event as { url?: string }).url ?? '';
    if (!pinned.has(webContents) && isAppUrl(target, options.appUrl)) return;
    event.preventDefault();
    log.warn('nav.redirect_blocked', { scheme: schemeOf(target) });
  });
  webContents.setWindowOpenHandler((details) => {
    const allowed = windowOpenPolicies.get(webContents)?.(details) ?? null;
    if (allowed && allowed.action === 'allow') {
      log.info('window.open_allowed');
      return allowed;
    }
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
 * whatever the response carried. (The app:// handler sets it on its own responses too, and the
 * page's meta element in index.html carries the same policy as well.)
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
