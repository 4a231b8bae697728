import { useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../../shared/cases';
import { fullName } from '../../shared/core/names';
import { api } from '../core/api';
import { proseDate, t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { EditCaseDialog, EventDialog, NoteDialog } from './EntryDialogs';
import { LevelBadge } from './LevelBadge';
import { ChangeLevelDialog, CloseCaseDialog, ReopenCaseDialog } from './LevelDialogs';
import { closingReasonName, statusName } from './labels';
import { PersonPanel } from './PersonPanel';
import type { CaseNotice } from './routes';
import { Timeline } from './Timeline';
import { NextSteps } from './NextSteps';
import { useLoad } from '../core/data/useLoad';
import { useReference } from './useReference';
import { ExitPanel } from './ExitPanel';
import { YouthGroupsPanel } from './YouthGroupsPanel';

type DialogState =
  | { kind: 'level' | 'event' | 'note' | 'close' | 'reopen' | 'edit' }
  | { kind: 'correct'; note: CaseDetail['notes'][number] };

/**
 * One case: the person, the current level with forum, district, coordinator and dates, the
 * timeline, and the actions (each in a dialog). Opening it is recorded in the audit trail by main.
 */
export function CaseDetailScreen({ caseId, notice, focus }: { caseId: number; notice?: CaseNotice; focus?: 'exit' }) {
  const { navigate } = useRouter();
  const { data, set } = useLoad(() => api['cases.get']({ caseId }), [caseId]);
  const { districts, coordinators, efforts } = useReference({ efforts: true });
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [message, setMessage] = useState<string | null>(notice === 'created' ? t('cases.done.created') : notice === 'personSaved' ? t('cases.done.personSaved') : null);
  const opener = useRef<HTMLElement | null>(null);
  const returnFocus = useRef(false);
  const today = todayIso();

  // Once the dialog has left the page (it made the rest inert), focus goes back to what opened it.
  useEffect(() => {
    if (dialog !== null || !returnFocus.current) return;
    returnFocus.current = false;
    const target = opener.current;
    (target?.isConnected ? target : document.querySelector<HTMLElement>('[data-page-heading]'))?.focus();
  }, [dialog]);

  const toList = () => navigate({ area: 'cases', screen: 'index' });

  if (data.state !== 'ready') {
    return (
      <>
        <BackButton onClick={toList} />
        <PageHeader title={t('cases.detail.loadingTitle')} />
        {data.state === 'loading' ? (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        ) : (
          <Alert variant="error" heading={t('cases.detail.loadFailed')} live="alert">
            <p>{data.error.message}</p>
          </Alert>
        )}
      </>
    );
  }

  const c = data.value;
  const open = (state: DialogState) => {
    opener.current = document.activeElement as HTMLElement | null;
    setMessage(null);
    setDialog(state);
  };
  const close = () => {
    returnFocus.current = true;
    setDialog(null);
  };
  const done = (fresh: CaseDetail, text: string) => {
    set(fresh);
    setMessage(text);
    close();
  };
  const dialogProps = { detail: c, today, onDone: done, onClose: close };
  const personDistrict = c.person.districtId ? (districts.find((d) => d.id === c.person.districtId)?.name ?? null) : null;
  // Handed over to another vault (issue 21): read-only here, every write would be refused.
  const handedOver = c.handover !== undefined;
  const isOpen = c.status === 'open';
  const editable = !handedOver;
  const overdue = isOpen && c.nextReviewOn !== null && c.nextReviewOn < today;

  return (
    <>
      <BackButton onClick={toList} />
      <PageHeader title={fullName(c.person.firstName, c.person.lastName)}>
        <p className="font-lead case-lead">
          <span>{t('cases.detail.caseNumber', { caseNumber: c.caseNumber })}</span>
          <LevelBadge level={c.level} withLabel />
          <span className={`status-tag status-${c.status}`}>{statusName(c.status)}</span>
          {c.handover ? <span className="status-tag status-handed-over">{t(c.handover.state === 'pending' ? 'cases.handover.pending' : 'cases.handover.kept')}</span> : null}
        </p>
      </PageHeader>

      {c.handover ? (
        <Alert variant="info" heading={t(c.handover.state === 'pending' ? 'cases.handover.pending' : 'cases.handover.kept')}>
          <p>{t(c.handover.state === 'pending' ? 'cases.handover.pendingText' : 'cases.handover.keptText', { date: proseDate(c.handover.handoverDate) })}</p>
        </Alert>
      ) : null}

      <div className="case-message" role="status">
        {message ? (
          <Alert variant="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>

      {editable ? (
      <div className="case-actions" role="group" aria-label={t('cases.detail.actions')}>
        {isOpen ? (
          <>
            <Button onClick={() => open({ kind: 'level' })}>{t('cases.action.changeLevel')}</Button>
            <Button variant="secondary" onClick={() => open({ kind: 'event' })}>
              {t('cases.action.addEvent')}
            </Button>
          </>
        ) : null}
        <Button variant={isOpen ? 'secondary' : 'primary'} onClick={() => open({ kind: 'note' })}>
          {t('cases.action.addNote')}
        </Button>
        {isOpen ? (
          <Button variant="secondary" onClick={() => open({ kind: 'edit' })}>
            {t('cases.action.editCase')}
          </Button>
        ) : null}
        {isOpen ? (
          <Button variant="warning" onClick={() => open({ kind: 'close' })}>
            {t('cases.action.close')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => open({ kind: 'reopen' })}>
            {t('cases.action.reopen')}
          </Button>
        )}
        <Button variant="secondary" onClick={() => navigate({ area: 'handover', screen: 'send', person: { personId: c.person.id, name: fullName(c.person.firstName, c.person.lastName) } })}>
          {t('cases.action.handover')}
        </Button>
      </div>
      ) : null}

      <NextSteps detail={c} today={today} />

      <div className="case-panels">
        <section className="case-panel" aria-labelledby="case-heading">
          <div className="case-panel-head">
            <h2 id="case-heading" className="h3">
              {t('cases.detail.case')}
            </h2>
          </div>
          <dl className="case-facts">
            <dt>{t('cases.field.level')}</dt>
            <dd>
              <LevelBadge level={c.level} withLabel />
            </dd>
            <dt>{t('cases.field.forum')}</dt>
            <dd>{c.forum}</dd>
            <dt>{t('cases.field.district')}</dt>
            <dd>{c.district ?? '–'}</dd>
            <dt>{t('cases.field.coordinator')}</dt>
            <dd>{c.coordinator ?? '–'}</dd>
            <dt>{t('cases.field.openedOn')}</dt>
            <dd>{proseDate(c.openedOn)}</dd>
            <dt>{t('cases.field.nextReview')}</dt>
            <dd className={overdue ? 'review-overdue' : undefined}>
              {c.nextReviewOn ? proseDate(c.nextReviewOn) : '–'}
              {overdue ? <strong className="overdue-text"> {t('cases.review.overdueVisible')}</strong> : null}
            </dd>
            <dt>{t('cases.field.status')}</dt>
            <dd>
              {statusName(c.status)}
              {c.closedOn ? ` ${t('cases.detail.closedOn', { date: proseDate(c.closedOn), reason: closingReasonName(c.closingReason) })}` : null}
            </dd>
            {c.externalRef ? (
              <>
                <dt>{t('cases.field.externalRef')}</dt>
                <dd>{c.externalRef}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <PersonPanel person={c.person} age={c.age} districtName={personDistrict} onEdit={editable ? () => navigate({ area: 'cases', screen: 'editPerson', caseId: c.id }) : undefined} />
      </div>

      <ExitPanel personId={c.person.id} today={today} editable={editable} focusOnLoad={focus === 'exit'} />
      <YouthGroupsPanel caseId={c.id} today={today} editable={isOpen && editable} />

      <section className="case-timeline" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('cases.timeline.heading')}</h2>
        <Timeline detail={c} onCorrect={editable ? (note) => open({ kind: 'correct', note }) : undefined} />
      </section>

      {dialog?.kind === 'level' ? <ChangeLevelDialog {...dialogProps} /> : null}
      {dialog?.kind === 'event' ? <EventDialog {...dialogProps} efforts={efforts} /> : null}
      {dialog?.kind === 'note' ? <NoteDialog {...dialogProps} /> : null}
      {dialog?.kind === 'correct' ? <NoteDialog {...dialogProps} corrects={dialog.note} /> : null}
      {dialog?.kind === 'close' ? <CloseCaseDialog {...dialogProps} /> : null}
      {dialog?.kind === 'reopen' ? <ReopenCaseDialog {...dialogProps} /> : null}
      {dialog?.kind === 'edit' ? <EditCaseDialog {...dialogProps} districts={districts} coordinators={coordinators} /> : null}
    </>
  );
}

/** dkfds back link (`.back-link`), as a button: the app has no URLs. */
export function BackButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="back-link case-back" onClick={onClick}>
      {t('cases.detail.back')}
    </button>
  );
}
