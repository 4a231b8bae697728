import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Projection, RevealedCase } from '../../shared/leader-meetings';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { eventName, levelName, offenceName, periodText, reasonName, shortDate } from './labels';

/** The latest events a reveal lists; the rest are counted (the screen must not scroll). */
const MAX_REVEALED_EVENTS = 3;

type Slide = { kind: 'overview' } | { kind: 'item'; item: Projection['items'][number] };

/**
 * While the shared screen is up, the rest of the app is hidden and inert: only the projection
 * (rendered into <body>) is in the page's layout and reachable by keyboard.
 */
function useHideApp(): void {
  useLayoutEffect(() => {
    const root = document.getElementById('root');
    if (!root) return;
    root.hidden = true;
    root.inert = true;
    document.body.classList.add('projecting');
    return () => {
      root.hidden = false;
      root.inert = false;
      document.body.classList.remove('projecting');
    };
  }, []);
}

/**
 * The shared screen ("skærmvisning"): one agenda item at a time in large type. A case shows only
 * pseudonym, age, district, level and its last change, and the number of events per kind in the
 * period. The name and details appear only after an explicit reveal of that one case (audited by
 * meetings.revealCase) and are dropped when moving on. Keys: → / PageDown next, ← / PageUp
 * previous, R or Space show/hide, Esc leave.
 */
