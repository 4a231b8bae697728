import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  installContentSecurityPolicy,
  installSecurityHandlers,
  isAppUrl,
} from '../../src/main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../src/main/electron/csp';
import type { Logger, LogData } from '../../src/main/core/log';
import { StandInEvent, StandInSession, StandInWebContents } from './stand-in';

const APP_URL = 'file:///opt/SSP%20Desk/resources/app.asar/out/renderer/index.html';

function recordingLog(): Logger & { events: { level: string; event: string; data?: LogData }[] } {
  const events: { level: string; event: string; data?: LogData }[] = [];
  return {
    events,
    info: (event, data) => events.push({ level: 'info', event, data }),
    warn: (event, data) => events.push({ level: 'warn', event, data }),
    error: (event, data) => events.push({ level: 'error', event, data }),
  };
}

function guarded() {
  const session = new StandInSession();
  const contents = new StandInWebContents(session);
  const log = recordingLog();
  installSecurityHandlers(session as unknown as Session, contents as unknown as WebContents, { appUrl: APP_URL, log });
  return { session, contents, log };
}

function navigate(contents: StandInWebContents, url: string, event = 'will-navigate'): StandInEvent {
  const e = new StandInEvent(url);
  contents.emit(event, e, url);
  return e;
}

describe('isAppUrl', () => {
  it('accepts our page with any hash or query', () => {
    expect(isAppUrl(APP_URL, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/sager/12`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?x=1`, APP_URL)).toBe(true);
  });

  it('refuses other files, other schemes and look-alikes', () => {
    expect(isAppUrl('file:///opt/SSP%20Desk/resources/app.asar/out/renderer/other.html', APP_URL)).toBe(false);
    expect(isAppUrl(`${APP_URL}.evil.html`, APP_URL)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', APP_URL)).toBe(false);
    expect(isAppUrl('https://example.com/out/renderer/index.html', APP_URL)).toBe(false);
    expect(isAppUrl('data:text/html,<h1>x</h1>', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
    expect(isAppUrl('', APP_URL)).toBe(false);
  });

  it('compares file paths decoded, and case-insensitively on Windows only', () => {
    const win = 'file:///C:/Users/S%C3%B8ren/AppData/Local/Programs/SSP%20Desk/resources/app.asar/out/renderer/index.html';
    const chromium = 'file:///c:/Users/Søren/AppData/Local/Programs/SSP Desk/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(chromium, win, true)).toBe(true);
    expect(isAppUrl(chromium, win, false)).toBe(false);
  });

  it('for the dev server, accepts the same origin only', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://evil.example/', dev)).toBe(false);
  });
});

describe('window guards', () => {
  it('prevents navigation to foreign URLs and logs only the scheme', () => {
    const { contents, log } = guarded();
    for (const url of ['https://example.com/?q=Jensen', 'http://localhost/', 'file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.dk']) {
      expect(navigate(contents, url).defaultPrevented, url).toBe(true);
    }
    const blocked = log.events.filter((e) => e.event === 'nav.blocked');
    expect(blocked).toHaveLength(5);
    expect(JSON.stringify(log.events)).not.toContain('Jensen');
    expect(blocked[0]!.data).toEqual({ scheme: 'https' });
  });

  it('allows navigation within our own page', () => {
    const { contents } = guarded();
    expect(navigate(contents, APP_URL).defaultPrevented).toBe(false);
    expect(navigate(contents, `${APP_URL}#/personer`).defaultPrevented).toBe(false);
  });

  it('prevents redirects away from our page', () => {
    const { contents } = guarded();
    expect(navigate(contents, 'https://example.com/', 'will-redirect').defaultPrevented).toBe(true);
    expect(navigate(contents, APP_URL, 'will-redirect').defaultPrevented).toBe(false);
  });

  it('denies every new window, external links included (nothing is opened)', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler).not.toBeNull();
    for (const url of ['https://www.kk.dk/', APP_URL, 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching a webview', () => {
    const { contents, log } = guarded();
    const e = new StandInEvent();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
    expect(log.events.some((x) => x.event === 'webview.blocked')).toBe(true);
  });

  it('answers every permission request with no and every permission check with false', () => {
    const { session, contents } = guarded();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'pointerLock']) {
      const answers: boolean[] = [];
      session.permissionRequestHandler!(contents, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(session.permissionCheckHandler!(contents, permission, 'file://', {}), permission).toBe(false);
    }
  });

  it('grants full screen only (the projection), never anything else', () => {
    const { session, contents } = guarded();
    const answers: boolean[] = [];
    session.permissionRequestHandler!(contents, 'fullscreen', (granted) => answers.push(granted), {});
    expect(answers).toEqual([true]);
  });

  it('installs once per webContents', () => {
    const { session, contents } = guarded();
    installSecurityHandlers(session as unknown as Session, contents as unknown as WebContents, { appUrl: APP_URL });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.calls.filter((c) => c.method === 'setWindowOpenHandler')).toHaveLength(1);
  });
});

describe('CSP response header', () => {
  it('sets our policy on every response, replacing any the response carried', () => {
    const session = new StandInSession();
    installContentSecurityPolicy(session as unknown as Session, CONTENT_SECURITY_POLICY);
    const out: { responseHeaders?: Record<string, string | string[]> }[] = [];
    session.headersListener!(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r) => out.push(r),
    );
    session.headersListener!({ url: 'file:///x/index.html' }, (r) => out.push(r));
    expect(out[0]!.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(out[1]!.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
