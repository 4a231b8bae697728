// The Electron build of better-sqlite3 in resources/native/<platform>-<arch>/ carries a stamp
// (stamp.json) saying what it was built for: Electron's version and Node ABI, the module's name and
// version, platform and architecture. npm start (scripts/start.mjs) rebuilds when the binary is
// missing or the stamp differs from what is installed now; build/rebuild-native.mjs writes it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';
export const STAMP_FILE = 'stamp.json';

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

export function nativeDir(root, platform, arch) {
  return join(root, 'resources', 'native', `${platform}-${arch}`);
}

/** Electron's Node ABI for a version (node-abi comes with @electron/rebuild); 'unknown' if it cannot tell. */
export function electronAbi(root, electronVersion) {
  try {
    const nodeAbi = createRequire(join(root, 'package.json'))('node-abi');
    return String(nodeAbi.getAbi(electronVersion, 'electron'));
  } catch {
    return 'unknown';
  }
}

/** What the binary must have been built for, given what node_modules holds now. */
export function expectedStamp(root, platform, arch) {
  const electron = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
  const sqlite = readJson(join(root, 'node_modules', 'better-sqlite3', 'package.json'));
  return { electron, abi: electronAbi(root, electron), module: `${sqlite.name}@${sqlite.version}`, platform, arch };
}

export function writeStamp(dir, stamp) {
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
}

/**
 * { ok: true } when dir holds the binary and a stamp equal to `expected`; otherwise
 * { ok: false, reason: 'missing' | 'unstamped' | 'stale', differs: [field names] }.
 */
export function nativeState(dir, expected) {
  if (!existsSync(join(dir, NATIVE_FILE))) return { ok: false, reason: 'missing', differs: [] };
  let found;
  try {
    found = readJson(join(dir, STAMP_FILE));
  } catch {
    return { ok: false, reason: 'unstamped', differs: [] };
  }
  const differs = Object.keys(expected).filter((k) => found?.[k] !== expected[k]);
  return differs.length ? { ok: false, reason: 'stale', differs } : { ok: true, reason: '', differs: [] };
}
