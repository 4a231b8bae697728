import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * The renderer's Vite settings for the web build (this file's default export, dist-web), served
 * by browser mode (src/main/browser-mode, which `npm start` runs where Electron is missing, and
 * which the e2e tests run against through tests/e2e/bridge.ts).
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

export function rendererConfig({ browserMode }: { browserMode: boolean }): UserConfig {
  return {
    root: rendererRoot,
    base: './',
    plugins: [react(), devCsp()],
    define: { __BROWSER_MODE__: JSON.stringify(browserMode) },
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

const base = rendererConfig({ browserMode: true });

export default defineConfig({
  ...base,
  build: { ...base.build, outDir: fileURLToPath(new URL('./dist-web', import.meta.url)) },
});
