import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The renderer's Vite settings, shared by the web test build (this file's default export, served
 * by tests/e2e/bridge.ts) and, if wanted, the Electron build (electron.vite.config.ts can use
 * `rendererConfig({ testBridge: false })` for its renderer section).
 */
export const rendererRoot = fileURLToPath(new URL('./src/renderer', import.meta.url));

/**
 * The CSP in index.html forbids inline scripts, which Vite's dev server (React refresh preamble,
 * HMR over ws:) needs. Relax it for `vite serve` only; builds keep the strict policy.
 */
function devCsp(): Plugin {
  return {
    name: 'ssp-desk-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
    },
  };
}

export function rendererConfig({ testBridge }: { testBridge: boolean }): UserConfig {
  return {
    root: rendererRoot,
    base: './',
    plugins: [react(), devCsp()],
    define: { __TEST_BRIDGE__: JSON.stringify(testBridge) },
    build: {
      // No data: URLs for fonts (font-src 'self'); every asset is a file.
      assetsInlineLimit: 0,
      target: 'chrome120',
      modulePreload: { polyfill: false },
      sourcemap: false,
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
    },
  };
}

const base = rendererConfig({ testBridge: true });

export default defineConfig({
  ...base,
  build: { ...base.build, outDir: fileURLToPath(new URL('./dist-web', import.meta.url)) },
});
