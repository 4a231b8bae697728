import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVault, type TestVault } from './helpers';
import { serviceCtx } from '../../src/main/core/service-context';
import { loadIdentity } from '../../src/main/handover/identity';
import { colleagueByFingerprint } from '../../src/main/handover/colleagues';
import { sealBundle } from '../../src/main/handover/envelope';
import { extractPersonPayload } from '../../src/main/handover/payload';
import { randomUUID } from 'node:crypto';

/**
 * Handing a young person from vault A to vault B on two real encrypted vaults, through the
 * dispatcher: send, preview, accept, receipt, removal at A; refuse and editable again; the same
 * bundle twice; and each refusal (another vault's bundle, a changed byte, expired, an unknown
 * signer, a newer schema) with a Danish reason and nothing written. No name, CPR number or note
 * text appears in the bundle or receipt files.
 */

const T0 = new Date('2026-03-02T09:00:00.000Z');
let clock = T0;
const now = () => clock;

let A: TestVault;
let B: TestVault;
let C: TestVault;
let aFp: string;
let bFp: string;
let bAtA: number;
let aAtB: number;

const SYNTIA = { firstName: 'Syntia', lastName: 'Prøvehøj', cpr: '010110-4234', birthDate: '2010-01-01', sex: 'K', districtId: 1, school: 'Testskolen' };
const BENTE = { firstName: 'Bentemarie', lastName: 'Opdigtsen', cpr: '020211-4012', birthDate: '2011-02-02', sex: 'K', districtId: 2 };
const NOTE = 'Samtale om fritidsjobbet hos bageren Kvistgaard';
const SECRETS = ['Syntia', 'syntia', 'Prøvehøj', 'provehoj', 'prøvehøj', '010110', '4234', 'Bentemarie', 'Opdigtsen', '020211', 'Kvistgaard', 'Testskolen'];

type File = { fileName: string; base64: string; bytes: number };

async function openCase(v: TestVault, person: typeof SYNTIA | typeof BENTE) {
  const c = await v.call<{ id: number; person: { id: number } }>('cases.open', { person, level: 2, reason: 'Sigtet for tyveri', forum: 'SOF / lokaludvalg', districtId: person.districtId, openedOn: '2026-01-10' });
  await v.call('cases.addNote', { caseId: c.id, text: NOTE });
  return { caseId: c.id, personId: c.person.id };
}

/** Every table's row count: "nothing written" means this does not change. */
function counts(v: TestVault): Record<string, number> {
  const sqlite = v.ctx.vault.current.sqlite;
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}

/** The file's bytes and, inside its envelope, the ciphertext's bytes: neither holds the seeded plaintext. */
function expectNoPlaintext(file: File): void {
  const bytes = Buffer.from(file.base64, 'base64');
  const text = bytes.toString('utf8');
  const inner = Buffer.from((JSON.parse(text) as { ciphertext: string }).ciphertext, 'base64');
  for (const s of SECRETS) {
    expect(text).not.toContain(s);
    expect(bytes.includes(Buffer.from(s, 'utf8'))).toBe(false);
    expect(inner.includes(Buffer.from(s, 'utf8'))).toBe(false);
  }
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('was not refused');
}

beforeAll(async () => {
  A = await createTestVault({ now });
  B = await createTestVault({ now });
  C = await createTestVault({ now });
  const a = await A.call<{ fingerprint: string; code: string }>('handover.identity', {});
  const b = await B.call<{ fingerprint: string; code: string }>('handover.identity', {});
  aFp = a.fingerprint;
  bFp = b.fingerprint;
  bAtA = (await A.call<{ id: number }>('handover.addColleague', { code: b.code, fingerprint: b.fingerprint })).id;
  aAtB = (await B.call<{ id: number }>('handover.addColleague', { code: a.code, fingerprint: a.fingerprint })).id;
  await C.call('handover.addColleague', { code: a.code, fingerprint: a.fingerprint });
}, 60_000);
afterAll(() => {
  for (const v of [A, B, C]) v?.cleanup();
});

