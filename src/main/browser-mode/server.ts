/**
 * Browser mode: the real main process (vault, dispatcher, every domain's handlers) serving the
 * built renderer (dist-web, `npm run build:web`) to one browser window on this computer. It is
 * what `npm start` runs where Electron's binary is missing (or with `--browser`), and what the
 * e2e tests run against (tests/e2e/bridge.ts is a thin wrapper over this).
 *
 * Security, as for any local server that holds secrets:
 * - binds 127.0.0.1 only, at a random port;
 * - every request must name exactly our host (127.0.0.1:PORT) in Host (against DNS rebinding)
 *   and, when it carries an Origin, our origin; POST /rpc must carry our Origin, and a
 *   Sec-Fetch-Site other than same-origin is refused;
 * - the opening URL holds a one-time token of 32 random bytes (`/?token=...`). The first request
 *   with it gets a session cookie (32 random bytes, HttpOnly, SameSite=Strict, Path=/) and a
 *   redirect to `/`, so the token leaves the address bar and history. The token is then spent:
 *   one session, one browser. Every other request, static files included, needs that cookie;
 * - the same Content-Security-Policy as the Electron window, except connect-src 'self' (the page
 *   calls /rpc instead of IPC), as a header and as the page's meta element;
 * - dist-web is read into memory at start: a path is a key of that map or a 404 (no traversal);
 * - request bodies are bounded; the dispatcher validates operation names and inputs with zod.
 * Idle lock is the renderer's (as in Electron); `lock(reason)` is for exit and signals (cli.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { createAppContext, type AppContext } from '../app-context';
import { nullLogger, type Logger } from '../core/log';
import { createDispatcher, type Dispatch } from '../modules';
import type { KdfParams } from '../vault';
import { browserModeContentSecurityPolicy, withMetaCsp } from '../electron/csp';

export const LOOPBACK_HOST = '127.0.0.1';
export const SESSION_COOKIE = 'ssp_session';
const MAX_BODY_BYTES = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.txt': 'text/plain; charset=utf-8',
};

export interface BrowserModeOptions {
  /** The built renderer (dist-web). */
  distDir: string;
  vaultDir: string;
  /** Tests only: cheap key derivation. The app uses the vault's defaults. */
  kdf?: KdfParams;
  /** Only 127.0.0.1 is accepted; anything else throws. */
  host?: string;
  /** The main process's clock; the real one when left out. */
  now?: () => Date;
  log?: Logger;
  /** Check handlers' answers against the contract (on in development and tests). */
  validateOutput?: boolean;
}

export interface BrowserModeServer {
  /** The opening URL, with the one-time token: `http://127.0.0.1:PORT/?token=...`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  ctx: AppContext;
  dispatch: Dispatch;
  vaultDir: string;
  /** Lock the vault now (audit entry through the vault.lock handler), e.g. on exit. */
  lock(reason: string): void;
  /** Stop serving and lock the vault. */
  close(): Promise<void>;
}

export const BROWSER_MODE_CSP = browserModeContentSecurityPolicy();

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': BROWSER_MODE_CSP,
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** Shown in the browser when a request is refused (no personal data, nothing echoed back). */
const REFUSAL_TEXT: Record<number, string> = {
  401: 'SSP Desk: adgang nægtet. Åbn programmet med den adresse, som SSP Desk skrev, da det startede.',
  403: 'SSP Desk: adgang nægtet. Programmet er allerede åbnet i et andet vindue, eller forespørgslen kom ikke fra SSP Desk.',
  421: 'SSP Desk: forkert adresse. Brug den adresse, som SSP Desk skrev, da det startede.',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', head = false, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

function refuse(res: ServerResponse, status: 401 | 403 | 405 | 413 | 415 | 400 | 404 | 421, fallback = ''): void {
  send(res, status, REFUSAL_TEXT[status] ?? fallback);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header (the last one wins, as a duplicate is suspicious anyway). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  let value: string | undefined;
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) value = part.slice(eq + 1).trim();
  }
  return value;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooBig = true;
        chunks.length = 0;
        return; // keep draining, answer 413 at the end
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface StaticFile {
  content: Buffer;
  type: string;
}

/**
 * dist-web read into memory once, keyed by URL path ("/index.html", "/assets/x.js"). Dotfiles and
 * symlinks are left out. index.html gets the browser-mode policy as its meta CSP.
 */
