import { statSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorSchema, operationNames, type Result } from '../../src/shared/contract';
import { seedDemoData } from '../../src/main/demo-data';
import { contractExamples } from '../fixtures/contract-examples';
import { createTestVault, PASSPHRASE, sha256File, type TestVault } from './helpers';

/**
 * Hostile input, property-based (fast-check): every contract operation gets arbitrary values and
 * mutations of its valid example (wrong types, huge strings, nesting 1000 and 20000 deep,
 * __proto__ / constructor / prototype keys, impossible dates, path tricks, SQL and HTML). For each
 * call: dispatch never throws; the answer is {ok:true} or a structured {ok:false, error} whose code
 * is never INTERNAL and whose message does not echo the input; a refused call leaves the database
 * files and the audit log exactly as they were; Object.prototype is never polluted. SQL and HTML
 * in text fields that the contract accepts are stored verbatim (read back from the database).
 *
 * HOSTILE_SEED repeats a run; HOSTILE_RUNS scales the number of generated payloads per operation.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);

const SQL = [`'); DROP TABLE cases;--`, `" OR 1=1 --`, `1; DELETE FROM people WHERE 1=1; --`, `%' OR '%'='`, `'; ATTACH DATABASE '/tmp/x.db' AS x; --`];
const HTML = ['<img src=x onerror=alert(1)>', '<script>window.__xss=1</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}'];
const ODD_TEXT = ['', ' ', '\u0000', 'a\u0000b', '\uD800', '\u202Eevil', 'Æ\u0301', '🧨'.repeat(10), '\r\n', '0', 'null', 'undefined', 'true', '[object Object]'];
const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '2026-01-00', '0000-00-00', '2026-2-3', '2025-02-29', '9999-99-99', '2026-02-28T00:00:00Z', ' 2026-01-01', '2026-01-01 ', '２０２６-01-01', '2026/01/01', '+02026-01-01', '-2026-01-01', '2026-01-01\n'];
const PATHS = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\Windows\\System32', '../vault/ssp-desk.keys', 'ssp-desk-backup-../../x.sspbak', 'CON', 'file:///etc/passwd'];
const HUGE = ['x'.repeat(1_000_001), 'ø'.repeat(300_001), '<'.repeat(100_001)];
const NUMBERS = [0, -1, -0, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 1, 1e308, -1e308, 2 ** 31, 2 ** 53, Number.MIN_VALUE];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

const nest = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 'bund';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};
const DEEP = [nest(1000, 'array'), nest(1000, 'object'), nest(20_000, 'array'), nest(20_000, 'object')];
const protoBomb = () => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as unknown;

/** Strings the test injects; a refusal must never quote them back. */
const ECHO_MARKERS = [...SQL, ...HTML, ...PATHS.slice(0, 4), 'x'.repeat(200), 'ø'.repeat(200)];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...SQL, ...HTML, ...ODD_TEXT, ...BAD_DATES, ...PATHS),
  fc.constantFrom<unknown>(...HUGE),
  fc.constantFrom<unknown>(...NUMBERS),
  fc.constantFrom<unknown>(null, undefined, true, false, [], {}, [[]], '1', -1),
  fc.constantFrom<unknown>(...DEEP),
  fc.constant(null).map(() => protoBomb()),
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

type Path = (string | number)[];
/** Paths to every node of a value (the root is []), with the node's kind. */
function nodes(value: unknown, path: Path = []): { path: Path; kind: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'other' }[] {
  const kind = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : Array.isArray(value) ? 'array' : value && typeof value === 'object' ? 'object' : 'other';
  const out: ReturnType<typeof nodes> = [{ path, kind }];
  if (kind === 'array') (value as unknown[]).forEach((v, i) => out.push(...nodes(v, [...path, i])));
  if (kind === 'object') for (const [k, v] of Object.entries(value as object)) out.push(...nodes(v, [...path, k]));
  return out;
}

/**
 * Set a property as an own, enumerable data property, even for '__proto__' (as JSON.parse does).
 * A typed array refuses an index outside its length (TypeError); that mutation is skipped, as
 * no such value can be sent anyway.
 */
