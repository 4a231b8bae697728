import { useState } from 'react';
import type { CaseDetail } from '../../shared/cases';
import type { OutputOf } from '../../shared/contract';
import { api } from '../core/api';
import { useLoad } from '../core/data/useLoad';
import { t, tableDate } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';

type Action = OutputOf<'actions.forCase'>[number];

/**
 * "Næste skridt" on the case page, above the fold: the next review, the open actions with their
 * deadlines (from ledergruppe meetings, release meetings and the case itself; Udført closes one,
 * audited by main), badges to the same young person's SSP+ plan and custody periods, and the
 * district's forum with its next meeting. The data come from the overview domain through the
 * joined contract (the case register imports no other domain).
 */
export function NextSteps({ detail, today }: { detail: CaseDetail; today: string }) {
  const { navigate } = useRouter();
  const actions = useLoad(() => api['actions.forCase']({ caseId: detail.id }), [detail.id]);
  const links = useLoad(() => api['overview.caseLinks']({ caseId: detail.id }), [detail.id, detail.level]);
  const [failed, setFailed] = useState<string | null>(null);
  const [doneText, setDoneText] = useState<string | null>(null);

  const open = actions.data.state === 'ready' ? actions.data.value.filter((a) => a.status === 'open') : [];
  const overdueReview = detail.status === 'open' && detail.nextReviewOn !== null && detail.nextReviewOn < today;
  const markDone = async (a: Action) => {
    setFailed(null);
    const r = await api['actions.setStatus']({ source: a.source, id: a.id, status: 'done' });
    if (!r.ok) {
      setFailed(r.error.message);
      return;
    }
    setDoneText(t('cases.next.doneNotice', { what: a.description }));
    actions.reload();
  };
  const l = links.data.state === 'ready' ? links.data.value : null;

  return (
    <section className="case-next" aria-labelledby="case-next-heading" data-testid="case-next-steps">
      <h2 id="case-next-heading" className="h3">
        {t('cases.next.heading')}
      </h2>
      <div className="case-next-grid">
        <div>
          <p className="case-next-review">
            <span className="case-next-label">{t('cases.next.review')}</span>{' '}
            {detail.nextReviewOn ? <strong className={overdueReview ? 'overdue-text' : undefined}>{tableDate(detail.nextReviewOn)}</strong> : '–'}
            {overdueReview ? <strong className="overdue-text"> {t('cases.review.overdueVisible')}</strong> : null}
          </p>
          {l ? (
            <ul className="nobullet-list case-next-badges">
              {l.plans.map((p) => (
                <li key={`plan-${p.planId}`}>
                  <button type="button" className="case-badge-link" onClick={() => navigate({ area: 'sspPlus', screen: 'plan', planId: p.planId })}>
                    {p.status === 'active' ? t('cases.next.planActive', { date: tableDate(p.startDate) }) : t('cases.next.planEnded', { date: tableDate(p.endDate ?? p.startDate) })}
                  </button>
                </li>
              ))}
              {l.custody.map((c) => (
                <li key={`custody-${c.custodyId}`}>
                  <button type="button" className="case-badge-link" onClick={() => navigate({ area: 'releases', screen: 'custody', custodyId: c.custodyId })}>
                    {c.releasedOn ? t('cases.next.custodyReleased', { date: tableDate(c.releasedOn) }) : t('cases.next.custodyOngoing', { date: tableDate(c.imprisonedOn) })}
                  </button>
                </li>
              ))}
              {l.forums.map((f) => (
                <li key={`forum-${f.forumId}`} className="case-next-forum">
                  {f.nextMeeting
                    ? t(f.nextMeeting.onAgenda ? 'cases.next.forumOnAgenda' : 'cases.next.forumNext', { forum: f.name, date: tableDate(f.nextMeeting.heldOn) })
                    : t('cases.next.forumNoMeeting', { forum: f.name })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div>
          <h3 className="case-next-sub">{t('cases.next.actions', { count: open.length })}</h3>
          {failed ? (
            <Alert variant="error" live="alert">
              <p>{failed}</p>
            </Alert>
          ) : null}
          <p className="sr-only" role="status">
            {doneText ?? ''}
          </p>
          {open.length ? (
            <ul className="nobullet-list case-next-actions" data-testid="case-open-actions">
              {open.map((a) => (
                <li key={`${a.source}-${a.id}`} className={a.deadline && a.deadline < today ? 'is-overdue' : undefined} data-testid="case-action">
                  <span className="case-next-deadline">{a.deadline ? tableDate(a.deadline) : t('cases.next.noDeadline')}</span>
                  <span className="case-next-what">
                    {a.description} <span className="case-next-meta">({a.partnerLabel}{a.origin ? `, ${a.origin.kind === 'meeting' ? (a.origin.forumName ?? '') : t('cases.next.releaseMeeting')} ${tableDate(a.origin.heldOn)}` : ''})</span>
                    {a.deadline && a.deadline < today ? <strong className="overdue-text"> {t('cases.next.overdue')}</strong> : null}
                  </span>
                  <Button variant="tertiary" className="case-next-done" onClick={() => void markDone(a)} aria-label={t('cases.next.markDone', { what: a.description })}>
                    {t('cases.next.done')}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="case-next-none">{t('cases.next.noActions')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
