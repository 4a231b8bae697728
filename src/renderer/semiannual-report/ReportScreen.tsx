import { useMemo, useState, type ReactNode } from 'react';
import { isYearPeriod, withYearPeriods, type ComputedReport, type ReportFormatInput, type ReportOptions } from '../../shared/semiannual-report';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { AssessmentEditor } from './AssessmentEditor';
import { DistrictLevelChart, TrendChart } from './Charts';
import { downloadFile } from '../core/ui/download';
import { KeyFigures } from './KeyFigures';
import { periodLabel, periodOptionLabel } from './labels';
import { ExactBanner, ModeSwitch } from './ModeSwitch';
import { HiddenLegend, ReportTables } from './ReportTables';
import { TrendTables } from './TrendTables';
import type { ReportSelection } from './routes';
import { useLoad } from '../core/data/useLoad';

/** The Halvårsrapport screen: choose period, districts and exact/anonymised; tables, charts, assessments, export. */
export function ReportScreen({ selection }: { selection?: ReportSelection }) {
  const { data } = useLoad(() => api['report.options']({}), []);
  return (
    <>
      <PageHeader title={t('areas.semiannualReport.title')} lead={t('report.lead')} />
      {data.state === 'loading' ? <p role="status">{t('app.loading')}</p> : null}
      {data.state === 'error' ? (
        <Alert variant="error" live="alert" heading={t('report.loadFailed')}>
          {data.error.message}
        </Alert>
      ) : null}
      {data.state === 'ready' ? <Report options={data.value} initial={selection} /> : null}
    </>
  );
}

