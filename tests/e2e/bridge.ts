/**
 * The loopback test bridge: the real main-process handlers on a real encrypted vault, reachable
 * from the web build of the renderer (dist-web) in Chromium. Test code only; never built into
 * the app. It binds 127.0.0.1 only, serves dist-web read-only and answers POST /rpc only with
 * the random token the page got in its URL fragment.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppContext, type AppContext } from '../../src/main/app-context';
import { createDispatcher, type Dispatch } from '../../src/main/modules';
import { TEST_KDF, type KdfParams } from '../../src/main/vault/kdf';

export const DIST_WEB = fileURLToPath(new URL('../../dist-web', import.meta.url));

/** The same policy as the meta tag in src/renderer/index.html, sent as a header too. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

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

export interface BridgeOptions {
  /** A vault folder; a fresh temporary one (removed on close) when left out. */
  vaultDir?: string;
  kdf?: KdfParams;
  /** Only 127.0.0.1 is accepted; anything else throws. */
  host?: string;
  /** The built renderer; dist-web by default. */
  distDir?: string;
  /** The main process's clock; the real one when left out. */
  now?: () => Date;
}

export interface Bridge {
  /** Open this in the browser: the app, with the token in the fragment. */
  url: string;
  origin: string;
  ctx: AppContext;
  dispatch: Dispatch;
  vaultDir: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': CSP,
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', head = false): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
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
 * dist-web read into memory once, keyed by URL path ("/index.html", "/assets/x.js"). Serving
 * from this map makes traversal impossible by construction (a path is either a key or a 404),
 * and keeps a running test consistent when someone rebuilds dist-web meanwhile. Dotfiles and
 * symlinks are left out.
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
  return files;
}

/** The snapshot entry for a request path, or undefined. "/" is the index page. */
function lookup(files: Map<string, StaticFile>, urlPath: string): StaticFile | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  return files.get(decoded === '/' ? '/index.html' : decoded);
}

export async function startBridge(options: BridgeOptions = {}): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error(`The test bridge binds 127.0.0.1 only, not ${host}`);
  const distDir = realpathSync(options.distDir ?? DIST_WEB);
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: run npm run build:web first`);
  const files = snapshotDir(distDir);

  const ownsVaultDir = !options.vaultDir;
  const vaultDir = options.vaultDir ?? mkdtempSync(join(tmpdir(), 'ssp-desk-e2e-'));
  const ctx = createAppContext({ vaultDir, kdf: options.kdf ?? TEST_KDF, ...(options.now ? { now: options.now } : {}) });
  const dispatch = createDispatcher(ctx);
  const token = randomBytes(32).toString('base64url');
  let origin = '';

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Against DNS rebinding: only our own host name, and only our own origin when one is sent.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'Misdirected request');
    if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'Forbidden');
    const path = new URL(req.url ?? '/', origin).pathname;

    if (path === '/rpc') {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
      if (!tokenMatches(req.headers.authorization, token)) return send(res, 401, 'Unauthorized');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Unsupported media type');
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'Payload too large');
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return send(res, 400, 'Bad JSON');
      }
      if (typeof message !== 'object' || message === null) return send(res, 400, 'Bad request');
      const { name, input } = message as { name?: unknown; input?: unknown };
      const result = await dispatch(name, input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const file = lookup(files, path);
    if (!file) return send(res, 404, 'Not found');
    return send(res, 200, file.content, file.type, req.method === 'HEAD');
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  return {
    url: `${origin}/index.html#token=${token}`,
    origin,
    ctx,
    dispatch,
    vaultDir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (ctx.vault.state() === 'unlocked') ctx.vault.lock();
      if (ownsVaultDir) rmSync(vaultDir, { recursive: true, force: true });
    },
  };
}
