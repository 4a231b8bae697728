/**
 * The handover flow over the envelope (envelope.ts) and the payload seam (./payload, i21data's
 * half: what moves, how it is imported, marked and settled):
 * - send: the person's payload, sealed to the colleague and signed; then the cases are marked
 *   "overdraget – afventer kvittering" and the bundle is logged (one transaction).
 * - preview: every check of the bundle, then what it holds and who may already be here; nothing
 *   written.
 * - receive: accept (import in one transaction, idempotent by bundle id) or refuse with a reason
 *   code; either way a signed receipt to the sender. The same bundle again writes nothing and
 *   gives the receipt of the first outcome again.
 * - openReceipt: the sender settles (accepted: the personal data leaves, unless kept read-only;
 *   refused: editable again). A receipt opened twice writes nothing the second time.
 * Audit entries carry the bundle id and fingerprints only.
 */
import { randomUUID } from 'node:crypto';
import { audit } from '../core/audit';
import { AppError } from '../core/errors';
import type { HandlerCtx } from '../core/service-context';
import { migrations } from '../db/migrations';
import { maskCpr } from '../../shared/core/cpr';
import { BUNDLE_VALID_DAYS, type BundleManifest, type HandoverFile, type HandoverOutcome, type RefusalReason } from '../../shared/handover';
import { colleagueByFingerprint, colleagueById } from './colleagues';
import { openBundle, openReceiptFile, refuse, sealBundle, sealReceipt, type Opened, type Reader } from './envelope';
import { loadIdentity } from './identity';
import { handoverPayload, type HandoverPayload } from '../../shared/handover';
import { extractPersonPayload, importPersonPayload, markHandedOver, previewPayload, settleHandover } from './payload';

export const HANDOVER_MIME = 'application/vnd.ssp-desk.overdragelse+json';

/** This vault's migration tags, oldest first: a bundle's schema version must be one of them. */
export const knownSchemas: readonly string[] = migrations.map((m) => m.tag);
export const newestSchema = knownSchemas[knownSchemas.length - 1]!;

function reader(s: HandlerCtx): Reader {
  return { ...loadIdentity(s), colleague: (fp) => colleagueByFingerprint(s, fp) };
}

function decode(base64: string): Buffer {
  return Buffer.from(base64, 'base64');
}

function fileOf(fileName: string, bytes: Uint8Array): HandoverFile {
  return { fileName, mimeType: HANDOVER_MIME, base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
}

function logRow(s: HandlerCtx, bundleId: string, direction: 'sent' | 'received') {
  return s.sqlite
    .prepare(`SELECT bundle_id AS bundleId, peer_fingerprint AS peerFingerprint, person_id AS personId, outcome, reason_code AS reasonCode FROM handover_log WHERE bundle_id = ? AND direction = ?`)
    .get(bundleId, direction) as { bundleId: string; peerFingerprint: string; personId: number | null; outcome: 'pending' | HandoverOutcome; reasonCode: RefusalReason | null } | undefined;
}

function short(bundleId: string): string {
  return bundleId.slice(0, 8);
}

/** Hand one young person (all their cases) to a colleague: the bundle file to save. */
export async function sendHandover(s: HandlerCtx, input: { personId: number; colleagueId: number }): Promise<{ bundleId: string; file: HandoverFile; caseIds: number[] }> {
  const me = loadIdentity(s);
  const to = colleagueById(s, input.colleagueId);
  if (!to) throw new AppError('NOT_FOUND', 'Kollegaen findes ikke længere i listen. Tilføj dem igen, eller vælg en anden.', { colleagueId: 'Vælg en kollega' });
  const pending = s.sqlite.prepare(`SELECT 1 FROM handover_log WHERE person_id = ? AND direction = 'sent' AND outcome = 'pending'`).get(input.personId);
  if (pending) throw new AppError('CONFLICT', 'Den unge er allerede overdraget og afventer kvittering. Åbn kvitteringen fra kollegaen først.');
  const payload = extractPersonPayload(s, input.personId);
  const caseIds = payload.caseIds;
  if (!caseIds.length) throw new AppError('RULE_VIOLATION', 'Den unge har ingen sager at overdrage. Intet er gemt.');
  const bundleId = randomUUID();
  const created = s.now;
  const validUntil = new Date(created.getTime() + BUNDLE_VALID_DAYS * 86_400_000);
  const manifest: BundleManifest = {
    kind: 'bundle',
    bundleId,
    caseIds,
    senderFingerprint: me.fingerprint,
    recipientFingerprint: to.fingerprint,
    created: created.toISOString(),
    validUntil: validUntil.toISOString(),
    schemaVersion: newestSchema,
  };
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  const bytes = await sealBundle(manifest, plain, me, to);
  plain.fill(0);
  // The cases become read-only and the step is audited ('send', bundle id and recipient) by the seam.
  s.db.transaction(() => {
    markHandedOver(s, input.personId, { bundleId, recipientFingerprint: to.fingerprint, handoverDate: payload.handoverDate });
    s.sqlite
      .prepare(`INSERT INTO handover_log (bundle_id, direction, peer_fingerprint, person_id, case_ids, created_at, valid_until, outcome) VALUES (?, 'sent', ?, ?, ?, ?, ?, 'pending')`)
      .run(bundleId, to.fingerprint, input.personId, JSON.stringify(caseIds), manifest.created, manifest.validUntil);
  });
  return { bundleId, caseIds, file: fileOf(`overdragelse-${s.today}-${short(bundleId)}.ssp-overdragelse`, bytes) };
}

interface OpenedBundle {
  opened: Opened<BundleManifest>;
  payload: HandoverPayload;
}

/** Every check, then the payload parsed against the shared schema; a refusal writes nothing. */
async function openChecked(s: HandlerCtx, base64: string): Promise<OpenedBundle> {
  const opened = await openBundle(decode(base64), reader(s), s.now, knownSchemas);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(opened.payload).toString('utf8'));
  } catch {
    refuse('damaged', 'bundle');
  }
  const parsed = handoverPayload.safeParse(json);
  if (!parsed.success) refuse('damaged', 'bundle');
  if (parsed.data.schemaVersion !== opened.manifest.schemaVersion) refuse('tampered', 'bundle');
  return { opened, payload: parsed.data };
}

