import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { importRowError } from '../../shared/cases';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { useFocusLater } from '../core/ui/useFocusLater';
import { formatCount } from './labels';

type RowError = z.infer<typeof importRowError>;
type Outcome = { kind: 'imported'; count: number } | { kind: 'rows'; errors: RowError[] } | { kind: 'failed'; message: string };

/** The columns the import reads (Danish header names, any order), as documented in the issue. */
const COLUMNS: readonly { name: string; text: () => string }[] = [
  { name: 'fornavn', text: () => t('cases.import.col.fornavn') },
  { name: 'efternavn', text: () => t('cases.import.col.efternavn') },
  { name: 'cpr', text: () => t('cases.import.col.cpr') },
  { name: 'foedselsdato', text: () => t('cases.import.col.foedselsdato') },
  { name: 'koen', text: () => t('cases.import.col.koen') },
  { name: 'bydel', text: () => t('cases.import.col.bydel') },
  { name: 'niveau', text: () => t('cases.import.col.niveau') },
  { name: 'oprettet', text: () => t('cases.import.col.oprettet') },
  { name: 'afsluttet', text: () => t('cases.import.col.afsluttet') },
  { name: 'afslutningsaarsag', text: () => t('cases.import.col.afslutningsaarsag') },
  { name: 'koordinator', text: () => t('cases.import.col.koordinator') },
  { name: 'sagsnummer', text: () => t('cases.import.col.sagsnummer') },
];

/** Rows with at least one problem (a row can have several). */
const badRows = (errors: readonly RowError[]) => new Set(errors.map((e) => e.line)).size;

/** The file's bytes as base64 (FileReader's data: URL without its prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function formatOf(name: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** Importér: cases from the lists coordinators keep (CSV or XLSX). All or nothing: every bad row is listed. */
export function ImportScreen() {
  const { navigate } = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError(t('cases.import.fileRequired'));
      inputRef.current?.focus();
      return;
    }
    const format = formatOf(file.name);
    if (!format) {
      setFileError(t('cases.import.fileType'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    let contentBase64: string;
    try {
      contentBase64 = await readBase64(file);
    } catch {
      setBusy(false);
      setOutcome({ kind: 'failed', message: t('cases.import.readFailed') });
      focusLater(outcomeRef);
      return;
    }
    const r = await api['cases.import']({ fileName: file.name.slice(0, 260), format, contentBase64 });
    setBusy(false);
    if (!r.ok) setOutcome({ kind: 'failed', message: r.error.message });
    else if (r.value.ok) setOutcome({ kind: 'imported', count: r.value.imported });
    else setOutcome({ kind: 'rows', errors: [...r.value.errors].sort((a, b) => a.line - b.line) });
    focusLater(outcomeRef);
  };

  return (
    <>
      <PageHeader title={t('cases.import.title')} lead={t('cases.import.lead')} />
      {outcome?.kind === 'imported' ? (
        <Alert variant="success" heading={outcome.count === 1 ? t('cases.import.done.one') : t('cases.import.done.other', { count: formatCount(outcome.count) })} ref={outcomeRef} live="status">
          <p>
            <Button variant="secondary" onClick={() => navigate({ area: 'cases', screen: 'index' })}>
              {t('cases.import.toList')}
            </Button>
          </p>
        </Alert>
      ) : null}
      {outcome?.kind === 'rows' ? (
        <Alert
          variant="error"
          heading={badRows(outcome.errors) === 1 ? t('cases.import.rowErrors.one') : t('cases.import.rowErrors.other', { count: formatCount(badRows(outcome.errors)) })}
          ref={outcomeRef}
          live="alert"
        >
          <p>{t('cases.import.nothingImported')}</p>
          <ul className="import-errors" data-testid="import-errors">
            {outcome.errors.map((err, i) => (
              <li key={`${err.line}-${i}`}>
                <strong>{t('cases.import.line', { line: err.line })}</strong> {err.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <Alert variant="error" heading={t('cases.import.failed')} ref={outcomeRef} live="alert">
          <p>{outcome.message}</p>
        </Alert>
      ) : null}

      <form noValidate onSubmit={onSubmit} className="stack-form">
        <div className={fileError ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor="import-file">
            {t('cases.import.file')}
          </label>
          <span className="form-hint" id="import-file-hint">
            {t('cases.import.fileHint')}
          </span>
          {fileError ? (
            <span className="form-error-message" id="import-file-error">
              <span className="sr-only">{t('form.errorPrefix')} </span>
              {fileError}
            </span>
          ) : null}
          <input
            ref={inputRef}
            id="import-file"
            type="file"
            className="form-file-input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={['import-file-hint', fileError ? 'import-file-error' : ''].filter(Boolean).join(' ')}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
              setOutcome(null);
            }}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('cases.import.busy')}>
            {t('cases.import.submit')}
          </Button>
          <Button variant="tertiary" onClick={() => navigate({ area: 'cases', screen: 'index' })}>
            {t('cases.import.back')}
          </Button>
        </div>
      </form>

      <section className="import-help" aria-labelledby="import-columns">
        <h2 id="import-columns" className="h3">
          {t('cases.import.columnsHeading')}
        </h2>
        <p>{t('cases.import.columnsLead')}</p>
        <table className="table table--compact import-columns-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.import.columnName')}</th>
              <th scope="col">{t('cases.import.columnText')}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.text()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
