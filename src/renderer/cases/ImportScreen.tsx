import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ImportPreviewResult, importRowError } from '../../shared/cases';
import { IMPORT_FIELD_CODES } from '../../shared/cases';
import { csvFile, csvLine } from '../../shared/core/csv';
import { isValidIsoDate } from '../../shared/core/dates';
import { api } from '../core/api';
import { t, tableDate, type PlainMessageKey } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { useFocusLater } from '../core/ui/useFocusLater';
import { downloadText } from '../core/ui/download';
import { formatCount } from './labels';

type RowError = z.infer<typeof importRowError>;
type Field = (typeof IMPORT_FIELD_CODES)[number];
type Mapping = { column: number; field: Field | 'ignore' }[];
type Fixes = Record<string, string>;
type Decisions = Record<number, 'link' | 'skip'>;
type Outcome =
  | { kind: 'imported'; count: number; linked: number; skipped: number; rejected?: { rows: number; fileName: string; csv: string } }
  | { kind: 'failed'; message: string };

/** The columns the import reads: the Danish header a sheet uses, other spellings it accepts, what goes in it. */
const COLUMNS: readonly { name: Field; header: string; also: string }[] = [
  { name: 'fornavn', header: 'Fornavn', also: 'Fornavne' },
  { name: 'efternavn', header: 'Efternavn', also: 'Efternavne' },
  { name: 'cpr', header: 'CPR-nr.', also: 'CPR, CPR-nummer, Personnummer' },
  { name: 'foedselsdato', header: 'Fødselsdato', also: 'Fodselsdato, Foedselsdato, Født' },
  { name: 'koen', header: 'Køn', also: 'Kon, Koen' },
  { name: 'bydel', header: 'Bydel', also: 'Område' },
  { name: 'niveau', header: 'Niveau', also: 'SSP-niveau' },
  { name: 'oprettet', header: 'Oprettet', also: 'Oprettelsesdato, Startdato' },
  { name: 'afsluttet', header: 'Afsluttet', also: 'Afslutningsdato, Slutdato' },
  { name: 'afslutningsaarsag', header: 'Afslutningsårsag', also: 'Årsag, Årsag til afslutning' },
  { name: 'koordinator', header: 'Koordinator', also: 'SSP-koordinator, Ansvarlig' },
  { name: 'sagsnummer', header: 'Sagsnummer', also: 'Sagsnr., Journalnummer' },
];
const headerOf = (f: Field) => COLUMNS.find((c) => c.name === f)!.header;
const colText = (f: Field) => t(`cases.import.col.${f}` as PlainMessageKey);

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

const download = (fileName: string, text: string) => downloadText(fileName, text, 'text/csv;charset=utf-8');

/** A sample file with the Danish headers and two invented rows (semicolon, UTF-8 with BOM, as Danish Excel opens it). */
function sampleCsv(): string {
  return csvFile([
    csvLine(COLUMNS.map((c) => c.header)),
    csvLine(['Ærle', 'Bøgh-Østergård', '010109-4002', '', '', 'Nørrebro', 2, '01-03-2024', '', '', 'Anne Egeholt', 'SOF-1001']),
    csvLine(['Ida', 'Østerå', '', '30-06-2011', 'K', 'Valby', 1, '15-01-2025', '30-06-2025', 'Ophørt bekymring', '', '']),
  ]);
}

const fixKey = (line: number, field: Field) => `${line}:${field}`;

/** Importér: cases from the lists coordinators keep (CSV or XLSX), checked first, fixed in place, then all at once. */
/** A preview cell: a parsed date in the table style (dd.mm.yyyy), anything else as it will be stored. */
const previewCell = (value: string | undefined): string => (value === undefined ? '' : isValidIsoDate(value) ? tableDate(value) : value);

