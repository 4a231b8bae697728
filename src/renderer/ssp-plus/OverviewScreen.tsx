import { useState } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { PlanRow, SspPlusOverview } from '../../shared/ssp-plus';
import { api } from '../core/api';
import { t, tableDate, tCount } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { Badge } from './fields';
import { areaName, endReasonName, fullName } from './labels';
import { ReviewDueBadge } from './PlanFlags';
import { useLoad } from '../core/data/useLoad';
import { NumberSettingsForm } from '../core/ui/NumberSettingsForm';

/** The SSP+ overview: what needs doing today, then the active plans. */
export function OverviewScreen() {
  const { navigate } = useRouter();
  const { data } = useLoad(() => api['sspplus.overview']({}), []);
  return (
    <>
      <PageHeader title={t('areas.sspPlus.title')} lead={t('sspPlus.overview.lead')} />
      <div className="sspplus-toolbar">
        <Button onClick={() => navigate({ area: 'sspPlus', screen: 'start' })}>{t('sspPlus.overview.start')}</Button>
      </div>
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(o) => <Overview o={o} />}</LoadingGate>
    </>
  );
}

function OpenPlan({ planId, name }: { planId: number; name: string }) {
  const { navigate } = useRouter();
  return (
    <Button variant="secondary" onClick={() => navigate({ area: 'sspPlus', screen: 'plan', planId })}>
      {t('sspPlus.open')}
      <span className="sr-only"> {t('sspPlus.planFor', { name })}</span>
    </Button>
  );
}

