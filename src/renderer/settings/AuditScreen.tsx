import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape, InputOf } from '../../shared/contract';
import { api } from '../core/api';
import { formatDateTime, t, tCount } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { useFocusLater } from '../core/ui/useFocusLater';
import { actionLabel, detailLabel, entityLabel } from './auditLabels';
import { downloadText } from '../core/ui/download';
import { SettingsPage } from './SettingsPage';
import { useLoad } from '../core/data/useLoad';
import { DateField, notADate } from '../core/ui/DateField';

export const AUDIT_PAGE_SIZE = 50;

interface Filter {
  actor: string;
  action: string;
  entity: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { actor: '', action: '', entity: '', from: '', to: '' };

function toInput(f: Filter): InputOf<'audit.export'> {
  return {
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

function dateErrors(f: Filter): { from?: string; to?: string } {
  const valid = (d: string) => !notADate(d);
  return {
    from: valid(f.from) ? undefined : t('settings.audit.dateInvalid'),
    to: !valid(f.to) ? t('settings.audit.dateInvalid') : f.from && f.to && f.to < f.from ? t('settings.audit.toBeforeFrom') : undefined,
  };
}

/** Revisionsspor: who did what when, filtered, in pages, and exported as CSV for a data-protection review. */
export function AuditScreen() {
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [applied, setApplied] = useState<Filter>(NO_FILTER);
  const [offset, setOffset] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<{ fileName: string } | { error: AppErrorShape } | null>(null);
  const exportRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const { data, reload } = useLoad(() => api['audit.list']({ ...toInput(applied), offset, limit: AUDIT_PAGE_SIZE }), [applied, offset]);
  const errors = submitted ? dateErrors(draft) : {};

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const errs = dateErrors(draft);
    if (errs.from || errs.to) {
      document.getElementById(errs.from ? 'audit-from' : 'audit-to')?.focus();
      return;
    }
    setExported(null);
    setApplied(draft);
    setOffset(0);
  };

  const exportCsv = async () => {
    if (exporting) return;
    setExporting(true);
    const r = await api['audit.export'](toInput(applied));
    setExporting(false);
    if (r.ok) {
      downloadText(r.value.fileName, r.value.csv, 'text/csv;charset=utf-8');
      setExported({ fileName: r.value.fileName });
      reload(); // the export itself is in the trail
    } else {
      setExported({ error: r.error });
    }
    focusLater(exportRef);
  };

  const setField = (key: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <SettingsPage current="audit" title={t('settings.audit.title')} lead={t('settings.audit.lead')}>
      <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t('settings.audit.loadFailed')}>
        {(list) => {
          const first = list.total === 0 ? 0 : offset + 1;
          const last = Math.min(offset + list.rows.length, list.total);
          const option = (value: string, label: string) => (
            <option key={value} value={value}>
              {label}
            </option>
          );
          return (
            <>
              <form noValidate onSubmit={apply} className="audit-filters" aria-labelledby="audit-filter-heading">
                <h2 id="audit-filter-heading" className="h3">
                  {t('settings.audit.filterHeading')}
                </h2>
                <div className="audit-filter-row">
                  <div className="form-group">
                    <label className="form-label" htmlFor="audit-actor">
                      {t('settings.audit.actor')}
                    </label>
                    <select id="audit-actor" className="form-select" value={draft.actor} onChange={(e) => setField('actor')(e.target.value)}>
                      {[option('', t('settings.audit.all')), ...list.actors.map((a) => option(a, a))]}
                    </select>
                  </div>
                  <div className="form-group">
                    <label className="form-label" htmlFor="audit-action">
                      {t('settings.audit.action')}
                    </label>
                    <select id="audit-action" className="form-select" value={draft.action} onChange={(e) => setField('action')(e.target.value)}>
                      {[option('', t('settings.audit.all')), ...list.actions.map((a) => option(a, actionLabel(a)))]}
                    </select>
                  </div>
                  <div className="form-group">
                    <label className="form-label" htmlFor="audit-entity">
                      {t('settings.audit.entity')}
                    </label>
                    <select id="audit-entity" className="form-select" value={draft.entity} onChange={(e) => setField('entity')(e.target.value)}>
                      {[option('', t('settings.audit.all')), ...list.entities.map((a) => option(a, entityLabel(a)))]}
                    </select>
                  </div>
                  <DateField id="audit-from" width="s" label={t('settings.audit.from')} value={draft.from} onChange={setField('from')} error={errors.from} />
                  <DateField id="audit-to" width="s" label={t('settings.audit.to')} value={draft.to} onChange={setField('to')} error={errors.to} />
                </div>
                <div className="form-actions">
                  <Button type="submit">{t('settings.audit.apply')}</Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setSubmitted(false);
                      setDraft(NO_FILTER);
                      setApplied(NO_FILTER);
                      setOffset(0);
                    }}
                  >
                    {t('settings.audit.reset')}
                  </Button>
                  <Button variant="secondary" onClick={() => void exportCsv()} busy={exporting} busyLabel={t('settings.audit.exporting')}>
                    {t('settings.audit.export')}
                  </Button>
                </div>
              </form>
              {exported && 'fileName' in exported ? (
                <Alert variant="success" live="status" ref={exportRef}>
                  <p>{t('settings.audit.exported', { file: exported.fileName })}</p>
                </Alert>
              ) : null}
              {exported && 'error' in exported ? (
                <Alert variant="error" live="alert" ref={exportRef} heading={t('settings.audit.exportFailed')}>
                  <p>{exported.error.message}</p>
                </Alert>
              ) : null}
              <p role="status" className="audit-count">
                {list.total === 0 ? t('settings.audit.noRows') : tCount('settings.audit.showing.one', 'settings.audit.showing.other', list.total, { first, last, total: list.total })}
              </p>
              {list.rows.length > 0 ? (
                <table className="table table--compact settings-table audit-table" data-testid="audit-table">
                  <caption className="sr-only">{t('settings.audit.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('settings.audit.colAt')}</th>
                      <th scope="col">{t('settings.audit.colActor')}</th>
                      <th scope="col">{t('settings.audit.colAction')}</th>
                      <th scope="col">{t('settings.audit.colEntity')}</th>
                      <th scope="col" className="numeric">
                        {t('settings.audit.colEntityId')}
                      </th>
                      <th scope="col">{t('settings.audit.colDetail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((r) => (
                      <tr key={r.id}>
                        <td className="audit-at">{formatDateTime(r.at)}</td>
                        <td>{r.actor}</td>
                        <td>{actionLabel(r.action)}</td>
                        <td>{entityLabel(r.entity)}</td>
                        <td className="numeric">{r.entityId ?? ''}</td>
                        <td className="audit-detail">{detailLabel(r.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {list.total > AUDIT_PAGE_SIZE ? (
                <nav className="audit-pager" aria-label={t('settings.audit.pagerLabel')}>
                  <Button
                    variant="secondary"
                    aria-disabled={offset === 0 || undefined}
                    onClick={() => {
                      if (offset === 0) return;
                      setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE));
                    }}
                  >
                    {t('settings.audit.previous')}
                  </Button>
                  <span>{t('settings.audit.page', { page: Math.floor(offset / AUDIT_PAGE_SIZE) + 1, pages: Math.ceil(list.total / AUDIT_PAGE_SIZE) })}</span>
                  <Button
                    variant="secondary"
                    aria-disabled={offset + AUDIT_PAGE_SIZE >= list.total || undefined}
                    onClick={() => {
                      if (offset + AUDIT_PAGE_SIZE >= list.total) return;
                      setOffset(offset + AUDIT_PAGE_SIZE);
                    }}
                  >
                    {t('settings.audit.next')}
                  </Button>
                </nav>
              ) : null}
            </>
          );
        }}
      </LoadingGate>
    </SettingsPage>
  );
}