function Report({ options, initial }: { options: ReportOptions; initial?: ReportSelection }) {
  const { navigate, replace } = useRouter();
  const [period, setPeriod] = useState(initial?.period ?? options.defaultPeriod);
  // The owner's own districts first (from the SSP area given when the vault was made), else all.
  const preselected = options.ownerDistricts.length > 0 ? options.ownerDistricts : options.districts.map((d) => d.name);
  const [districts, setDistricts] = useState<string[]>(initial?.districts ?? preselected);
  const [mode, setMode] = useState<ReportSelection['mode']>(initial?.mode ?? 'anonymised');
  const [unit, setUnit] = useState(initial?.unit ?? options.unit);
  const chosen = useMemo(() => options.districts.filter((d) => districts.includes(d.name)), [options.districts, districts]);
  const names = chosen.map((d) => d.name);
  const key = names.join('\n');
  const none = chosen.length === 0;
  const { data, busy } = useLoad(() => api['report.compute']({ period, districts: names, mode }), [period, key, mode], none);

  const selection: ReportSelection = { period, districts: names, mode, unit };
  const toggle = (name: string, on: boolean) => setDistricts((list) => (on ? [...list, name] : list.filter((n) => n !== name)));
  // The half-years, and each year whose halves both have data ("Hele året 2026") before them.
  const choices = withYearPeriods(options.periods);
  const periodOptions = (choices.includes(period) ? choices : [period, ...choices]).map((p) => ({ value: p, label: periodOptionLabel(p) }));

  return (
    <>
      <div className="report-toolbar">
        <Button variant="secondary" onClick={() => navigate({ area: 'semiannualReport', screen: 'merge' })}>
          {t('report.merge.open')}
        </Button>
        <Button variant="secondary" onClick={() => navigate({ area: 'semiannualReport', screen: 'unrest' })}>
          {t('report.unrest.open')}
        </Button>
      </div>

      <section aria-labelledby="report-choose" className="report-section report-choose">
        <h2 id="report-choose">{t('report.choose.heading')}</h2>
        <div className="report-choose-grid">
          <div>
            <Select id="report-period" label={t('report.period')} value={period} options={periodOptions} onChange={setPeriod} />
            <TextField id="report-unit" label={t('report.unit')} hint={t('report.unit.hint')} value={unit} onChange={setUnit} maxLength={200} width="l" />
            <ModeSwitch name="report-mode" mode={mode} threshold={options.threshold} onChange={setMode} />
          </div>
          <fieldset className="form-group report-districts">
            <legend className="form-label">{t('report.districts')}</legend>
            {!initial && options.ownerDistricts.length > 0 ? (
              <p className="form-hint report-owner-hint">{t('report.districts.owner', { districts: options.ownerDistricts.join(', ') })}</p>
            ) : null}
            <div className="report-buttons report-districts-all">
              <Button variant="tertiary" onClick={() => setDistricts(options.districts.map((d) => d.name))}>
                {t('report.districts.selectAll')}
              </Button>
              <Button variant="tertiary" onClick={() => setDistricts([])}>
                {t('report.districts.selectNone')}
              </Button>
            </div>
            <ul className="nobullet-list report-district-list">
              {options.districts.map((d) => (
                <li key={d.id}>
                  <div className="form-group-checkbox">
                    <input
                      id={`report-district-${d.id}`}
                      type="checkbox"
                      className="form-checkbox"
                      checked={districts.includes(d.name)}
                      onChange={(e) => toggle(d.name, e.target.checked)}
                    />
                    <label className="form-label" htmlFor={`report-district-${d.id}`}>
                      {d.name}
                    </label>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      </section>

      {mode === 'exact' ? <ExactBanner onLeave={() => setMode('anonymised')} /> : null}
      {none ? <Alert variant="info">{t('report.districts.none')}</Alert> : null}
      {!none && data.state === 'loading' ? <p role="status">{t('report.loading')}</p> : null}
      {!none && data.state === 'error' ? (
        <Alert variant="error" live="alert" heading={t('report.loadFailed')}>
          {data.error.message}
        </Alert>
      ) : null}
      {!none && data.state === 'ready' ? (
        <div className={busy ? 'report-body is-busy' : 'report-body'} aria-busy={busy || undefined} data-mode={data.value.report.mode}>
          <ReportBody
            computed={data.value}
            districts={names}
            exportSection={
              <ExportSection
                key={`${period}|${key}|${mode}`}
                selection={selection}
                onPrint={() => {
                  replace({ area: 'semiannualReport', screen: 'index', selection });
                  navigate({ area: 'semiannualReport', screen: 'print', selection });
                }}
              />
            }
          />
          <section aria-labelledby="report-assessments" className="report-section">
            <h2 id="report-assessments">{t('report.assessments.heading')}</h2>
            <p className="report-muted">{t('report.assessments.lead')}</p>
            <AssessmentEditor period={period} districts={chosen} />
          </section>
        </div>
      ) : null}
    </>
  );
}

/** Key figures and charts first, then the export, then every table. */
function ReportBody({ computed, districts, exportSection }: { computed: ComputedReport; districts: string[]; exportSection: ReactNode }) {
  const { report, unplaced } = computed;
  // The trend takes four half-years of counting: it comes after the report, in its own call.
  const { data: trend } = useLoad(
    () => api['report.trend']({ period: report.period, districts, mode: report.mode }),
    [report.period, districts.join('\n'), report.mode],
  );
  const unplacedTotal = unplaced.active + unplaced.new + unplaced.closed;
  return (
    <>
      {unplacedTotal > 0 ? <Alert variant="warning">{t('report.unplaced', { active: unplaced.active, new: unplaced.new, closed: unplaced.closed })}</Alert> : null}
      <section aria-labelledby="report-key" className="report-section">
        <h2 id="report-key">{t('report.heading.key', { period: periodLabel(report.period) })}</h2>
        <p className="report-muted">{t('report.key.lead')}</p>
        <KeyFigures report={report} />
      </section>
      <section aria-labelledby="report-charts" className="report-section">
        <h2 id="report-charts">{t('report.heading.charts')}</h2>
        <div className="report-charts">
          <DistrictLevelChart report={report} />
          {trend.state === 'ready' ? (
            <TrendChart trend={trend.value} threshold={report.threshold} />
          ) : trend.state === 'error' ? (
            <Alert variant="error">{trend.error.message}</Alert>
          ) : (
            <p role="status" className="report-chart report-muted">
              {t('report.loading')}
            </p>
          )}
        </div>
      </section>
      {exportSection}
      <section aria-labelledby="report-figures" className="report-section">
        <h2 id="report-figures">{t('report.heading.figures', { period: periodLabel(report.period) })}</h2>
        {report.mode === 'anonymised' ? <HiddenLegend threshold={report.threshold} /> : null}
        {isYearPeriod(report.period) ? <p className="report-legend">{t('report.year.note')}</p> : null}
        <ReportTables report={report} />
      </section>
      {trend.state === 'ready' && trend.value.length > 0 ? (
        <section aria-labelledby="report-trend" className="report-section">
          <h2 id="report-trend">{t('report.trend.heading')}</h2>
          <TrendTables trend={trend.value} />
        </section>
      ) : null}
    </>
  );
}

function ExportSection({ selection, onPrint }: { selection: ReportSelection; onPrint: () => void }) {
  const [busy, setBusy] = useState<ReportFormatInput | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ReportFormatInput) => {
    if (busy) return;
    setBusy(format);
    setDone(null);
    setError(null);
    const unit = selection.unit.trim();
    const r = await api['report.export']({ period: selection.period, districts: selection.districts, mode: selection.mode, format, ...(unit ? { unit } : {}) });
    setBusy(null);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    downloadFile(r.value);
    setDone(t('report.export.done', { file: r.value.fileName }));
  };
  const formats: [ReportFormatInput, string][] = [
    ['csv', t('report.export.csv')],
    ['xlsx', t('report.export.xlsx')],
    ['json', t('report.export.json')],
  ];
  return (
    <section aria-labelledby="report-export" className="report-section report-export">
      <h2 id="report-export">{t('report.export.heading')}</h2>
      <p className="report-muted">{t('report.export.hint')}</p>
      {selection.mode === 'exact' ? <p className="report-exact-note">{t('report.export.exactNote')}</p> : null}
      <div className="report-buttons">
        {formats.map(([format, label]) => (
          <Button key={format} variant={format === 'csv' ? 'primary' : 'secondary'} busy={busy === format} busyLabel={t('report.export.busy')} onClick={() => void run(format)}>
            {label}
          </Button>
        ))}
        <Button variant="secondary" icon="print" onClick={onPrint}>
          {t('report.print.open')}
        </Button>
      </div>
      <p className="report-status" role="status">
        {done ?? ''}
      </p>
      {error ? (
        <Alert variant="error" live="alert" heading={t('report.export.failed')}>
          {error}
        </Alert>
      ) : null}
    </section>
  );
}
