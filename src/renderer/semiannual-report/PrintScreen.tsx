import { useEffect, useRef, useState } from 'react';
import { api, hasDesktopShell } from '../core/api';
import { formatDateTime, t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { isYearPeriod, type ReportV1 } from '../../shared/semiannual-report';
import { periodLabel, periodOptionLabel } from './labels';
import { DistrictLevelChart, TrendChart } from './Charts';
import { KeyFigures } from './KeyFigures';
import { ExactBanner } from './ModeSwitch';
import { HiddenLegend, ReportTables } from './ReportTables';
import { TrendTables } from './TrendTables';
import type { ReportSelection } from './routes';
import { useLoad } from '../core/data/useLoad';

/**
 * The report on paper: header facts, the mode (exact is labelled at the top), the key figures and
 * charts, every table, the trend over the last four half-years and the districts' assessments. Counts and district texts only, as in the
 * files. Printed on A4 (report.css: @page with the title and "Side x af y" in the margins, table
 * headers repeated, a table never split from its heading); the print dialog's "Gem som PDF" makes
 * the PDF a Sekretariat employee hands on. The browser's print (Ctrl+P) gives the same sheet.
 */
export function PrintScreen({ selection }: { selection: ReportSelection }) {
  const { back } = useRouter();
  const unit = selection.unit.trim();
  const { data } = useLoad(
    () => api['report.compute']({ period: selection.period, districts: selection.districts, mode: selection.mode, ...(unit ? { unit } : {}) }),
    [selection.period, selection.districts.join('\n'), selection.mode, unit],
  );
  // The desktop app saves the PDF itself (Electron's printToPDF, report.savePdf); a browser has the print dialog.
  const desktop = hasDesktopShell();
  const [pdf, setPdf] = useState<{ busy: boolean; done: string | null; error: string | null }>({ busy: false, done: null, error: null });
  const savePdf = async () => {
    if (pdf.busy) return;
    setPdf({ busy: true, done: null, error: null });
    const r = await api['report.savePdf']({ period: selection.period, districts: selection.districts, mode: selection.mode, ...(unit ? { unit } : {}) });
    if (!r.ok) setPdf({ busy: false, done: null, error: r.error.message });
    else setPdf({ busy: false, done: r.value.saved && r.value.fileName ? t('report.print.savedPdf', { file: r.value.fileName }) : null, error: null });
  };
  return (
    <div className="report-print">
      <div className="report-toolbar report-no-print">
        {desktop ? (
          <Button icon="print" busy={pdf.busy} busyLabel={t('report.print.savingPdf')} onClick={() => void savePdf()}>
            {t('report.print.savePdf')}
          </Button>
        ) : null}
        <Button icon="print" variant={desktop ? 'secondary' : 'primary'} onClick={() => window.print()}>
          {t('report.print.print')}
        </Button>
        <Button variant="tertiary" onClick={back}>
          {t('report.print.back')}
        </Button>
      </div>
      <p className="report-muted report-no-print">{t('report.print.hint')}</p>
      {desktop ? (
        <p className="report-status report-no-print" role="status">
          {pdf.done ?? ''}
        </p>
      ) : null}
      {pdf.error ? (
        <Alert variant="error" live="alert" heading={t('report.print.savePdfFailed')}>
          {pdf.error}
        </Alert>
      ) : null}
      {data.state === 'loading' ? <p role="status">{t('report.loading')}</p> : null}
      {data.state === 'error' ? (
        <Alert variant="error" live="alert" heading={t('report.loadFailed')}>
          {data.error.message}
        </Alert>
      ) : null}
      {data.state === 'ready' ? <Sheet report={data.value.report} /> : null}
    </div>
  );
}

export function ReportFacts({ report }: { report: ReportV1 }) {
  return (
    <dl className="report-facts">
      <div>
        <dt>{t('report.fact.period')}</dt>
        <dd>{periodOptionLabel(report.period)}</dd>
      </div>
      <div>
        <dt>{t('report.fact.unit')}</dt>
        <dd>{report.unit}</dd>
      </div>
      <div>
        <dt>{t('report.fact.mode')}</dt>
        <dd>{report.mode === 'exact' ? t('report.fact.modeExact') : t('report.fact.modeAnonymised')}</dd>
      </div>
      <div>
        <dt>{t('report.fact.generated')}</dt>
        <dd>{formatDateTime(report.generatedAt)}</dd>
      </div>
      <div className="report-facts-wide">
        <dt>{t('report.fact.districts')}</dt>
        <dd>{report.districts.join(', ')}</dd>
      </div>
    </dl>
  );
}

function Sheet({ report }: { report: ReportV1 }) {
  const { data: trend } = useLoad(
    () => api['report.trend']({ period: report.period, districts: report.districts, mode: report.mode }),
    [report.period, report.districts.join('\n'), report.mode],
  );
  // The shell focused the main region while the sheet loaded; hand focus to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // "Gem som PDF" names the file after the document's title: say what the sheet holds.
  useEffect(() => {
    const before = document.title;
    document.title = t('report.print.documentTitle', { period: periodLabel(report.period), districts: report.districts.join(', '), mode: report.mode === 'exact' ? t('report.print.exact') : t('report.print.anonymised') });
    return () => {
      document.title = before;
    };
  }, [report]);
  return (
    <article className="report-sheet" data-testid="report-sheet">
      <h1 ref={heading} tabIndex={-1} data-page-heading="">
        {t(isYearPeriod(report.period) ? 'report.print.yearTitle' : 'report.print.title')}
      </h1>
      {report.mode === 'exact' ? <ExactBanner /> : null}
      <ReportFacts report={report} />
      {report.mode === 'anonymised' ? <HiddenLegend threshold={report.threshold} /> : null}
      {isYearPeriod(report.period) ? <p className="report-legend">{t('report.year.note')}</p> : null}
      <section className="report-sheet-key" aria-labelledby="print-key">
        <h2 id="print-key">{t('report.heading.key', { period: periodLabel(report.period) })}</h2>
        <KeyFigures report={report} />
        <div className="report-charts">
          <DistrictLevelChart report={report} />
          {trend.state === 'ready' ? <TrendChart trend={trend.value} threshold={report.threshold} /> : null}
        </div>
      </section>
      <ReportTables report={report} headingLevel={2} />
      {trend.state === 'ready' && trend.value.length > 0 ? (
        <section className="report-sheet-trend" aria-labelledby="print-trend">
          <h2 id="print-trend">{t('report.trend.heading')}</h2>
          <TrendTables trend={trend.value} />
        </section>
      ) : null}
      <section className="report-sheet-assessments" aria-labelledby="print-assessments">
        <h2 id="print-assessments">{t('report.assessments.heading')}</h2>
        {report.assessments.length === 0 ? <p>{t('report.print.noAssessments')}</p> : null}
        {report.assessments.map((a) => (
          <div key={a.district} className="report-sheet-assessment">
            <h3>{a.district}</h3>
            <p className="report-pre">{a.text}</p>
          </div>
        ))}
      </section>
    </article>
  );
}