describe('send, receive, accept, receipt', () => {
  let sent: { bundleId: string; caseIds: number[]; file: File };
  let receipt: File;
  let syntia: { caseId: number; personId: number };

  it('send: the bundle file holds no plaintext; the cases are read-only at A; audited with ids and fingerprints', async () => {
    syntia = await openCase(A, SYNTIA);
    sent = await A.call('handover.send', { personId: syntia.personId, colleagueId: bAtA });
    expect(sent.caseIds).toEqual([syntia.caseId]);
    expect(sent.file.fileName).toMatch(/^overdragelse-2026-03-02-[0-9a-f]{8}\.ssp-overdragelse$/);
    expectNoPlaintext(sent.file);
    await expect(A.call('cases.addNote', { caseId: syntia.caseId, text: 'Mere' })).rejects.toThrow();
    await expect(A.call('handover.send', { personId: syntia.personId, colleagueId: bAtA })).rejects.toMatchObject({ code: 'CONFLICT' });
    const audit = A.ctx.vault.current.sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'handover'`).all();
    expect(audit).toEqual([{ action: 'send', detail: `bundle:${sent.bundleId};to:${bFp};cases:1` }]);
    const log = await A.call<{ outcome: string; direction: string }[]>('handover.log', { personId: syntia.personId });
    expect(log).toMatchObject([{ bundleId: sent.bundleId, direction: 'sent', outcome: 'pending', peerFingerprint: bFp }]);
  });

  it('preview: what it holds, with no match here; nothing written', async () => {
    const before = counts(B);
    const p = await B.call<{ bundleId: string; person: { firstName: string; lastName: string }; caseCount: number; matches: unknown[]; sender: { fingerprint: string }; alreadyReceived: unknown }>('handover.preview', { base64: sent.file.base64 });
    expect(p).toMatchObject({ bundleId: sent.bundleId, person: { firstName: 'Syntia', lastName: 'Prøvehøj', cpr: '010110-xxxx' }, caseCount: 1, matches: [], sender: { fingerprint: aFp }, alreadyReceived: null });
    expect(counts(B)).toEqual(before);
  });

  it('accept: one person and their case and note at B; a signed receipt with no plaintext', async () => {
    const peopleBefore = counts(B).people!;
    const r = await B.call<{ outcome: string; personId: number; alreadyReceived: boolean; receipt: File }>('handover.receive', { base64: sent.file.base64, decision: 'accept' });
    expect(r).toMatchObject({ outcome: 'accepted', alreadyReceived: false });
    receipt = r.receipt;
    expect(receipt.fileName).toMatch(/^kvittering-2026-03-02-[0-9a-f]{8}\.ssp-kvittering$/);
    expectNoPlaintext(receipt);
    expect(counts(B).people).toBe(peopleBefore + 1);
    const sqlite = B.ctx.vault.current.sqlite;
    expect(sqlite.prepare(`SELECT first_name AS f, last_name AS l, cpr FROM people WHERE id = ?`).get(r.personId)).toEqual({ f: 'Syntia', l: 'Prøvehøj', cpr: '010110-4234' });
    const notes = sqlite.prepare(`SELECT n.text FROM case_notes n JOIN cases c ON c.id = n.case_id WHERE c.person_id = ?`).all(r.personId) as { text: string }[];
    expect(notes.map((n) => n.text)).toContain(NOTE);
    const audit = sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'handover'`).all();
    expect(audit).toEqual([{ action: 'receive', detail: `bundle:${sent.bundleId};from:${aFp};cases:1` }]);
    // No audit entry anywhere in B carries the person's name or CPR number.
    const all = JSON.stringify(sqlite.prepare('SELECT * FROM audit_log').all());
    for (const s of SECRETS) expect(all).not.toContain(s);
  });

  it('the same bundle twice: nothing written, the receipt says accepted again', async () => {
    const before = counts(B);
    const again = await B.call<{ outcome: string; alreadyReceived: boolean; receipt: File }>('handover.receive', { base64: sent.file.base64, decision: 'refuse', reason: 'other' });
    expect(again).toMatchObject({ outcome: 'accepted', alreadyReceived: true });
    expect(counts(B)).toEqual(before);
    const p = await B.call<{ alreadyReceived: { outcome: string } | null }>('handover.preview', { base64: sent.file.base64 });
    expect(p.alreadyReceived).toMatchObject({ outcome: 'accepted' });
  });

  it('receipt at A: the personal data leaves A; opening it again changes nothing', async () => {
    const r = await A.call<{ outcome: string; alreadySettled: boolean; keptReadOnly: boolean }>('handover.openReceipt', { base64: receipt.base64 });
    expect(r).toMatchObject({ bundleId: sent.bundleId, outcome: 'accepted', alreadySettled: false, keptReadOnly: false });
    const sqlite = A.ctx.vault.current.sqlite;
    const dump = JSON.stringify([sqlite.prepare('SELECT * FROM people').all(), sqlite.prepare('SELECT * FROM case_notes').all()]);
    for (const s of ['Syntia', 'Prøvehøj', '010110-4234', 'Kvistgaard', 'Testskolen']) expect(dump).not.toContain(s);
    const before = counts(A);
    const again = await A.call<{ alreadySettled: boolean }>('handover.openReceipt', { base64: receipt.base64 });
    expect(again.alreadySettled).toBe(true);
    expect(counts(A)).toEqual(before);
    const audit = sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'handover' ORDER BY id`).all();
    expect(audit).toEqual([
      { action: 'send', detail: `bundle:${sent.bundleId};to:${bFp};cases:1` },
      { action: 'accept', detail: `bundle:${sent.bundleId};cases:1` },
      { action: 'remove', detail: `bundle:${sent.bundleId};cases:1;people:1` },
      { action: 'receipt', detail: `bundle:${sent.bundleId};from:${aFp};to:${bFp};outcome:accepted` },
    ]);
    // A receipt can only be opened by its addressee: B (or C) cannot.
    expect(await refusal(B.call('handover.openReceipt', { base64: receipt.base64 }))).toMatch(/anden boks/);
  });
});

describe('refuse, and the cases are editable again at A', () => {
  it('B refuses with a reason: nothing of the person written; A opens the receipt and can write again', async () => {
    const bente = await openCase(A, BENTE);
    const sent = await A.call<{ bundleId: string; file: File }>('handover.send', { personId: bente.personId, colleagueId: bAtA });
    await expect(A.call('cases.addNote', { caseId: bente.caseId, text: 'Mere' })).rejects.toThrow();
    const before = counts(B);
    await expect(B.call('handover.receive', { base64: sent.file.base64, decision: 'refuse' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const r = await B.call<{ outcome: string; personId: number | null; receipt: File }>('handover.receive', { base64: sent.file.base64, decision: 'refuse', reason: 'not-responsible' });
    expect(r).toMatchObject({ outcome: 'refused', personId: null });
    expectNoPlaintext(r.receipt);
    const after = counts(B);
    // Only the log row and the audit entry: no person, case or note.
    expect(Object.entries(after).filter(([k, n]) => n !== before[k])).toEqual([
      ['audit_log', before.audit_log! + 1],
      ['handover_log', before.handover_log! + 1],
    ]);
    const settled = await A.call<{ outcome: string; reasonCode: string }>('handover.openReceipt', { base64: r.receipt.base64 });
    expect(settled).toMatchObject({ outcome: 'refused', reasonCode: 'not-responsible' });
    await A.call('cases.addNote', { caseId: bente.caseId, text: 'Videre arbejde efter afvist overdragelse' });
    expect(A.ctx.vault.current.sqlite.prepare(`SELECT first_name AS f FROM people WHERE id = ?`).get(bente.personId)).toEqual({ f: 'Bentemarie' });
  });
});

describe('the same person already here, and a sender that must keep the case', () => {
  it('preview names the match by CPR; accepting with the link adds no second person; the sender keeps the cases read-only', async () => {
    const person = { ...BENTE, firstName: 'Fjerdemarie', cpr: '040413-4044', birthDate: '2013-04-04' };
    const atA = await openCase(A, person);
    // B already has her (an older, closed case of her own).
    const atB = await B.call<{ id: number; person: { id: number } }>('cases.open', { person, level: 1, reason: 'Bekymrende adfærd', openedOn: '2025-05-01' });
    await B.call('cases.close', { caseId: atB.id, closedOn: '2025-12-01', reason: 'concern-ended' });
    const sent = await A.call<{ file: File }>('handover.send', { personId: atA.personId, colleagueId: bAtA });
    const p = await B.call<{ matches: { personId: number; matchedBy: string }[] }>('handover.preview', { base64: sent.file.base64 });
    expect(p.matches).toEqual([expect.objectContaining({ personId: atB.person.id, matchedBy: 'cpr' })]);
    // Without the link the CPR number would be there twice: refused, nothing written.
    const before = counts(B);
    expect(await refusal(B.call('handover.receive', { base64: sent.file.base64, decision: 'accept' }))).toMatch(/samme CPR-nummer/);
    expect(counts(B)).toEqual(before);
    const r = await B.call<{ personId: number; receipt: File }>('handover.receive', { base64: sent.file.base64, decision: 'accept', linkToPersonId: atB.person.id });
    expect(r.personId).toBe(atB.person.id);
    expect(counts(B).people).toBe(before.people);
    expect(counts(B).cases).toBe(before.cases! + 1);
    const kept = await A.call<{ outcome: string; keptReadOnly: boolean }>('handover.openReceipt', { base64: r.receipt.base64, keepReadOnly: true });
    expect(kept).toMatchObject({ outcome: 'accepted', keptReadOnly: true });
    expect(A.ctx.vault.current.sqlite.prepare(`SELECT first_name AS f FROM people WHERE id = ?`).get(atA.personId)).toEqual({ f: 'Fjerdemarie' });
    await expect(A.call('cases.addNote', { caseId: atA.caseId, text: 'Mere' })).rejects.toMatchObject({ code: 'HANDED_OVER' });
  });
});

describe('refusals: a Danish reason, nothing written', () => {
  let file: File;
  let personId: number;
  beforeAll(async () => {
    const p = await openCase(A, { ...BENTE, firstName: 'Tredjemarie', cpr: '030312-4016', birthDate: '2012-03-03' });
    personId = p.personId;
    file = (await A.call<{ file: File }>('handover.send', { personId, colleagueId: bAtA })).file;
  });

  async function refusedAtB(base64: string, pattern: RegExp, v: TestVault = B): Promise<void> {
    const before = counts(v);
    for (const op of ['handover.preview', 'handover.receive'] as const) {
      const message = await refusal(v.call(op, op === 'handover.preview' ? { base64 } : { base64, decision: 'accept' }));
      expect(message).toMatch(pattern);
      expect(message).toMatch(/Intet er gemt\.$/);
    }
    expect(counts(v)).toEqual(before);
  }

  it("another vault's bundle", async () => {
    await refusedAtB(file.base64, /lavet til en anden boks end din/, C);
  });

  it('a changed byte (in the ciphertext, in a fingerprint, in the signature)', async () => {
    const bytes = Buffer.from(file.base64, 'base64');
    const text = bytes.toString('utf8');
    for (const at of [text.indexOf('"ciphertext":"') + 400, text.indexOf('"signature":"') + 20, bytes.length - 3]) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x02;
      await refusedAtB(copy.toString('base64'), /ændret, efter den blev underskrevet|kan ikke læses/);
    }
  });

  it('expired (31 days later)', async () => {
    clock = new Date(T0.getTime() + 31 * 86_400_000);
    try {
      await refusedAtB(file.base64, /er udløbet/);
    } finally {
      clock = T0;
    }
  });

  it('signed by a key B does not know', async () => {
    await B.call('handover.removeColleague', { colleagueId: aAtB });
    try {
      await refusedAtB(file.base64, /underskrevet af en boks, du ikke kender/);
    } finally {
      const a = await A.call<{ fingerprint: string; code: string }>('handover.identity', {});
      aAtB = (await B.call<{ id: number }>('handover.addColleague', { code: a.code, fingerprint: a.fingerprint })).id;
    }
  });

  it('from a newer schema than B knows', async () => {
    const s = serviceCtx(A.ctx);
    const me = loadIdentity(s);
    const to = colleagueByFingerprint(s, bFp)!;
    const payload = extractPersonPayload(s, personId);
    const bytes = await sealBundle(
      { kind: 'bundle', bundleId: randomUUID(), caseIds: [1], senderFingerprint: aFp, recipientFingerprint: bFp, created: T0.toISOString(), validUntil: new Date(T0.getTime() + 86_400_000).toISOString(), schemaVersion: '9999_from_the_future' },
      Buffer.from(JSON.stringify(payload)),
      me,
      to,
    );
    await refusedAtB(Buffer.from(bytes).toString('base64'), /nyere udgave af SSP Desk/);
  });

  it('the valid bundle is still accepted after all that', async () => {
    const r = await B.call<{ outcome: string }>('handover.receive', { base64: file.base64, decision: 'accept' });
    expect(r.outcome).toBe('accepted');
  });
});
