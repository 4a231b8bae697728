import { describe, expect, it } from 'vitest';
import { browserArgs, browserCandidates, findBrowser } from '../../src/main/browser-mode/find-browser';

/** Browser mode finds Chrome, Edge or Chromium on each platform (file system check stood in). */
describe('findBrowser', () => {
  const only = (path: string) => (p: string) => p === path;

  it('takes CHROMIUM_PATH first, on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const env = { CHROMIUM_PATH: '/opt/x/chrome', PATH: '/usr/bin' };
      expect(findBrowser({ platform, env, home: '/home/u', exists: () => true })).toBe('/opt/x/chrome');
    }
  });

  it('Windows: Chrome per machine, per user, then Edge (always there on Windows 10/11)', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
    const list = browserCandidates({ platform: 'win32', env, home: 'C:\\Users\\u' });
    expect(list[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(list).toContain('C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ platform: 'win32', env, home: 'C:\\Users\\u', exists: only(edge) })).toBe(edge);
  });

  it('macOS: the app bundles in /Applications and ~/Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ platform: 'darwin', env: {}, home: '/Users/u', exists: only(chrome) })).toBe(chrome);
    const userEdge = '/Users/u/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser({ platform: 'darwin', env: {}, home: '/Users/u', exists: only(userEdge) })).toBe(userEdge);
  });

  it('Linux: the usual command names on PATH, then snap', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(findBrowser({ platform: 'linux', env, home: '/home/u', exists: only('/usr/bin/google-chrome-stable') })).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser({ platform: 'linux', env, home: '/home/u', exists: only('/snap/bin/chromium') })).toBe('/snap/bin/chromium');
    expect(findBrowser({ platform: 'linux', env, home: '/home/u', exists: () => false })).toBeNull();
  });

  it('opens an app window in its own profile, in Danish', () => {
    const args = browserArgs('http://127.0.0.1:1234/?token=abc', '/data/browser-profile');
    expect(args[0]).toBe('--app=http://127.0.0.1:1234/?token=abc');
    expect(args).toContain('--user-data-dir=/data/browser-profile');
    expect(args).toContain('--lang=da');
  });
});
