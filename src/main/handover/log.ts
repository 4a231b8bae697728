import type { HandoverLogEntry } from '../../shared/handover';
import type { ServiceCtx } from '../core/service-context';

/** The bundles this vault sent and received (ids, fingerprints, dates, outcome), newest first. */
export function handoverLogEntries(s: ServiceCtx, input: { personId?: number }): HandoverLogEntry[] {
  const rows = s.sqlite
    .prepare(
      `SELECT l.bundle_id AS bundleId, l.direction, l.peer_fingerprint AS peerFingerprint, c.label AS peerLabel, l.person_id AS personId,
              l.created_at AS createdAt, l.valid_until AS validUntil, l.outcome, l.reason_code AS reasonCode, l.settled_at AS settledAt
         FROM handover_log l LEFT JOIN handover_colleagues c ON c.fingerprint = l.peer_fingerprint
        WHERE (? IS NULL OR l.person_id = ?)
        ORDER BY l.created_at DESC, l.bundle_id`,
    )
    .all(input.personId ?? null, input.personId ?? null) as HandoverLogEntry[];
  return rows;
}