export async function previewHandover(s: HandlerCtx, input: { base64: string }) {
  const { opened, payload } = await openChecked(s, input.base64);
  const m = opened.manifest;
  const before = logRow(s, m.bundleId, 'received');
  const seen = previewPayload(s, payload);
  return {
    bundleId: m.bundleId,
    sender: { fingerprint: opened.from.fingerprint, label: colleagueByFingerprint(s, opened.from.fingerprint)?.label ?? '' },
    created: m.created,
    validUntil: m.validUntil,
    caseCount: m.caseIds.length,
    alreadyReceived: before ? { outcome: before.outcome as HandoverOutcome, personId: before.personId } : null,
    ...seen,
    // The preview shows the CPR number masked, as a search does ('DDMMYY-xxxx'); matching used the whole number.
    person: { ...seen.person, cpr: seen.person.cpr === null ? null : maskCpr(seen.person.cpr) },
  };
}

/** Accept or refuse a bundle; the receipt file either way. */
export async function receiveHandover(
  s: HandlerCtx,
  input: { base64: string; decision: 'accept' | 'refuse'; reason?: RefusalReason; linkToPersonId?: number },
): Promise<{ bundleId: string; outcome: HandoverOutcome; personId: number | null; alreadyReceived: boolean; receipt: HandoverFile }> {
  const { opened, payload } = await openChecked(s, input.base64);
  const me = loadIdentity(s);
  const m = opened.manifest;
  let outcome: HandoverOutcome;
  let reasonCode: RefusalReason | null;
  let personId: number | null;
  let alreadyReceived = false;
  const before = logRow(s, m.bundleId, 'received');
  if (before) {
    // The same bundle again: nothing is written; the receipt says what was decided the first time.
    alreadyReceived = true;
    outcome = before.outcome as HandoverOutcome;
    reasonCode = before.reasonCode;
    personId = before.personId;
  } else if (input.decision === 'accept') {
    outcome = 'accepted';
    reasonCode = null;
    // One transaction: the import (audited 'receive' with bundle id and sender by the seam) and the log row.
    personId = s.db.transaction(() => {
      const r = importPersonPayload(s, payload, { bundleId: m.bundleId, senderFingerprint: m.senderFingerprint, ...(input.linkToPersonId ? { linkToPersonId: input.linkToPersonId } : {}) });
      s.sqlite
        .prepare(`INSERT OR IGNORE INTO handover_log (bundle_id, direction, peer_fingerprint, person_id, case_ids, created_at, valid_until, outcome, settled_at) VALUES (?, 'received', ?, ?, ?, ?, ?, 'accepted', ?)`)
        .run(m.bundleId, m.senderFingerprint, r.personId, JSON.stringify(r.caseIds), m.created, m.validUntil, s.now.toISOString());
      return r.personId;
    });
  } else {
    if (!input.reason) throw new AppError('INVALID_INPUT', 'Vælg, hvorfor du afviser overdragelsen.', { reason: 'Vælg en grund' });
    outcome = 'refused';
    reasonCode = input.reason;
    personId = null;
    s.db.transaction((tx) => {
      s.sqlite
        .prepare(`INSERT INTO handover_log (bundle_id, direction, peer_fingerprint, person_id, case_ids, created_at, valid_until, outcome, reason_code, settled_at) VALUES (?, 'received', ?, NULL, ?, ?, ?, 'refused', ?, ?)`)
        .run(m.bundleId, m.senderFingerprint, JSON.stringify(m.caseIds), m.created, m.validUntil, reasonCode, s.now.toISOString());
      audit(tx, { at: s.now, actor: s.actor, action: 'refuse', entity: 'handover', detail: `bundle:${m.bundleId};from:${m.senderFingerprint};to:${me.fingerprint};outcome:refused;reason:${reasonCode}` });
    });
  }
  const receipt = await sealReceipt(
    { kind: 'receipt', bundleId: m.bundleId, outcome, reasonCode, senderFingerprint: me.fingerprint, recipientFingerprint: m.senderFingerprint, at: s.now.toISOString() },
    me,
    opened.from,
  );
  return { bundleId: m.bundleId, outcome, personId, alreadyReceived, receipt: fileOf(`kvittering-${s.today}-${short(m.bundleId)}.ssp-kvittering`, receipt) };
}