function Overview({ o }: { o: SspPlusOverview }) {
  const nothingDue = !o.dueReviews.length && !o.overdueActions.length && !o.dueFollowUps.length;
  return (
    <>
      <ul className="nobullet-list no-max-width sspplus-figures" aria-label={t('sspPlus.overview.figures')}>
        <li>
          <strong>{o.activePlans.length}</strong> {t('sspPlus.overview.figureActive')}
        </li>
        <li className={o.dueReviews.some((r) => r.overdue) ? 'is-flagged' : undefined}>
          <strong>{o.dueReviews.length}</strong> {t('sspPlus.overview.figureReviews')}
        </li>
        <li className={o.overdueActions.length ? 'is-flagged' : undefined}>
          <strong>{o.overdueActions.length}</strong> {t('sspPlus.overview.figureActions')}
        </li>
        <li>
          <strong>{o.dueFollowUps.length}</strong> {t('sspPlus.overview.figureFollowUps')}
        </li>
      </ul>

      {o.alerts.turning25.length || o.alerts.turning17Half.length ? (
        <section aria-labelledby="sspplus-alerts" className="sspplus-section">
          <h2 id="sspplus-alerts">{t('sspPlus.alerts.heading')}</h2>
          {o.alerts.turning25.length ? (
            <Alert variant="warning" heading={t('sspPlus.alerts.turning25')}>
              <ul>
                {o.alerts.turning25.map((a) => (
                  <li key={a.planId}>
                    {a.daysLeft > 0
                      ? t('sspPlus.alerts.turns25On', { name: fullName(a), date: tableDate(a.date), days: a.daysLeft })
                      : t('sspPlus.alerts.turned25', { name: fullName(a), date: tableDate(a.date) })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {o.alerts.turning17Half.length ? (
            <Alert variant="info" heading={t('sspPlus.alerts.turning17Half')}>
              <ul>
                {o.alerts.turning17Half.map((a) => (
                  <li key={a.caseId}>
                    {t('sspPlus.alerts.turns17HalfOn', { name: fullName(a), caseNumber: a.caseNumber, level: a.level, date: tableDate(a.date), days: a.daysLeft })}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="sspplus-due" className="sspplus-section">
        <h2 id="sspplus-due">{t('sspPlus.overview.dueHeading')}</h2>
        {nothingDue ? <p className="sspplus-muted">{t('sspPlus.overview.nothingDue')}</p> : null}
        {o.dueReviews.length ? (
          <table className="table table--compact sspplus-table" data-testid="due-reviews">
            <caption>{t('sspPlus.overview.reviewsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sspPlus.field.youngPerson')}</th>
                <th scope="col">{t('sspPlus.field.reviewDue')}</th>
                <th scope="col">{t('sspPlus.field.status')}</th>
                <th scope="col"><span className="sr-only">{t('sspPlus.field.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {o.dueReviews.map((r) => (
                <tr key={r.planId}>
                  <td>{fullName(r)}</td>
                  <td>{tableDate(r.dueOn)}</td>
                  <td><ReviewDueBadge due={r} /></td>
                  <td className="sspplus-cell-action"><OpenPlan planId={r.planId} name={fullName(r)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {o.overdueActions.length ? (
          <table className="table table--compact sspplus-table" data-testid="overdue-actions">
            <caption>{t('sspPlus.overview.actionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sspPlus.field.youngPerson')}</th>
                <th scope="col">{t('sspPlus.field.area')}</th>
                <th scope="col">{t('sspPlus.field.action')}</th>
                <th scope="col">{t('sspPlus.field.responsible')}</th>
                <th scope="col">{t('sspPlus.field.deadline')}</th>
                <th scope="col"><span className="sr-only">{t('sspPlus.field.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {o.overdueActions.map((a) => (
                <tr key={a.actionId}>
                  <td>{fullName(a)}</td>
                  <td>{areaName(a.area)}</td>
                  <td>{a.description}</td>
                  <td>{a.partnerName ?? '–'}</td>
                  <td>
                    {tableDate(a.deadline)} <Badge variant="error">{tCount('sspPlus.overdueDays.one', 'sspPlus.overdueDays.other', a.daysOverdue, { days: a.daysOverdue })}</Badge>
                  </td>
                  <td className="sspplus-cell-action"><OpenPlan planId={a.planId} name={fullName(a)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {o.dueFollowUps.length ? (
          <table className="table table--compact sspplus-table" data-testid="due-follow-ups">
            <caption>{t('sspPlus.overview.followUpsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sspPlus.field.youngPerson')}</th>
                <th scope="col">{t('sspPlus.field.followUp')}</th>
                <th scope="col">{t('sspPlus.field.endDate')}</th>
                <th scope="col">{t('sspPlus.field.dueOn')}</th>
                <th scope="col"><span className="sr-only">{t('sspPlus.field.open')}</span></th>
              </tr>
            </thead>
            <tbody>
              {o.dueFollowUps.map((f) => (
                <tr key={f.followUpId}>
                  <td>{fullName(f)}</td>
                  <td>{t('sspPlus.followUp.months', { months: f.months })}</td>
                  <td>{tableDate(f.endDate)}</td>
                  <td>{tableDate(f.dueOn)}</td>
                  <td className="sspplus-cell-action"><OpenPlan planId={f.planId} name={fullName(f)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="sspplus-active" className="sspplus-section">
        <h2 id="sspplus-active">{t('sspPlus.overview.activeHeading')}</h2>
        {o.activePlans.length ? <PlanTable rows={o.activePlans} caption={t('sspPlus.overview.activeCaption')} /> : <p className="sspplus-muted">{t('sspPlus.overview.noActive')}</p>}
      </section>
      <EndedPlans />
            <SspPlusRules />
    </>
  );
}

function PlanTable({ rows, caption }: { rows: PlanRow[]; caption: string }) {
  return (
    <table className="table table--zebra table--compact sspplus-table" data-testid="plan-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('sspPlus.field.youngPerson')}</th>
          <th scope="col" className="numeric">{t('sspPlus.field.age')}</th>
          <th scope="col">{t('sspPlus.field.case')}</th>
          <th scope="col">{t('sspPlus.field.coordinator')}</th>
          <th scope="col">{t('sspPlus.field.startDate')}</th>
          <th scope="col">{rows[0]?.status === 'ended' ? t('sspPlus.field.ended') : t('sspPlus.field.nextReview')}</th>
          <th scope="col"><span className="sr-only">{t('sspPlus.field.open')}</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.planId}>
            <td>
              {fullName(p)}
              {p.overdueActions ? (
                <>
                  {' '}
                  <Badge variant="error">{tCount('sspPlus.actionsOverdue.one', 'sspPlus.actionsOverdue.other', p.overdueActions, { count: p.overdueActions })}</Badge>
                </>
              ) : null}
            </td>
            <td className="numeric">{p.age}</td>
            <td>{t('sspPlus.caseAndLevel', { caseNumber: p.caseNumber, level: p.level })}</td>
            <td>{p.coordinator}</td>
            <td>{tableDate(p.startDate)}</td>
            <td>
              {p.nextReview ? (
                <>
                  {tableDate(p.nextReview.dueOn)} <ReviewDueBadge due={p.nextReview} quietWhenFar />
                </>
              ) : p.endDate ? (
                `${tableDate(p.endDate)} (${endReasonName(p.endReason ?? 'other')})`
              ) : null}
            </td>
            <td className="sspplus-cell-action"><OpenPlan planId={p.planId} name={fullName(p)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Ended plans, loaded when asked for. */
function EndedPlans() {
  const [shown, setShown] = useState(false);
  return (
    <section aria-labelledby="sspplus-ended" className="sspplus-section">
      <h2 id="sspplus-ended">{t('sspPlus.overview.endedHeading')}</h2>
      {shown ? (
        <EndedList />
      ) : (
        <Button variant="secondary" onClick={() => setShown(true)}>
          {t('sspPlus.overview.showEnded')}
        </Button>
      )}
    </section>
  );
}

function EndedList() {
  const { data } = useLoad(() => api['sspplus.list']({ status: 'ended' }), []);
  return (
    <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>
      {(rows) => (rows.length ? <PlanTable rows={rows} caption={t('sspPlus.overview.endedHeading')} /> : <p className="sspplus-muted">{t('sspPlus.overview.noEnded')}</p>)}
    </LoadingGate>
  );
}

/** The programme's SSP+ rules for this vault: the age band and the outcome window. */
function SspPlusRules() {
  const [shown, setShown] = useState(false);
  const { data } = useLoad(() => (shown ? api['sspplus.settings.get']({}) : Promise.resolve({ ok: true as const, value: null })), [shown]);
  if (!shown) {
    return (
      <section aria-labelledby="sspplus-rules-closed" className="sspplus-section">
        <h2 id="sspplus-rules-closed">{t('sspPlus.rules.heading')}</h2>
        <Button variant="secondary" onClick={() => setShown(true)}>
          {t('sspPlus.rules.show')}
        </Button>
      </section>
    );
  }
  return (
    <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>
      {(rules) =>
        rules ? (
          <NumberSettingsForm
            id="sspplus-rules"
            heading={t('sspPlus.rules.heading')}
            lead={t('sspPlus.rules.lead')}
            initial={rules}
            fields={[
              { key: 'minAgeMonths', label: t('sspPlus.rules.minAgeMonths'), hint: t('sspPlus.rules.minAgeMonthsHint'), min: 144, max: 264 },
              { key: 'maxAgeYears', label: t('sspPlus.rules.maxAgeYears'), hint: t('sspPlus.rules.maxAgeYearsHint'), min: 18, max: 30 },
              { key: 'outcomeWindowDays', label: t('sspPlus.rules.outcomeWindowDays'), hint: t('sspPlus.rules.outcomeWindowDaysHint'), min: 0, max: 60 },
            ]}
            save={(v) => api['sspplus.settings.save'](v)}
          />
        ) : null
      }
    </LoadingGate>
  );
}
