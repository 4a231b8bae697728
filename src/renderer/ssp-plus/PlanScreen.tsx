import type { PlanArea, PlanDetail } from '../../shared/ssp-plus';
import { LoadingGate } from '../core/ui/LoadingGate';
import { api } from '../core/api';
import { proseDate, t, tableDate, todayIso } from '../core/i18n';
import { ExitPanel } from '../cases';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { Badge } from './fields';
import { FollowUps } from './FollowUps';
import { actionStatusName, areaName, areaStatusName, endReasonName, fullName, reviewKindName, triggerName } from './labels';
import { PlanFlags, ReviewDueBadge } from './PlanFlags';
import { useLoad } from '../core/data/useLoad';

/** One plan: its facts, what needs attention, the life areas with actions, reviews and follow-ups. */
export function PlanScreen({ planId }: { planId: number }) {
  const { data, set } = useLoad(() => api['sspplus.get']({ planId }), [planId]);
  const title = data.state === 'ready' ? t('sspPlus.planFor', { name: fullName(data.value.person) }) : t('sspPlus.plan.title');
  return (
    <>
      <BackToOverview />
      <PageHeader title={title} />
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(plan) => <Plan plan={plan} onChange={set} />}</LoadingGate>
    </>
  );
}

export function BackToOverview() {
  const { navigate } = useRouter();
  return (
    <button type="button" className="back-link sspplus-back" onClick={() => navigate({ area: 'sspPlus', screen: 'index' })}>
      {t('sspPlus.backToOverview')}
    </button>
  );
}

