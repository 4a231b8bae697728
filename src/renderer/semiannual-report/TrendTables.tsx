import { t } from '../core/i18n';
import type { TrendPoint } from '../../shared/semiannual-report';
import { countText, periodLabel } from './labels';

/**
 * The trend as tables (the print view and the screen): cases by level per half-year, then
 * young people charged, SSP+ plans and releases. The same numbers as the files' trend sheets,
 * each half-year as its own report shows it.
 */
export function TrendTables({ trend }: { trend: TrendPoint[] }) {
  if (trend.length === 0) return null;
  return (
    <div className="report-tables report-trend-tables">
      <div className="report-table-wrap">
        <table className="table table--compact report-table" data-table="trend.cases">
          <caption>{t('report.trend.casesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.trend.period')}</th>
              <th scope="col">{t('report.trend.col.level')}</th>
              <th scope="col" className="report-num">
                {t('report.col.active')}
              </th>
              <th scope="col" className="report-num">
                {t('report.trend.col.new')}
              </th>
              <th scope="col" className="report-num">
                {t('report.trend.col.closed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.flatMap((p) =>
              p.byLevel.map((r) => (
                <tr key={`${p.period}-${r.level}`} className={r.level === 'all' ? 'report-total' : undefined}>
                  <th scope="row">{periodLabel(p.period)}</th>
                  <td>{r.level === 'all' ? t('report.total') : r.level}</td>
                  <td className="report-num">{countText(r.active)}</td>
                  <td className="report-num">{countText(r.new)}</td>
                  <td className="report-num">{countText(r.closed)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <div className="report-table-wrap">
        <table className="table table--compact report-table" data-table="trend.other">
          <caption>{t('report.trend.otherCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.trend.period')}</th>
              {(
                [
                  'report.trend.col.charges',
                  'report.trend.col.sspActive',
                  'report.trend.col.sspStarted',
                  'report.trend.col.sspEnded',
                  'report.col.releases',
                  'report.col.meetings',
                ] as const
              ).map((k) => (
                <th key={k} scope="col" className="report-num">
                  {t(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.period}>
                <th scope="row">{periodLabel(p.period)}</th>
                {[p.charges, p.sspPlus.active, p.sspPlus.started, p.sspPlus.ended, p.releases.releases, p.releases.meetings].map((v, i) => (
                  <td key={i} className="report-num">
                    {countText(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="report-muted">{t('report.trend.note')}</p>
    </div>
  );
}
