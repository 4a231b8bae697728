import { useCallback, useEffect, useState } from 'react';
import { api } from '../core/api';
import { useLoad } from '../core/data/useLoad';
import { t, tableDate, type MessageKey } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import type { Route } from '../core/shell/routes';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { LoadingGate } from '../core/ui/LoadingGate';
import { PageHeader } from '../core/ui/PageHeader';
import { partnerLabel } from '../../shared/leader-meetings';
import { DEFAULT_INACTIVE_WEEKS, OVERVIEW_BUCKETS, OVERVIEW_ITEM_LIMIT, type Overview, type OverviewBucket, type OverviewItem, type OverviewPrefs, type OverviewTarget } from '../../shared/overview';
import { CaseloadChart } from './CaseloadChart';

const WEEK_CHOICES = [4, 6, 8, 12, 26] as const;

export function routeOf(target: OverviewTarget): Route {
  switch (target.kind) {
    case 'case':
      return target.panel ? { area: 'cases', screen: 'detail', caseId: target.caseId, focus: target.panel } : { area: 'cases', screen: 'detail', caseId: target.caseId };
    case 'plan':
      return { area: 'sspPlus', screen: 'plan', planId: target.planId };
    case 'custody':
      return { area: 'releases', screen: 'custody', custodyId: target.custodyId };
  }
}

export function kindText(item: Pick<OverviewItem, 'kind' | 'detail'>, inactiveWeeks: number): string {
  switch (item.kind) {
    case 'sspplus-followup':
    case 'release-followup':
      return t(`overview.kind.${item.kind}`, { months: item.detail ?? '' });
    case 'inactive':
      return t('overview.kind.inactive', { weeks: inactiveWeeks });
    default:
      return t(`overview.kind.${item.kind}` as MessageKey as 'overview.kind.case-review');
  }
}

