import type { PlanDetail } from '../../shared/ssp-plus';
import { LoadingGate } from '../core/ui/LoadingGate';
import { api } from '../core/api';
import { proseDate, t, tableDate, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Button } from '../core/ui/Button';
import { actionStatusName, areaName, fullName } from './labels';
import { useLoad } from '../core/data/useLoad';

/**
 * The plan on paper, for the meeting with the young person. It carries the name, never a CPR
 * number, birth date or case number; the browser's print (Ctrl+P) gives the same sheet.
 */
export function PrintPlanScreen({ planId }: { planId: number }) {
  const { back } = useRouter();
  const { data } = useLoad(() => api['sspplus.get']({ planId }), [planId]);
  return (
    <div className="sspplus-print">
      <div className="sspplus-toolbar sspplus-no-print">
        <Button icon="print" onClick={() => window.print()}>
          {t('sspPlus.print.print')}
        </Button>
        <Button variant="tertiary" onClick={back}>
          {t('sspPlus.print.back')}
        </Button>
      </div>
      <LoadingGate data={data} failedHeading={t('sspPlus.loadFailed')}>{(plan) => <Sheet plan={plan} />}</LoadingGate>
    </div>
  );
}

function Sheet({ plan }: { plan: PlanDetail }) {
  const filled = plan.areas.filter((a) => a.filled);
  return (
    <article className="sspplus-sheet" data-testid="print-sheet">
      <h1 tabIndex={-1} data-page-heading="">
        {t('sspPlus.print.title')}
      </h1>
      <p className="sspplus-sheet-name">{fullName(plan.person)}</p>
      <dl className="sspplus-facts sspplus-sheet-facts">
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
          <dd>{plan.partners.map((p) => p.name).join(', ') || t('sspPlus.none')}</dd>
        </div>
        <div>
          <dt>{t('sspPlus.field.consent')}</dt>
          <dd>
            {plan.consentDate ? t('sspPlus.consentGiven', { date: proseDate(plan.consentDate) }) : t('sspPlus.consentMissing')}
            {plan.consentScope ? <span className="sspplus-block">{plan.consentScope}</span> : null}
          </dd>
        </div>
        {plan.nextReview ? (
          <div>
            <dt>{t('sspPlus.field.nextReview')}</dt>
            <dd>{proseDate(plan.nextReview.dueOn)}</dd>
          </div>
        ) : null}
      </dl>
      {filled.length === 0 ? <p>{t('sspPlus.plan.noAreas')}</p> : null}
      {filled.map((a) => (
        <section key={a.area} className="sspplus-sheet-area" aria-labelledby={`print-${a.area}`}>
          <h2 id={`print-${a.area}`}>{areaName(a.area)}</h2>
          <dl className="sspplus-area-texts">
            <dt>{t('sspPlus.field.situation')}</dt>
            <dd>{a.currentSituation || '–'}</dd>
            <dt>{t('sspPlus.field.goal')}</dt>
            <dd>{a.goal || '–'}</dd>
            {a.progressNotes ? (
              <>
                <dt>{t('sspPlus.field.progress')}</dt>
                <dd>{a.progressNotes}</dd>
              </>
            ) : null}
          </dl>
          {a.actions.length ? (
            <table className="table table--compact sspplus-table">
              <caption>{t('sspPlus.print.agreed')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sspPlus.field.action')}</th>
                  <th scope="col">{t('sspPlus.field.responsible')}</th>
                  <th scope="col">{t('sspPlus.field.deadline')}</th>
                  <th scope="col">{t('sspPlus.field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {a.actions.map((x) => (
                  <tr key={x.id}>
                    <td>{x.description}</td>
                    <td>{x.partnerName ?? '–'}</td>
                    <td>{x.deadline ? tableDate(x.deadline) : '–'}</td>
                    <td>{actionStatusName(x.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
      <div className="sspplus-signatures">
        <p>{t('sspPlus.print.signYoung')}</p>
        <p>{t('sspPlus.print.signCoordinator')}</p>
      </div>
      <p className="sspplus-muted">{t('sspPlus.print.printed', { date: proseDate(todayIso()) })}</p>
    </article>
  );
}
