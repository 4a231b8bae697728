import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The database module built for Electron's ABI, test-loaded at start-up: the app never falls back
 * to the Node build in node_modules (which Electron cannot load, so the user would only learn of
 * it as a generic error after typing the passphrase).
 */
export type BindingCheck = { ok: true } | { ok: false; reason: 'missing' | 'load_failed' };

export function testLoadBinding(path: string): BindingCheck {
  if (!existsSync(path)) return { ok: false, reason: 'missing' };
  try {
    const db = new Database(':memory:', { nativeBinding: path });
    try {
      db.prepare('SELECT 1').get();
    } finally {
      db.close();
    }
    return { ok: true };
  } catch {
    return { ok: false, reason: 'load_failed' };
  }
}

export const BINDING_ERROR_TITLE = 'SSP Desk kan ikke åbne databasen';

/** What the user reads when the binding is missing or cannot be loaded, and what to do. */
export function bindingErrorText(packaged: boolean, platform: string, arch: string): string {
  if (packaged) {
    return 'Installationen af SSP Desk er ufuldstændig: databasemodulet mangler eller kan ikke indlæses. Installér SSP Desk igen, eller kontakt IT-afdelingen. Fejlen står i programmets log.';
  }
  return [
    `Databasemodulet til Electron (resources/native/${platform}-${arch}/better_sqlite3.node) mangler eller er bygget til en anden version af Electron.`,
    '',
    'Kør i projektmappen (kræver internet):',
    '    node build/rebuild-native.mjs',
    'og start igen med npm start. Fejlen står også i programmets log.',
  ].join('\n');
}
