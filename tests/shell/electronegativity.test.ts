import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfigFromFile, MainConfigFactory, PreloadConfigFactory, RendererConfigFactory } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Doyensec's Electronegativity over the built app: main, preload and renderer built with the
 * project's electron.vite.config.ts into a temp folder (the same as `npm run build` makes in out/),
 * together with the Electron sources (src/main/electron, src/preload). Every finding must be
 * justified in electronegativity-justifications.md, and every justification must still match a
 * finding.
 */

const require = createRequire(join(process.cwd(), 'package.json'));
interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
  severity: { name: string };
  confidence: { name: string };
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<{ globalChecks: number; atomicChecks: number; errors: { file: string; message: string; tolerable: boolean }[]; issues: Finding[] }>;
const run = require('@doyensec/electronegativity') as Run;
const electronVersion = (require('electron/package.json') as { version: string }).version;

interface Justification {
  check: string;
  file: string;
  level: string;
  text: string;
  why: string;
}

/** The rows of the first table ("Check | File | Level | Text in the finding | Why") and the excluded checks. */
function readJustifications(): { rows: Justification[]; excluded: string[] } {
  const md = readFileSync(resolve('electronegativity-justifications.md'), 'utf8');
  const [justified, notRun = ''] = md.split(/^## Checks that are not run$/m);
  const tableRows = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^\|/.test(l) && !/^\|\s*(---|Check\s*\|)/.test(l))
      .map((l) => l.slice(1, l.lastIndexOf('|')).split(' | ').map((c) => c.trim().replace(/^`|`$/g, '')));
  return {
    rows: tableRows(justified!).map(([check, file, level, text, ...why]) => ({ check: check!, file: file!, level: level!, text: text!, why: why.join(' | ') })),
    excluded: tableRows(notRun).map(([check]) => check!),
  };
}

const matches = (j: Justification, f: Finding) =>
  j.check === f.id &&
  (f.file === j.file || f.file.endsWith(`/${j.file}`)) &&
  j.level === `${f.severity.name}/${f.confidence.name}` &&
  // A finding with a sample (the policy itself) must match it exactly; one without, by its description.
  (typeof f.sample === 'string' && f.sample.length > 0 ? f.sample === j.text : f.description.includes(j.text));

let root: string;
const findings: Finding[] = [];
const parseErrors: string[] = [];
let checksRun = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ssp-electronegativity-'));
  const { config } = await loadConfigFromFile({ command: 'build', mode: 'production' }, 'electron.vite.config.ts', process.cwd(), 'silent');
  const app = join(root, 'app');
  const parts = [
    ['main', new MainConfigFactory(config.main!, { configFile: false, logLevel: 'silent', build: { outDir: join(app, 'main') } }, {})],
    ['preload', new PreloadConfigFactory(config.preload!, { configFile: false, logLevel: 'silent', build: { outDir: join(app, 'preload') } }, {})],
    ['renderer', new RendererConfigFactory(config.renderer!, { configFile: false, logLevel: 'silent', build: { outDir: join(app, 'renderer') } }, {})],
  ] as const;
  for (const [, factory] of parts) {
    const resolved = await factory.build();
    await build({ ...resolved, configFile: false });
  }
  // The Electron-facing sources beside the build, so findings point at a readable line too.
  cpSync(resolve('src/main/electron'), join(app, 'src-main-electron'), { recursive: true });
  cpSync(resolve('src/preload'), join(app, 'src-preload'), { recursive: true });

  const { excluded } = readJustifications();
  const log = console.log;
  console.log = () => {}; // "Could not retrieve updated translations" (it tries the network once, then works offline)
  try {
    const result = await run(
      {
        input: app,
        isRelative: true,
        isVerbose: false,
        customScan: [],
        excludeFromScan: excluded,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    findings.push(...result.issues);
    parseErrors.push(...result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`));
    checksRun = result.globalChecks + result.atomicChecks;
  } finally {
    console.log = log;
  }
}, 240_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Electronegativity', () => {
  it('ran its checks over main, preload, renderer and the Electron sources', () => {
    expect(checksRun).toBeGreaterThan(30);
    expect(parseErrors).toEqual([]);
  });

  it('reports nothing that is not justified in electronegativity-justifications.md', () => {
    const { rows } = readJustifications();
    const unjustified = findings.filter((f) => !rows.some((j) => matches(j, f)));
    const summary = (f: Finding) => `${f.id} ${f.severity.name}/${f.confidence.name} ${f.file}:${f.location.line} ${String(f.sample ?? '').slice(0, 80)} | ${f.description}`;
    console.log(`electronegativity (Electron ${electronVersion}): ${checksRun} checks, ${findings.length} findings, ${findings.length - unjustified.length} justified:\n  ${findings.map(summary).join('\n  ')}`);
    expect(unjustified.map(summary)).toEqual([]);
  });

  it('does find what it should (control: a window without isolation or sandbox, no navigation limits)', async () => {
    const dir = join(root, 'control');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'bad.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const log = console.log;
    console.log = () => {};
    try {
      const result = await run({ input: dir, isRelative: true, isVerbose: false, customScan: [], excludeFromScan: readJustifications().excluded, electronVersionOverride: electronVersion, parserPlugins: [] }, false);
      const ids = new Set(result.issues.map((f) => f.id));
      // The same global checks that find nothing in the app (it limits navigation, handles
      // permission requests and sets a policy) fire here.
      for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'CSP_GLOBAL_CHECK']) expect(ids, id).toContain(id);
      expect(findings.map((f) => f.id)).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
      expect(findings.map((f) => f.id)).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
    } finally {
      console.log = log;
    }
  }, 60_000);

  it('has no justification left without a finding, and each says why', () => {
    const { rows, excluded } = readJustifications();
    expect(rows.length).toBeGreaterThan(0);
    for (const j of rows) {
      expect(j.why.length, `${j.check} ${j.file}`).toBeGreaterThan(40);
      expect(findings.some((f) => matches(j, f)), `stale justification: ${j.check} ${j.file} "${j.text}"`).toBe(true);
    }
    expect(excluded).toEqual(['AvailableSecurityFixesGlobalCheck']);
  });
});
