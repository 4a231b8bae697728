import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { withMetaCsp, withoutMetaCsp } from './src/main/electron/csp';

const root = import.meta.dirname;

/**
 * The renderer page's meta CSP. Build: exactly the app's policy (withMetaCsp replaces whatever
 * src/renderer/index.html carries; the app:// handler also sends the policy as a header, the
 * element is the second line of defence). Dev server: none, because Vite needs inline scripts and a
 * websocket; main sends the development policy as a response header instead (app.ts).
 */
function metaCsp(): Plugin {
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'ssp-desk:meta-csp',
    configResolved(config) {
      command = config.command;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => (command === 'build' ? withMetaCsp(html) : withoutMetaCsp(html)),
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
        // out/main/import-worker.js: the import's file reader, run in a worker thread beside index.js (src/main/cases/import-run.ts).
        input: { index: resolve(root, 'src/main/electron/main.ts'), 'import-worker': resolve(root, 'src/main/cases/import-worker.ts') },
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
      __BROWSER_MODE__: 'false',
    },
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
    plugins: [react(), metaCsp()],
  },
});
