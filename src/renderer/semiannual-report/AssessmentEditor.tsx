import { useEffect, useState } from 'react';
import type { AssessmentRowOutput } from '../../shared/semiannual-report';
import { api } from '../core/api';
import { formatDateTime, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';

const MAX = 20_000;

interface Draft {
  text: string;
  saved: AssessmentRowOutput | null;
  status: { kind: 'saved' | 'removed' | 'error'; message: string } | null;
  busy: boolean;
}

/**
 * One text per district for the half-year: observations and assessments. Saved per district; the
 * server says when a text could not be exported (a CPR-shaped number or a name of a person in the
 * vault) without saying which word, and the warning stays until the text is fixed.
 */
export function AssessmentEditor({ period, districts }: { period: string; districts: { id: number; name: string }[] }) {
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api['report.assessments.list']({ period }).then((r) => {
      if (!live) return;
      if (!r.ok) {
        setLoadError(r.error.message);
        return;
      }
      setLoadError(null);
      const byId = new Map(r.value.map((a) => [a.districtId, a]));
      setDrafts(Object.fromEntries(districts.map((d) => [d.id, { text: byId.get(d.id)?.text ?? '', saved: byId.get(d.id) ?? null, status: null, busy: false }])));
    });
    return () => {
      live = false;
    };
  }, [period, districts]);

  const update = (id: number, patch: Partial<Draft>) => setDrafts((all) => ({ ...all, [id]: { ...(all[id] as Draft), ...patch } }));

  const save = async (d: { id: number; name: string }) => {
    const draft = drafts[d.id];
    if (!draft || draft.busy) return;
    update(d.id, { busy: true, status: null });
    const r = await api['report.assessments.save']({ period, districtId: d.id, text: draft.text });
    if (!r.ok) {
      update(d.id, { busy: false, status: { kind: 'error', message: r.error.message } });
      return;
    }
    const saved = r.value.saved;
    update(d.id, {
      busy: false,
      saved,
      text: saved?.text ?? '',
      status: saved
        ? { kind: 'saved', message: t('report.assessments.saved', { district: d.name }) }
        : { kind: 'removed', message: t('report.assessments.removed', { district: d.name }) },
    });
  };

  if (loadError) return <Alert variant="error" heading={t('report.loadFailed')}>{loadError}</Alert>;

  return (
    <div className="report-assessments">
      {districts.map((d) => {
        const draft = drafts[d.id];
        if (!draft) return null;
        const fieldId = `assessment-${d.id}`;
        const problemId = `${fieldId}-problem`;
        const hintId = `${fieldId}-hint`;
        const problem = draft.saved?.problem && draft.saved.text === draft.text ? draft.saved.problem : null;
        return (
          <div key={d.id} className="report-assessment" data-district={d.name}>
            <div className={problem ? 'form-group form-error' : 'form-group'}>
              <label className="form-label" htmlFor={fieldId}>
                {t('report.assessments.label', { district: d.name })}
              </label>
              {draft.saved ? (
                <span className="form-hint" id={hintId}>
                  {t('report.assessments.lastSaved', { time: formatDateTime(draft.saved.updatedAt), by: draft.saved.updatedBy })}
                </span>
              ) : null}
              {problem ? (
                <span className="form-error-message" id={problemId}>
                  <span className="sr-only">{t('form.errorPrefix')} </span>
                  {problem}
                </span>
              ) : null}
              <textarea
                id={fieldId}
                className="form-input input-width-xl report-textarea"
                rows={5}
                maxLength={MAX}
                value={draft.text}
                onChange={(e) => update(d.id, { text: e.target.value, status: null })}
                aria-describedby={[draft.saved ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined}
                aria-invalid={problem ? true : undefined}
              />
            </div>
            <div className="report-buttons">
              <Button variant="secondary" busy={draft.busy} busyLabel={t('report.assessments.saving')} onClick={() => void save(d)}>
                {t('report.assessments.save')}
                <span className="sr-only"> {t('report.assessments.saveFor', { district: d.name })}</span>
              </Button>
              <p className="report-status" role="status">
                {draft.status && draft.status.kind !== 'error' ? draft.status.message : ''}
              </p>
            </div>
            {draft.status?.kind === 'error' ? (
              <Alert variant="error" live="alert" heading={t('report.assessments.saveFailed')}>
                {draft.status.message}
              </Alert>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
