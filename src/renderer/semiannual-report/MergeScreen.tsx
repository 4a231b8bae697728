import { useEffect, useRef, useState } from 'react';
import type { MergeCoverageOutput, ReportFormatInput } from '../../shared/semiannual-report';
import { isYearPeriod, type ReportV1 } from '../../shared/semiannual-report';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { downloadFile } from '../core/ui/download';
import { periodLabel } from './labels';
import { ExactBanner, ModeSwitch } from './ModeSwitch';
import { ReportFacts } from './PrintScreen';
import { HiddenLegend, ReportTables } from './ReportTables';
import type { ReportSelection } from './routes';
import { useLoad } from '../core/data/useLoad';

/** Matches MAX_MERGE_FILE_CHARS in the contract. */
const MAX_CHARS = 2_000_000;

interface Chosen {
  name: string;
  content: string;
}

/**
 * The SSP-Sekretariat's merge: pick the districts' exact JSON files, see the city report, download
 * it (anonymised unless exact is confirmed). The files are read here and sent to main, which checks
 * and merges them; nothing is stored.
 */
export function MergeScreen() {
  const { back } = useRouter();
  const [files, setFiles] = useState<Chosen[]>([]);
  const [readError, setReadError] = useState<string | null>(null);
  const [mode, setMode] = useState<ReportSelection['mode']>('anonymised');
  const [unit, setUnit] = useState('');
  const [result, setResult] = useState<ReportV1 | null>(null);
  const [coverage, setCoverage] = useState<MergeCoverageOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReportFormatInput | 'merge' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { data: options } = useLoad(() => api['report.options']({}), []);
  const threshold = options.state === 'ready' ? options.value.threshold : 5;
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const pick = async (list: FileList | null) => {
    setResult(null);
    setError(null);
    setReadError(null);
    const chosen: Chosen[] = [];
    for (const f of Array.from(list ?? [])) {
      try {
        const content = await f.text();
        if (content.length > MAX_CHARS) {
          setReadError(t('report.merge.tooBig', { name: f.name }));
          return;
        }
        chosen.push({ name: f.name.slice(0, 260), content });
      } catch {
        setReadError(t('report.merge.readFailed', { name: f.name }));
        return;
      }
    }
    setFiles(chosen);
  };

  const request = (format?: ReportFormatInput) => ({ files, mode, ...(unit.trim() ? { unit: unit.trim() } : {}), ...(format ? { format } : {}) });

  const merge = async () => {
    if (busy) return;
    if (files.length === 0) {
      setError(t('report.merge.noFiles'));
      return;
    }
    setBusy('merge');
    setError(null);
    setDone(null);
    const r = await api['report.merge'](request());
    setBusy(null);
    if (!r.ok) {
      setResult(null);
      setError(r.error.message);
      return;
    }
    setResult(r.value.report);
    setCoverage(r.value.coverage);
  };

  const download = async (format: ReportFormatInput) => {
    if (busy) return;
    setBusy(format);
    setDone(null);
    const r = await api['report.merge'](request(format));
    setBusy(null);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    if (r.value.file) {
      downloadFile(r.value.file);
      setDone(t('report.export.done', { file: r.value.file.fileName }));
    }
  };

  return (
    <>
      <Button variant="tertiary" className="report-back" onClick={back}>
        {t('report.merge.back')}
      </Button>
      <PageHeader title={t('report.merge.title')} lead={t('report.merge.lead')} />
      <section className="report-section report-choose" aria-label={t('report.merge.title')}>
        <div className="form-group">
          <label className="form-label" htmlFor="merge-files">
            {t('report.merge.files')}
          </label>
          <span className="form-hint" id="merge-files-hint">
            {t('report.merge.filesHint')}
          </span>
          <input
            id="merge-files"
            type="file"
            multiple
            accept=".json,application/json"
            className="report-file-input"
            aria-describedby="merge-files-hint"
            onChange={(e) => void pick(e.target.files)}
          />
        </div>
        {readError ? (
          <Alert variant="error" live="alert">
            {readError}
          </Alert>
        ) : null}
        {files.length ? (
          <div className="report-chosen">
            <p className="form-label">{t('report.merge.chosen')}</p>
            <ul>
              {files.map((f) => (
                <li key={f.name}>{f.name}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <TextField id="merge-unit" label={t('report.merge.unit')} hint={t('report.merge.unitHint')} value={unit} onChange={setUnit} maxLength={200} />
        <ModeSwitch
          name="merge-mode"
          mode={mode}
          threshold={threshold}
          onChange={(m) => {
            setMode(m);
            setResult(null);
          }}
        />
        <div className="report-buttons">
          <Button busy={busy === 'merge'} busyLabel={t('report.merge.running')} onClick={() => void merge()}>
            {t('report.merge.run')}
          </Button>
        </div>
        {error ? (
          <Alert variant="error" live="alert" heading={t('report.merge.failed')}>
            {error}
          </Alert>
        ) : null}
      </section>

      {result ? (
        <section className="report-section" aria-labelledby="merge-result" data-mode={result.mode}>
          <h2 id="merge-result" ref={resultHeading} tabIndex={-1}>{t('report.merge.result', { period: periodLabel(result.period), count: result.districts.length })}</h2>
          {result.mode === 'exact' ? <ExactBanner onLeave={() => setMode('anonymised')} /> : null}
          {coverage ? <Coverage coverage={coverage} /> : null}
          <ReportFacts report={result} />
          <div className="report-buttons">
            {(['csv', 'xlsx', 'json'] as const).map((format) => (
              <Button key={format} variant={format === 'csv' ? 'primary' : 'secondary'} busy={busy === format} busyLabel={t('report.export.busy')} onClick={() => void download(format)}>
                {t(format === 'csv' ? 'report.export.csv' : format === 'xlsx' ? 'report.export.xlsx' : 'report.export.json')}
              </Button>
            ))}
          </div>
          <p className="report-status" role="status">
            {done ?? ''}
          </p>
          {result.mode === 'anonymised' ? <HiddenLegend threshold={result.threshold} /> : null}
          {isYearPeriod(result.period) ? <p className="report-legend">{t('report.year.note')}</p> : null}
          <ReportTables report={result} />
          {result.assessments.length ? (
            <section aria-labelledby="merge-assessments">
              <h3 id="merge-assessments">{t('report.assessments.heading')}</h3>
              {result.assessments.map((a) => (
                <div key={a.district} className="report-sheet-assessment">
                  <h4>{a.district}</h4>
                  <p className="report-pre">{a.text}</p>
                </div>
              ))}
            </section>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** Which of the city's bydele the merged files cover: "Modtaget 7 af 10 bydele; mangler: ...". */
function Coverage({ coverage }: { coverage: MergeCoverageOutput }) {
  const complete = coverage.missing.length === 0 && coverage.partial.length === 0 && coverage.unmapped.length === 0;
  return (
    <Alert variant={complete ? 'success' : 'warning'} heading={t('report.merge.coverage', { received: coverage.received, of: coverage.of })}>
      <div data-testid="merge-coverage">
        {coverage.missing.length ? <p>{t('report.merge.missing', { list: coverage.missing.join(', ') })}</p> : null}
        {coverage.partial.length ? <p>{t('report.merge.partial', { list: coverage.partial.join(', ') })}</p> : null}
        {coverage.unmapped.length ? <p>{t('report.merge.unmapped', { list: coverage.unmapped.join(', ') })}</p> : null}
        {complete ? <p>{t('report.merge.complete')}</p> : null}
      </div>
    </Alert>
  );
}
