import { useCallback, useEffect, useRef, useState } from 'react';
import type { Projection, RevealedCase } from '../../shared/leader-meetings';
import { api } from '../core/api';

/** Agenda items per overview page: three columns of ten fit 1280x720 (tests/e2e/meetings-live.spec.ts). */
export const OVERVIEW_PAGE_SIZE = 30;

export type ProjectionItem = Projection['items'][number];
export type Slide =
  | { kind: 'overview'; page: number; pages: number; items: ProjectionItem[]; rest: number }
  | { kind: 'item'; item: ProjectionItem };

/** The overview split in pages of OVERVIEW_PAGE_SIZE, then one slide per agenda item. */
export function slidesOf(projection: Projection | null): Slide[] {
  if (!projection) return [];
  const pages = Math.max(1, Math.ceil(projection.items.length / OVERVIEW_PAGE_SIZE));
  const overview: Slide[] = Array.from({ length: pages }, (_, page) => {
    const items = projection.items.slice(page * OVERVIEW_PAGE_SIZE, (page + 1) * OVERVIEW_PAGE_SIZE);
    return { kind: 'overview', page: page + 1, pages, items, rest: projection.items.length - (page * OVERVIEW_PAGE_SIZE + items.length) };
  });
  return [...overview, ...projection.items.map((item) => ({ kind: 'item' as const, item }))];
}

export interface Deck {
  projection: Projection | null;
  error: string | null;
  slides: Slide[];
  index: number;
  slide: Slide | undefined;
  currentCase: ProjectionItem['case'];
  revealed: RevealedCase | null;
  revealing: boolean;
  revealError: string | null;
  /** The reveal question is open. */
  asking: boolean;
  go: (delta: number) => void;
  goTo: (index: number) => void;
  /** R or the reveal button: asks first; hides at once when something is shown. */
  requestReveal: () => void;
  confirmReveal: () => void;
  cancelReveal: () => void;
}

/**
 * The state of the shared screen: the agenda's slides, where we are, and the one revealed case.
 * A reveal needs two steps (requestReveal, then confirmReveal) and is audited by
 * meetings.revealCase; any change of slide drops it, and an answer that arrives after moving on
 * is thrown away.
 */
export function useProjectionDeck(meetingId: number): Deck {
  const [projection, setProjection] = useState<Projection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState<RevealedCase | null>(null);
  const [revealing, setRevealing] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

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

  const slides = slidesOf(projection);
  const slide = slides[index];
  const currentCase = slide?.kind === 'item' ? slide.item.case : null;
  const shownCaseId = useRef<number | null>(null);
  shownCaseId.current = currentCase?.caseId ?? null;

  const goTo = useCallback(
    (target: number) => {
      const next = Math.min(Math.max(target, 0), Math.max(slides.length - 1, 0));
      if (next === index) return;
      // Moving on hides the name again, and the revealed data leaves memory.
      setIndex(next);
      setRevealed(null);
      setRevealing(false);
      setRevealError(null);
      setAsking(false);
    },
    [index, slides.length],
  );
  const go = useCallback((delta: number) => goTo(index + delta), [goTo, index]);

  const requestReveal = useCallback(() => {
    if (!currentCase) return;
    if (revealed) setRevealed(null);
    else if (!revealing) setAsking(true);
  }, [currentCase, revealed, revealing]);

  const cancelReveal = useCallback(() => setAsking(false), []);

  const confirmReveal = useCallback(() => {
    if (!currentCase || !asking) return;
    setAsking(false);
    const caseId = currentCase.caseId;
    setRevealing(true);
    setRevealError(null);
    void api['meetings.revealCase']({ meetingId, caseId }).then((r) => {
      if (shownCaseId.current !== caseId) return;
      setRevealing(false);
      if (r.ok) setRevealed(r.value);
      else setRevealError(r.error.message);
    });
  }, [currentCase, asking, meetingId]);

  return { projection, error, slides, index, slide, currentCase, revealed, revealing, revealError, asking, go, goTo, requestReveal, confirmReveal, cancelReveal };
}

/**
 * Keys like presentation software, on every given document (the laptop's and the projector's
 * window move together): Space, Enter, → and Page Down next; ← and Page Up back; R asks to
 * reveal; Esc leaves. Space and Enter never press a focused control here (the default is
 * prevented in the capture phase). While the reveal question is open only J/Y confirms; the
 * question's own buttons and Esc work as usual (focus starts on Annullér).
 */
export function useDeckKeys(docs: readonly Document[], deck: Deck, leave: () => void, controlDoc?: Document): void {
  const { go, requestReveal, confirmReveal, asking } = deck;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // In the laptop's control window the keys steer the deck only from its presenter bar (or
      // with nothing focused), so the decision form and the agenda keep their own keys.
      if (controlDoc && e.target instanceof Node && e.target.ownerDocument === controlDoc) {
        const el = e.target instanceof Element ? e.target : null;
        if (!(el === controlDoc.body || el?.closest('[data-presenter-bar]'))) return;
      }
      if (asking) {
        if (!e.ctrlKey && !e.altKey && !e.metaKey && (e.key === 'j' || e.key === 'J' || e.key === 'y' || e.key === 'Y')) {
          e.preventDefault();
          confirmReveal();
        }
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      // Typing in a field (the control window's decision form) is not a slide change.
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      switch (e.key) {
        case ' ':
        case 'Enter':
        case 'ArrowRight':
        case 'PageDown':
          e.preventDefault();
          e.stopPropagation();
          if (!e.repeat || e.key !== 'Enter') go(1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault();
          e.stopPropagation();
          go(-1);
          break;
        case 'r':
        case 'R':
          e.preventDefault();
          if (!e.repeat) requestReveal();
          break;
        case 'Escape':
          e.preventDefault();
          leave();
          break;
      }
    };
    // A Space released on a focused button would press it: swallow it too.
    const onKeyUp = (e: KeyboardEvent) => {
      if (!asking && e.key === ' ' && !(e.target instanceof Element && e.target.closest('input, textarea, select'))) e.preventDefault();
    };
    for (const d of docs) {
      d.addEventListener('keydown', onKey, true);
      d.addEventListener('keyup', onKeyUp, true);
    }
    return () => {
      for (const d of docs) {
        d.removeEventListener('keydown', onKey, true);
        d.removeEventListener('keyup', onKeyUp, true);
      }
    };
  }, [docs, go, requestReveal, confirmReveal, asking, leave, controlDoc]);
}
