// electron-builder beforePack hook: refuse to package without the better-sqlite3 build for
// Electron for this platform and architecture (the app could not open its vault without it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import builderUtil from 'builder-util';

export default async function beforePack(context) {
  const arch = builderUtil.Arch[context.arch];
  const file = join(context.packager.projectDir, 'resources', 'native', `${context.electronPlatformName}-${arch}`, 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`Missing ${file}. Build it first (needs internet): node build/rebuild-native.mjs --arch ${arch}`);
  }
}
