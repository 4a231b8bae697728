/**
 * Finding a Chromium-family browser to show browser mode in, as an app window (`--app=URL`: no
 * address bar, no tabs). CHROMIUM_PATH first; then the usual install places of Chrome, Edge and
 * Chromium on Windows and macOS, and the usual command names on Linux's PATH. Pure: the file
 * system check is passed in, so every platform's list is testable on any machine.
 */
import { delimiter as hostDelimiter, join as hostJoin, posix, win32 } from 'node:path';

export interface FindBrowserInputs {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
  exists: (path: string) => boolean;
}

/** Every place looked at, in order (for the "not found" message and the tests). */
export function browserCandidates({ platform, env, home }: Omit<FindBrowserInputs, 'exists'>): string[] {
  const list: string[] = [];
  if (env.CHROMIUM_PATH) list.push(env.CHROMIUM_PATH);
  if (platform === 'win32') {
    const j = win32.join;
    const local = env.LOCALAPPDATA || j(home, 'AppData', 'Local');
    const pf = env.ProgramFiles || env.PROGRAMFILES || 'C:\\Program Files';
    const pf86 = env['ProgramFiles(x86)'] || env['PROGRAMFILES(X86)'] || 'C:\\Program Files (x86)';
    for (const base of [pf, pf86, local]) list.push(j(base, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    for (const base of [pf86, pf, local]) list.push(j(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    list.push(j(local, 'Chromium', 'Application', 'chrome.exe'));
    return list;
  }
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Chromium.app/Contents/MacOS/Chromium'];
    for (const base of ['/Applications', posix.join(home, 'Applications')]) for (const app of apps) list.push(posix.join(base, app));
    return list;
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
  const dirs = (env.PATH ?? '').split(platform === process.platform ? hostDelimiter : ':').filter(Boolean);
  for (const dir of [...dirs, '/snap/bin']) for (const name of names) list.push((platform === process.platform ? hostJoin : posix.join)(dir, name));
  return list;
}

export function findBrowser(inputs: FindBrowserInputs): string | null {
  return browserCandidates(inputs).find((p) => inputs.exists(p)) ?? null;
}

/**
 * The browser's arguments: an app window on the opening URL, in its own profile under the app's
 * data folder (so it is a process of its own that ends when the window closes, and the user's
 * everyday browser profile, extensions and sync stay out of it), Danish UI and date fields.
 */
export function browserArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--lang=da',
    '--accept-lang=da-DK,da',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
  ];
}
