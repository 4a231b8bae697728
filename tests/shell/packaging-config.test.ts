import { readFileSync } from 'node:fs';
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
      resetAdHocDarwinSignature: true,
      // The renderer is on app://ssp-desk/ (app-protocol.ts): file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.extraResources).toEqual([{ from: 'resources/native/${platform}-${arch}', to: 'native', filter: ['better_sqlite3.node'] }]);
    // getConfig normalises `files` to [{ filter: [...] }].
    expect(JSON.stringify(config.files)).toContain('"out/**","package.json"');
  });

  it('never publishes; Windows: NSIS per machine in Danish and an MSI with a fixed upgrade code; signing only from the environment', async () => {
    const config = (await getConfig(process.cwd(), null, null)) as Record<string, Record<string, unknown> | null>;
    expect(config.publish).toBeNull();
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; author: { name: string } };
    expect(pkg.scripts.dist).toContain('--publish never');
    expect(pkg.author.name).toBe('Københavns Kommune');
    const targets = (config.win!.target as { target: string }[]).map((t) => t.target);
    expect(targets).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, installerLanguages: ['da_DK'], language: '1030', multiLanguageInstaller: false });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/) });
    expect(config.win!.signtoolOptions).toMatchObject({ publisherName: 'Københavns Kommune' });
    // No certificate, password or identity in the repository: electron-builder reads
    // WIN_CSC_LINK / CSC_LINK, WIN_CSC_KEY_PASSWORD / CSC_KEY_PASSWORD and CSC_NAME from the environment.
    const text = readFileSync('electron-builder.yml', 'utf8');
    for (const key of ['certificateFile', 'certificatePassword', 'cscLink', 'cscKeyPassword', 'identity:']) expect(text).not.toContain(key);
  });
});
