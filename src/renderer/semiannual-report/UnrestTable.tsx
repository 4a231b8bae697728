import { bydeleWithUnrest, type ReportV1 } from '../../shared/semiannual-report';
import { t } from '../core/i18n';

/**
 * Tryghed og uro in the report: the number of bydele med uro, and per bydel the flag, the counts
 * of observations and activated beredskabsplaner, and the bydel's assessment beside them. Not
 * about people, so never hidden. Nothing when the report has no unrest rows (files from before).
 */
export function UnrestTable({ report, heading: H }: { report: ReportV1; heading: 'h2' | 'h3' }) {
  const rows = report.unrest;
  if (!rows) return null;
  const text = new Map(report.assessments.map((a) => [a.district, a.text]));
  return (
    <section className="report-table-section">
      <H>{t('report.section.unrest')}</H>
      <p data-testid="unrest-count">{t('report.unrest.report.count', { count: bydeleWithUnrest(rows), of: rows.length })}</p>
      <div className="report-table-wrap">
        <table className="table table--compact report-table report-unrest-report" data-table="unrest">
          <caption>{t('report.section.unrest')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.district')}</th>
              <th scope="col">{t('report.unrest.report.col.flag')}</th>
              <th scope="col" className="report-num">
                {t('report.unrest.report.col.observations')}
              </th>
              <th scope="col" className="report-num">
                {t('report.unrest.report.col.plans')}
              </th>
              <th scope="col">{t('report.unrest.report.col.assessment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.district}>
                <th scope="row">{r.district}</th>
                <td>{r.withUnrest ? t('report.unrest.report.yes') : t('report.unrest.report.no')}</td>
                <td className="report-num">{r.observations}</td>
                <td className="report-num">{r.plansActivated}</td>
                <td className="report-unrest-assessment">{text.get(r.district) ?? <span className="report-muted">{t('report.unrest.report.none')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
