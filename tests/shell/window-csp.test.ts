import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_TITLE } from '../../src/main/electron/window';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  developmentContentSecurityPolicy,
  metaCspOf,
  withMetaCsp,
  withoutMetaCsp,
} from '../../src/main/electron/csp';

function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(map.has(name), `directive ${name} appears twice`).toBe(false);
    map.set(name, values);
  }
  return map;
}

describe('main window options', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences!;

  it('isolates and sandboxes the renderer', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and the risky features off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.spellcheck).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.enableBlinkFeatures).toBeUndefined();
  });

  it('is titled SSP Desk and hidden until ready to show', () => {
    expect(options.title).toBe('SSP Desk');
    expect(WINDOW_TITLE).toBe('SSP Desk');
    expect(options.show).toBe(false);
  });

  it('has DevTools only when asked (development)', () => {
    expect(web.devTools).toBe(false);
    expect(mainWindowOptions('/p', { devTools: true }).webPreferences!.devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('denies by default and allows only our own scripts, styles, fonts and images', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('allows no network, plugins, frames, forms or base changes', () => {
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('worker-src')).toEqual(["'none'"]);
  });

  it('never allows eval, inline code, remote hosts or wildcards', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY]) {
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('wasm-unsafe-eval');
      expect(policy).not.toMatch(/https?:|wss?:|\*/);
    }
  });

  it('the meta policy is the header policy without frame-ancestors (ignored in meta elements)', () => {
    const meta = parseCsp(META_CONTENT_SECURITY_POLICY);
    expect(meta.has('frame-ancestors')).toBe(false);
    csp.delete('frame-ancestors');
    expect(meta).toEqual(csp);
  });

  it('the development policy relaxes only what the Vite dev server needs, for its own origin', () => {
    const dev = parseCsp(developmentContentSecurityPolicy('http://localhost:5173'));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('default-src')).toEqual(["'none'"]);
    expect(developmentContentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval');
  });
});

describe('meta CSP in the built index.html', () => {
  const page = '<!doctype html>\n<html lang="da">\n  <head>\n    <meta charset="UTF-8" />\n  </head>\n  <body></body>\n</html>';

  it('is inserted right after <meta charset> when the page has none', () => {
    const out = withMetaCsp(page);
    expect(out).toContain(`<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
    const bare = withMetaCsp('<html><head><title>x</title></head></html>');
    expect(bare.startsWith(`<html><head>\n    <meta http-equiv="Content-Security-Policy"`)).toBe(true);
  });

  it('is not doubled when the page already carries the same policy', () => {
    const once = withMetaCsp(page);
    expect(metaCspOf(withMetaCsp(once))).toEqual([META_CONTENT_SECURITY_POLICY]);
  });

  it('replaces a different policy in the page (the source page also serves the web test build)', () => {
    const source = page.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta\n      http-equiv="Content-Security-Policy"\n      content="default-src 'none'; connect-src 'self'"\n    />\n    <meta name="referrer" content="no-referrer" />`,
    );
    const out = withMetaCsp(source);
    expect(metaCspOf(out)).toEqual([META_CONTENT_SECURITY_POLICY]);
    expect(out).toContain('<meta name="referrer" content="no-referrer" />');
    expect(out).toContain('<meta charset="UTF-8" />');
  });

  it('is removed for the dev server (main sends the development policy as a header)', () => {
    expect(metaCspOf(withoutMetaCsp(withMetaCsp(page)))).toEqual([]);
  });
});

describe('reading meta CSP elements', () => {
  it('reads double- and single-quoted content, in either attribute order', () => {
    const html = `<head><meta content="default-src 'none'" http-equiv="Content-Security-Policy"><meta http-equiv='content-security-policy' content='img-src data:'><meta name="x" content="y"></head>`;
    expect(metaCspOf(html)).toEqual(["default-src 'none'", 'img-src data:']);
  });
});