function defineOwn(target: object, key: string | number, value: unknown): void {
  try {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } catch (e) {
    if (ArrayBuffer.isView(target) && e instanceof TypeError) return;
    throw e;
  }
}

type Mutation = { kind: 'replace'; path: Path; value: unknown } | { kind: 'delete'; path: Path } | { kind: 'addKey'; path: Path; key: string; value: unknown } | { kind: 'wrap'; path: Path };

function applyMutations(example: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(example);
  for (const m of mutations) {
    if (m.path.length === 0) {
      if (m.kind === 'replace') root = m.value;
      else if (m.kind === 'wrap') root = [root];
      else if (m.kind === 'addKey' && root && typeof root === 'object') defineOwn(root, m.key, m.value);
      continue;
    }
    let parent: unknown = root;
    for (const k of m.path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[k] : undefined;
    if (!parent || typeof parent !== 'object') continue;
    const last = m.path[m.path.length - 1]!;
    const p = parent as Record<string | number, unknown>;
    if (m.kind === 'replace') defineOwn(p, last, m.value);
    else if (m.kind === 'delete') delete p[last];
    else if (m.kind === 'wrap') defineOwn(p, last, [p[last]]);
    else if (p[last] && typeof p[last] === 'object') defineOwn(p[last] as object, m.key, m.value);
  }
  return root;
}

/** A short, printable description of a payload (huge and deep values summarised). */
function describePayload(value: unknown): string {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return v.length > 60 ? `<string ${v.length}: ${JSON.stringify(v.slice(0, 20))}...>` : v;
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (!v || typeof v !== 'object') return v;
    if (seen.has(v)) return '<cycle>';
    seen.add(v);
    if (depth > 6) return '<deep>';
    if (Array.isArray(v)) {
      // No slice/map: a payload may have replaced the array's constructor.
      const items: unknown[] = [];
      for (let i = 0; i < Math.min(8, v.length); i++) items.push(walk(v[i], depth + 1));
      return items;
    }
    if (v instanceof Map || v instanceof Set || ArrayBuffer.isView(v) || v instanceof Date) return `<${v.constructor?.name ?? 'object'}>`;
    return Object.fromEntries(Object.keys(v).slice(0, 12).map((k) => [k, walk((v as Record<string, unknown>)[k], depth + 1)]));
  };
  return String(JSON.stringify(walk(value, 0))).slice(0, 600);
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort();
function assertNoPollution(where: () => string): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTO_NAMES.join() || Object.getOwnPropertyNames(Array.prototype).sort().join() !== ARRAY_PROTO_NAMES.join()) {
    throw new Error(`Object.prototype polluted after ${where()}`);
  }
}

const WARM_UP_SKIP = /delete|^vault\.(lock|changePassphrase)$|^retention\.apply$|^sspplus\.end$|^cases\.(close|reopen)$|^backup\.restore$/;

/**
 * Bases for the mutations where the shared example is refused by a rule in any state: its CPR
 * (010110-1234, born 1910 by the century digit) contradicts its birth date, and a CPR can be
 * used once. Without the CPR the example is accepted, again and again.
 */
const withoutCpr = (person: unknown) => {
  const { cpr: _cpr, ...rest } = person as Record<string, unknown>;
  return rest;
};
const BASES: Record<string, unknown> = {
  'people.create': withoutCpr(contractExamples['people.create']?.input),
  'people.update': { ...(contractExamples['people.update']?.input as object), person: withoutCpr((contractExamples['people.update']?.input as { person: unknown }).person) },
  'cases.open': { ...(contractExamples['cases.open']?.input as object), person: withoutCpr((contractExamples['cases.open']?.input as { person: unknown }).person) },
};

const GENERIC_INVALID = 'Oplysningerne er ikke gyldige. Ret de markerede felter.';
const NOT_STORED_FIELDS = /^(passphrase|passphraseConfirm|secret|current|next|nextConfirm|search|fileName|contentBase64|cpr)$/;

