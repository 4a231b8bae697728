import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentRowOutput } from '../../shared/semiannual-report';
import { api } from '../core/api';
import { formatDateTime, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';

const MAX = 20_000;
/** Quiet time after the last keystroke before a text is saved. Leaving the field saves at once. */
export const AUTOSAVE_DELAY_MS = 800;

interface Draft {
  text: string;
  saved: AssessmentRowOutput | null;
  status: { kind: 'pending' | 'saving' | 'saved' | 'removed' | 'error'; message: string } | null;
}

/** The text as the server keeps it (line ends unified, trimmed): what "unchanged" compares. */
const kept = (text: string) => text.replace(/\r\n?/g, '\n').trim();

interface Pending {
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: boolean;
}

/**
 * One text per district for the half-year: observations and assessments, saved automatically a
 * moment after typing stops and when the field is left (nothing typed is lost on leaving the
 * screen: a pending text is saved then too). A failed save keeps the text and offers to retry.
 * The server says when a text could not be exported (a CPR-shaped number or a name of a person in
 * the vault) without saying which word, and the warning stays until the text is fixed.
 */
export function AssessmentEditor({ period, districts }: { period: string; districts: { id: number; name: string }[] }) {
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const latest = useRef<Record<number, Draft>>({});
  latest.current = drafts;
  const pending = useRef<Record<number, Pending>>({});

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
      setDrafts(Object.fromEntries(districts.map((d) => [d.id, { text: byId.get(d.id)?.text ?? '', saved: byId.get(d.id) ?? null, status: null }])));
    });
    return () => {
      live = false;
    };
  }, [period, districts]);

  const update = (id: number, patch: Partial<Draft>) => setDrafts((all) => (all[id] ? { ...all, [id]: { ...all[id], ...patch } } : all));

  const save = useCallback(
    async (d: { id: number; name: string }) => {
      const p = (pending.current[d.id] ??= { timer: null, inFlight: false });
      if (p.timer) clearTimeout(p.timer);
      p.timer = null;
      const draft = latest.current[d.id];
      if (!draft || p.inFlight) return;
      if (kept(draft.saved?.text ?? '') === kept(draft.text) && draft.status?.kind !== 'error') {
        if (draft.status?.kind === 'pending') update(d.id, { status: null });
        return;
      }
      const sent = draft.text;
      p.inFlight = true;
      update(d.id, { status: { kind: 'saving', message: t('report.assessments.saving') } });
      const r = await api['report.assessments.save']({ period, districtId: d.id, text: sent });
      p.inFlight = false;
      const now = latest.current[d.id];
      const changedSince = now !== undefined && kept(now.text) !== kept(sent);
      if (!r.ok) {
        update(d.id, { status: { kind: 'error', message: r.error.message } });
        return;
      }
      const saved = r.value.saved;
      update(d.id, {
        saved,
        status: saved
          ? { kind: 'saved', message: `${t('report.assessments.saved', { district: d.name })} ${t('report.assessments.savedAt', { time: formatDateTime(saved.updatedAt) })}` }
          : { kind: 'removed', message: t('report.assessments.removed', { district: d.name }) },
      });
      // Typed on while the save was under way: save the newer text too.
      if (changedSince) p.timer = setTimeout(() => void save(d), AUTOSAVE_DELAY_MS);
    },
    [period],
  );

  // Leaving the screen (or another period): save what is still waiting.
  useEffect(
    () => () => {
      for (const d of districts) {
        const p = pending.current[d.id];
        if (p?.timer) {
          clearTimeout(p.timer);
          p.timer = null;
          const draft = latest.current[d.id];
          if (draft) void api['report.assessments.save']({ period, districtId: d.id, text: draft.text });
        }
      }
    },
    [period, districts],
  );

  const change = (d: { id: number; name: string }, text: string) => {
    update(d.id, { text, status: { kind: 'pending', message: t('report.assessments.pending') } });
    const p = (pending.current[d.id] ??= { timer: null, inFlight: false });
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => void save(d), AUTOSAVE_DELAY_MS);
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
        const problem = draft.saved?.problem && kept(draft.saved.text) === kept(draft.text) ? draft.saved.problem : null;
        return (
          <div key={d.id} className="report-assessment" data-district={d.name}>
            <div className={problem ? 'form-group form-error' : 'form-group'}>
              <label className="form-label" htmlFor={fieldId}>
                {t('report.assessments.label', { district: d.name })}
              </label>
              <span className="form-hint" id={hintId}>
                {t('report.assessments.autosave')}
                {draft.saved ? ` ${t('report.assessments.lastSaved', { time: formatDateTime(draft.saved.updatedAt), by: draft.saved.updatedBy })}` : ''}
              </span>
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
                onChange={(e) => change(d, e.target.value)}
                onBlur={() => void save(d)}
                aria-describedby={[hintId, problem ? problemId : null].filter(Boolean).join(' ')}
                aria-invalid={problem ? true : undefined}
              />
            </div>
            <p className="report-status" role="status">
              {draft.status && draft.status.kind !== 'error' ? draft.status.message : ''}
            </p>
            {draft.status?.kind === 'error' ? (
              <Alert variant="error" live="alert" heading={t('report.assessments.saveFailed')}>
                <p>{draft.status.message}</p>
                <Button variant="secondary" onClick={() => void save(d)}>
                  {t('report.assessments.retry')}
                  <span className="sr-only"> {t('report.assessments.saveFor', { district: d.name })}</span>
                </Button>
              </Alert>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
