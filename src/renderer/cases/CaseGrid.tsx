import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { CaseRow } from '../../shared/cases';
import { fullName } from '../../shared/core/names';
import { screenModeName, useScreenMode } from '../core/shell/screenMode';
import { t, tableDate } from '../core/i18n';
import { Icon } from '../core/ui/Icon';
import type { CaseFilter, SortKey } from './filter';
import { LevelBadge } from './LevelBadge';
import { statusName } from './labels';

/** Row height in CSS pixels; the stylesheet gives .case-grid-body .case-grid-row the same (4.8rem). */
const ROW_HEIGHT = 48;

interface Column {
  key: SortKey;
  label: () => string;
  className?: string;
}

const COLUMNS: readonly Column[] = [
  { key: 'caseNumber', label: () => t('cases.col.caseNumber') },
  { key: 'name', label: () => t('cases.col.name') },
  { key: 'age', label: () => t('cases.col.age'), className: 'numeric' },
  { key: 'district', label: () => t('cases.col.district') },
  { key: 'level', label: () => t('cases.col.level') },
  { key: 'status', label: () => t('cases.col.status') },
  { key: 'coordinator', label: () => t('cases.col.coordinator') },
  { key: 'nextReviewOn', label: () => t('cases.col.nextReview') },
];

export interface CaseGridView {
  active: number;
  offset: number;
}

export interface CaseGridProps {
  total: number;
  rowAt: (index: number) => CaseRow | undefined;
  ensureRange: (first: number, last: number) => void;
  filter: CaseFilter;
  onSort: (key: SortKey) => void;
  onOpen: (row: CaseRow) => void;
  today: string;
  /** Where the user was; restored when coming back to the list. */
  initial: CaseGridView;
  onViewChange: (view: CaseGridView) => void;
  /** Changes whenever the rows are the answer to a different query: back to the top then. */
  resetKey: string;
  /** Called with the grid's focus function so the search field can send Arrow Down into the list. */
  focusRef?: RefObject<(() => void) | null>;
}

/** Sets a CSSOM property through a ref (the CSP forbids style attributes, not CSSOM). */
function useStyle(ref: RefObject<HTMLElement | null>, property: string, value: string) {
  useLayoutEffect(() => {
    ref.current?.style.setProperty(property, value);
  }, [ref, property, value]);
}

/**
 * Lets the scrolling list reach down to the bottom of the window (at least 32rem), so the page
 * itself does not scroll: measured on mount and when the window or the content above changes.
 */
function useFitToWindow(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const bottomGap = 32;
      el.style.setProperty('max-height', `${Math.max(320, window.innerHeight - top - bottomGap)}px`);
    };
    fit();
    const observer = new ResizeObserver(fit);
    const main = el.closest('main') ?? el.parentElement;
    if (main) observer.observe(main);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [ref]);
}

/**
 * The case list as an ARIA grid with virtualised rows: only the rows in view (and the active one)
 * are in the DOM. One row is focusable at a time (roving tabindex); arrow keys, Page Up/Down,
 * Home/End move it, Enter opens the case. Column headers sort (aria-sort).
 */