describe('hostile input to every contract operation', () => {
  let v: TestVault;
  let clock = Date.parse('2027-04-01T10:00:00Z');
  let passphrase = PASSPHRASE;
  let fileState = { stat: '', hash: '' };
  const counts = { payloads: 0, accepted: 0, refused: 0, injectedAccepted: 0, injectedVerified: 0, lockedPass: 0 };
  const codes: Record<string, number> = {};
  const notStored: string[] = [];
  const quotedBy = new Set<string>();
  const injectOutcomes: Record<string, string> = {};
  let textColumns: { table: string; column: string }[] = [];

  const sqlite = () => v.ctx.vault.current.sqlite;
  const auditCount = () => (sqlite().prepare('SELECT count(*) AS n, max(id) AS m FROM audit_log').get() as { n: number; m: number });
  /** The vault's files: re-hashed only when size or mtime changed (cheap for the many refusals). */
  const filesFingerprint = () => {
    const st = [v.files.database, v.files.wal, v.files.keyFile].map((f) => {
      try {
        const s = statSync(f, { bigint: true });
        return `${s.size}:${s.mtimeNs}`;
      } catch {
        return 'absent';
      }
    }).join('|');
    if (st !== fileState.stat) fileState = { stat: st, hash: [v.files.database, v.files.wal, v.files.keyFile].map(sha256File).join('|') };
    return fileState.hash;
  };
  const restore = async () => {
    if (v.ctx.vault.state() !== 'unlocked') {
      clock += 10 * 60_000; // past any throttling
      const r = await v.dispatch('vault.unlock', { method: 'passphrase', secret: passphrase });
      if (!r.ok) throw new Error(`could not unlock again: ${r.error.code}`);
      fastCommits();
    }
  };
  // Durability is the crash test's subject; here an fsync per accepted write would only make the
  // run slow. NORMAL in WAL mode still commits atomically, it just syncs at checkpoints.
  const fastCommits = () => sqlite().pragma('synchronous = NORMAL');
  /** Is `text` stored verbatim in some text column? */
  const storedVerbatim = (text: string) =>
    textColumns.some(({ table, column }) => sqlite().prepare(`SELECT 1 FROM "${table}" WHERE instr("${column}", ?) > 0 LIMIT 1`).get(text) !== undefined);

  /** One call with every check; `injected` is a text that, when accepted by a write, must be stored verbatim. */
  async function check(name: string, payload: unknown, injected?: { text: string; field: string }): Promise<void> {
    const label = () => `${name} ${describePayload(payload)}`;
    const before = filesFingerprint();
    const auditBefore = v.ctx.vault.state() === 'unlocked' ? auditCount() : null;
    let r: Result<unknown>;
    try {
      r = await v.dispatch(name, payload);
    } catch (e) {
      throw new Error(`dispatch threw for ${label()}: ${String(e)}`);
    }
    counts.payloads++;
    if (injected && process.env.HOSTILE_DEBUG) injectOutcomes[`${name}.${injected.field}`] = r.ok ? 'ok' : r.error.code;
    assertNoPollution(label);
    if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') throw new Error(`not a Result for ${label()}`);
    if (!r.ok) {
      counts.refused++;
      codes[r.error.code] = (codes[r.error.code] ?? 0) + 1;
      if (!appErrorSchema.safeParse(r.error).success) throw new Error(`malformed error ${JSON.stringify(r.error).slice(0, 300)} for ${label()}`);
      if (r.error.code === 'INTERNAL') throw new Error(`INTERNAL for ${label()}`);
      if (!r.error.message.trim()) throw new Error(`empty message for ${label()}`);
      // Field messages and the contract's own refusal never quote the input. A domain refusal may
      // name what it refuses (a district, a file name the user picked); those are counted and listed.
      const markers = [...ECHO_MARKERS, ...(injected ? [injected.text] : [])];
      const fieldEcho = markers.find((m) => Object.values(r.error.fields ?? {}).some((f) => f.includes(m)) || (r.error.message === GENERIC_INVALID && r.error.message.includes(m)));
      if (fieldEcho) throw new Error(`the refusal quotes the input (${fieldEcho}) for ${label()}`);
      if (markers.some((m) => r.error.message.includes(m))) quotedBy.add(`${name}:${r.error.code}`);
      if (filesFingerprint() !== before) throw new Error(`refused call changed the vault files: ${label()}`);
      if (auditBefore && v.ctx.vault.state() === 'unlocked' && JSON.stringify(auditCount()) !== JSON.stringify(auditBefore)) throw new Error(`refused call wrote to the audit log: ${label()}`);
    } else {
      counts.accepted++;
      codes.ok = (codes.ok ?? 0) + 1;
      if (name === 'vault.changePassphrase') passphrase = (payload as { next: string }).next;
      if (injected && v.ctx.vault.state() === 'unlocked' && auditBefore) {
        const written = sqlite().prepare(`SELECT action FROM audit_log WHERE id > ? AND action NOT IN ('view', 'reveal', 'export', 'unlock', 'lock')`).all(auditBefore.m ?? 0);
        if (written.length && !NOT_STORED_FIELDS.test(injected.field)) {
          counts.injectedAccepted++;
          if (storedVerbatim(injected.text)) counts.injectedVerified++;
          else notStored.push(`${name}.${injected.field}`);
        }
      }
    }
    await restore();
  }

  beforeAll(async () => {
    v = await createTestVault({ now: () => new Date(clock) });
    fastCommits();
    // A coherent state for the examples, whose references are mostly id 1: a level-3 case with a
    // note, a leader group with a member, a custody period; then demo data around them.
    await v.call('cases.open', { person: { firstName: 'Åse', lastName: 'Prøvegård', birthDate: '2008-01-01', districtId: 1 }, level: 3, reason: 'Sigtet', openedOn: '2026-03-01' });
    await v.call('cases.addNote', { caseId: 1, text: 'Første notat' });
    await v.call('forums.save', { name: 'SSP-ledergruppe Test', kind: 'leader-group', districtIds: [5], members: [{ name: 'Leder Lærkesen', partner: 'sof', title: 'Leder' }] });
    await v.call('releases.custody.create', { personId: 1, institutionId: 1, type: 'afsoning', imprisonedOn: '2026-01-31', expectedReleaseOn: '2027-01-31' });
    seedDemoData(sqlite(), { people: 40, seed: 7, today: '2027-04-01', now: new Date(clock), force: true });
    // Then each example once, except those that end or remove what later examples refer to.
    for (let round = 0; round < 2; round++) {
      for (const name of operationNames) {
        const example = BASES[name] ?? contractExamples[name]?.input;
        if (example === undefined || WARM_UP_SKIP.test(name)) continue;
        await v.dispatch(name, example);
        await restore();
      }
    }
    const tables = (sqlite().prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%migrations%'`).all() as { name: string }[]).map((t) => t.name);
    textColumns = tables.flatMap((table) =>
      (sqlite().prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[])
        .filter((c) => /TEXT|CHAR|CLOB|^$/i.test(c.type))
        .map((c) => ({ table, column: c.name })),
    );
  }, 120_000);

  afterAll(() => {
    v?.cleanup();
    if (process.env.HOSTILE_DEBUG) console.log(JSON.stringify(injectOutcomes, null, 1));
    const total = counts.payloads;
    console.log(
      `hostile: seed ${SEED}, ${total} payloads over ${operationNames.length} operations (${counts.accepted} accepted, ${counts.refused} refused), ` +
        `${counts.injectedVerified}/${counts.injectedAccepted} accepted SQL/HTML texts read back verbatim from the database; answers ${JSON.stringify(codes)}; ` +
        `domain refusals quoting the input text back (not personal data by themselves, shown as text by the renderer): ${[...quotedBy].join(', ') || 'none'}`,
    );
  });

  it('answers unknown operation names with UNKNOWN_OPERATION', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS, 'cases.open ', 'CASES.OPEN', 'cases..open', ...SQL, ...HTML), fc.anything({ maxDepth: 1 })), async (name) => {
        if (typeof name === 'string' && (operationNames as string[]).includes(name)) return;
        const before = filesFingerprint();
        const r = await v.dispatch(name, {});
        counts.payloads++;
        expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Ukendt handling.' } });
        expect(filesFingerprint()).toBe(before);
        assertNoPollution(() => String(name));
      }),
      { numRuns: 200, seed: SEED, endOnFailure: true },
    );
  });

  for (const name of operationNames) {
    it(name, async () => {
      const example = BASES[name] ?? contractExamples[name]?.input;
      // 1. Anything at all, as a whole payload.
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, fc.jsonValue({ maxDepth: 4 })), (payload) => check(name, payload)),
        { numRuns: Math.ceil(RUNS / 2), seed: SEED, endOnFailure: true },
      );
      if (example === undefined) return;
      // 2. The valid example with one to three hostile mutations.
      const all = nodes(example);
      const containers = all.filter((n) => n.kind === 'object' || n.kind === 'array');
      const mutation: fc.Arbitrary<Mutation> = fc.oneof(
        fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...all.map((n) => n.path)), value: hostileValue }),
        fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...all.map((n) => n.path)) }),
        fc.record({ kind: fc.constant('wrap' as const), path: fc.constantFrom(...all.map((n) => n.path)) }),
        fc.record({
          kind: fc.constant('addKey' as const),
          path: fc.constantFrom(...containers.map((n) => n.path)),
          key: fc.oneof(fc.constantFrom(...PROTO_KEYS, 'extra', '', ' ', '0', ...HTML.slice(0, 1), ...SQL.slice(0, 1)), fc.string({ maxLength: 10 })),
          value: hostileValue,
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => check(name, applyMutations(example, ms))),
        { numRuns: RUNS * 2, seed: SEED, endOnFailure: true },
      );
      // 3. SQL and HTML (and the odd texts) in each text field, one field at a time. Accepted
      //    ones must be stored verbatim; a unique tag tells this call's text from earlier ones.
      let tag = 0;
      for (const n of all.filter((x) => x.kind === 'string')) {
        const field = String(n.path[n.path.length - 1]);
        for (const base of [...SQL, ...HTML]) {
          const text = `${base}~${name.length}${++tag}`;
          await check(name, applyMutations(example, [{ kind: 'replace', path: n.path, value: text }]), { text, field });
        }
        for (const odd of ODD_TEXT) await check(name, applyMutations(example, [{ kind: 'replace', path: n.path, value: odd }]));
      }
    });
  }

  it('while locked, hostile payloads to every operation change nothing', async () => {
    await v.call('vault.lock', {});
    for (const name of operationNames) {
      const example = contractExamples[name]?.input;
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileValue, fc.constant(example), fc.array(fc.constantFrom<Mutation>(
          { kind: 'replace', path: [], value: protoBomb() },
          { kind: 'addKey', path: [], key: '__proto__', value: { polluted: 'yes' } },
        ), { minLength: 1, maxLength: 1 }).map((ms) => applyMutations(example, ms))), async (payload) => {
          const before = filesFingerprint();
          const r = (await v.dispatch(name, payload)) as Result<unknown>;
          if (!r.ok) expect(filesFingerprint(), `${name} refused but changed the files: ${describePayload(payload)}`).toBe(before);
          counts.payloads++;
          counts.lockedPass++;
          assertNoPollution(() => name);
          if (name === 'vault.unlock' && r.ok) {
            await v.call('vault.lock', {});
            return;
          }
          if (name === 'vault.status' || name === 'vault.lock') return;
          expect(r.ok, `${name} ${describePayload(payload)}`).toBe(false);
          if (!r.ok) expect(['INVALID_INPUT', 'VAULT_LOCKED', 'WRONG_PASSPHRASE', 'THROTTLED', 'VAULT_EXISTS']).toContain(r.error.code);
          clock += 10 * 60_000; // keep wrong-passphrase throttling from taking over
        }),
        { numRuns: 15, seed: SEED, endOnFailure: true },
      );
    }
    await restore();
  });

  it('accepted SQL and HTML texts were stored verbatim, none lost or altered', () => {
    expect(counts.injectedAccepted).toBeGreaterThan(100);
    expect(notStored).toEqual([]);
  });
});
