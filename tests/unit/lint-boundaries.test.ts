import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { DOMAIN_DEPENDENCIES } from '../../scripts/eslint/domains.js';

/** The repository's real ESLint config, on code placed (by file path) in the folder under test. */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'ssp/domain-boundaries' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: layers and domains by folder name', () => {
  it('shared imports only shared', async () => {
    expect(await boundaryErrors('src/shared/cases/example.ts', "import { x } from '../../main/core/log';\nexport const y = x;\n")).not.toEqual([]);
    expect(await boundaryErrors('src/shared/cases/example.ts', "import { x } from '../core/dates';\nexport const y = x;\n")).toEqual([]);
  });

  it('the renderer does not import main, and main does not import the renderer', async () => {
    expect(await boundaryErrors('src/renderer/cases/example.ts', "import { x } from '../../main/cases';\nexport const y = x;\n")).not.toEqual([]);
    expect(await boundaryErrors('src/main/cases/example.ts', "import { x } from '../../renderer/cases';\nexport const y = x;\n")).not.toEqual([]);
  });

  it("only src/main/electron imports 'electron'; browser mode may share the shell's pure files", async () => {
    for (const spec of ['electron', 'electron/main']) {
      expect((await boundaryErrors('src/main/browser-mode/example.ts', `import { app } from '${spec}';\nexport const y = app;\n`)).join('\n')).toMatch(/Only src\/main\/electron may import 'electron'/);
    }
    expect(await boundaryErrors('src/main/electron/example.ts', "import { app } from 'electron';\nexport const y = app;\n")).toEqual([]);
    expect(await boundaryErrors('src/main/browser-mode/example.ts', "import { x } from '../electron/csp';\nexport const y = x;\n")).toEqual([]);
  });

  it('a domain imports only the domains it declares it builds on', async () => {
    expect(DOMAIN_DEPENDENCIES.cases).not.toContain('leader-meetings');
    const forbidden = await boundaryErrors('src/main/cases/example.ts', "import { x } from '../leader-meetings';\nexport const y = x;\n");
    expect(forbidden.join('\n')).toMatch(/Domain 'cases' does not build on 'leader-meetings'/);
    expect(await boundaryErrors('src/main/leader-meetings/example.ts', "import { x } from '../cases';\nexport const y = x;\n")).toEqual([]);
    expect(await boundaryErrors('src/renderer/ssp-plus/example.ts', "import { x } from '../../shared/cases';\nexport const y = x;\n")).toEqual([]);
  });

  it('a domain does not reach into its layer\'s join files', async () => {
    expect((await boundaryErrors('src/main/cases/example.ts', "import { x } from '../modules';\nexport const y = x;\n")).join('\n')).toMatch(/does not build on/);
  });

  it('core imports no domain', async () => {
    expect((await boundaryErrors('src/main/core/example.ts', "import { x } from '../cases';\nexport const y = x;\n")).join('\n')).toMatch(/core has no domain words/);
    expect((await boundaryErrors('src/renderer/core/example.ts', "import { x } from '../../shared/vault';\nexport const y = x;\n")).join('\n')).toMatch(/core has no domain words/);
    expect(await boundaryErrors('src/main/core/example.ts', "import { x } from '../../shared/core/dates';\nexport const y = x;\n")).toEqual([]);
  });

  it('from outside a domain, only its index', async () => {
    const internal = await boundaryErrors('src/main/leader-meetings/example.ts', "import { x } from '../cases/writes';\nexport const y = x;\n");
    expect(internal.join('\n')).toMatch(/through its index \('\.\.\/cases'\), not its internal file 'writes'/);
    expect((await boundaryErrors('src/main/cases/example.ts', "import { x } from '../../shared/cases/levels';\nexport const y = x;\n")).join('\n')).toMatch(/through its index/);
    expect((await boundaryErrors('src/main/modules.ts', "import { x } from './cases/handlers';\nexport const y = x;\n")).join('\n')).toMatch(/through its index/);
    // Inside its own folder a domain imports its files directly; a schema may import a schema it references.
    expect(await boundaryErrors('src/main/cases/example.ts', "import { x } from './writes';\nexport const y = x;\n")).toEqual([]);
    expect(await boundaryErrors('src/main/ssp-plus/schema.ts', "import { x } from '../cases/schema';\nexport const y = x;\n")).toEqual([]);
  });

  it('the declared dependencies have no cycle', () => {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const deps = DOMAIN_DEPENDENCIES as Record<string, string[]>;
    const visit = (d: string): void => {
      if (done.has(d)) return;
      if (visiting.has(d)) throw new Error(`cycle through ${d}`);
      visiting.add(d);
      for (const e of deps[d] ?? []) visit(e);
      visiting.delete(d);
      done.add(d);
    };
    for (const d of Object.keys(deps)) expect(() => visit(d)).not.toThrow();
  });
});
