import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { loadConfigFromFile, PreloadConfigFactory } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames } from '../../src/shared/contract';
import { createElectronStandIn } from './stand-in';

/**
 * Builds the preload with the project's electron.vite.config.ts and runs the bundle the way a
 * sandboxed renderer does: CommonJS, and `require` answers 'electron' only.
 */
let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ssp-preload-'));
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'electron.vite.config.ts', process.cwd(), 'silent');
  const resolved = await new PreloadConfigFactory(config.preload!, { configFile: false, logLevel: 'silent', build: { outDir } }, {}).build();
  await build({ ...resolved, configFile: false });
  code = readFileSync(join(outDir, 'index.cjs'), 'utf8');
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('preload bundle', () => {
  it('is one CommonJS file, index.cjs', () => {
    expect(readdirSync(outDir)).toEqual(['index.cjs']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('requires nothing but electron', () => {
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('runs with a sandbox-like require and exposes the contract operations', () => {
    const standIn = createElectronStandIn({ userData: '/nowhere' });
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return { contextBridge: standIn.contextBridge, ipcRenderer: standIn.ipcRenderer };
      throw new Error(`module not found in a sandboxed preload: ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console }, { filename: 'index.cjs' });
    expect([...standIn.contextBridge.exposed.keys()].sort()).toEqual(['ssp', 'sspEvents']);
    expect(Object.keys(standIn.contextBridge.exposed.get('ssp') as object).sort()).toEqual([...operationNames].sort());
  });
});