/** The sender opens the receipt: the handover is settled (once). */
export async function openHandoverReceipt(
  s: HandlerCtx,
  input: { base64: string; keepReadOnly?: boolean },
): Promise<{ bundleId: string; outcome: HandoverOutcome; reasonCode: RefusalReason | null; personId: number | null; keptReadOnly: boolean; alreadySettled: boolean }> {
  const opened = await openReceiptFile(decode(input.base64), reader(s));
  const m = opened.manifest;
  const sent = logRow(s, m.bundleId, 'sent');
  if (!sent || sent.peerFingerprint !== m.senderFingerprint) {
    throw new AppError('NOT_FOUND', 'Kvitteringen hører ikke til en overdragelse, som denne boks har sendt til den kollega. Tjek, at det er den rigtige fil. Intet er ændret.');
  }
  const keep = m.outcome === 'accepted' && input.keepReadOnly === true;
  if (sent.outcome !== 'pending') return { bundleId: m.bundleId, outcome: sent.outcome, reasonCode: sent.reasonCode, personId: sent.personId, keptReadOnly: keep, alreadySettled: true };
  const me = loadIdentity(s);
  // The seam settles in its own transaction (and, on removal, checkpoints the WAL as retention
  // does), so it runs first and alone; the log row follows. Interrupted between the two, the next
  // opening finds the seam's state settled and only brings the log up to date.
  let alreadySettled = false;
  try {
    settleHandover(s, m.bundleId, m.outcome, { keepReadOnly: keep });
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
    alreadySettled = true;
  }
  s.db.transaction((tx) => {
    s.sqlite.prepare(`UPDATE handover_log SET outcome = ?, reason_code = ?, settled_at = ? WHERE bundle_id = ? AND direction = 'sent'`).run(m.outcome, m.reasonCode, s.now.toISOString(), m.bundleId);
    audit(tx, {
      at: s.now,
      actor: s.actor,
      action: 'receipt',
      entity: 'handover',
      entityId: sent.personId,
      detail: `bundle:${m.bundleId};from:${me.fingerprint};to:${m.senderFingerprint};outcome:${m.outcome}${m.reasonCode ? `;reason:${m.reasonCode}` : ''}${keep ? ';kept:1' : ''}`,
    });
  });
  if (alreadySettled) return { bundleId: m.bundleId, outcome: m.outcome, reasonCode: m.reasonCode, personId: sent.personId, keptReadOnly: keep, alreadySettled: true };
  return { bundleId: m.bundleId, outcome: m.outcome, reasonCode: m.reasonCode, personId: sent.personId, keptReadOnly: keep, alreadySettled: false };
}
