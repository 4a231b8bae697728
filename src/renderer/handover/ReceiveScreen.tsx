import { useRef, useState } from 'react';
import type { OutputOf } from '../../shared/contract';
import { formatFingerprint, REFUSAL_REASONS, type RefusalReason } from '../../shared/handover';
import { api } from '../core/api';
import { formatDateTime, proseDate, t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { RadioGroup } from '../core/ui/FormFields';
import { useFocusLater } from '../core/ui/useFocusLater';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadFile, fileToBase64 } from '../core/ui/download';
import { HandoverPage } from './HandoverPage';

type Preview = OutputOf<'handover.preview'>;

/** The rows the bundle holds that the user recognises (reference rows such as districts are matched, not added). */
const KINDS = ['cases', 'case_level_changes', 'case_status_changes', 'case_district_changes', 'case_events', 'case_notes', 'case_actions', 'contacts', 'custody_periods', 'release_meetings', 'release_followups', 'sspplus_plans', 'sspplus_reviews', 'sspplus_follow_ups', 'meeting_decisions', 'meeting_actions', 'youth_group_members', 'audit'] as const;

function contentsText(counts: Record<string, number>): string {
  return KINDS.filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${counts[k]} ${t(`handover.kind.${k}`)}`)
    .join(', ');
}

/**
 * Modtag overdragelse: open the file, see what it holds (and who may already be here, with the
 * option to link), then accept or refuse with a reason; the receipt is saved either way.
 */
export function ReceiveScreen() {
  const { navigate } = useRouter();
  const [base64, setBase64] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [link, setLink] = useState('none');
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState<RefusalReason | ''>('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; personId: number | null } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const open = async (file: File | undefined) => {
    setPreview(null);
    setDone(null);
    setError(null);
    if (!file) return;
    const b64 = await fileToBase64(file);
    setBusy(true);
    const r = await api['handover.preview']({ base64: b64 });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      focusLater(messageRef);
      return;
    }
    setBase64(b64);
    setPreview(r.value);
    setLink('none');
  };

  const decide = async (decision: 'accept' | 'refuse') => {
    if (!base64) return;
    if (decision === 'refuse' && !reason) {
      setReasonError(t('handover.receive.reason'));
      return;
    }
    setBusy(true);
    const r = await api['handover.receive']({
      base64,
      decision,
      ...(decision === 'refuse' && reason ? { reason } : {}),
      ...(decision === 'accept' && link !== 'none' ? { linkToPersonId: Number(link) } : {}),
    });
    setBusy(false);
    setRefusing(false);
    if (!r.ok) {
      setError(r.error.message);
      focusLater(messageRef);
      return;
    }
    downloadFile(r.value.receipt);
    const file = r.value.receipt.fileName;
    const text = r.value.alreadyReceived ? t('handover.receive.acceptedAgain', { file }) : r.value.outcome === 'accepted' ? t('handover.receive.accepted', { file }) : t('handover.receive.refused', { file });
    setDone({ text, personId: r.value.outcome === 'accepted' ? r.value.personId : null });
    setPreview(null);
    setBase64(null);
    focusLater(messageRef);
  };

  return (
    <HandoverPage current="receive" title={t('handover.receive.heading')} lead={t('handover.receive.lead')}>
      {error ? (
        <Alert variant="error" live="alert" ref={messageRef} heading={t('handover.receive.failed')}>
          <p data-testid="receive-error">{error}</p>
        </Alert>
      ) : null}
      {done ? (
        <Alert variant="success" live="status" ref={messageRef}>
          <p data-testid="receive-done">{done.text}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="receive-file-heading" className="settings-section settings-section-first">
        <h2 id="receive-file-heading">{t('handover.receive.fileHeading')}</h2>
        <div className="form-group">
          <label className="form-label" htmlFor="receive-file">
            {t('handover.receive.file')}
          </label>
          <input id="receive-file" className="form-input" type="file" accept=".ssp-overdragelse,application/json" disabled={busy} onChange={(e) => void open(e.target.files?.[0])} />
        </div>
      </section>
      {preview ? (
        <section aria-labelledby="receive-preview-heading" className="settings-section" data-testid="receive-preview">
          <h2 id="receive-preview-heading">
            {t('handover.receive.person')}: {preview.person.firstName} {preview.person.lastName}
          </h2>
          <dl className="settings-facts handover-summary">
            <dt>{t('handover.receive.from')}</dt>
            <dd>
              {preview.sender.label || t('handover.unknownColleague')} <code className="handover-fingerprint-small">{formatFingerprint(preview.sender.fingerprint)}</code>
            </dd>
            <dt>{t('handover.receive.created')}</dt>
            <dd>{formatDateTime(preview.created)}</dd>
            <dt>{t('handover.receive.validUntil')}</dt>
            <dd>{formatDateTime(preview.validUntil)}</dd>
            <dt>{t('handover.receive.person')}</dt>
            <dd>
              {preview.person.firstName} {preview.person.lastName}, {proseDate(preview.person.birthDate)}
            </dd>
            <dt>{t('handover.receive.contents')}</dt>
            <dd data-testid="receive-contents">
              {preview.caseNumbers.join(', ')} · {contentsText(preview.counts)}
            </dd>
          </dl>
          <h3>{t('handover.receive.matches')}</h3>
          {preview.matches.length === 0 ? (
            <p data-testid="receive-no-matches">{t('handover.receive.noMatches')}</p>
          ) : (
            <RadioGroup
              name="receive-link"
              legend={t('handover.receive.link')}
              value={link}
              options={[
                { value: 'none', label: t('handover.receive.linkNone') },
                ...preview.matches.map((m) => ({ value: String(m.personId), label: t('handover.receive.linkTo', { name: `${m.firstName} ${m.lastName} (${proseDate(m.birthDate)})` }) })),
              ]}
              onChange={setLink}
            />
          )}
          <div className="form-actions">
            <Button busy={busy} onClick={() => void decide('accept')}>
              {t('handover.receive.accept')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setRefusing(true)}>
              {t('handover.receive.refuse')}
            </Button>
          </div>
        </section>
      ) : null}
      {done?.personId ? (
        <div className="form-actions">
          <Button
            variant="secondary"
            onClick={() => navigate({ area: 'cases', screen: 'index' })}
          >
            {t('handover.receive.openCases')}
          </Button>
        </div>
      ) : null}
      {refusing ? (
        <ConfirmDialog title={t('handover.receive.refuseTitle')} text={t('handover.receive.refuseText')} confirmLabel={t('handover.receive.confirmRefuse')} busy={busy} testId="refuse-dialog" onConfirm={() => void decide('refuse')} onCancel={() => setRefusing(false)}>
          <RadioGroup
            name="refuse-reason"
            legend={t('handover.receive.reason')}
            value={reason}
            error={reasonError}
            options={REFUSAL_REASONS.map((r) => ({ value: r, label: t(`handover.receive.reason.${r}`) }))}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
          />
        </ConfirmDialog>
      ) : null}
    </HandoverPage>
  );
}
