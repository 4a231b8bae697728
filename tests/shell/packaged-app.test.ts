import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaged app, as far as it can be proven without Electron's binary: electron-builder packages
 * the real build (electron-vite, into a temporary project) for Linux `dir` against a stand-in
 * Electron distribution (an executable carrying Electron's fuse wire, so the fuses are flipped
 * and read back). Then the packaged out/main runs from the asar layout (app.asar extracted to a
 * folder of that name beside resources/native) under Node with a stand-in 'electron' module:
 * every external dependency must resolve from inside the package, the preload and renderer
 * files must exist where main looks, the database module must load from resources/native, and a
 * vault is created, locked and unlocked through the real IPC handler.
 */
const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
const asar = require('@electron/asar') as { listPackage(p: string, o: { isPack: boolean }): string[]; extractAll(p: string, dest: string): void };
const fuses = require('@electron/fuses') as { getCurrentFuseWire(p: string): Promise<Record<string, number | string>> };
const { FuseV1Options } = require('@electron/fuses/dist/config') as { FuseV1Options: Record<string, number> };
const NODE_BINDING = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

let tmp = '';
let unpacked = '';
let packLog = '';

beforeAll(() => {
  if (process.platform !== 'linux') return;
  tmp = mkdtempSync(join(tmpdir(), 'ssp-packaged-'));
  const project = join(tmp, 'project');
  mkdirSync(join(project, 'resources', 'native', 'linux-x64'), { recursive: true });

  // The real build, into the temporary project.
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', join(project, 'out')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed: ${build.stderr}`);
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml', 'build']) cpSync(join(root, f), join(project, f), { recursive: true });
  cpSync(join(root, 'resources', 'icon.png'), join(project, 'resources', 'icon.png'));
  // The Node build stands in for the Electron build of the database module: under Node it loads.
  cpSync(NODE_BINDING, join(project, 'resources', 'native', 'linux-x64', 'better_sqlite3.node'));
  // node_modules as hard links: a real tree for electron-builder's dependency walk, made in a second.
  // (A plain copy where the temporary folder is on another file system.)
  const link = spawnSync('cp', ['-al', join(root, 'node_modules'), join(project, 'node_modules')]);
  if (link.status !== 0) {
    rmSync(join(project, 'node_modules'), { recursive: true, force: true });
    cpSync(join(root, 'node_modules'), join(project, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }

  // A stand-in Electron distribution: an executable with Electron 38's fuse wire (version 1, 8 fuses, Electron's defaults).
  const dist = join(tmp, 'electron-dist');
  mkdirSync(join(dist, 'locales'), { recursive: true });
  writeFileSync(join(dist, 'electron'), `#!/bin/sh\n# stand-in for the Electron binary\nexit 0\n# ${SENTINEL}\x01\x0810110001\n`);
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), '38.8.6');
  writeFileSync(join(dist, 'LICENSE'), 'stand-in');

  const pack = spawnSync(
    process.execPath,
    [join(project, 'node_modules', 'electron-builder', 'cli.js'), '--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${join(tmp, 'dist')}`],
    { cwd: project, encoding: 'utf8', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
  packLog = `${pack.stdout}\n${pack.stderr}`;
  if (pack.status !== 0) throw new Error(`electron-builder failed:\n${packLog}`);
  unpacked = join(tmp, 'dist', 'linux-unpacked');
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface RunResult {
  status: number | null;
  result: Record<string, unknown> | null;
  stderr: string;
  log: string;
}

/** Run the packaged main (extracted asar layout) under Node with the stand-in 'electron'. */
function runPackaged(resources: string, home: string): RunResult {
  const main = join(resources, 'app.asar', 'out', 'main', 'index.js');
  const r = spawnSync(process.execPath, ['--import', join(root, 'tests', 'shell', 'packaged', 'electron-loader.mjs'), main], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH ?? '', HOME: home, SSP_STUB_RESOURCES: resources, SSP_STUB_HOME: home },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('STUB-RESULT '));
  const logFile = join(home, '.config', 'SSP Desk', 'logs', 'ssp-desk.log');
  return {
    status: r.status,
    result: line ? (JSON.parse(line.slice('STUB-RESULT '.length)) as Record<string, unknown>) : null,
    stderr: r.stderr,
    log: existsSync(logFile) ? readFileSync(logFile, 'utf8') : '',
  };
}

describe.skipIf(process.platform !== 'linux')('the packaged app (electron-builder, Linux dir, stand-in Electron distribution)', () => {
  it('has the product executable, app.asar with exactly the built app and production dependencies, and the database module in resources/native', () => {
    expect(existsSync(join(unpacked, 'ssp-desk')), packLog).toBe(true);
    expect(existsSync(join(unpacked, 'resources', 'native', 'better_sqlite3.node'))).toBe(true);
    const files = asar.listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/better-sqlite3/lib/index.js', '/node_modules/drizzle-orm/package.json', '/node_modules/zod/package.json', '/node_modules/exceljs/package.json']) {
      expect(files, f).toContain(f);
    }
    for (const bad of ['/node_modules/better-sqlite3/build', '/node_modules/better-sqlite3/deps', '/node_modules/electron/', '/node_modules/vitest/', '/src/', '/tests/']) {
      expect(files.filter((f) => f.startsWith(bad)), bad).toEqual([]);
    }
  });

  it('has its fuses flipped as electron-builder.yml says (read back from the binary)', async () => {
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'ssp-desk'));
    expect(wire[FuseV1Options.RunAsNode!]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable!]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments!]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption!]).toBe(ENABLE);
    // On in the stand-in distribution (Electron's default), off after packaging.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges!]).toBe(DISABLE);
  });

  it('runs from the asar layout: dependencies resolve, preload and renderer exist, the database module loads from resources/native, a vault is created and unlocked', () => {
    const resources = join(tmp, 'run', 'resources');
    asar.extractAll(join(unpacked, 'resources', 'app.asar'), join(resources, 'app.asar'));
    cpSync(join(unpacked, 'resources', 'native'), join(resources, 'native'), { recursive: true });
    const home = join(tmp, 'home');
    mkdirSync(home);

    const run = runPackaged(resources, home);
    expect(run.result, `exit ${run.status}\n${run.stderr}`).not.toBeNull();
    const r = run.result!;
    expect(r.error, String(r.error)).toBeUndefined();
    expect(r.url).toBe('app://ssp-desk/index.html');
    expect(r.preload).toBe(join(resources, 'app.asar', 'out', 'preload', 'index.cjs'));
    expect(r.preloadExists).toBe(true);
    // The page and every script and style it names come from inside app.asar through the
    // packaged app's app:// handler, with their MIME types and the CSP header.
    expect(r.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } }]);
    expect(r.page).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: true, bytesMatch: true });
    const assets = r.assets as { url: string; status: number; type: string; csp: boolean; bytesMatch: boolean }[];
    expect(assets.map((a) => a.url.replace(/-[\w-]+\.(js|css)$/, '.$1'))).toEqual(expect.arrayContaining(['app://ssp-desk/assets/index.js', 'app://ssp-desk/assets/index.css']));
    for (const a of assets) {
      expect(a, a.url).toMatchObject({ status: 200, csp: true, bytesMatch: true });
      expect(a.type, a.url).toBe(a.url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
    }
    expect(r.outside).toBe(403);
    expect(r.sandbox).toBe(true);
    expect(r.devTools).toBe(false);
    expect(r.before).toEqual({ ok: true, value: { state: 'none' } });
    expect(r.create).toEqual({ ok: true });
    expect(r.locked).toEqual({ ok: true, value: { state: 'locked' } });
    expect(r.unlock).toMatchObject({ ok: true });
    expect(r.after).toMatchObject({ ok: true, value: { state: 'unlocked', owner: { name: 'Pia Pakke' } } });
    expect(run.status).toBe(0);
    // The packaged app's data folder (paths.ts), its log, no personal data in it.
    expect(existsSync(join(home, '.config', 'SSP Desk', 'vault'))).toBe(true);
    expect(run.log).toContain('"event":"native.binding_loaded"');
    expect(run.log).toContain('"event":"app.started","packaged":true');
    expect(run.log).not.toContain('Pia');

    // Without resources/native the packaged app says so and stops: nothing else is loaded instead.
    renameSync(join(resources, 'native'), join(resources, 'native-away'));
    const missing = runPackaged(resources, home);
    expect(missing.result).toEqual({ dialog: 'SSP Desk kan ikke åbne databasen' });
    expect(missing.log).toContain('"event":"native.binding_failed","reason":"missing","packaged":true');
  });
});
