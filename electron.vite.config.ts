import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { withMetaCsp } from './src/main/electron/csp';

const root = import.meta.dirname;

/**
 * The production renderer page must carry the app's CSP as a meta element (pages read from
 * file:// get no response headers). Inserted at build time, so the dev server (which needs inline
 * scripts and a websocket) and the web test build are not affected; if src/renderer/index.html
 * already carries one, it must be the same string.
 */
function metaCsp(): Plugin {
  return {
    name: 'ssp-desk:meta-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => withMetaCsp(html),
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Dependencies stay in node_modules (externalizeDeps, the default): better-sqlite3 is a
      // native module and must not be bundled.
      externalizeDeps: true,
      rollupOptions: {
        // out/main/index.js, the "main" of package.json.
        input: { index: resolve(root, 'src/main/electron/main.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron' and a few built-ins: bundle everything
      // else (zod, the contract) into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          inlineDynamicImports: true,
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    define: {
      __TEST_BRIDGE__: 'false',
    },
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
    plugins: [react(), metaCsp()],
  },
});
