import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { Projection, RevealedCase } from '../../shared/leader-meetings';
import { t, tableDate } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Dialog } from '../core/ui/Dialog';
import { eventName, levelName, offenceName, periodText, reasonName } from './labels';
import { OVERVIEW_PAGE_SIZE, useDeckKeys, useProjectionDeck, type Deck, type ProjectionItem, type Slide } from './useProjectionDeck';

/** The latest events a reveal lists; the rest are counted (the screen must not scroll). */
const MAX_REVEALED_EVENTS = 3;

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

const DOCS: readonly Document[] = [document];

/**
 * The shared screen ("skærmvisning") in the laptop's own window: one agenda item at a time in
 * large type, keys like presentation software (useDeckKeys). A case shows only what the
 * meeting's privacy level allows; the name and details appear only after R and a confirmation
 * (audited by meetings.revealCase) and are dropped when moving on.
 */
export function ProjectionView({ meetingId }: { meetingId: number }) {
  const { back, canGoBack, replace } = useRouter();
  const deck = useProjectionDeck(meetingId);
  const frameRef = useRef<HTMLDivElement>(null);
  useHideApp();

  // Best effort: fill the screen (Electron's shell may instead open a window on the second display).
  useEffect(() => {
    frameRef.current?.focus();
    const el = document.documentElement;
    if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const leave = useCallback(() => {
    if (canGoBack) back();
    else replace({ area: 'leaderMeetings', screen: 'meeting', meetingId });
  }, [back, canGoBack, replace, meetingId]);
  useDeckKeys(DOCS, deck, leave);

  return createPortal(<ProjectionScreen deck={deck} frameRef={frameRef} onLeave={leave} />, document.body);
}

/**
 * What the audience sees, for one deck: the laptop's own full-screen view or the projector's
 * window (PresenterWindow). Focus never rests on the reveal button: it cannot be tabbed to, a
 * click does not focus it, and focus given to it goes to the frame.
 */
export function ProjectionScreen({ deck, frameRef, onLeave }: { deck: Deck; frameRef: RefObject<HTMLDivElement | null>; onLeave?: () => void }) {
  const { projection, error, slides, index, slide, currentCase, revealed, revealing, revealError, asking } = deck;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const total = projection?.items.length ?? 0;
  const position = slide?.kind === 'item' ? slide.item.position : 0;
  const where = slide?.kind === 'item' ? t('meetings.projection.position', { n: position, total }) : t('meetings.projection.overview');
  const refocus = () => frameRef.current?.focus();
  useEffect(() => {
    if (!asking) frameRef.current?.focus();
  }, [asking, frameRef]);

  return (
    <div className="projection" ref={frameRef} tabIndex={-1} data-testid="projection">
      <header className="projection-bar">
        <span className="projection-forum">{projection ? `${projection.forumName} · ${tableDate(projection.heldOn)}` : t('meetings.projection.title')}</span>
        <span className="projection-count">{where}</span>
      </header>
      {/* Focusable so that a long slide can still be scrolled without a mouse. */}
      <main className="projection-main" tabIndex={0} aria-label={t('meetings.projection.title')}>
        <p className="sr-only" role="status">
          {where}
        </p>
        {error ? <p className="projection-error">{error}</p> : null}
        {!projection && !error ? <p className="projection-muted">{t('app.loading')}</p> : null}
        {projection && slide?.kind === 'overview' ? <Overview projection={projection} slide={slide} /> : null}
        {projection && slide?.kind === 'item' && slide.item.case ? (
          <CaseSlide projection={projection} item={slide.item} revealed={revealed?.caseId === slide.item.case.caseId ? revealed : null} revealing={revealing} revealError={revealError} />
        ) : null}
        {projection && slide?.kind === 'item' && slide.item.group ? <GroupSlide item={slide.item} /> : null}
        {projection && slide?.kind === 'item' && !slide.item.case && !slide.item.group ? (
          <div className="projection-point">
            <p className="projection-label">{t('meetings.agenda.point')}</p>
            <h1>{slide.item.title}</h1>
          </div>
        ) : null}
      </main>
      <footer className="projection-controls">
        <button type="button" className="projection-button" onClick={() => deck.go(-1)} disabled={index === 0}>
          {t('meetings.projection.previous')}
        </button>
        <button type="button" className="projection-button" onClick={() => deck.go(1)} disabled={index >= slides.length - 1}>
          {t('meetings.projection.next')}
        </button>
        {currentCase ? (
          <button
            type="button"
            className="projection-button"
            tabIndex={-1}
            aria-pressed={!!revealed}
            onMouseDown={(e) => e.preventDefault()}
            onFocus={refocus}
            onClick={deck.requestReveal}
          >
            {revealed ? t('meetings.projection.hide') : t('meetings.projection.reveal')}
          </button>
        ) : null}
        {onLeave ? (
          <button type="button" className="projection-button" onClick={onLeave}>
            {t('meetings.projection.leave')}
          </button>
        ) : null}
      </footer>
      {asking && currentCase ? (
        <Dialog
          title={t('meetings.projection.askTitle', { case: currentCase.pseudonym })}
          onClose={deck.cancelReveal}
          className="projection-ask"
          initialFocus={cancelRef}
          testId="reveal-question"
          footer={
            <>
              <button type="button" className="projection-button projection-confirm" onClick={deck.confirmReveal}>
                {t('meetings.projection.askConfirm')}
              </button>
              <button type="button" ref={cancelRef} className="projection-button" onClick={deck.cancelReveal}>
                {t('meetings.projection.askCancel')}
              </button>
            </>
          }
        >
          <p>{t('meetings.projection.askBody')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}

/**
 * A youth group: its name (no personal data by rule) and each open case at the meeting's privacy
 * level (pseudonym or case number, exact age or age band), never a name, school or birth date.
 */
function GroupSlide({ item }: { item: ProjectionItem }) {
  const cases = item.group?.cases ?? [];
  return (
    <article className="projection-point projection-group" aria-labelledby={`projection-group-${item.id}`} data-testid="projection-group">
      <p className="projection-label">{t('meetings.group.label')}</p>
      <h1 id={`projection-group-${item.id}`}>{item.title}</h1>
      {cases.length === 0 ? (
        <p className="projection-muted">{t('meetings.group.noCases')}</p>
      ) : (
        <ol className="projection-list" aria-label={t('meetings.group.casesHeading')}>
          {cases.map((c) => (
            <li key={c.pseudonym}>
              <span className="projection-pseudonym">{c.pseudonym}</span>
              <span className="projection-level">{t('meetings.case.level', { level: c.level })}</span>
              <span className="projection-muted">
                {c.age !== null ? t('meetings.group.years', { age: c.age }) : c.ageBand} · {c.district ?? t('meetings.case.noDistrict')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

function Overview({ projection, slide }: { projection: Projection; slide: Extract<Slide, { kind: 'overview' }> }) {
  const first = (slide.page - 1) * OVERVIEW_PAGE_SIZE + 1;
  const size = projection.items.length <= 10 ? 'one' : projection.items.length <= 20 ? 'two' : 'three';
  return (
    <div className="projection-overview">
      <h1>{slide.pages > 1 ? t('meetings.projection.agendaPage', { page: slide.page, pages: slide.pages }) : t('meetings.projection.agenda')}</h1>
      <p className="projection-muted">{t('meetings.projection.period', { period: periodText(projection.window) })}</p>
      {projection.items.length === 0 ? <p>{t('meetings.agenda.empty')}</p> : null}
      <ol className={`projection-list projection-list--${size}`} start={first} data-testid="overview-list">
        {slide.items.map((i: ProjectionItem) => (
          <li key={i.id}>
            {size !== 'one' ? <span className="projection-number" aria-hidden="true">{i.position}.</span> : null}
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
      {slide.rest > 0 ? (
        <p className="projection-more" data-testid="overview-more">
          {t('meetings.projection.more', { n: slide.rest })}
        </p>
      ) : null}
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
          <dt>{c.age !== null ? t('meetings.projection.age') : t('meetings.projection.ageBand')}</dt>
          <dd>{c.age !== null ? t('meetings.projection.years', { age: c.age }) : c.ageBand}</dd>
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
                ? t('meetings.projection.changedFromTo', { from: last.previousLevel, to: last.level, date: tableDate(last.changedOn) })
                : t('meetings.projection.opened', { level: last.level, date: tableDate(last.changedOn) })
              : '–'}
          </dd>
        </div>
        {c.sspPlus ? (
          <div>
            <dt>{t('meetings.projection.sspPlus')}</dt>
            <dd>{c.sspPlus.status === 'active' ? t('meetings.projection.sspPlusActive', { date: tableDate(c.sspPlus.date) }) : t('meetings.projection.sspPlusEnded', { date: tableDate(c.sspPlus.date) })}</dd>
          </div>
        ) : null}
        {c.release ? (
          <div>
            <dt>{t('meetings.projection.release')}</dt>
            <dd>
              {c.release.status === 'released'
                ? t('meetings.projection.released', { date: tableDate(c.release.date!) })
                : c.release.date
                  ? t('meetings.projection.inCustodyUntil', { date: tableDate(c.release.date) })
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
                    {tableDate(e.occurredOn)}: {eventName(e.kind)}
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
