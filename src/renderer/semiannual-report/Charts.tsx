import { useId } from 'react';
import { t } from '../core/i18n';
import type { TrendPoint } from '../../shared/semiannual-report';
import type { ReportV1 } from '../../shared/semiannual-report';
import { countText, LEVEL_NAMES, periodLabel } from './labels';

/**
 * Two small charts as plain SVG (no chart library: nothing to load, nothing that needs inline
 * styles or eval under the app's CSP). Colours come from report.css classes. Hidden counts get no
 * bar, only their marker: a bar would give away a size the report hides. Every figure is also in
 * the tables, which are what screen readers get; the SVG has a title and a description.
 */

const LEVELS = [1, 2, 3, 4] as const;
type Count = number | string;

function Legend() {
  return (
    <ul className="nobullet-list report-chart-legend">
      {LEVELS.map((l) => (
        <li key={l}>
          <span className={`report-swatch report-l${l}`} aria-hidden="true" />
          {t('report.level', { level: l })}: {t(LEVEL_NAMES[l]!)}
        </li>
      ))}
    </ul>
  );
}

const niceMax = (values: Count[]) => Math.max(1, ...values.filter((v): v is number => typeof v === 'number'));

/** Active cases at the period end per district, one bar per level (horizontal). */
export function DistrictLevelChart({ report }: { report: ReportV1 }) {
  const id = useId().replace(/:/g, '');
  const rows = report.tables.casesByLevel;
  const value = (d: string, l: number): Count => rows.find((r) => r.district === d && r.level === l)?.active ?? 0;
  const max = niceMax(report.districts.flatMap((d) => LEVELS.map((l) => value(d, l))));
  const labelW = 230;
  const barArea = 520;
  const barH = 14;
  const groupH = LEVELS.length * (barH + 2) + 18;
  const height = report.districts.length * groupH + 10;
  const marker = `<${report.threshold}`;
  return (
    <figure className="report-chart" data-chart="district-level">
      <svg viewBox={`0 0 ${labelW + barArea + 60} ${height}`} width={labelW + barArea + 60} height={height} role="img" aria-labelledby={`${id}-t ${id}-d`} className="report-svg">
        <title id={`${id}-t`}>{t('report.chart.byDistrict')}</title>
        <desc id={`${id}-d`}>{t('report.chart.byDistrictDesc', { marker })}</desc>
        {report.districts.map((d, i) => {
          const y0 = 6 + i * groupH;
          return (
            <g key={d}>
              <text x={labelW - 10} y={y0 + (LEVELS.length * (barH + 2)) / 2 + 5} textAnchor="end" className="report-svg-label">
                {d}
              </text>
              {LEVELS.map((l, j) => {
                const v = value(d, l);
                const y = y0 + j * (barH + 2);
                const w = typeof v === 'number' ? (v / max) * barArea : 0;
                return (
                  <g key={l}>
                    {w > 0 ? <rect x={labelW} y={y} width={Math.max(w, 2)} height={barH} className={`report-l${l}`} /> : null}
                    <text x={labelW + w + 6} y={y + barH - 2} className={typeof v === 'number' ? 'report-svg-value' : 'report-svg-hidden'}>
                      {countText(v)}
                    </text>
                  </g>
                );
              })}
              <line x1={labelW} x2={labelW} y1={y0 - 2} y2={y0 + LEVELS.length * (barH + 2)} className="report-svg-axis" />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <strong>{t('report.chart.byDistrict')}</strong>
        <Legend />
      </figcaption>
    </figure>
  );
}

/** Active cases at each period end over the last half-years, one bar per level (vertical). */
export function TrendChart({ trend, threshold }: { trend: TrendPoint[]; threshold: number }) {
  const id = useId().replace(/:/g, '');
  if (trend.length < 2) {
    return (
      <figure className="report-chart" data-chart="trend">
        <figcaption>
          <strong>{t('report.chart.trend')}</strong>
          <p className="report-muted">{t('report.chart.trendNone')}</p>
        </figcaption>
      </figure>
    );
  }
  const value = (p: TrendPoint, l: number): Count => p.byLevel.find((r) => r.level === l)?.active ?? 0;
  const max = niceMax(trend.flatMap((p) => LEVELS.map((l) => value(p, l))));
  const barW = 30;
  const groupW = LEVELS.length * (barW + 4) + 48;
  const plotH = 200;
  const top = 24;
  const left = 24;
  const width = left + trend.length * groupW;
  const marker = `<${threshold}`;
  return (
    <figure className="report-chart" data-chart="trend">
      <svg viewBox={`0 0 ${width} ${top + plotH + 40}`} width={width} height={top + plotH + 40} role="img" aria-labelledby={`${id}-t ${id}-d`} className="report-svg">
        <title id={`${id}-t`}>{t('report.chart.trend')}</title>
        <desc id={`${id}-d`}>{t('report.chart.trendDesc', { marker })}</desc>
        <line x1={left - 6} x2={width} y1={top + plotH} y2={top + plotH} className="report-svg-axis" />
        {trend.map((p, i) => {
          const x0 = left + i * groupW;
          return (
            <g key={p.period}>
              {LEVELS.map((l, j) => {
                const v = value(p, l);
                const h = typeof v === 'number' ? (v / max) * plotH : 0;
                const x = x0 + j * (barW + 4);
                return (
                  <g key={l}>
                    {h > 0 ? <rect x={x} y={top + plotH - Math.max(h, 2)} width={barW} height={Math.max(h, 2)} className={`report-l${l}`} /> : null}
                    <text x={x + barW / 2} y={top + plotH - h - 5} textAnchor="middle" className={typeof v === 'number' ? 'report-svg-value' : 'report-svg-hidden'}>
                      {countText(v)}
                    </text>
                  </g>
                );
              })}
              <text x={x0 + (LEVELS.length * (barW + 4)) / 2} y={top + plotH + 24} textAnchor="middle" className="report-svg-label">
                {periodLabel(p.period)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <strong>{t('report.chart.trend')}</strong>
        <Legend />
      </figcaption>
    </figure>
  );
}
