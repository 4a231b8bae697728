// electron-builder beforePack hook: refuse to package without the better-sqlite3 build for
// Electron for this platform and architecture (the app could not open its vault without it).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builderUtil from 'builder-util';

export default async function beforePack(context) {
  const arch = builderUtil.Arch[context.arch];
  const file = join(context.packager.projectDir, 'resources', 'native', `${context.electronPlatformName}-${arch}`, 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`Missing ${file}. Build it first (needs internet): node build/rebuild-native.mjs --arch ${arch}`);
  }
  // Issue 15: record its SHA-256 inside app.asar (out/main), where the ASAR integrity check covers
  // it; the app refuses a native module that does not match (src/main/electron/native-hash.ts).
  const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
  writeFileSync(join(context.packager.projectDir, 'out', 'main', `native-binding-${context.electronPlatformName}-${arch}.sha256`), `${hash}\n`);
}
