import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from './bridge';

/**
 * Browser mode's server (through the test wrapper): loopback only, one-time token exchanged for
 * an HttpOnly SameSite=Strict cookie, one session, Host and Origin checked on every request,
 * bounded bodies, no path traversal. Raw HTTP (node:http), so Host and Origin can be forged.
 */

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function raw(bridge: Bridge, path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const { port } = new URL(bridge.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(port), path, method: o.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

/** Exchange the opening token for the session cookie ("ssp_session=..."). */
async function openSession(bridge: Bridge): Promise<string> {
  const url = new URL(bridge.url);
  const r = await raw(bridge, `${url.pathname}${url.search}`);
  expect(r.status).toBe(303);
  expect(r.headers.location).toBe('/');
  const setCookie = String(r.headers['set-cookie'] ?? '');
  expect(setCookie).toMatch(/^ssp_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
  return setCookie.split(';')[0]!;
}

test('refuses to bind anything but 127.0.0.1', async () => {
  for (const host of ['0.0.0.0', 'localhost', '::', '192.168.1.10']) {
    await expect(startBridge({ host })).rejects.toThrow(/127\.0\.0\.1 only/);
  }
});

test('the opening URL carries a 32-byte token; it is spent on first use and buys exactly one session', async () => {
  const bridge = await startBridge();
  try {
    const url = new URL(bridge.url);
    expect(url.origin).toBe(bridge.origin);
    expect(url.pathname).toBe('/');
    const token = url.searchParams.get('token')!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    // Before the exchange: nothing without the token, not even the page; a wrong token is refused.
    expect((await raw(bridge, '/')).status).toBe(401);
    expect((await raw(bridge, '/index.html')).status).toBe(401);
    expect((await raw(bridge, `/?token=${token}x`)).status).toBe(401);
    expect((await raw(bridge, `/?token=${token.slice(0, -1)}A`)).status).toBe(401);

    const cookie = await openSession(bridge);
    // The token is spent: a second browser with it is refused; the session's own browser is sent home.
    expect((await raw(bridge, `/?token=${token}`)).status).toBe(403);
    const again = await raw(bridge, `/?token=${token}`, { headers: { Cookie: cookie } });
    expect(again.status).toBe(303);
    expect(again.headers['set-cookie']).toBeUndefined();

    const index = await raw(bridge, '/', { headers: { Cookie: cookie } });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    // The Electron window's policy, with connect-src 'self' for /rpc; as header and as meta element.
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'; script-src 'self'; style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index.body).toContain(`content="${csp.replace("; frame-ancestors 'none'", '')}"`);
    expect(index.body.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);

    // A made-up cookie is no session.
    expect((await raw(bridge, '/', { headers: { Cookie: 'ssp_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } })).status).toBe(401);
  } finally {
    await bridge.close();
  }
});

test('every request is checked for Host, Origin and Sec-Fetch-Site; /rpc needs the cookie and our Origin', async () => {
  const bridge = await startBridge();
  try {
    const cookie = await openSession(bridge);
    const { port } = new URL(bridge.origin);
    const call = JSON.stringify({ name: 'vault.status', input: {} });
    const rpc = (headers: Record<string, string>, body = call) =>
      raw(bridge, '/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const ours = { Cookie: cookie, Origin: bridge.origin };

    const ok = await rpc(ours);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { state: 'none' } });

    expect((await rpc({ Origin: bridge.origin })).status, 'no cookie').toBe(401);
    expect((await rpc({ Cookie: cookie })).status, 'no Origin').toBe(403);
    expect((await rpc({ ...ours, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc({ ...ours, Origin: `http://localhost:${port}` })).status).toBe(403);
    expect((await rpc({ ...ours, Origin: 'null' })).status).toBe(403);
    expect((await rpc({ ...ours, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // DNS rebinding: a foreign name resolving to 127.0.0.1, or our address with another port or name.
    for (const host of ['evil.example', `evil.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1:${Number(port) + 1}`]) {
      expect((await rpc({ ...ours, Host: host })).status, host).toBe(421);
      expect((await raw(bridge, '/', { headers: { Cookie: cookie, Host: host } })).status, host).toBe(421);
    }

    const unknown = await rpc(ours, JSON.stringify({ name: 'fs.readFile', input: {} }));
    expect(JSON.parse(unknown.body).error.code).toBe('UNKNOWN_OPERATION');
    expect((await rpc(ours, '{not json')).status).toBe(400);
    expect((await rpc(ours, 'x'.repeat(1024 * 1024 + 10))).status).toBe(413);
    expect((await rpc({ ...ours, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await raw(bridge, '/rpc', { headers: { Cookie: cookie } })).status).toBe(405);

    const html = (await raw(bridge, '/', { headers: { Cookie: cookie } })).body;
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await raw(bridge, `/${script}`, { headers: { Cookie: cookie } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw(bridge, `/${script}`)).status, 'static files need the session too').toBe(401);

    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00', '/.hidden', '/.build-stamp', '/assets']) {
      expect((await raw(bridge, path, { headers: { Cookie: cookie } })).status, path).toBe(404);
    }
  } finally {
    await bridge.close();
  }
});

test('close locks an unlocked vault', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssp-desk-close-'));
  const bridge = await startBridge({ vaultDir: join(dir, 'vault') });
  const created = await bridge.dispatch('vault.create', {
    owner: { name: 'Testa Testesen', role: 'SSP-koordinator', area: 'Amager' },
    passphrase: 'korrekt hest batteri hæfteklamme',
    passphraseConfirm: 'korrekt hest batteri hæfteklamme',
  });
  expect(created.ok).toBe(true);
  expect(bridge.ctx.vault.state()).toBe('unlocked');
  await bridge.close();
  expect(bridge.ctx.vault.state()).toBe('locked');
  rmSync(dir, { recursive: true, force: true });
});