function snapshotDir(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) continue;
      if (stat.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (stat.isFile()) {
        files.set(`${prefix}${entry.name}`, {
          content: readFileSync(full),
          type: CONTENT_TYPES[extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
        });
      }
    }
  };
  walk(root, '/');
  const index = files.get('/index.html');
  if (index) {
    const html = withMetaCsp(index.content.toString('utf8'), browserModeContentSecurityPolicy({ meta: true }));
    files.set('/index.html', { content: Buffer.from(html), type: index.type });
  }
  return files;
}

function lookup(files: Map<string, StaticFile>, urlPath: string): StaticFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  return files.get(decoded === '/' ? '/index.html' : decoded);
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const host = options.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST) throw new Error(`Browser mode binds 127.0.0.1 only, not ${host}`);
  const distDir = realpathSync(options.distDir);
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: run npm run build:web first`);
  const files = snapshotDir(distDir);
  const log = options.log ?? nullLogger;

  const ctx = createAppContext({
    vaultDir: options.vaultDir,
    log,
    validateOutput: options.validateOutput ?? true,
    ...(options.kdf ? { kdf: options.kdf } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const dispatch = createDispatcher(ctx);

  /** One-time opening token; null once exchanged for the session. */
  let openingToken: string | null = randomBytes(32).toString('base64url');
  const firstToken = openingToken;
  /** The one session's cookie value; null until the token is exchanged. */
  let session: string | null = null;
  let origin = '';
  let hostHeader = '';

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      log.error('browser_mode.request_failed');
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Against DNS rebinding: exactly our host name and port; and only our own origin.
    if (req.headers.host !== hostHeader) {
      log.warn('browser_mode.refused', { why: 'host' });
      return refuse(res, 421);
    }
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      log.warn('browser_mode.refused', { why: 'origin' });
      return refuse(res, 403);
    }
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      log.warn('browser_mode.refused', { why: 'fetch-site' });
      return refuse(res, 403);
    }

    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return refuse(res, 400, 'Bad request');
    }
    const hasSession = session !== null && sameSecret(cookieValue(req.headers.cookie, SESSION_COOKIE), session);

    // The opening URL: exchange the one-time token for the session cookie.
    const offeredToken = url.searchParams.get('token');
    if (offeredToken !== null) {
      if (req.method !== 'GET') return refuse(res, 405, 'Method not allowed');
      if (hasSession) return send(res, 303, '', undefined, false, { Location: '/' });
      if (openingToken === null || !sameSecret(offeredToken, openingToken)) {
        log.warn('browser_mode.refused', { why: openingToken === null ? 'token-spent' : 'token' });
        return refuse(res, openingToken === null ? 403 : 401);
      }
      openingToken = null;
      session = randomBytes(32).toString('base64url');
      log.info('browser_mode.session_opened');
      return send(res, 303, '', undefined, false, {
        Location: '/',
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }

    if (!hasSession) {
      log.warn('browser_mode.refused', { why: 'no-session' });
      return refuse(res, 401);
    }

    if (url.pathname === '/rpc') {
      if (req.method !== 'POST') return refuse(res, 405, 'Method not allowed');
      // A POST from a page always carries Origin; one without it did not come from our page.
      if (requestOrigin !== origin) {
        log.warn('browser_mode.refused', { why: 'rpc-origin' });
        return refuse(res, 403);
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Unsupported media type');
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'Payload too large');
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return refuse(res, 400, 'Bad JSON');
      }
      if (typeof message !== 'object' || message === null) return refuse(res, 400, 'Bad request');
      const { name, input } = message as { name?: unknown; input?: unknown };
      const result = await dispatch(name, input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    const file = lookup(files, url.pathname);
    if (!file) return refuse(res, 404, 'Not found');
    return send(res, 200, file.content, file.type, req.method === 'HEAD');
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `${host}:${port}`;
  origin = `http://${hostHeader}`;

  const lock = (reason: string) => {
    if (ctx.vault.state() !== 'unlocked') return;
    // The handler locks synchronously before its first await (audit entry first); the direct
    // lock is the fallback if it failed.
    void dispatch('vault.lock', {}).catch(() => undefined);
    if (ctx.vault.state() === 'unlocked') {
      try {
        ctx.vault.lock();
      } catch {
        log.error('vault.lock_failed', { reason });
      }
    }
    log.info('vault.auto_locked', { reason });
  };

  let closed = false;
  return {
    url: `${origin}/?token=${firstToken}`,
    origin,
    ctx,
    dispatch,
    vaultDir: options.vaultDir,
    lock,
    async close() {
      if (closed) return;
      closed = true;
      lock('exit');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
