import { useId } from 'react';
import { api } from '../core/api';
import { useLoad } from '../core/data/useLoad';
import { monthName, t } from '../core/i18n';
import type { Caseload } from '../../shared/overview';

/**
 * The caseload by level over the last 12 months as stacked bars in plain SVG. No chart library:
 * the app's CSP forbids inline styles and eval, which the common ones (Chart.js sets inline styles
 * on its canvas wrapper, Recharts/Victory write style attributes) trip over, and twelve stacked
 * bars are a few lines. Colours come from classes; the figures are also in a table for screen
 * readers and for anyone who wants the numbers.
 */
export function CaseloadChart({ scope }: { scope: 'mine' | 'all' }) {
  const { data } = useLoad(() => api['overview.caseload']({ scope }), [scope]);
  if (data.state !== 'ready') return null;
  return <Chart c={data.value} />;
}

const W = 360;
const H = 160;
const PAD_LEFT = 28;
const PAD_BOTTOM = 20;

function Chart({ c }: { c: Caseload }) {
  const id = useId();
  const totals = c.months.map((m) => m.levels.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const barW = (W - PAD_LEFT) / c.months.length;
  const y = (n: number) => ((H - PAD_BOTTOM) * n) / max;
  const heading = c.scope === 'mine' ? t('overview.chart.heading') : t('overview.chart.headingAll');
  const monthLabel = (m: string) => monthName(m, 'short');
  return (
    <section className="overview-chart" aria-labelledby={`${id}-h`} data-testid="overview-chart">
      <h2 id={`${id}-h`} className="h3">
        {heading}
      </h2>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="overview-chart-svg">
        <title id={`${id}-t`}>{heading}</title>
        <desc id={`${id}-d`}>{t('overview.chart.desc')}</desc>
        <line x1={PAD_LEFT} x2={W} y1={H - PAD_BOTTOM} y2={H - PAD_BOTTOM} className="overview-axis" />
        <text x={PAD_LEFT - 4} y={10} className="overview-chart-label" textAnchor="end">
          {max}
        </text>
        <text x={PAD_LEFT - 4} y={H - PAD_BOTTOM} className="overview-chart-label" textAnchor="end">
          0
        </text>
        {c.months.map((m, i) => {
          let base = H - PAD_BOTTOM;
          return (
            <g key={m.month}>
              {m.levels.map((n, l) => {
                const h = y(n);
                base -= h;
                return n ? <rect key={l} x={PAD_LEFT + i * barW + 2} y={base} width={barW - 4} height={h} className={`overview-l${l + 1}`} /> : null;
              })}
              <text x={PAD_LEFT + i * barW + barW / 2} y={H - 6} className="overview-chart-label" textAnchor="middle">
                {monthLabel(m.month).slice(0, 3)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="nobullet-list overview-legend">
        {[1, 2, 3, 4].map((l) => (
          <li key={l}>
            <span className={`overview-swatch overview-l${l}`} aria-hidden="true" />
            {t('overview.chart.level', { level: l })}
          </li>
        ))}
      </ul>
      <details className="overview-chart-details">
        <summary>{t('overview.chart.table')}</summary>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('overview.chart.month')}</th>
              {[1, 2, 3, 4].map((l) => (
                <th scope="col" key={l} className="numeric">
                  {t('overview.chart.level', { level: l })}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('overview.chart.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.months.map((m, i) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month, 'long')}</th>
                {m.levels.map((n, l) => (
                  <td key={l} className="numeric">
                    {n}
                  </td>
                ))}
                <td className="numeric">{totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