function Plan({ plan, onChange }: { plan: PlanDetail; onChange: (p: PlanDetail) => void }) {
  const { navigate } = useRouter();
  const active = plan.status === 'active';
  const filled = plan.areas.filter((a) => a.filled);
  const empty = plan.areas.filter((a) => !a.filled);
  const go = (screen: 'edit' | 'review' | 'end' | 'print') => navigate({ area: 'sspPlus', screen, planId: plan.id });
  return (
    <>
      <PlanFacts plan={plan} />
      <PlanFlags plan={plan} />
      <div className="sspplus-toolbar">
        {active ? <Button onClick={() => go('review')}>{t('sspPlus.plan.addReview')}</Button> : null}
        {active ? <Button variant="secondary" onClick={() => go('edit')}>{t('sspPlus.plan.edit')}</Button> : null}
        <Button variant="secondary" icon="print" onClick={() => go('print')}>
          {t('sspPlus.plan.print')}
        </Button>
        {active ? <Button variant="tertiary" onClick={() => go('end')}>{t('sspPlus.plan.end')}</Button> : null}
      </div>

      <section aria-labelledby="plan-areas" className="sspplus-section">
        <h2 id="plan-areas">{t('sspPlus.plan.areasHeading')}</h2>
        {filled.length === 0 ? <p className="sspplus-muted">{t('sspPlus.plan.noAreas')}</p> : null}
        {filled.map((a) => (
          <AreaCard key={a.area} area={a} planId={plan.id} editable={active} />
        ))}
        {active && empty.length ? (
          <div className="sspplus-empty-areas">
            <h3>{t('sspPlus.plan.emptyAreas')}</h3>
            <p className="sspplus-muted">{t('sspPlus.plan.emptyAreasHint')}</p>
            <ul className="nobullet-list sspplus-area-buttons">
              {empty.map((a) => (
                <li key={a.area}>
                  <Button variant="secondary" onClick={() => navigate({ area: 'sspPlus', screen: 'area', planId: plan.id, lifeArea: a.area })}>
                    {t('sspPlus.plan.fillArea', { area: areaName(a.area) })}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <ExitPanel personId={plan.person.id} today={todayIso()} editable={false} />

      <Reviews plan={plan} />
      {plan.status === 'ended' ? <FollowUps plan={plan} onChange={onChange} /> : null}
    </>
  );
}

function PlanFacts({ plan }: { plan: PlanDetail }) {
  return (
    <dl className="sspplus-facts">
      <div>
        <dt>{t('sspPlus.field.status')}</dt>
        <dd>
          {plan.status === 'active' ? (
            <Badge variant="success">{t('sspPlus.status.active')}</Badge>
          ) : (
            <>
              <Badge variant="info">{t('sspPlus.status.ended')}</Badge> {proseDate(plan.endDate!)} ({endReasonName(plan.endReason!)})
              {plan.endNote ? <span className="sspplus-block">{plan.endNote}</span> : null}
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.age')}</dt>
        <dd>{t('sspPlus.years', { age: plan.person.age })}</dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.case')}</dt>
        <dd>{t('sspPlus.caseAndLevel', { caseNumber: plan.caseNumber, level: plan.caseLevel })}</dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.startDate')}</dt>
        <dd>{proseDate(plan.startDate)}</dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.coordinator')}</dt>
        <dd>{plan.coordinator}</dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.partners')}</dt>
        <dd>{plan.partners.length ? plan.partners.map((p) => p.name).join(', ') : t('sspPlus.none')}</dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.consent')}</dt>
        <dd>
          {plan.consentDate ? t('sspPlus.consentGiven', { date: proseDate(plan.consentDate) }) : t('sspPlus.consentMissing')}
          {plan.consentScope ? <span className="sspplus-block">{plan.consentScope}</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t('sspPlus.field.interval')}</dt>
        <dd>{t('sspPlus.intervalText', { months: plan.reviewIntervalMonths })}</dd>
      </div>
    </dl>
  );
}

function AreaCard({ area, planId, editable }: { area: PlanArea; planId: number; editable: boolean }) {
  const { navigate } = useRouter();
  const headingId = `area-${area.area}`;
  return (
    <section aria-labelledby={headingId} className="sspplus-area" data-testid={`area-${area.area}`}>
      <div className="sspplus-area-head">
        <h3 id={headingId}>{areaName(area.area)}</h3>
        {editable ? (
          <Button variant="secondary" onClick={() => navigate({ area: 'sspPlus', screen: 'area', planId, lifeArea: area.area })}>
            {t('sspPlus.plan.editArea')}
            <span className="sr-only"> {areaName(area.area)}</span>
          </Button>
        ) : null}
      </div>
      <dl className="sspplus-area-texts">
        <dt>{t('sspPlus.field.situation')}</dt>
        <dd>{area.currentSituation || '–'}</dd>
        <dt>{t('sspPlus.field.goal')}</dt>
        <dd>{area.goal || '–'}</dd>
        <dt>{t('sspPlus.field.progress')}</dt>
        <dd>{area.progressNotes || '–'}</dd>
      </dl>
      {area.actions.length ? (
        <table className="table table--compact sspplus-table">
          <caption>{t('sspPlus.actionsIn', { area: areaName(area.area) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sspPlus.field.action')}</th>
              <th scope="col">{t('sspPlus.field.responsible')}</th>
              <th scope="col">{t('sspPlus.field.deadline')}</th>
              <th scope="col">{t('sspPlus.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {area.actions.map((a) => (
              <tr key={a.id} className={a.overdue ? 'sspplus-overdue' : undefined}>
                <td>{a.description}</td>
                <td>{a.partnerName ?? '–'}</td>
                <td>
                  {a.deadline ? tableDate(a.deadline) : '–'}
                  {a.overdue ? (
                    <>
                      {' '}
                      <Badge variant="error">{t('sspPlus.overdue')}</Badge>
                    </>
                  ) : null}
                </td>
                <td>{actionStatusName(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="sspplus-muted">{t('sspPlus.plan.noActions')}</p>
      )}
    </section>
  );
}

function Reviews({ plan }: { plan: PlanDetail }) {
  return (
    <section aria-labelledby="plan-reviews" className="sspplus-section">
      <h2 id="plan-reviews">{t('sspPlus.reviews.heading')}</h2>
      <p>{t('sspPlus.reviews.lead', { months: plan.reviewIntervalMonths })}</p>
      <ul className="nobullet-list sspplus-schedule" aria-label={t('sspPlus.reviews.schedule')}>
        {plan.schedule.map((s) => (
          <li key={s.dueOn}>
            <span className="sspplus-schedule-date">{tableDate(s.dueOn)}</span>{' '}
            {s.heldOn ? (
              <Badge variant="success">{t('sspPlus.reviews.heldOn', { date: tableDate(s.heldOn) })}</Badge>
            ) : plan.nextReview && s.dueOn === plan.nextReview.dueOn ? (
              <ReviewDueBadge due={plan.nextReview} />
            ) : (
              <Badge variant="warning">{t('sspPlus.reviews.missed')}</Badge>
            )}
          </li>
        ))}
      </ul>
      {plan.reviews.length === 0 ? <p className="sspplus-muted">{t('sspPlus.reviews.none')}</p> : null}
      {[...plan.reviews].reverse().map((r) => (
        <article key={r.id} className="sspplus-review" aria-labelledby={`review-${r.id}`}>
          <h3 id={`review-${r.id}`}>
            {proseDate(r.heldOn)}: {reviewKindName(r.kind)}
            {r.trigger ? ` (${triggerName(r.trigger)})` : ''}
          </h3>
          <p>
            <strong>{t('sspPlus.field.participants')}:</strong> {[...r.partnerNames, r.participantsNote].filter(Boolean).join(', ') || '–'}
          </p>
          {r.areas.length ? (
            <ul className="sspplus-review-areas">
              {r.areas.map((a) => (
                <li key={a.area}>
                  <strong>{areaName(a.area)}:</strong> {areaStatusName(a.status)}
                  {a.note ? ` – ${a.note}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {r.changes ? (
            <p>
              <strong>{t('sspPlus.field.changes')}:</strong> {r.changes}
            </p>
          ) : null}
          <p className="sspplus-muted">{t('sspPlus.reviews.by', { actor: r.actor })}</p>
        </article>
      ))}
    </section>
  );
}
