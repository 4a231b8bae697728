import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Decrypter } from 'age-encryption';
import { createTestVault, type TestVault } from './helpers';
import { serviceCtx } from '../../src/main/core/service-context';
import { loadIdentity } from '../../src/main/handover/identity';
import { fingerprintOf, generateKeyPairs, parseColleagueCode } from '../../src/main/handover/keys';
import { HandoverRefusal, openBundle, openReceiptFile, sealBundle, sealReceipt, type Reader, type Writer } from '../../src/main/handover/envelope';
import { migrations } from '../../src/main/db/migrations';
import { formatFingerprint, normalizeFingerprint, type BundleManifest } from '../../src/shared/handover';

const tags = migrations.map((m) => m.tag);
const newest = tags[tags.length - 1]!;
const NOW = new Date('2026-03-02T10:00:00.000Z');

function writerOf(keys = generateKeyPairs()): Writer {
  return { ...keys, fingerprint: fingerprintOf(keys) };
}
function readerOf(me: Writer, known: Writer[]): Reader {
  return { ...me, colleague: (fp) => known.find((k) => k.fingerprint === fp) ?? null };
}
function manifestFor(from: Writer, to: Writer, over: Partial<BundleManifest> = {}): BundleManifest {
  return {
    kind: 'bundle',
    bundleId: randomUUID(),
    caseIds: [7, 9],
    senderFingerprint: from.fingerprint,
    recipientFingerprint: to.fingerprint,
    created: NOW.toISOString(),
    validUntil: new Date(NOW.getTime() + 30 * 86400_000).toISOString(),
    schemaVersion: newest,
    ...over,
  };
}
async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HandoverRefusal);
    expect((e as HandoverRefusal).message).toMatch(/Intet er gemt\.$/);
    return (e as HandoverRefusal).reason;
  }
  throw new Error('opened, but should have been refused');
}

const vaults: TestVault[] = [];
afterEach(() => {
  while (vaults.length) vaults.pop()!.cleanup();
});

describe('the vault identity', () => {
  it('is made with the vault: X25519 as age strings, Ed25519, a 32-character base32 fingerprint of both public keys', async () => {
    const v = await createTestVault();
    vaults.push(v);
    const row = v.ctx.vault.current.sqlite.prepare('SELECT * FROM handover_identity').all() as Record<string, string>[];
    expect(row).toHaveLength(1);
    expect(row[0]!.x25519_secret).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(row[0]!.x25519_public).toMatch(/^age1[0-9a-z]{58}$/);
    expect(Buffer.from(row[0]!.ed25519_public!, 'base64url')).toHaveLength(32);
    const id = await v.call<{ fingerprint: string; code: string; label: string }>('handover.identity', {});
    expect(id.fingerprint).toMatch(/^[A-Z2-7]{32}$/);
    expect(id.fingerprint).toBe(fingerprintOf({ x25519Public: row[0]!.x25519_public!, ed25519Public: row[0]!.ed25519_public! }));
    // The code carries public keys only.
    expect(id.code).not.toContain(row[0]!.x25519_secret);
    expect(id.code).not.toContain(row[0]!.ed25519_secret);
    expect(parseColleagueCode(id.code)!.fingerprint).toBe(id.fingerprint);
    expect(formatFingerprint(id.fingerprint)).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    // The creation is audited with the fingerprint only for a lazily made identity; the vault's own creation entry stays as it was.
    const audits = v.ctx.vault.current.sqlite.prepare(`SELECT detail FROM audit_log WHERE entity LIKE 'handover%'`).all();
    expect(audits).toEqual([]);
  });

  it('is made on first need in a vault without one (a vault from before handovers), audited with the fingerprint', async () => {
    const v = await createTestVault();
    vaults.push(v);
    v.ctx.vault.current.sqlite.prepare('DELETE FROM handover_identity').run();
    const id = await v.call<{ fingerprint: string }>('handover.identity', {});
    const again = await v.call<{ fingerprint: string }>('handover.identity', {});
    expect(again.fingerprint).toBe(id.fingerprint);
    const audits = v.ctx.vault.current.sqlite.prepare(`SELECT action, entity, detail FROM audit_log WHERE entity = 'handover_identity'`).all();
    expect(audits).toEqual([{ action: 'create', entity: 'handover_identity', detail: `fingerprint:${id.fingerprint}` }]);
  });

  it('reads a typed fingerprint whatever its spacing and case, and 0/1/8 as O/I/B', () => {
    const fp = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    expect(normalizeFingerprint('abcd efgh-ijkl mn0p qrst uvwx yz23 4567')).toBe(fp);
    expect(normalizeFingerprint('abcd')).toBeNull();
  });
});

