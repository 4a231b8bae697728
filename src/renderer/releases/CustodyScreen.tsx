import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape } from '../../shared/contract';
import type { CustodyDetail, MilestoneOut } from '../../shared/releases';
import { RECORDED_MILESTONES, type RecordedMilestone } from '../../shared/releases';
import { api } from '../core/api';
import { t, tableDate, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { useFocusLater } from '../core/ui/useFocusLater';
import { FollowUpSection } from './FollowUpSection';
import { custodyTypeName, fullName, maybeDate, meetingKindName, milestoneName } from './labels';
import type { CustodyNotice } from './routes';
import { BackTo, ReadinessMeter, StateBadge } from './ui';
import { useLoad } from '../core/data/useLoad';
import { DateField, notADate } from '../core/ui/DateField';

const NOTICES: Record<CustodyNotice, 'releases.custody.created' | 'releases.custody.updated' | 'releases.custody.meetingSaved' | 'releases.custody.meetingDeleted'> = {
  created: 'releases.custody.created',
  updated: 'releases.custody.updated',
  meetingSaved: 'releases.custody.meetingSaved',
  meetingDeleted: 'releases.custody.meetingDeleted',
};

/** One custody period: facts, the timeline on today, meetings, the release and the follow-ups. */
export function CustodyScreen({ custodyId, notice }: { custodyId: number; notice?: CustodyNotice }) {
  const { data, set } = useLoad(() => api['releases.custody.get']({ custodyId }), [custodyId]);
  return (
    <>
      <BackTo />
      <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>{(c) => <Custody c={c} notice={notice} onChange={set} />}</LoadingGate>
    </>
  );
}

function Custody({ c, notice, onChange }: { c: CustodyDetail; notice?: CustodyNotice; onChange: (c: CustodyDetail) => void }) {
  const { navigate } = useRouter();
  const [message, setMessage] = useState<string | null>(notice ? t(NOTICES[notice]) : null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const saved = (next: CustodyDetail, text: string) => {
    onChange(next);
    setMessage(text);
    focusLater(messageRef);
  };
  const name = fullName(c.person);
  return (
    <>
      <PageHeader title={name} lead={t('releases.custody.lead', { type: custodyTypeName(c.type), institution: c.institution })} />
      {message ? (
        <Alert variant="success" live="status" ref={messageRef}>
          <p>{message}</p>
        </Alert>
      ) : null}

      <section aria-labelledby="custody-facts" className="releases-section">
        <h2 id="custody-facts">{t('releases.custody.factsHeading')}</h2>
        <dl className="releases-facts">
          <div>
            <dt>{t('releases.field.person')}</dt>
            <dd>
              {name}, {t('releases.born', { date: tableDate(c.person.birthDate) })}
              {c.person.district ? `, ${c.person.district}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('releases.field.type')}</dt>
            <dd>{custodyTypeName(c.type)}</dd>
          </div>
          <div>
            <dt>{t('releases.field.institution')}</dt>
            <dd>{c.institution}</dd>
          </div>
          <div>
            <dt>{t('releases.field.imprisonedOn')}</dt>
            <dd>{tableDate(c.imprisonedOn)}</dd>
          </div>
          <div>
            <dt>{t('releases.field.expectedReleaseOn')}</dt>
            <dd>{maybeDate(c.expectedReleaseOn)}</dd>
          </div>
          <div>
            <dt>{t('releases.field.paroleOn')}</dt>
            <dd>{maybeDate(c.paroleOn)}</dd>
          </div>
          <div>
            <dt>{t('releases.field.releasedOn')}</dt>
            <dd>{c.releasedOn ? tableDate(c.releasedOn) : t('releases.custody.notRecorded')}</dd>
          </div>
          <div>
            <dt>{t('releases.col.readiness')}</dt>
            <dd>
              <ReadinessMeter readiness={c.readiness} long />
            </dd>
          </div>
        </dl>
        {c.longSentence ? <p className="releases-muted">{t('releases.custody.longSentence')}</p> : null}
        <Button variant="secondary" onClick={() => navigate({ area: 'releases', screen: 'editCustody', custodyId: c.id })}>
          {t('releases.custody.edit')}
        </Button>
      </section>

      <Timeline c={c} onSaved={(next, text) => saved(next, text)} />
      <Meetings c={c} />
      <ReleaseSection c={c} onSaved={(next) => saved(next, t('releases.custody.releaseRecorded'))} />
      <FollowUpSection c={c} onSaved={(next) => saved(next, t('releases.custody.followUpRecorded'))} />

      {c.otherPeriods.length ? (
        <section aria-labelledby="custody-other" className="releases-section">
          <h2 id="custody-other">{t('releases.custody.otherHeading')}</h2>
          <ul className="releases-other">
            {c.otherPeriods.map((p) => (
              <li key={p.id}>
                <button type="button" className="button button-tertiary" onClick={() => navigate({ area: 'releases', screen: 'custody', custodyId: p.id })}>
                  {custodyTypeName(p.type)}, {p.institution}, {tableDate(p.imprisonedOn)} – {p.releasedOn ? tableDate(p.releasedOn) : maybeDate(p.plannedReleaseOn)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DeleteCustody custodyId={c.id} />
    </>
  );
}

const isRecorded = (key: string): key is RecordedMilestone => (RECORDED_MILESTONES as readonly string[]).includes(key);

function dueText(m: MilestoneOut): string {
  if (m.dueOn === null) return t('releases.none');
  if (m.windowStart) return t('releases.window', { from: tableDate(m.windowStart), to: tableDate(m.dueOn) });
  return tableDate(m.dueOn);
}

/** The milestones with due dates and states; the hand-kept ones can be recorded or undone here. */
function Timeline({ c, onSaved }: { c: CustodyDetail; onSaved: (c: CustodyDetail, message: string) => void }) {
  const [recording, setRecording] = useState<RecordedMilestone | null>(null);
  const [date, setDate] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();

  const save = async (milestone: RecordedMilestone, doneOn: string | null) => {
    if (busy) return;
    if (doneOn === '' || notADate(doneOn)) {
      const message = doneOn === '' ? t('releases.field.dateRequired') : t('form.date.invalid');
      setError({ code: 'INVALID_INPUT', message, fields: { doneOn: message } });
      focusLater(dateRef);
      return;
    }
    setBusy(true);
    const r = await api['releases.custody.recordMilestone']({ custodyId: c.id, milestone, doneOn });
    setBusy(false);
    if (r.ok) {
      setRecording(null);
      setError(null);
      const name = milestoneName(milestone);
      onSaved(r.value, doneOn ? t('releases.custody.milestoneSaved', { milestone: name, date: tableDate(doneOn) }) : t('releases.custody.milestoneUndone', { milestone: name }));
    } else {
      setError(r.error);
      focusLater(dateRef);
    }
  };

  return (
    <section aria-labelledby="custody-timeline" className="releases-section">
      <h2 id="custody-timeline">{t('releases.custody.timelineHeading')}</h2>
      <p className="releases-muted">{t('releases.custody.timelineLead')}</p>
      <table className="table table--compact releases-table" data-testid="custody-timeline">
        <thead>
          <tr>
            <th scope="col">{t('releases.col.milestone')}</th>
            <th scope="col">{t('releases.col.dueOn')}</th>
            <th scope="col">{t('releases.col.state')}</th>
            <th scope="col">{t('releases.col.done')}</th>
            <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
          </tr>
        </thead>
        <tbody>
          {c.timeline.map((m) => {
            const label = milestoneName(m.key);
            const key = m.key;
            return (
              <tr key={key} data-milestone={key}>
                <th scope="row">{label}</th>
                <td>{dueText(m)}</td>
                <td><StateBadge state={m.state} /></td>
                <td>{m.doneOn ? tableDate(m.doneOn) : t('releases.none')}</td>
                <td className="releases-cell-action">
                  {isRecorded(key) && recording === key ? (
                    <form
                      noValidate
                      className="releases-inline-form"
                      onSubmit={(e: FormEvent) => {
                        e.preventDefault();
                        void save(key, date);
                      }}
                    >
                      <DateField
                        id={`milestone-${key}-date`}
                        label={t('releases.custody.doneDate', { milestone: label.toLowerCase() })}
                        width="s"
                        value={date}
                        onChange={setDate}
                        inputRef={dateRef}
                        error={error ? (error.fields?.doneOn ?? error.message) : undefined}
                      />
                      <Button type="submit" busy={busy} busyLabel={t('releases.saving')}>
                        {t('releases.custody.record')}
                      </Button>
                      <Button variant="secondary" onClick={() => setRecording(null)}>
                        {t('releases.cancel')}
                      </Button>
                    </form>
                  ) : isRecorded(key) && m.doneOn ? (
                    <Button variant="tertiary" onClick={() => void save(key, null)}>
                      {t('releases.custody.undo')}
                      <span className="sr-only"> {label.toLowerCase()}</span>
                    </Button>
                  ) : isRecorded(key) && m.state !== 'not-applicable' ? (
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setRecording(key);
                        setDate(todayIso());
                        setError(null);
                        focusLater(dateRef);
                      }}
                    >
                      {t('releases.custody.record')}
                      <span className="sr-only"> {label.toLowerCase()}</span>
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Meetings({ c }: { c: CustodyDetail }) {
  const { navigate } = useRouter();
  return (
    <section aria-labelledby="custody-meetings" className="releases-section">
      <h2 id="custody-meetings">{t('releases.custody.meetingsHeading')}</h2>
      {c.meetings.length ? (
        <table className="table table--compact releases-table" data-testid="custody-meetings">
          <thead>
            <tr>
              <th scope="col">{t('releases.col.date')}</th>
              <th scope="col">{t('releases.col.kind')}</th>
              <th scope="col">{t('releases.col.place')}</th>
              <th scope="col" className="numeric">{t('releases.col.participants')}</th>
              <th scope="col">{t('releases.col.readiness')}</th>
              <th scope="col" className="numeric">{t('releases.col.openActions')}</th>
              <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
            </tr>
          </thead>
          <tbody>
            {c.meetings.map((m) => (
              <tr key={m.id}>
                <td className="releases-nowrap">
                  {tableDate(m.heldOn)}
                  {m.held ? null : <span className="releases-subline">{t('releases.custody.planned')}</span>}
                </td>
                <td>{meetingKindName(m.kind)}</td>
                <td>{m.place ?? t('releases.none')}</td>
                <td className="numeric">{m.participants}</td>
                <td><ReadinessMeter readiness={m.readiness} /></td>
                <td className="numeric">{m.openActions}</td>
                <td className="releases-cell-action">
                  <Button variant="secondary" onClick={() => navigate({ area: 'releases', screen: 'meeting', custodyId: c.id, meetingId: m.id })}>
                    {t('releases.custody.editMeeting')}
                    <span className="sr-only"> {t('releases.custody.editMeetingFor', { date: tableDate(m.heldOn) })}</span>
                  </Button>
                  <Button variant="secondary" icon="print" onClick={() => navigate({ area: 'releases', screen: 'summary', meetingId: m.id })}>
                    {t('releases.custody.summary')}
                    <span className="sr-only"> {t('releases.custody.summaryFor', { date: tableDate(m.heldOn) })}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="releases-muted">{t('releases.custody.meetingsEmpty')}</p>
      )}
      <div className="releases-toolbar">
        <Button onClick={() => navigate({ area: 'releases', screen: 'meeting', custodyId: c.id })}>{t('releases.custody.newMeeting')}</Button>
      </div>
    </section>
  );
}

/** Record the actual release (the date the follow-ups count from). */
function ReleaseSection({ c, onSaved }: { c: CustodyDetail; onSaved: (c: CustodyDetail) => void }) {
  const [date, setDate] = useState(todayIso());
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!date || notADate(date)) {
      setError(date ? t('form.date.invalid') : t('releases.field.dateRequired'));
      focusLater(ref);
      return;
    }
    setBusy(true);
    const r = await api['releases.custody.recordRelease']({ custodyId: c.id, releasedOn: date });
    setBusy(false);
    if (r.ok) {
      setError(undefined);
      onSaved(r.value);
    } else {
      setError(r.error.fields?.releasedOn ?? r.error.message);
      focusLater(ref);
    }
  };
  return (
    <section aria-labelledby="custody-release" className="releases-section">
      <h2 id="custody-release">{t('releases.custody.releaseHeading')}</h2>
      {c.releasedOn ? (
        <p>{t('releases.custody.releasedOn', { date: tableDate(c.releasedOn) })}</p>
      ) : (
        <form noValidate onSubmit={submit}>
          <DateField
            id="custody-release-date"
            label={t('releases.custody.releaseDate')}
            hint={t('releases.custody.releaseHint')}
            width="s"
            value={date}
            onChange={(v) => {
              setDate(v);
              setError(undefined);
            }}
            error={error}
            inputRef={ref}
          />
          <div className="form-actions">
            <Button type="submit" busy={busy} busyLabel={t('releases.saving')}>
              {t('releases.custody.recordRelease')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function DeleteCustody({ custodyId }: { custodyId: number }) {
  const { replace } = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  return (
    <section className="releases-section releases-danger">
      {confirming ? (
        <Alert variant="warning" ref={confirmRef} heading={t('releases.custody.delete')}>
          <p>{t('releases.custody.deleteConfirm')}</p>
          {error ? <p className="releases-error-text">{error}</p> : null}
          <div className="form-actions">
            <Button
              variant="warning"
              onClick={async () => {
                const r = await api['releases.custody.delete']({ custodyId });
                if (r.ok) replace({ area: 'releases', screen: 'index' });
                else setError(r.error.message);
              }}
            >
              {t('releases.custody.deleteYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('releases.cancel')}
            </Button>
          </div>
        </Alert>
      ) : (
        <Button
          variant="tertiary"
          onClick={() => {
            setConfirming(true);
            focusLater(confirmRef);
          }}
        >
          {t('releases.custody.delete')}
        </Button>
      )}
    </section>
  );
}
