import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { contract, operationNames, type Result } from '../../src/shared/contract';
import { registerHandlers, handlerGroups, createDispatcher } from '../../src/main/modules';
import { defineHandlers } from '../../src/main/core/handlers';
import { vaultHandlers } from '../../src/main/vault/handlers';
import { contractExamples } from '../fixtures/contract-examples';
import { createTestVault, hashVault, type TestVault } from './helpers';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a leaf or object inside a value, with the value there. */
function paths(value: Json, prefix: string[] = []): { path: string[]; value: Json }[] {
  const out: { path: string[]; value: Json }[] = [];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      out.push({ path: [...prefix, k], value: v }, ...paths(v, [...prefix, k]));
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => out.push({ path: [...prefix, String(i)], value: v }, ...paths(v, [...prefix, String(i)])));
  }
  return out;
}

function setAt(root: Json, path: string[], mutate: (parent: Record<string, Json>, key: string) => void): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, Json>;
  mutate(node, path[path.length - 1]!);
  return copy;
}

/** The hostile variants of one valid input, each of which must be refused. */
function malformedVariants(example: Json, optional: string[], oversize = 100_001): { label: string; input: unknown }[] {
  const variants: { label: string; input: unknown }[] = [
    { label: 'null', input: null },
    { label: 'number', input: 42 },
    { label: 'string', input: 'x' },
    { label: 'array', input: [example] },
    { label: 'extra top-level field', input: { ...(example as object), extraField: 1 } },
    { label: '__proto__ key', input: JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(example).slice(1)}`.replace(',}', '}')) },
  ];
  for (const { path, value } of paths(example)) {
    const p = path.join('.');
    if (typeof value === 'string') {
      variants.push({ label: `${p}: number instead of string`, input: setAt(example, path, (o, k) => (o[k] = 12345)) });
      variants.push({ label: `${p}: oversized string`, input: setAt(example, path, (o, k) => (o[k] = 'x'.repeat(oversize))) });
    } else if (typeof value === 'number') {
      variants.push({ label: `${p}: string instead of number`, input: setAt(example, path, (o, k) => (o[k] = '1')) });
    } else if (typeof value === 'boolean') {
      variants.push({ label: `${p}: string instead of boolean`, input: setAt(example, path, (o, k) => (o[k] = 'true')) });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      variants.push({ label: `${p}: extra nested field`, input: setAt(example, path, (o, k) => ((o[k] as Record<string, Json>).extraField = 'x')) });
      variants.push({ label: `${p}: string instead of object`, input: setAt(example, path, (o, k) => (o[k] = 'x')) });
    }
    if (!optional.includes(p) && !/\.\d+$/.test(p) && !/^\d+$/.test(path[path.length - 1]!)) {
      variants.push({ label: `${p}: missing`, input: setAt(example, path, (o, k) => delete o[k]) });
    }
  }
  return variants;
}

describe('handler registry', () => {
  it('binds exactly one handler to every contract operation', () => {
    const map = registerHandlers(handlerGroups);
    expect([...map.keys()].sort()).toEqual([...operationNames].sort());
  });

  it('refuses a name registered twice', () => {
    expect(() => registerHandlers([...handlerGroups, defineHandlers({ 'vault.status': vaultHandlers['vault.status'] })])).toThrow(/registered twice: vault.status/);
  });

  it('refuses a contract entry without a handler', () => {
    const { 'vault.lock': _lock, ...rest } = vaultHandlers;
    const others = handlerGroups.filter((g) => g !== vaultHandlers);
    expect(() => registerHandlers([rest, ...others])).toThrow(/without a handler: vault.lock/);
  });

  it('refuses a handler for an operation that is not in the contract', () => {
    expect(() => registerHandlers([...handlerGroups, { 'no.such': () => 1 } as never])).toThrow(/not in the contract/);
  });

  it('every contract operation has an example for the hostile-input tests', () => {
    expect(Object.keys(contractExamples).sort()).toEqual([...operationNames].sort());
    for (const name of operationNames) {
      expect(contract[name].input.safeParse(contractExamples[name]!.input).success, name).toBe(true);
    }
  });
});

describe('every contract operation rejects malformed input without touching the database', () => {
  let v: TestVault;
  beforeAll(async () => {
    v = await createTestVault();
  });
  afterAll(() => v.cleanup());

  it('answers unknown operations with UNKNOWN_OPERATION', async () => {
    for (const name of ['no.such', '', 42, null, '__proto__', 'constructor', 'toString']) {
      expect(await v.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
  });

  for (const name of operationNames) {
    it(name, async () => {
      const example = contractExamples[name]!;
      const variants = malformedVariants(example.input as Json, example.optional ?? [], example.oversize);
      expect(variants.length).toBeGreaterThan(4);
      const before = hashVault(v.files);
      const auditBefore = v.ctx.vault.current.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get();
      for (const variant of variants) {
        const r = (await v.dispatch(name, variant.input)) as Result<unknown>;
        expect(r.ok, variant.label).toBe(false);
        if (!r.ok) {
          expect(r.error.code, variant.label).toBe('INVALID_INPUT');
          expect(r.error.message).toBe('Oplysningerne er ikke gyldige. Ret de markerede felter.');
          expect(Object.keys(r.error).sort()).toEqual(['code', 'fields', 'message']);
          // The rejected value is never echoed back.
          expect(JSON.stringify(r.error)).not.toContain('xxxxxxxxxx');
        }
      }
      expect(({}) as Record<string, unknown>).not.toHaveProperty('polluted');
      expect(hashVault(v.files)).toEqual(before);
      expect(v.ctx.vault.current.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
      expect(v.ctx.vault.state()).toBe('unlocked');
    });
  }
});

describe('dispatcher', () => {
  it('maps an unexpected handler failure to INTERNAL without its message', async () => {
    const v = await createTestVault();
    try {
      const boom = defineHandlers({ 'vault.status': () => { throw new Error('Personnavn Hemmelig 010203-1234'); } });
      const groups = handlerGroups.map((g) => (g === vaultHandlers ? { ...vaultHandlers, ...boom } : g));
      const dispatch = createDispatcher(v.ctx, groups);
      const r = await dispatch('vault.status', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(r)).not.toContain('Hemmelig');
    } finally {
      v.cleanup();
    }
  });

  it('refuses operations that need the vault while it is locked', async () => {
    const v = await createTestVault();
    try {
      await v.call('vault.lock', {});
      const next = 'ny-og-bedre-Valby-sætning-77';
      expect(await v.dispatch('vault.changePassphrase', { current: 'grøn-cykel-under-Amagerbro-42', next, nextConfirm: next })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    } finally {
      v.cleanup();
    }
  });
});
