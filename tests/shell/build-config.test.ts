import { resolve } from 'node:path';
import { loadConfigFromFile, type UserConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY, metaCspOf } from '../../src/main/electron/csp';

let config: UserConfig;
beforeAll(async () => {
  ({ config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'electron.vite.config.ts', process.cwd(), 'silent'));
});

const plugins = (list: unknown): Plugin[] => (list as unknown[]).flat(3).filter(Boolean) as Plugin[];

describe('electron.vite.config.ts', () => {
  it('builds main from src/main/electron/main.ts to out/main/index.js with dependencies external', () => {
    expect(config.main!.build!.rollupOptions!.input).toEqual({ index: resolve('src/main/electron/main.ts'), 'import-worker': resolve('src/main/cases/import-worker.ts') });
    expect(config.main!.build!.externalizeDeps).toBe(true);
  });

  it('builds the preload as one bundled CommonJS file', () => {
    const build = config.preload!.build!;
    expect(build.rollupOptions!.input).toEqual({ index: resolve('src/preload/index.ts') });
    expect(build.rollupOptions!.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true });
    expect(build.externalizeDeps).toBe(false);
  });

  it('builds the renderer from src/renderer with the test bridge compiled out', () => {
    expect(config.renderer!.root).toBe(resolve('src/renderer'));
    expect(config.renderer!.define).toEqual({ __BROWSER_MODE__: 'false' });
  });

  it('gives the built page exactly the app meta CSP, and the dev-server page none', () => {
    const meta = plugins(config.renderer!.plugins).find((p) => p.name === 'ssp-desk:meta-csp')!;
    expect(meta).toBeDefined();
    const source = `<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="connect-src 'self'"></head></html>`;
    const run = (command: 'build' | 'serve') => {
      (meta.configResolved as (c: unknown) => void)({ command });
      const hook = meta.transformIndexHtml as { handler: (html: string) => string };
      return metaCspOf(hook.handler(source));
    };
    expect(run('build')).toEqual([META_CONTENT_SECURITY_POLICY]);
    expect(run('serve')).toEqual([]);
  });
});