describe('colleagues', () => {
  it('are added only with the fingerprint the user confirms, listed, and removed; audited with fingerprints only', async () => {
    const a = await createTestVault();
    const b = await createTestVault();
    vaults.push(a, b);
    const bId = await b.call<{ fingerprint: string; code: string; label: string }>('handover.identity', {});
    const seen = await a.call<{ label: string; fingerprint: string }>('handover.inspectColleague', { code: `  ${bId.code}\n` });
    expect(seen).toEqual({ label: bId.label, fingerprint: bId.fingerprint });

    const wrong = bId.fingerprint.slice(0, 31) + (bId.fingerprint.endsWith('A') ? 'B' : 'A');
    await expect(a.call('handover.addColleague', { code: bId.code, fingerprint: wrong })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(a.call('handover.addColleague', { code: 'ssp-desk-kollega:1:xx', fingerprint: bId.fingerprint })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const aId = await a.call<{ code: string; fingerprint: string }>('handover.identity', {});
    await expect(a.call('handover.addColleague', { code: aId.code, fingerprint: aId.fingerprint })).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    expect(await a.call('handover.colleagues', {})).toEqual([]);

    const added = await a.call<{ id: number; label: string; fingerprint: string }>('handover.addColleague', { code: bId.code, fingerprint: formatFingerprint(bId.fingerprint).toLowerCase() });
    expect(added).toMatchObject({ label: bId.label, fingerprint: bId.fingerprint });
    await expect(a.call('handover.addColleague', { code: bId.code, fingerprint: bId.fingerprint })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await a.call<unknown[]>('handover.colleagues', {})).toHaveLength(1);
    await a.call('handover.removeColleague', { colleagueId: added.id });
    expect(await a.call('handover.colleagues', {})).toEqual([]);
    await expect(a.call('handover.removeColleague', { colleagueId: added.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const audits = a.ctx.vault.current.sqlite.prepare(`SELECT action, entity, detail FROM audit_log WHERE entity = 'handover_colleague' ORDER BY id`).all();
    expect(audits).toEqual([
      { action: 'create', entity: 'handover_colleague', detail: `fingerprint:${bId.fingerprint}` },
      { action: 'delete', entity: 'handover_colleague', detail: `fingerprint:${bId.fingerprint}` },
    ]);
    const allAudit = JSON.stringify(a.ctx.vault.current.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(allAudit).not.toContain(bId.label);
    expect(allAudit).not.toContain('AGE-SECRET');
  });

  it("the vault's own keys are the ones the service seals with", async () => {
    const v = await createTestVault();
    vaults.push(v);
    const s = serviceCtx(v.ctx);
    const w = loadIdentity(s);
    expect(w.fingerprint).toBe((await v.call<{ fingerprint: string }>('handover.identity', {})).fingerprint);
  });
});

describe('the bundle file', () => {
  const alice = writerOf();
  const bob = writerOf();
  const carol = writerOf();
  const payload = new TextEncoder().encode(JSON.stringify({ person: { firstName: 'Syntia', cpr: '010110-4321' } }));

  it('round-trips: the recipient reads the manifest and the payload; nothing readable outside the encryption but the two fingerprints', async () => {
    const m = manifestFor(alice, bob);
    const bytes = await sealBundle(m, payload, alice, bob);
    const text = Buffer.from(bytes).toString('utf8');
    const env = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(env)).toEqual(['format', 'kind', 'version', 'from', 'to', 'ciphertext', 'signature']);
    expect(env.from).toBe(alice.fingerprint);
    expect(env.to).toBe(bob.fingerprint);
    for (const secret of ['Syntia', '010110', m.bundleId, '"caseIds"', newest]) expect(text).not.toContain(secret);
    // The ciphertext is a standard age file (age-encryption.org/v1): age's own decrypter opens it with the recipient's key.
    const ct = Buffer.from(env.ciphertext as string, 'base64');
    expect(ct.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const d = new Decrypter();
    d.addIdentity(bob.x25519Secret);
    expect(Buffer.from(await d.decrypt(ct)).toString()).toContain('Syntia');

    const opened = await openBundle(bytes, readerOf(bob, [alice]), NOW, tags);
    expect(opened.manifest).toEqual(m);
    expect(Buffer.from(opened.payload).equals(Buffer.from(payload))).toBe(true);
    expect(opened.from.fingerprint).toBe(alice.fingerprint);
  });

  it('is refused, with a Danish reason, when it is for another vault, expired, from an unknown key, or of a newer schema', async () => {
    const bytes = await sealBundle(manifestFor(alice, bob), payload, alice, bob);
    expect(await reasonOf(openBundle(bytes, readerOf(carol, [alice]), NOW, tags))).toBe('other-vault');
    expect(await reasonOf(openBundle(bytes, readerOf(bob, [carol]), NOW, tags))).toBe('unknown-sender');
    const later = new Date(NOW.getTime() + 30 * 86400_000 + 1000);
    expect(await reasonOf(openBundle(bytes, readerOf(bob, [alice]), later, tags))).toBe('expired');
    await expect(openBundle(bytes, readerOf(bob, [alice]), new Date(NOW.getTime() + 30 * 86400_000), tags)).resolves.toBeTruthy();

    const num = Number(newest.slice(0, 4)) + 1;
    const newer = await sealBundle(manifestFor(alice, bob, { schemaVersion: `${String(num).padStart(4, '0')}_from_the_future` }), payload, alice, bob);
    expect(await reasonOf(openBundle(newer, readerOf(bob, [alice]), NOW, tags))).toBe('newer-schema');
    const odd = await sealBundle(manifestFor(alice, bob, { schemaVersion: '0001_not_ours' }), payload, alice, bob);
    expect(await reasonOf(openBundle(odd, readerOf(bob, [alice]), NOW, tags))).toBe('unknown-schema');
  });

  it('is refused when a known colleague re-signs a bundle another vault made (the manifest names the maker)', async () => {
    const bytes = await sealBundle(manifestFor(alice, bob), payload, alice, bob);
    const env = JSON.parse(Buffer.from(bytes).toString()) as Record<string, string>;
    // Carol swaps in her own fingerprint and signature over the same ciphertext.
    const { signWith } = await import('../../src/main/handover/keys');
    const msg = Buffer.concat([Buffer.from(`ssp-desk-overdragelse/bundle/v1\n${carol.fingerprint}\n${bob.fingerprint}\n`), Buffer.from(env.ciphertext!, 'base64')]);
    const forged = { ...env, from: carol.fingerprint, signature: signWith(carol.ed25519Secret, carol.ed25519Public, msg).toString('base64url') };
    const forgedBytes = Buffer.from(`${JSON.stringify(forged)}\n`);
    expect(await reasonOf(openBundle(forgedBytes, readerOf(bob, [alice, carol]), NOW, tags))).toBe('tampered');
  });

  it('is refused after any single flipped byte, whichever byte (every position tried)', async () => {
    const bytes = Buffer.from(await sealBundle(manifestFor(alice, bob), payload, alice, bob));
    const me = readerOf(bob, [alice]);
    const reasons = new Map<string, number>();
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes);
      copy[i] = copy[i]! ^ (1 << i % 8);
      const reason = await reasonOf(openBundle(copy, me, NOW, tags));
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    expect([...reasons.values()].reduce((a, b) => a + b, 0)).toBe(bytes.length);
    expect(reasons.get('tampered')).toBeGreaterThan(bytes.length / 2);
    expect(await reasonOf(openBundle(bytes.subarray(0, bytes.length - 2), me, NOW, tags))).toBe('damaged');
    // Every value of the signature's and the ciphertext's last character (base64 leaves unused bits there).
    const text = bytes.toString('utf8');
    for (const field of ['signature', 'ciphertext'] as const) {
      const end = field === 'signature' ? text.lastIndexOf('"}') - 1 : text.indexOf('","signature"') - 1;
      const last = field === 'ciphertext' ? text.slice(0, end + 1).replace(/=+$/, '').length - 1 : end;
      for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/') {
        if (c === text[last]) continue;
        const copy = Buffer.from(text.slice(0, last) + c + text.slice(last + 1), 'utf8');
        expect(await reasonOf(openBundle(copy, me, NOW, tags))).toMatch(/^(tampered|damaged)$/);
      }
    }
    expect(await reasonOf(openBundle(Buffer.from('hej'), me, NOW, tags))).toBe('damaged');
  }, 120_000);
});

describe('the receipt file', () => {
  const alice = writerOf();
  const bob = writerOf();
  it('is signed by the recipient and encrypted to the sender; refused as a bundle and by anyone else', async () => {
    const r = { kind: 'receipt' as const, bundleId: randomUUID(), outcome: 'refused' as const, reasonCode: 'not-responsible' as const, senderFingerprint: bob.fingerprint, recipientFingerprint: alice.fingerprint, at: NOW.toISOString() };
    const bytes = await sealReceipt(r, bob, alice);
    expect(Buffer.from(bytes).toString()).not.toContain(r.bundleId);
    const opened = await openReceiptFile(bytes, readerOf(alice, [bob]));
    expect(opened.manifest).toEqual(r);
    expect(await reasonOf(openBundle(bytes, readerOf(alice, [bob]), NOW, tags))).toBe('wrong-kind');
    expect(await reasonOf(openReceiptFile(bytes, readerOf(bob, [alice])))).toBe('other-vault');
    expect(await reasonOf(openReceiptFile(bytes, readerOf(alice, [])))).toBe('unknown-sender');
    const flipped = Buffer.from(bytes);
    flipped[200] = flipped[200]! ^ 4;
    expect(await reasonOf(openReceiptFile(flipped, readerOf(alice, [bob])))).toBe('tampered');
  });
});
