import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from '../../src/main/cli/main';
import { tempDir } from './helpers';

const root = tempDir('ssp-cli-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const passFile = join(root, 'pass.txt');
writeFileSync(passFile, 'blå-hest-på-Nørrebrogade-19\n');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli', () => {
  it('init then verify works on a fresh folder, as a real process', () => {
    const dir = join(root, 'real');
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', ...args], { encoding: 'utf8' });
    const init = run(['init', '--vault', dir, '--passphrase-file', passFile, '--owner', 'Testa Koordinatorsen']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/Gendannelsesnøgle[\s\S]*([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    const verify = run(['verify', '--vault', dir, '--passphrase-file', passFile]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('Integritet: ok');
    expect(verify.stdout).toContain('Boksen er i orden.');
    // The owner's name is personal: verify does not print it.
    expect(verify.stdout).not.toContain('Testa');
  }, 60_000);

  it('verify with the wrong passphrase exits 1 with a Danish message and no stack trace', async () => {
    const dir = join(root, 'wrongpass');
    expect((await cli('init', '--vault', dir, '--passphrase-file', passFile)).code).toBe(0);
    const other = join(root, 'other.txt');
    writeFileSync(other, 'en-helt-anden-sætning-99');
    const r = await cli('verify', '--vault', dir, '--passphrase-file', other);
    expect(r.code).toBe(1);
    expect(r.err).toBe('Fejl: Forkert adgangskode. Prøv igen, eller brug gendannelsesnøglen.');
  });

  it('verify on a corrupted database exits non-zero with a clear message', async () => {
    for (const where of ['first page', 'later page'] as const) {
      const dir = join(root, `corrupt-${where.replace(' ', '-')}`);
      expect((await cli('init', '--vault', dir, '--passphrase-file', passFile)).code).toBe(0);
      const db = join(dir, 'ssp-desk.db');
      const bytes = readFileSync(db);
      const at = where === 'first page' ? 100 : bytes.length - 500;
      for (let i = 0; i < 64; i++) bytes[at + i] = bytes[at + i]! ^ 0xff;
      writeFileSync(db, bytes);
      const r = await cli('verify', '--vault', dir, '--passphrase-file', passFile);
      expect(r.code, where).toBe(1);
      expect(r.err, where).toMatch(/beskadiget|Integritetstjekket fandt fejl/);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('verify on a folder without a vault, and usage errors', async () => {
    const r = await cli('verify', '--vault', join(root, 'nothing'), '--passphrase-file', passFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Der er ingen boks');
    expect((await cli('init', '--passphrase-file', passFile)).code).toBe(2);
    expect((await cli('bogus')).code).toBe(2);
    expect((await cli('init', '--vault', join(root, 'x'), '--passphrase-file', passFile, '--nope')).code).toBe(2);
  });

  it('init refuses a weak passphrase and an existing vault', async () => {
    const weak = join(root, 'weak.txt');
    writeFileSync(weak, 'kort');
    const r = await cli('init', '--vault', join(root, 'weak'), '--passphrase-file', weak);
    expect(r.code).toBe(1);
    expect(r.err).toContain('mindst 12 tegn');
    const dir = join(root, 'twice');
    expect((await cli('init', '--vault', dir, '--passphrase-file', passFile)).code).toBe(0);
    const again = await cli('init', '--vault', dir, '--passphrase-file', passFile);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Der findes allerede en boks');
  });
});
