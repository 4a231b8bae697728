import { expect, test } from '@playwright/test';
import { startBridge } from './bridge';

/** The test bridge itself: loopback only, token required, bounded bodies, no path traversal. */

test('refuses to bind anything but 127.0.0.1', async () => {
  for (const host of ['0.0.0.0', 'localhost', '::', '192.168.1.10']) {
    await expect(startBridge({ host })).rejects.toThrow(/127\.0\.0\.1 only/);
  }
});

test('rpc needs the token; static files stay inside dist-web', async () => {
  const bridge = await startBridge();
  try {
    const token = new URL(bridge.url).hash.replace('#token=', '');
    const rpc = (headers: Record<string, string>, body: string) =>
      fetch(`${bridge.origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const call = JSON.stringify({ name: 'vault.status', input: {} });

    expect((await rpc({}, call)).status).toBe(401);
    expect((await rpc({ Authorization: 'Bearer wrong' }, call)).status).toBe(401);
    expect((await rpc({ Authorization: `Bearer ${token}x` }, call)).status).toBe(401);
    const ok = await rpc({ Authorization: `Bearer ${token}` }, call);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, value: { state: 'none' } });

    const unknown = await rpc({ Authorization: `Bearer ${token}` }, JSON.stringify({ name: 'fs.readFile', input: {} }));
    expect((await unknown.json()).error.code).toBe('UNKNOWN_OPERATION');
    expect((await rpc({ Authorization: `Bearer ${token}` }, '{not json')).status).toBe(400);
    expect((await rpc({ Authorization: `Bearer ${token}` }, 'x'.repeat(1024 * 1024 + 10))).status).toBe(413);
    expect((await fetch(`${bridge.origin}/rpc`)).status).toBe(405);
    const evilOrigin = await rpc({ Authorization: `Bearer ${token}`, Origin: 'http://evil.example' }, call);
    expect(evilOrigin.status).toBe(403);

    const index = await fetch(`${bridge.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const js = await fetch(`${bridge.origin}/${script}`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00', '/.hidden', '/assets']) {
      const res = await fetch(`${bridge.origin}${path}`);
      expect(res.status, path).toBe(404);
    }
  } finally {
    await bridge.close();
  }
});
