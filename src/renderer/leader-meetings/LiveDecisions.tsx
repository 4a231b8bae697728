import { useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../shared/leader-meetings';
import { t, tableDate } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { Select } from '../core/ui/Select';
import { DecisionForm, DecisionSummary } from './DecisionForm';
import { reasonName } from './labels';

/**
 * "Decide, then next case": one agenda case at a time, its summary beside its decision form.
 * Ctrl+Enter (or "Gem og gå videre") saves into the case (meetings.decide, as before) and moves
 * on to the next case without a decision; the plain save stays on the case. The chair can jump
 * to any case, and ← / → buttons step through them. `current` is shared with the presenter
 * window, so the shared screen can follow (PresenterWindow).
 */
export function LiveDecisions({ meeting, onSaved, currentId, onCurrent }: { meeting: MeetingDetail; onSaved: (m: MeetingDetail) => void; currentId: number | null; onCurrent: (itemId: number) => void }) {
  const caseItems = meeting.agenda.filter((i) => i.case);
  const [focusNext, setFocusNext] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Without a choice yet: the first case without a decision; then it stays until the chair moves.
  const chosen = caseItems.findIndex((i) => i.id === currentId);
  const index = chosen >= 0 ? chosen : Math.max(0, caseItems.findIndex((i) => !i.decision));
  const current = caseItems[index];
  useEffect(() => {
    if (current && current.id !== currentId) onCurrent(current.id);
  }, [current, currentId, onCurrent]);

  useEffect(() => {
    if (focusNext) {
      headingRef.current?.focus();
      setFocusNext(false);
    }
  }, [focusNext, currentId]);

  if (!current) {
    return (
      <section aria-labelledby="live-heading" className="meetings-section">
        <h2 id="live-heading">{t('meetings.live.heading')}</h2>
        <p className="meetings-muted">{t('meetings.decision.none')}</p>
      </section>
    );
  }
  const go = (itemId: number) => {
    onCurrent(itemId);
    setFocusNext(true);
  };
  const savedAndNext = (m: MeetingDetail) => {
    onSaved(m);
    const items = m.agenda.filter((i) => i.case);
    const at = items.findIndex((i) => i.id === current.id);
    const next = [...items.slice(at + 1), ...items.slice(0, at)].find((i) => !i.decision);
    if (next) go(next.id);
    else setFocusNext(true);
  };
  const c = current.case!;
  const allDone = caseItems.every((i) => i.decision);
  return (
    <section aria-labelledby="live-heading" className="meetings-section meetings-live">
      <h2 id="live-heading">{t('meetings.live.heading')}</h2>
      <p className="meetings-muted">{t('meetings.live.lead')}</p>
      <div className="meetings-live-nav">
        <Button variant="secondary" disabled={index === 0} onClick={() => go(caseItems[index - 1]!.id)}>
          {t('meetings.live.previous')}
        </Button>
        <Select
          id="live-pick"
          label={t('meetings.live.pick')}
          value={String(current.id)}
          options={caseItems.map((i) => ({ value: String(i.id), label: `${i.position}. ${i.case!.pseudonym}${i.decision ? ` – ${t('meetings.agenda.decided')}` : ''}` }))}
          onChange={(v) => go(Number(v))}
        />
        <Button variant="secondary" disabled={index === caseItems.length - 1} onClick={() => go(caseItems[index + 1]!.id)}>
          {t('meetings.live.next')}
        </Button>
        <span className="meetings-live-count" data-testid="live-count">
          {t('meetings.live.position', { n: index + 1, total: caseItems.length })}
        </span>
      </div>
      {allDone ? (
        <p className="meetings-saved" role="status">
          {t('meetings.live.allDone')}
        </p>
      ) : null}
      <section aria-labelledby={`decision-heading-${current.id}`} className="meetings-decision-card meetings-live-grid" data-testid="live-case">
        <div className="meetings-live-summary">
          <h3 id={`decision-heading-${current.id}`} ref={headingRef} tabIndex={-1}>
            {t('meetings.decision.cardHeading', { position: current.position, case: c.pseudonym })}
          </h3>
          <p className="meetings-agenda-meta">{t('meetings.case.meta', { level: c.level, age: c.age, district: c.district ?? t('meetings.case.noDistrict') })}</p>
          <ul className="meetings-plain-list">
            {current.reasons.length ? <li>{current.reasons.map(reasonName).join(', ')}</li> : <li>{t('meetings.agenda.addedByHand')}</li>}
            <li>{t('meetings.live.openedOn', { date: tableDate(c.openedOn) })}</li>
            {c.nextReviewOn ? <li>{t('meetings.live.review', { date: tableDate(c.nextReviewOn) })}</li> : null}
          </ul>
        </div>
        <div className="meetings-live-form">
          {current.decision ? (
            <>
              <p className="meetings-saved">
                <span className="badge badge-success meetings-badge">{t('meetings.agenda.decided')}</span> {t('meetings.decision.savedBy', { actor: current.decision.actor })}
              </p>
              <DecisionSummary decision={current.decision} />
            </>
          ) : (
            <DecisionForm key={current.id} meeting={meeting} item={current} onSaved={onSaved} onSavedAndNext={savedAndNext} />
          )}
        </div>
      </section>
    </section>
  );
}