/** Overblik: the first screen after unlocking. Remembers the scope and the inactivity weeks. */
export function OverviewScreen() {
  const [prefs, setPrefs] = useState<OverviewPrefs | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api['overview.prefs']({}).then((r) => {
      if (live) setPrefs(r.ok ? r.value : { scope: 'mine', inactiveWeeks: DEFAULT_INACTIVE_WEEKS, hiddenKinds: [] });
    });
    return () => {
      live = false;
    };
  }, []);

  const { data, reload } = useLoad(() => api['overview.get']({ scope: prefs!.scope, inactiveWeeks: prefs!.inactiveWeeks }), [prefs?.scope, prefs?.inactiveWeeks], prefs === null);

  const change = useCallback((next: OverviewPrefs) => {
    setPrefs(next);
    setNotice(null);
    void api['overview.savePrefs'](next);
  }, []);

  const markDone = useCallback(
    async (item: OverviewItem) => {
      if (!item.action) return;
      setFailed(null);
      const r = await api['actions.setStatus']({ source: item.action.source, id: item.action.id, status: 'done' });
      if (!r.ok) {
        setFailed(r.error.message);
        return;
      }
      setNotice(t('overview.doneNotice'));
      reload();
    },
    [reload],
  );

  return (
    <div className="overview">
      <PageHeader title={t('overview.title')} lead={t('overview.lead')} />
      {prefs ? (
        <div className="overview-toolbar">
          <fieldset className="overview-scope">
            <legend>{t('overview.scope')}</legend>
            {(['mine', 'all'] as const).map((scope) => (
              <div key={scope} className="form-group-radio overview-scope-option">
                <input className="form-radio" type="radio" id={`overview-scope-${scope}`} name="overview-scope" value={scope} checked={prefs.scope === scope} onChange={() => change({ ...prefs, scope })} data-testid={`overview-scope-${scope}`} />
                <label className="form-label" htmlFor={`overview-scope-${scope}`}>
                  {t(`overview.scope.${scope}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <div className="form-group overview-weeks">
            <label className="form-label" htmlFor="overview-weeks">
              {t('overview.inactiveWeeks')}
            </label>
            <select id="overview-weeks" className="form-select" value={prefs.inactiveWeeks} onChange={(e) => change({ ...prefs, inactiveWeeks: Number(e.target.value) })}>
              {[...new Set([...WEEK_CHOICES, prefs.inactiveWeeks])].sort((a, b) => a - b).map((w) => (
                <option key={w} value={w}>
                  {t('overview.weeks', { weeks: w })}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      {notice ? (
        <Alert variant="success" live="status">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {failed ? (
        <Alert variant="error" live="alert" heading={t('overview.saveFailed')}>
          <p>{failed}</p>
        </Alert>
      ) : null}
      <LoadingGate data={data} failedHeading={t('overview.loadFailed')}>
        {(o) => <OverviewBody o={o} onDone={markDone} />}
      </LoadingGate>
    </div>
  );
}

function OverviewBody({ o, onDone }: { o: Overview; onDone: (item: OverviewItem) => void }) {
  const { navigate } = useRouter();
  if (o.emptyVault) {
    return (
      <section className="overview-empty" aria-labelledby="overview-empty">
        <h2 id="overview-empty">{t('overview.empty.heading')}</h2>
        <p>{t('overview.empty.body')}</p>
        <div className="form-actions">
          <Button onClick={() => navigate({ area: 'cases', screen: 'new' })}>{t('overview.empty.newCase')}</Button>
          <Button variant="secondary" onClick={() => navigate({ area: 'cases', screen: 'import' })}>
            {t('overview.empty.import')}
          </Button>
        </div>
      </section>
    );
  }
  const total = o.counts.overdue + o.counts.thisWeek + o.counts.nextWeek;
  return (
    <>
      <ul className="nobullet-list no-max-width overview-figures" aria-label={t('overview.counts')} data-testid="overview-counts">
        {OVERVIEW_BUCKETS.map((b) => (
          <li key={b} className={b === 'overdue' && o.counts.overdue ? 'is-flagged' : undefined}>
            <a href={`#overview-${b}`} className="overview-figure-link">
              <strong data-testid={`overview-count-${b}`}>{o.counts[b]}</strong> {t(`overview.count.${b}`)}
            </a>
          </li>
        ))}
      </ul>
      {total === 0 ? <p className="overview-muted">{t('overview.nothingDue')}</p> : null}
      {OVERVIEW_BUCKETS.map((b) => (
        <Bucket key={b} bucket={b} o={o} onDone={onDone} />
      ))}
      <CaseloadChart scope={o.scope} />
    </>
  );
}

function Bucket({ bucket, o, onDone }: { bucket: OverviewBucket; o: Overview; onDone: (item: OverviewItem) => void }) {
  const { navigate } = useRouter();
  const items = o.items.filter((i) => i.bucket === bucket);
  const heading =
    bucket === 'overdue'
      ? t('overview.bucket.overdue')
      : t(`overview.bucket.${bucket}`, { from: tableDate(o[bucket].from), to: tableDate(o[bucket].to) });
  if (!items.length) return null;
  return (
    <section className="overview-bucket" aria-labelledby={`overview-${bucket}`} data-testid={`overview-bucket-${bucket}`}>
      <h2 id={`overview-${bucket}`} tabIndex={-1}>
        {heading} <span className="overview-bucket-count">({o.counts[bucket]})</span>
      </h2>
      <table className="table table--compact overview-table">
        <caption className="sr-only">{heading}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.col.date')}</th>
            <th scope="col">{t('overview.col.what')}</th>
            <th scope="col">{t('overview.col.person')}</th>
            <th scope="col">{t('overview.col.case')}</th>
            <th scope="col">{t('overview.col.responsible')}</th>
            <th scope="col">
              <span className="sr-only">{t('overview.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const what = kindText(item, o.inactiveWeeks);
            return (
              <tr key={item.key} data-testid="overview-item" data-kind={item.kind}>
                <td className="overview-date">{tableDate(item.dueOn)}</td>
                <td>
                  <span className="overview-kind">{what}</span>
                  {item.action && item.detail ? <span className="overview-detail">{item.detail}</span> : null}
                </td>
                <td>{item.personName}</td>
                <td>{item.caseNumber ?? '–'}</td>
                <td>{item.partner ? (item.action?.source === 'release' ? item.partner : partnerLabel(item.partner)) : (item.coordinator ?? '–')}</td>
                <td className="overview-cell-actions">
                  <Button variant="secondary" onClick={() => navigate(routeOf(item.target))}>
                    {t('overview.open')}
                    <span className="sr-only"> {t('overview.openFor', { what, name: item.personName })}</span>
                  </Button>
                  {item.action ? (
                    <Button variant="tertiary" onClick={() => onDone(item)} aria-label={t('overview.markDoneFor', { what: item.detail ?? what })}>
                      {t('overview.markDone')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {o.counts[bucket] > items.length ? <p className="overview-muted">{t('overview.more', { shown: Math.min(items.length, OVERVIEW_ITEM_LIMIT), total: o.counts[bucket] })}</p> : null}
    </section>
  );
}
