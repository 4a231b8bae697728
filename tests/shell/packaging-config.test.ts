import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and schema validation (app-builder-lib comes with electron-builder).
const require = createRequire(join(process.cwd(), 'package.json'));
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation and sets the fuses', async () => {
    const config = await getConfig(process.cwd(), null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.appId).toBe('dk.kk.sspdesk');
    expect(config.productName).toBe('SSP Desk');
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    expect(config.extraResources).toEqual([{ from: 'resources/native/${platform}-${arch}', to: 'native', filter: ['better_sqlite3.node'] }]);
    // getConfig normalises `files` to [{ filter: [...] }].
    expect(JSON.stringify(config.files)).toContain('"out/**","package.json"');
  });
});
