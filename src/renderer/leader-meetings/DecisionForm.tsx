import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { AgendaItem, MeetingDetail } from '../../shared/leader-meetings';
import { CASE_LEVELS } from '../../shared/cases';
import { api } from '../core/api';
import { proseDate, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { levelName, partnerName, partnerOptions } from './labels';
import { DateField } from '../core/ui/DateField';

interface ActionDraft {
  key: number;
  description: string;
  partner: string;
  deadline: string;
}
let actionKey = 0;

/** What was decided, as saved (read-only). */
export function DecisionSummary({ decision }: { decision: NonNullable<AgendaItem['decision']> }) {
  return (
    <dl className="meetings-decision">
      <dt>{t('meetings.decision.level')}</dt>
      <dd>
        {decision.levelAfter
          ? t('meetings.decision.levelChanged', { from: decision.levelBefore, to: decision.levelAfter, reason: decision.levelReason ?? '' })
          : t('meetings.decision.levelKept', { level: decision.levelBefore })}
      </dd>
      {decision.actions.length ? (
        <>
          <dt>{t('meetings.decision.actions')}</dt>
          <dd>
            <ul className="meetings-plain-list no-max-width">
              {decision.actions.map((a) => (
                <li key={a.id}>{t('meetings.decision.actionLine', { what: a.description, who: partnerName(a.partner), when: proseDate(a.deadline) })}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {decision.nextReviewOn ? (
        <>
          <dt>{t('meetings.decision.nextReview')}</dt>
          <dd>{proseDate(decision.nextReviewOn)}</dd>
        </>
      ) : null}
      {decision.note ? (
        <>
          <dt>{t('meetings.decision.note')}</dt>
          <dd className="meetings-pre">{decision.note}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * Record the decision on one agenda case. Saving writes level change, actions, next review and a
 * journal note into the case in one transaction (meetings.decide); nothing is saved if any part fails.
 */
export function DecisionForm({
  meeting,
  item,
  onSaved,
  onSavedAndNext,
}: {
  meeting: MeetingDetail;
  item: AgendaItem;
  onSaved: (m: MeetingDetail) => void;
  /** Given: Ctrl+Enter (or its button) saves and then calls this, to move on to the next case. */
  onSavedAndNext?: (m: MeetingDetail) => void;
}) {
  const c = item.case!;
  const prefix = `decision-${c.caseId}`;
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const err = (path: string) => failure?.fields?.[path];
  const updateAction = (key: number, change: Partial<ActionDraft>) => setActions((as) => as.map((a) => (a.key === key ? { ...a, ...change } : a)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    void submit(!!onSavedAndNext && submitter?.dataset.next === 'true');
  };
  const submit = async (andNext: boolean) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await api['meetings.decide']({
      meetingId: meeting.id,
      caseId: c.caseId,
      ...(level ? { levelChange: { level: Number(level) as 1 | 2 | 3 | 4, reason } } : {}),
      actions: actions.filter((a) => a.description.trim()).map((a) => ({ description: a.description, partner: a.partner, deadline: a.deadline })),
      ...(nextReviewOn ? { nextReviewOn } : {}),
      ...(note.trim() ? { note } : {}),
    });
    setBusy(false);
    if (result.ok) (andNext && onSavedAndNext ? onSavedAndNext : onSaved)(result.value);
    else {
      setFailure(result.error);
      focusLater(failureRef);
    }
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        // Ctrl+Enter (Cmd+Enter on a Mac): save and move on, from any field of the form.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && onSavedAndNext) {
          e.preventDefault();
          void submit(true);
        }
      }}
      className="meetings-decision-form"
      aria-label={t('meetings.decision.formLabel', { case: c.pseudonym })}
    >
      {failure ? (
        <Alert variant="error" heading={t('meetings.decision.failed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
          {err('changedOn') ? <p>{t('meetings.decision.dateProblem', { problem: err('changedOn')! })}</p> : null}
        </Alert>
      ) : null}
      <Select
        id={`${prefix}-level`}
        label={t('meetings.decision.newLevel')}
        value={level}
        options={[
          { value: '', label: t('meetings.decision.keepLevel', { level: c.level }) },
          ...CASE_LEVELS.filter((l) => l !== c.level).map((l) => ({ value: String(l), label: `${l} – ${levelName(l)}` })),
        ]}
        onChange={setLevel}
      />
      {level ? (
        <TextField id={`${prefix}-reason`} label={t('meetings.decision.reason')} value={reason} onChange={setReason} error={err('levelChange.reason') ?? err('levelChange.level')} maxLength={500} />
      ) : null}
      <fieldset>
        <legend className="form-label">{t('meetings.decision.actions')}</legend>
        {actions.map((a, i) => (
          <div key={a.key} className="meetings-member-row">
            <TextField id={`${prefix}-action-${a.key}-what`} label={t('meetings.decision.actionWhat', { n: i + 1 })} value={a.description} onChange={(v) => updateAction(a.key, { description: v })} width="m" maxLength={500} error={err(`actions.${i}.description`)} />
            <Select id={`${prefix}-action-${a.key}-who`} label={t('meetings.decision.actionWho')} value={a.partner} options={partnerOptions} onChange={(v) => updateAction(a.key, { partner: v })} />
            <DateField id={`${prefix}-action-${a.key}-when`} label={t('meetings.decision.actionWhen')} value={a.deadline} onChange={(v) => updateAction(a.key, { deadline: v })} width="s" error={err(`actions.${i}.deadline`)} />
            <Button variant="tertiary" onClick={() => setActions((as) => as.filter((x) => x.key !== a.key))}>
              {t('meetings.remove')}
              <span className="sr-only"> {t('meetings.decision.actionWhat', { n: i + 1 })}</span>
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setActions((as) => [...as, { key: ++actionKey, description: '', partner: 'sof', deadline: '' }])}>
          {t('meetings.decision.addAction')}
        </Button>
      </fieldset>
      <DateField id={`${prefix}-review`} label={t('meetings.decision.nextReview')} hint={t('meetings.decision.nextReviewHint', { date: proseDate(meeting.heldOn) })} value={nextReviewOn} onChange={setNextReviewOn} width="s" error={err('nextReviewOn')} />
      <div className={err('note') ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${prefix}-note`}>
          {t('meetings.decision.note')}
        </label>
        <span className="form-hint" id={`${prefix}-note-hint`}>
          {t('meetings.decision.noteHint')}
        </span>
        {err('note') ? (
          <span className="form-error-message" id={`${prefix}-note-error`}>
            {err('note')}
          </span>
        ) : null}
        <textarea
          id={`${prefix}-note`}
          className="form-input input-width-xl"
          rows={4}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={[`${prefix}-note-hint`, err('note') ? `${prefix}-note-error` : ''].filter(Boolean).join(' ')}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={t('meetings.saving')}>
          {t('meetings.decision.save')}
        </Button>
        {onSavedAndNext ? (
          <Button type="submit" variant="secondary" data-next="true" disabled={busy}>
            {t('meetings.live.saveAndNext')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