export function ProjectionView({ meetingId }: { meetingId: number }) {
  const { back, canGoBack, replace } = useRouter();
  const [projection, setProjection] = useState<Projection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState<RevealedCase | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  useHideApp();

  useEffect(() => {
    let live = true;
    void api['meetings.projection']({ meetingId }).then((r) => {
      if (!live) return;
      if (r.ok) setProjection(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [meetingId]);

  // Best effort: fill the screen (Electron's shell may instead open a window on the second display).
  useEffect(() => {
    frameRef.current?.focus();
    const el = document.documentElement;
    if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const slides: Slide[] = projection ? [{ kind: 'overview' }, ...projection.items.map((item) => ({ kind: 'item' as const, item }))] : [];
  const slide = slides[index];
  const currentCase = slide?.kind === 'item' ? slide.item.case : null;

  // The case on screen now: an answer to a reveal for another case (the user moved on) is dropped.
  const shownCaseId = useRef<number | null>(null);
  shownCaseId.current = currentCase?.caseId ?? null;

  const go = useCallback(
    (delta: number) => {
      const next = Math.min(Math.max(index + delta, 0), Math.max(slides.length - 1, 0));
      if (next === index) return;
      // Moving on hides the name again, and the revealed data leaves memory.
      setIndex(next);
      setRevealed(null);
      setRevealing(false);
      setRevealError(null);
    },
    [index, slides.length],
  );

  const toggleReveal = useCallback(async () => {
    if (!currentCase) return;
    if (revealed) {
      setRevealed(null);
      return;
    }
    const caseId = currentCase.caseId;
    setRevealing(true);
    setRevealError(null);
    const r = await api['meetings.revealCase']({ meetingId, caseId });
    if (shownCaseId.current !== caseId) return;
    setRevealing(false);
    if (r.ok) setRevealed(r.value);
    else setRevealError(r.error.message);
  }, [currentCase, revealed, meetingId]);

  const leave = useCallback(() => {
    setRevealed(null);
    if (canGoBack) back();
    else replace({ area: 'leaderMeetings', screen: 'meeting', meetingId });
  }, [back, canGoBack, replace, meetingId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const onButton = e.target instanceof HTMLElement && e.target.closest('button');
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          e.preventDefault();
          go(1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault();
          go(-1);
          break;
        case 'r':
        case 'R':
          e.preventDefault();
          void toggleReveal();
          break;
        case ' ':
          if (onButton) return; // Space on a focused button presses that button
          e.preventDefault();
          void toggleReveal();
          break;
        case 'Escape':
          e.preventDefault();
          leave();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, toggleReveal, leave]);

  const total = projection?.items.length ?? 0;
  const position = slide?.kind === 'item' ? slide.item.position : 0;

  return createPortal(
    <div className="projection" ref={frameRef} tabIndex={-1} data-testid="projection">
      <header className="projection-bar">
        <span className="projection-forum">{projection ? `${projection.forumName} · ${shortDate(projection.heldOn)}` : t('meetings.projection.title')}</span>
        <span className="projection-count">{slide?.kind === 'item' ? t('meetings.projection.position', { n: position, total }) : t('meetings.projection.overview')}</span>
      </header>
      {/* Focusable so that a long slide can still be scrolled without a mouse. */}
      <main className="projection-main" tabIndex={0} aria-label={t('meetings.projection.title')}>
        <p className="sr-only" role="status">
          {slide?.kind === 'item' ? t('meetings.projection.position', { n: position, total }) : t('meetings.projection.overview')}
        </p>
        {error ? <p className="projection-error">{error}</p> : null}
        {!projection && !error ? <p className="projection-muted">{t('app.loading')}</p> : null}
        {projection && slide?.kind === 'overview' ? <Overview projection={projection} /> : null}
        {projection && slide?.kind === 'item' && slide.item.case ? (
          <CaseSlide projection={projection} item={slide.item} revealed={revealed?.caseId === slide.item.case.caseId ? revealed : null} revealing={revealing} revealError={revealError} />
        ) : null}
        {projection && slide?.kind === 'item' && !slide.item.case ? (
          <div className="projection-point">
            <p className="projection-label">{t('meetings.agenda.point')}</p>
            <h1>{slide.item.title}</h1>
          </div>
        ) : null}
      </main>
      <footer className="projection-controls">
        <button type="button" className="projection-button" onClick={() => go(-1)} disabled={index === 0}>
          {t('meetings.projection.previous')}
        </button>
        <button type="button" className="projection-button" onClick={() => go(1)} disabled={index >= slides.length - 1}>
          {t('meetings.projection.next')}
        </button>
        {currentCase ? (
          <button type="button" className="projection-button" aria-pressed={!!revealed} onClick={() => void toggleReveal()}>
            {revealed ? t('meetings.projection.hide') : t('meetings.projection.reveal')}
          </button>
        ) : null}
        <button type="button" className="projection-button" onClick={leave}>
          {t('meetings.projection.leave')}
        </button>
      </footer>
    </div>,
    document.body,
  );
}

function Overview({ projection }: { projection: Projection }) {
  return (
    <div className="projection-overview">
      <h1>{t('meetings.projection.agenda')}</h1>
      <p className="projection-muted">{t('meetings.projection.period', { period: periodText(projection.window) })}</p>
      {projection.items.length === 0 ? <p>{t('meetings.agenda.empty')}</p> : null}
      <ol className="projection-list">
        {projection.items.map((i) => (
          <li key={i.id}>
            {i.case ? (
              <>
                <span className="projection-pseudonym">{i.case.pseudonym}</span>
                <span className="projection-level">{t('meetings.case.level', { level: i.case.level })}</span>
                <span className="projection-muted">{i.case.district ?? ''}</span>
              </>
            ) : (
              <span>{i.title}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function CaseSlide({
  projection,
  item,
  revealed,
  revealing,
  revealError,
}: {
  projection: Projection;
  item: Projection['items'][number];
  revealed: RevealedCase | null;
  revealing: boolean;
  revealError: string | null;
}) {
  const c = item.case!;
  const last = c.lastLevelChange;
  return (
    <article className="projection-case" aria-labelledby={`projection-case-${c.caseId}`}>
      <h1 id={`projection-case-${c.caseId}`} className="projection-pseudonym-big">
        {c.pseudonym}
      </h1>
      {c.reasons.length || c.decided ? (
        <p className="projection-why">
          {c.reasons.length ? `${t('meetings.projection.why')}: ${c.reasons.map(reasonName).join(', ')}` : null}
          {c.decided ? <span className="projection-decided">{t('meetings.projection.decided')}</span> : null}
        </p>
      ) : null}
      <dl className="projection-facts">
        <div>
          <dt>{t('meetings.projection.age')}</dt>
          <dd>{t('meetings.projection.years', { age: c.age })}</dd>
        </div>
        <div>
          <dt>{t('meetings.projection.district')}</dt>
          <dd>{c.district ?? t('meetings.case.noDistrict')}</dd>
        </div>
        <div>
          <dt>{t('meetings.projection.level')}</dt>
          <dd>
            <span className={`projection-level-badge level-${c.level}`}>{c.level}</span> {levelName(c.level)}
          </dd>
        </div>
        <div>
          <dt>{t('meetings.projection.lastChange')}</dt>
          <dd>
            {last
              ? last.previousLevel
                ? t('meetings.projection.changedFromTo', { from: last.previousLevel, to: last.level, date: shortDate(last.changedOn) })
                : t('meetings.projection.opened', { level: last.level, date: shortDate(last.changedOn) })
              : '–'}
          </dd>
        </div>
        {c.sspPlus ? (
          <div>
            <dt>{t('meetings.projection.sspPlus')}</dt>
            <dd>{c.sspPlus.status === 'active' ? t('meetings.projection.sspPlusActive', { date: shortDate(c.sspPlus.date) }) : t('meetings.projection.sspPlusEnded', { date: shortDate(c.sspPlus.date) })}</dd>
          </div>
        ) : null}
        {c.release ? (
          <div>
            <dt>{t('meetings.projection.release')}</dt>
            <dd>
              {c.release.status === 'released'
                ? t('meetings.projection.released', { date: shortDate(c.release.date!) })
                : c.release.date
                  ? t('meetings.projection.inCustodyUntil', { date: shortDate(c.release.date) })
                  : t('meetings.projection.inCustody')}
            </dd>
          </div>
        ) : null}
        <div className="projection-wide">
          <dt>{t('meetings.projection.events', { period: periodText(projection.window) })}</dt>
          <dd>
            {c.eventCounts.length ? (
              <ul className="projection-chips">
                {c.eventCounts.map((e) => (
                  <li key={e.kind}>
                    {eventName(e.kind)}: <strong>{e.count}</strong>
                  </li>
                ))}
              </ul>
            ) : (
              t('meetings.projection.noEvents')
            )}
          </dd>
        </div>
      </dl>
      <div className="projection-reveal" aria-live="polite">
        {revealing ? <p className="projection-muted">{t('meetings.projection.revealing')}</p> : null}
        {revealError ? <p className="projection-error">{revealError}</p> : null}
        {revealed ? (
          <div className="projection-revealed" data-testid="revealed">
            <p className="projection-name">
              {revealed.firstName} {revealed.lastName}
            </p>
            <dl className="projection-details">
              {revealed.school ? (
                <div>
                  <dt>{t('meetings.projection.school')}</dt>
                  <dd>{revealed.school}</dd>
                </div>
              ) : null}
              {revealed.coordinator ? (
                <div>
                  <dt>{t('meetings.projection.coordinator')}</dt>
                  <dd>{revealed.coordinator}</dd>
                </div>
              ) : null}
              {revealed.lastLevelReason ? (
                <div>
                  <dt>{t('meetings.projection.levelReason')}</dt>
                  <dd>{revealed.lastLevelReason}</dd>
                </div>
              ) : null}
            </dl>
            {revealed.events.length ? (
              <ul className="projection-event-list">
                {revealed.events.slice(-MAX_REVEALED_EVENTS).map((e, i) => (
                  <li key={i}>
                    {shortDate(e.occurredOn)}: {eventName(e.kind)}
                    {e.offenceCategory ? ` (${offenceName(e.offenceCategory)})` : ''}
                    {e.effortName ? ` – ${e.effortName}` : ''}
                    {e.description ? ` – ${e.description}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {revealed.events.length > MAX_REVEALED_EVENTS ? <p className="projection-hint">{t('meetings.projection.moreEvents', { n: revealed.events.length - MAX_REVEALED_EVENTS })}</p> : null}
          </div>
        ) : !revealing && !revealError ? (
          <p className="projection-hint">{t('meetings.projection.revealHint')}</p>
        ) : null}
      </div>
    </article>
  );
}
