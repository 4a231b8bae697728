import { t, type PlainMessageKey } from '../core/i18n';
import type { ReportV1 } from '../../shared/semiannual-report';
import { countText } from './labels';

/**
 * The report's key figures for all chosen districts together, first on the screen and on paper:
 * active, new and closed cases, young people charged, SSP+ plans running and releases. Taken from
 * the report's own totals, so an anonymised report shows its markers here too.
 */
export function KeyFigures({ report }: { report: ReportV1 }) {
  const cases = report.totals.casesByLevel.find((r) => r.district === 'all' && r.level === 'all');
  const events = report.totals.eventsByDistrict.find((r) => r.district === 'all');
  const sspPlus = report.totals.sspPlus.byDistrict.find((r) => r.district === 'all');
  const releases = report.totals.releases.byDistrict.find((r) => r.district === 'all');
  const figures: [PlainMessageKey, number | string | undefined][] = [
    ['report.key.active', cases?.active],
    ['report.key.new', cases?.new],
    ['report.key.closed', cases?.closed],
    ['report.key.charged', events?.charges],
    ['report.key.sspPlus', sspPlus?.active],
    ['report.key.releases', releases?.releases],
  ];
  return (
    <dl className="report-key-figures" data-testid="report-key-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="report-key-figure">
          <dt>{t(label)}</dt>
          <dd>{countText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
