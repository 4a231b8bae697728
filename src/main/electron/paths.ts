/**
 * Where the app keeps its data. Pure functions (no 'electron' import), shared by the Electron
 * shell and browser mode.
 *
 * - Windows: %LOCALAPPDATA%\SSP Desk. Not Electron's default (%APPDATA%, the roaming profile):
 *   roaming profiles are synchronised over SMB, and SQLite's WAL mode does not work on network
 *   file systems. The vault must stay on the local disk.
 * - macOS: ~/Library/Application Support/SSP Desk (Electron's default).
 * - Linux: $XDG_CONFIG_HOME/SSP Desk or ~/.config/SSP Desk (Electron's default).
 * - A development run (not packaged: npm start, browser mode) uses "SSP Desk (udvikling)" beside
 *   it, so a developer's or tester's runs never touch the installed app's vault, and the two do not
 *   share the single-instance lock (Electron keys that lock on the userData folder).
 * - SSP_DESK_USER_DATA overrides both (tests, and a second test profile). It must be absolute.
 */
import { isAbsolute, join } from 'node:path';

export const APP_NAME = 'SSP Desk';
export const DEV_APP_NAME = 'SSP Desk (udvikling)';
export const USER_DATA_ENV = 'SSP_DESK_USER_DATA';
/** Windows' taskbar grouping and notifications key (the same as electron-builder's appId). */
export const APP_USER_MODEL_ID = 'dk.kk.sspdesk';

export interface PathInputs {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
  packaged: boolean;
}

export function userDataDir({ platform, env, home, packaged }: PathInputs): string {
  const override = env[USER_DATA_ENV];
  if (override) {
    if (!isAbsolute(override)) throw new Error(`${USER_DATA_ENV} must be an absolute path`);
    return override;
  }
  const name = packaged ? APP_NAME : DEV_APP_NAME;
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), name);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), name);
}
