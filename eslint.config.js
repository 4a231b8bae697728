import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './scripts/eslint/domain-boundaries.js';

/**
 * Boundaries by folder: src/shared runs everywhere (no Node, DOM or Electron, no main/renderer),
 * src/renderer never reaches into src/main, and only src/main/electron may import 'electron'.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'http', 'net'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'dist-web/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', 'src/main/db/migrations/index.ts'] },
  js.configs.recommended,
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared may not import main, renderer or preload.' },
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltins], message: 'src/shared is pure: no Node, DOM or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the contract (api.ts).' },
            { group: ['electron', 'better-sqlite3', ...nodeBuiltins], message: 'The renderer is sandboxed: no Node or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      // The 'electron' module itself (and its subpaths), not the pure files beside the shell in
      // src/main/electron (csp.ts, paths.ts), which browser mode shares.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only src/main/electron may import 'electron'." }], patterns: [{ group: ['electron/*'], message: "Only src/main/electron may import 'electron'." }, { group: ['**/renderer/**'], message: 'main does not import the renderer.' }] }],
    },
  },
  {
    // Layers and domains by folder name: scripts/eslint/domain-boundaries.js, dependencies in scripts/eslint/domains.js.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/db/migrations/**'],
    plugins: { ssp: boundaries },
    rules: { 'ssp/domain-boundaries': 'error' },
  },
);