export function CaseGrid(props: CaseGridProps) {
  const { total, rowAt, ensureRange, filter, onSort, onOpen, today, initial, onViewChange, resetKey, focusRef } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [headHeight, setHeadHeight] = useState(ROW_HEIGHT);
  const [active, setActive] = useState(() => Math.min(initial.active, Math.max(0, total - 1)));
  const focusWanted = useRef(false);
  const activeRef = useRef(active);
  activeRef.current = active;

  useLayoutEffect(() => {
    if (headRef.current) setHeadHeight(headRef.current.offsetHeight);
  }, []);

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const a = activeRef.current;
    if (a < range.count && !indexes.includes(a)) indexes.push(a);
    return indexes.sort((x, y) => x - y);
  }, []);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: headHeight,
    scrollPaddingStart: headHeight,
    initialOffset: initial.offset,
    rangeExtractor,
  });

  // A different query: back to the top, first row active.
  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (lastReset.current === resetKey) return;
    lastReset.current = resetKey;
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);

  useEffect(() => {
    if (active > 0 && active >= total) setActive(Math.max(0, total - 1));
  }, [active, total]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    ensureRange(first, last);
  }, [ensureRange, first, last]);

  // Remember where we are, for the next visit to the list in this session.
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;
  useEffect(() => {
    const el = scrollRef.current;
    return () => onViewChangeRef.current({ active: activeRef.current, offset: el?.scrollTop ?? 0 });
  }, []);

  useStyle(bodyRef, 'height', `${virtualizer.getTotalSize()}px`);
  useFitToWindow(scrollRef);

  const focusActive = useCallback(() => {
    focusWanted.current = true;
    virtualizer.scrollToIndex(activeRef.current, { align: 'auto' });
    bodyRef.current?.querySelector<HTMLElement>(`[data-index="${activeRef.current}"]`)?.focus({ preventScroll: true });
  }, [virtualizer]);
  useEffect(() => {
    if (focusRef) focusRef.current = focusActive;
  }, [focusRef, focusActive]);

  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (row && document.activeElement !== row) row.focus({ preventScroll: true });
  });

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    focusWanted.current = true;
    activeRef.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.metaKey) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - headHeight) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row) onOpen(row);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div ref={scrollRef} className="case-grid-scroll">
      <div role="grid" aria-label={t('cases.list.gridLabel')} aria-rowcount={total + 1} aria-colcount={COLUMNS.length} aria-readonly="true" className="case-grid">
        <div role="rowgroup" className="case-grid-head" ref={headRef}>
          <div role="row" aria-rowindex={1} className="case-grid-row">
            {COLUMNS.map((c) => {
              const sorted = filter.sort === c.key;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-sort={sorted ? (filter.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  className={['case-grid-cell', c.className].filter(Boolean).join(' ')}
                >
                  <button type="button" className="case-sort-button" onClick={() => onSort(c.key)}>
                    <span>{c.label()}</span>
                    <span className={`sort-indicator${sorted ? ` sort-${filter.direction}` : ''}`} aria-hidden="true" />
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="case-grid-body" ref={bodyRef} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <GridRow
              key={item.key}
              index={item.index}
              top={item.start - headHeight}
              row={rowAt(item.index)}
              active={item.index === active}
              today={today}
              onActivate={() => {
                activeRef.current = item.index;
                setActive(item.index);
              }}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function GridRow({ index, top, row, active, today, onActivate, onOpen }: { index: number; top: number; row: CaseRow | undefined; active: boolean; today: string; onActivate: () => void; onOpen: (row: CaseRow) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const screenMode = useScreenMode().on;
  useStyle(ref, 'transform', `translateY(${top}px)`);
  const common = {
    ref,
    role: 'row',
    'aria-rowindex': index + 2,
    'data-index': index,
    tabIndex: active ? 0 : -1,
    className: `case-grid-row${active ? ' is-active' : ''}`,
    onFocus: onActivate,
  } as const;
  if (!row) {
    return (
      <div {...common} aria-busy="true">
        <div role="gridcell" className="case-grid-cell case-grid-loading">
          {t('cases.list.loadingRow')}
        </div>
      </div>
    );
  }
  // Screen mode (core/shell/screenMode): initials only, the case number is in its own column.
  const name = screenMode ? screenModeName(row.firstName, row.lastName) : fullName(row.firstName, row.lastName);
  const overdue = row.status === 'open' && row.nextReviewOn !== null && row.nextReviewOn < today;
  return (
    <div {...common} data-case-number={row.caseNumber} onClick={() => onOpen(row)}>
      <div role="gridcell" className="case-grid-cell case-number">
        {row.caseNumber}
      </div>
      <div role="gridcell" className="case-grid-cell case-name" title={name}>
        {name}
      </div>
      <div role="gridcell" className="case-grid-cell numeric">
        {row.age}
      </div>
      <div role="gridcell" className="case-grid-cell" title={row.district ?? undefined}>
        {row.district ?? '–'}
      </div>
      <div role="gridcell" className="case-grid-cell">
        <LevelBadge level={row.level} />
      </div>
      <div role="gridcell" className="case-grid-cell">
        {statusName(row.status)}
      </div>
      <div role="gridcell" className="case-grid-cell" title={row.coordinator ?? undefined}>
        {row.coordinator ?? '–'}
      </div>
      <div role="gridcell" className={`case-grid-cell${overdue ? ' review-overdue' : ''}`}>
        {row.nextReviewOn === null ? (
          '–'
        ) : overdue ? (
          <>
            <Icon name="warning" className="review-icon" />
            <span>{tableDate(row.nextReviewOn)}</span>
            <span className="sr-only"> ({t('cases.review.overdue')})</span>
          </>
        ) : (
          tableDate(row.nextReviewOn)
        )}
      </div>
    </div>
  );
}