export function ImportScreen() {
  const { navigate } = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [preview, setPreview] = useState<ImportPreviewResult | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [draftMapping, setDraftMapping] = useState<Record<number, Field | 'ignore'>>({});
  const [fixes, setFixes] = useState<Fixes>({});
  const [decisions, setDecisions] = useState<Decisions>({});
  const outcomeRef = useRef<HTMLDivElement>(null);
  const reviewRef = useRef<HTMLDivElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const contentRef = useRef<{ name: string; format: 'csv' | 'xlsx'; base64: string } | null>(null);
  const focusLater = useFocusLater();

  const reset = () => {
    setOutcome(null);
    setPreview(null);
    setMapping(null);
    setDraftMapping({});
    setFixes({});
    setDecisions({});
    contentRef.current = null;
  };

  const request = (m: Mapping | null, f: Fixes, d: Decisions, goodRowsOnly = false) => {
    const c = contentRef.current!;
    const fixList = Object.entries(f).map(([k, value]) => {
      const [line, field] = k.split(':');
      return { line: Number(line), field: field as Field, value: value.slice(0, 200) };
    });
    return {
      fileName: c.name.slice(0, 260),
      format: c.format,
      contentBase64: c.base64,
      ...(m ? { mapping: m } : {}),
      ...(fixList.length ? { fixes: fixList } : {}),
      duplicates: Object.entries(d).map(([line, action]) => ({ line: Number(line), action })),
      ...(goodRowsOnly ? { goodRowsOnly: true } : {}),
    };
  };

  const runImport = async (m: Mapping | null, f: Fixes, d: Decisions, goodRowsOnly = false) => {
    const r = await api['cases.import'](request(m, f, d, goodRowsOnly));
    if (!r.ok) {
      setOutcome({ kind: 'failed', message: r.error.message });
    } else if (r.value.ok) {
      setOutcome({ kind: 'imported', count: r.value.imported, linked: r.value.linked, skipped: r.value.skipped, ...(r.value.rejected ? { rejected: r.value.rejected } : {}) });
      setPreview(null);
    } else {
      // Something changed since the check (or a rule only the write knows): shown as errors of the check.
      setPreview((p) => (p ? { ...p, ok: false, errors: r.value.ok ? [] : r.value.errors } : p));
    }
    focusLater(outcomeRef);
  };

  /** Check the file (with the mapping, fixes and choices so far); import at once when nothing needs the user. */
  const check = async (m: Mapping | null, f: Fixes, d: Decisions, importWhenClean: boolean) => {
    setBusy(true);
    const r = await api['cases.importPreview'](request(m, f, d));
    if (!r.ok) {
      setBusy(false);
      setOutcome({ kind: 'failed', message: r.error.message });
      focusLater(outcomeRef);
      return;
    }
    const p = r.value;
    const needsMapping = p.columns.length > 0 && (p.unknown.length > 0 || p.missing.length > 0) && !m;
    const undecided = p.duplicates.some((dup) => !d[dup.line]);
    if (p.ok && !needsMapping && !undecided && importWhenClean) {
      await runImport(m, f, d);
      setBusy(false);
      return;
    }
    setPreview(p);
    setDraftMapping(Object.fromEntries(p.columns.map((c) => [c.index, c.field ?? 'ignore'])));
    setBusy(false);
    focusLater(p.errors.length ? errorsRef : reviewRef);
  };

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
    reset();
    try {
      contentRef.current = { name: file.name, format, base64: await readBase64(file) };
    } catch {
      setOutcome({ kind: 'failed', message: t('cases.import.readFailed') });
      focusLater(outcomeRef);
      return;
    }
    await check(null, {}, {}, true);
  };

  const applyMapping = async () => {
    const m: Mapping = Object.entries(draftMapping).map(([column, field]) => ({ column: Number(column), field }));
    setMapping(m);
    await check(m, fixes, decisions, false);
  };

  const showMapping = preview !== null && preview.columns.length > 0 && (preview.unknown.length > 0 || preview.missing.length > 0 || mapping !== null);
  const errors = preview ? [...preview.errors].sort((a, b) => a.line - b.line) : [];
  const goodCount = preview ? preview.rowCount - badRows(errors.filter((e) => e.line > preview.headerLine)) : 0;
  const headerRows = preview ? (preview.headerFirstLine === preview.headerLine ? String(preview.headerLine) : `${preview.headerFirstLine}-${preview.headerLine}`) : '';
  const fieldLabel = (f: Field) => headerOf(f);
  const undecided = preview ? preview.duplicates.filter((d) => !decisions[d.line]).length : 0;

  return (
    <>
      <PageHeader title={t('cases.import.title')} lead={t('cases.import.lead2')} />
      {outcome?.kind === 'imported' ? (
        <Alert variant="success" heading={outcome.count === 1 ? t('cases.import.done.one') : t('cases.import.done.other', { count: formatCount(outcome.count) })} ref={outcomeRef} live="status">
          {outcome.linked || outcome.skipped ? <p>{t('cases.import.done.linked', { count: formatCount(outcome.linked), skipped: formatCount(outcome.skipped) })}</p> : null}
          {outcome.rejected ? (
            <p>
              <Button variant="secondary" onClick={() => download(outcome.rejected!.fileName, outcome.rejected!.csv)}>
                {t('cases.import.rejectedDownload', { count: formatCount(outcome.rejected.rows) })}
              </Button>
            </p>
          ) : null}
          <p>
            <Button variant="secondary" onClick={() => navigate({ area: 'cases', screen: 'index' })}>
              {t('cases.import.toList')}
            </Button>
          </p>
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
              reset();
            }}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" busy={busy && !preview} busyLabel={t('cases.import.busy')}>
            {t('cases.import.submit')}
          </Button>
          <Button variant="tertiary" onClick={() => navigate({ area: 'cases', screen: 'index' })}>
            {t('cases.import.back')}
          </Button>
        </div>
      </form>

      {preview ? (
        <div className="import-review" ref={reviewRef} tabIndex={-1} data-testid="import-review">
          {preview.columns.length ? <p data-testid="import-header-found">{t('cases.import.headerFound', { rows: headerRows })}</p> : null}

          {errors.length ? (
            <Alert
              variant="error"
              heading={badRows(errors) === 1 ? t('cases.import.rowErrors.one') : t('cases.import.rowErrors.other', { count: formatCount(badRows(errors)) })}
              ref={errorsRef}
              live="alert"
            >
              <ul className="import-errors" data-testid="import-errors">
                {errors.map((err, i) => (
                  <li key={`${err.line}-${i}`}>
                    <strong>{t('cases.import.line', { line: err.line })}</strong> {err.reason}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}

          {showMapping ? (
            <section aria-labelledby="import-map-heading" className="import-step">
              <h2 id="import-map-heading" className="h3">
                {t('cases.import.mapHeading')}
              </h2>
              <p>{t('cases.import.mapLead')}</p>
              <table className="table table--compact" data-testid="import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t('cases.import.mapColumn')}</th>
                    <th scope="col">{t('cases.import.mapHeader')}</th>
                    <th scope="col">{t('cases.import.mapField')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c) => (
                    <tr key={c.index}>
                      <td>{c.letter}</td>
                      <td>{c.header || t('cases.import.emptyHeader')}</td>
                      <td>
                        <select
                          className="form-select"
                          aria-label={t('cases.import.mapFieldFor', { letter: c.letter })}
                          value={draftMapping[c.index] ?? 'ignore'}
                          onChange={(e) => setDraftMapping((d) => ({ ...d, [c.index]: e.target.value as Field | 'ignore' }))}
                        >
                          <option value="ignore">{t('cases.import.ignore')}</option>
                          {IMPORT_FIELD_CODES.map((f) => (
                            <option key={f} value={f}>
                              {fieldLabel(f)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.missing.length ? <p>{t('cases.import.missing', { fields: preview.missing.map(fieldLabel).join(', ') })}</p> : null}
              <p>
                <Button variant="secondary" onClick={() => void applyMapping()} busy={busy} busyLabel={t('cases.import.checking')}>
                  {t('cases.import.applyMapping')}
                </Button>
              </p>
            </section>
          ) : null}

          {preview.columns.length ? (
            <section aria-labelledby="import-preview-heading" className="import-step">
              <h2 id="import-preview-heading" className="h3">
                {t('cases.import.previewHeading')}
              </h2>
              {preview.preview.length ? (
                <div className="import-preview-scroll" tabIndex={0} role="region" aria-labelledby="import-preview-heading">
                  <table className="table table--compact" data-testid="import-preview">
                    <thead>
                      <tr>
                        <th scope="col">{t('cases.import.previewLine')}</th>
                        {IMPORT_FIELD_CODES.map((f) => (
                          <th scope="col" key={f}>
                            {fieldLabel(f)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {preview.preview.map((r) => (
                        <tr key={r.line}>
                          <td>{r.line}</td>
                          {IMPORT_FIELD_CODES.map((f) => (
                            <td key={f}>{previewCell(r.values[f])}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>{t('cases.import.previewNone')}</p>
              )}
              {preview.notes.length ? (
                <ul className="import-notes" data-testid="import-notes" aria-label={t('cases.import.notes')}>
                  {preview.notes.slice(0, 50).map((n) => (
                    <li key={`${n.line}-${n.field}`}>
                      <strong>{t('cases.import.line', { line: n.line })}</strong> {n.note}
                    </li>
                  ))}
                </ul>
              ) : null}
            </section>
          ) : null}

          {preview.duplicates.length ? (
            <section aria-labelledby="import-dup-heading" className="import-step" data-testid="import-duplicates">
              <h2 id="import-dup-heading" className="h3">
                {t('cases.import.dupHeading')}
              </h2>
              <p>{t('cases.import.dupLead')}</p>
              {preview.duplicates.map((d) => (
                <fieldset key={d.line} className="form-group">
                  <legend className="form-label">
                    {t('cases.import.dupRow', { line: d.line, name: `${d.firstName} ${d.lastName}`, birth: tableDate(d.birthDate) })} —{' '}
                    {d.match === 'cpr' ? t('cases.import.dupMatch.cpr', { cpr: d.cpr ?? '' }) : t('cases.import.dupMatch.name-birth')}
                  </legend>
                  {(['link', 'skip'] as const).map((action) => (
                    <div className="form-group-radio" key={action}>
                      <input
                        type="radio"
                        className="form-radio"
                        id={`dup-${d.line}-${action}`}
                        name={`dup-${d.line}`}
                        checked={decisions[d.line] === action}
                        onChange={() => setDecisions((x) => ({ ...x, [d.line]: action }))}
                      />
                      <label htmlFor={`dup-${d.line}-${action}`}>{action === 'link' ? t('cases.import.dupLink') : t('cases.import.dupSkip')}</label>
                    </div>
                  ))}
                </fieldset>
              ))}
            </section>
          ) : null}

          {preview.badRows.some((r) => errors.some((e) => e.line === r.line && e.field)) ? (
            <section aria-labelledby="import-fix-heading" className="import-step" data-testid="import-fix">
              <h2 id="import-fix-heading" className="h3">
                {t('cases.import.fixHeading')}
              </h2>
              <p>{t('cases.import.fixLead')}</p>
              {preview.badRows.slice(0, 200).map((row) => {
                // A duplicate is answered with link or skip above, not by editing a cell.
                const rowErrors = errors.filter((e) => e.line === row.line && e.field && !preview.duplicates.some((d) => d.line === row.line));
                const fields = [...new Set(rowErrors.map((e) => e.field!))];
                return fields.map((f) => {
                  const id = `fix-${row.line}-${f}`;
                  const key = fixKey(row.line, f);
                  return (
                    <div className="form-group form-error" key={id}>
                      <label className="form-label" htmlFor={id}>
                        {t('cases.import.fixCell', { line: row.line, field: fieldLabel(f) })}
                      </label>
                      <span className="form-error-message" id={`${id}-error`}>
                        <span className="sr-only">{t('form.errorPrefix')} </span>
                        {rowErrors.filter((e) => e.field === f).map((e) => e.reason).join(' ')}
                      </span>
                      <input
                        id={id}
                        className="form-input"
                        aria-describedby={`${id}-error`}
                        aria-invalid
                        maxLength={200}
                        value={fixes[key] ?? row.values[f] ?? ''}
                        onChange={(e) => setFixes((x) => ({ ...x, [key]: e.target.value }))}
                      />
                    </div>
                  );
                });
              })}
            </section>
          ) : null}

          <div className="form-actions">
            {preview.ok && undecided === 0 ? (
              <>
                <p data-testid="import-ready">{goodCount === 1 ? t('cases.import.ready.one') : t('cases.import.ready.other', { count: formatCount(goodCount) })}</p>
                <Button
                  onClick={async () => {
                    setBusy(true);
                    await runImport(mapping, fixes, decisions);
                    setBusy(false);
                  }}
                  busy={busy}
                  busyLabel={t('cases.import.busy')}
                >
                  {t('cases.import.importNow')}
                </Button>
              </>
            ) : (
              <Button variant="secondary" onClick={() => void check(mapping, fixes, decisions, false)} busy={busy} busyLabel={t('cases.import.checking')}>
                {t('cases.import.recheck')}
              </Button>
            )}
            {!preview.ok && goodCount > 0 && preview.columns.length && preview.missing.length === 0 ? (
              <span>
                <Button
                  variant="tertiary"
                  onClick={async () => {
                    setBusy(true);
                    await runImport(mapping, fixes, decisions, true);
                    setBusy(false);
                  }}
                >
                  {t('cases.import.goodOnly', { count: formatCount(goodCount) })}
                </Button>
                <span className="form-hint">{t('cases.import.goodOnlyHint')}</span>
              </span>
            ) : null}
          </div>
        </div>
      ) : null}

      <section className="import-help" aria-labelledby="import-columns">
        <h2 id="import-columns" className="h3">
          {t('cases.import.columnsHeading')}
        </h2>
        <p>{t('cases.import.columnsLead')}</p>
        <table className="table table--compact import-columns-table">
          <thead>
            <tr>
              <th scope="col">{t('cases.import.columnName')}</th>
              <th scope="col">{t('cases.import.accepted')}</th>
              <th scope="col">{t('cases.import.columnText')}</th>
            </tr>
          </thead>
          <tbody>
            {COLUMNS.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.header}</code>
                </td>
                <td>{c.also}</td>
                <td>{colText(c.name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('cases.import.helpHeaders')}</p>
        <p>{t('cases.import.helpDates')}</p>
        <p>{t('cases.import.helpCpr')}</p>
        <p>
          <Button variant="secondary" onClick={() => download('ssp-desk-import-eksempel.csv', sampleCsv())}>
            {t('cases.import.sample')}
          </Button>
        </p>
      </section>
    </>
  );
}
