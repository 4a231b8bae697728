import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { CaseListInput, CaseRow } from '../../shared/cases';
import { api } from '../core/api';
import { PAGE_SIZE } from './filter';

type ListQuery = Omit<CaseListInput, 'offset' | 'limit'>;

/** One query's answer so far: the total and the pages fetched (PAGE_SIZE rows each). */
export interface ShownList {
  key: string;
  /** The search text this answer is for (the list sets it as a data attribute, for tests). */
  search: string;
  total: number;
  /** The search matched more than the count's cap: `total` is the cap, and the list pages up to it. */
  capped: boolean;
  pages: Map<number, CaseRow[]>;
  inflight: Set<number>;
}

/**
 * The case list, fetched a page at a time as the user scrolls. A new query keeps the old rows on
 * screen until its first page has arrived (no flash of an empty list while typing), and answers to
 * queries that have since changed are dropped.
 */
export function useCasePages(query: ListQuery) {
  const key = JSON.stringify(query);
  const [shown, setShown] = useState<ShownList | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [, pageArrived] = useReducer((n: number) => n + 1, 0);
  const [attempt, retry] = useReducer((n: number) => n + 1, 0);
  const latestKey = useRef(key);
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    latestKey.current = key;
    const q = queryRef.current;
    const list: ShownList = { key, search: q.search ?? '', total: 0, capped: false, pages: new Map(), inflight: new Set([0]) };
    void api['cases.list']({ ...q, offset: 0, limit: PAGE_SIZE }).then((r) => {
      if (latestKey.current !== key) return;
      list.inflight.delete(0);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      list.total = r.value.total;
      list.capped = r.value.capped;
      list.pages.set(0, r.value.rows);
      setError(null);
      setShown(list);
    });
  }, [key, attempt]);

  /** Make sure the rows from `first` to `last` (indexes) are fetched or on their way. */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const list = shown;
      if (!list || list.total === 0) return;
      const q = JSON.parse(list.key) as ListQuery;
      const lastPage = Math.floor(Math.min(last, list.total - 1) / PAGE_SIZE);
      for (let page = Math.max(0, Math.floor(first / PAGE_SIZE)); page <= lastPage; page++) {
        if (list.pages.has(page) || list.inflight.has(page)) continue;
        list.inflight.add(page);
        void api['cases.list']({ ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => {
          list.inflight.delete(page);
          if (!r.ok) {
            if (latestKey.current === list.key) setError(r.error);
            return;
          }
          list.pages.set(page, r.value.rows);
          if (latestKey.current === list.key) pageArrived();
        });
      }
    },
    [shown],
  );

  const rowAt = useCallback((index: number): CaseRow | undefined => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [shown]);

  return {
    shown,
    /** True while the list on screen is not yet the answer to the current query. */
    pending: shown === null || shown.key !== key,
    error,
    retry,
    ensureRange,
    rowAt,
  };
}
