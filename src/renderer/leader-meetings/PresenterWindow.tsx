import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { t } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { PROJECTION_WINDOW_NAME } from '../../shared/leader-meetings';
import { ProjectionScreen } from './ProjectionView';
import { useDeckKeys, useProjectionDeck } from './useProjectionDeck';

/** Also the name the Electron shell allows, and places on the external display (projection-window.ts). */
const WINDOW_NAME = PROJECTION_WINDOW_NAME;

/**
 * The audience window: a second window of the same origin (about:blank, so no token or route
 * travels in a URL) that the chair drags to the projector, while this window keeps the control
 * view with names. Its content is rendered from here (a React portal into its document, with
 * this window's style sheets), so both windows share one deck: the keys move it from either
 * window, and a reveal still needs R plus the confirmation. Closing either ends it.
 * In Electron the same call opens it: main allows only this window (about:blank, this name) and
 * puts it full screen on the external display when one is connected.
 */
export function usePresenterWindow() {
  const [win, setWin] = useState<Window | null>(null);
  const [blocked, setBlocked] = useState(false);
  const open = useCallback(() => {
    const w = window.open('', WINDOW_NAME, 'popup,width=1280,height=720');
    if (!w) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    const d = w.document;
    d.head.replaceChildren(...[...document.querySelectorAll('link[rel="stylesheet"], style')].map((n) => n.cloneNode(true)));
    d.title = t('meetings.presenter.windowTitle');
    d.documentElement.lang = document.documentElement.lang || 'da';
    d.body.replaceChildren();
    d.body.classList.add('projecting');
    setWin(w);
  }, []);
  const close = useCallback(() => {
    setWin((w) => {
      if (w && !w.closed) w.close();
      return null;
    });
  }, []);
  // The chair may close the projector window itself; leaving the control view closes it too.
  useEffect(() => {
    if (!win) return;
    const timer = setInterval(() => {
      if (win.closed) setWin(null);
    }, 500);
    return () => clearInterval(timer);
  }, [win]);
  useEffect(() => () => close(), [close]);
  return { win, open, close, blocked };
}

export function PresenterView({ meetingId, win, onClose }: { meetingId: number; win: Window; onClose: () => void }) {
  const deck = useProjectionDeck(meetingId);
  const frameRef = useRef<HTMLDivElement>(null);
  const docs = useMemo(() => [document, win.document], [win]);
  useDeckKeys(docs, deck, onClose, document);
  useEffect(() => {
    frameRef.current?.focus();
  }, []);
  const { slide, index, slides } = deck;
  const where =
    slide?.kind === 'item'
      ? `${t('meetings.projection.position', { n: slide.item.position, total: deck.projection?.items.length ?? 0 })}${slide.item.case ? ` · ${slide.item.case.pseudonym}` : slide.item.title ? ` · ${slide.item.title}` : ''}`
      : t('meetings.projection.overview');
  return (
    <>
      {createPortal(<ProjectionScreen deck={deck} frameRef={frameRef} />, win.document.body)}
      <div className="meetings-presenter-bar" data-presenter-bar tabIndex={-1} role="region" aria-label={t('meetings.presenter.bar')} data-testid="presenter-bar">
        <strong>{t('meetings.presenter.onProjector')}</strong> <span data-testid="presenter-where">{where}</span>
        <Button variant="secondary" disabled={index === 0} onClick={() => deck.go(-1)}>
          {t('meetings.projection.previous')}
        </Button>
        <Button variant="secondary" disabled={index >= slides.length - 1} onClick={() => deck.go(1)}>
          {t('meetings.projection.next')}
        </Button>
        <Button variant="tertiary" onClick={onClose}>
          {t('meetings.presenter.close')}
        </Button>
      </div>
    </>
  );
}
