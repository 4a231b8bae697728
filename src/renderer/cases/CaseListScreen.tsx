import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseRow } from '../../shared/cases';
import { api } from '../core/api';
import { t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { useSessionMemory, useSessionState } from '../core/shell/session';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { PageHeader } from '../core/ui/PageHeader';
import { CaseFilters } from './CaseFilters';
import { CaseGrid, type CaseGridView } from './CaseGrid';
import { DEFAULT_FILTER, isFiltered, toListInput, type CaseFilter, type SortKey } from './filter';
import { formatCount } from './labels';
import { useCasePages } from './useCasePages';
import { useReference } from './useReference';

const VIEW_KEY = 'cases.list.view';

/** Sager: the case list with search, filters, sorting and keyboard use; smooth with tens of thousands of cases. */
export function CaseListScreen() {
  const { navigate } = useRouter();
  const [filter, setFilter] = useSessionState<CaseFilter>('cases.list.filter', DEFAULT_FILTER);
  const memory = useSessionMemory();
  // No debounce: every keystroke asks; useCasePages drops answers to queries that have changed since.
  const search = filter.search;
  const query = useMemo(() => toListInput(filter, search), [filter, search]);
  const { shown, pending, error, retry, ensureRange, rowAt } = useCasePages(query);
  const { districts, coordinators } = useReference();
  const [anyCases, setAnyCases] = useState<boolean | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridFocus = useRef<(() => void) | null>(null);
  const today = todayIso();
  const [initialView] = useState<CaseGridView>(() => (memory.get(VIEW_KEY) as CaseGridView | undefined) ?? { active: 0, offset: 0 });

  // '/' jumps to the search field from anywhere on the screen but a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const total = shown?.total ?? 0;
  const empty = shown !== null && !pending && total === 0;
  const filtered = isFiltered(filter);
  // Nothing in the vault at all: only the empty state with its two ways in.
  const vaultEmpty = empty && !filtered && anyCases === false;

  // An empty answer to the default filter: is the vault empty, or are all cases closed?
  useEffect(() => {
    if (!empty || filtered || anyCases !== null) return;
    let live = true;
    void api['cases.list']({ status: 'all', limit: 1 }).then((r) => {
      if (live && r.ok) setAnyCases(r.value.total > 0);
    });
    return () => {
      live = false;
    };
  }, [empty, filtered, anyCases]);

  const change = useCallback((patch: Partial<CaseFilter>) => setFilter((f) => ({ ...f, ...patch })), [setFilter]);
  const sortBy = useCallback(
    (key: SortKey) => setFilter((f) => ({ ...f, sort: key, direction: f.sort === key && f.direction === 'asc' ? 'desc' : 'asc' })),
    [setFilter],
  );
  const open = useCallback((row: CaseRow) => navigate({ area: 'cases', screen: 'detail', caseId: row.id }), [navigate]);
  const clear = () => {
    setFilter((f) => ({ ...DEFAULT_FILTER, sort: f.sort, direction: f.direction }));
    searchRef.current?.focus();
  };

  const countText =
    shown === null
      ? t('app.loading')
      : shown.capped
        ? t('cases.list.count.capped', { count: formatCount(total) })
        : total === 1 ? t('cases.list.count.one') : t('cases.list.count.other', { count: formatCount(total) });

  return (
    <>
      <div className="case-list-head">
        <PageHeader title={t('cases.list.title')}>
          {vaultEmpty ? null : (
            <div className="case-toolbar">
              <Button onClick={() => navigate({ area: 'cases', screen: 'new' })}>{t('cases.list.new')}</Button>
              <Button variant="secondary" onClick={() => navigate({ area: 'cases', screen: 'import' })}>
                {t('cases.list.import')}
              </Button>
            </div>
          )}
        </PageHeader>
      </div>
      {vaultEmpty ? null : (
        <>
          <CaseFilters
            filter={filter}
            onChange={change}
            districts={districts}
            coordinators={coordinators}
            searchRef={searchRef}
            onSearchArrowDown={() => gridFocus.current?.()}
          />
          <div className="case-list-summary">
            <p role="status" className="case-count" data-testid="case-count">
              {countText}
            </p>
            {filtered ? (
              <Button variant="tertiary" onClick={clear}>
                {t('cases.list.clearFilters')}
              </Button>
            ) : null}
            <p className="case-keys-hint">{t('cases.list.keysHint')}</p>
          </div>
        </>
      )}
      {error ? (
        <Alert variant="error" heading={t('cases.list.loadFailed')} live="alert">
          <p>{error.message}</p>
          <Button variant="secondary" onClick={retry}>
            {t('app.retry')}
          </Button>
        </Alert>
      ) : null}
      <div className="case-list-body" data-testid="case-list" data-query={shown?.search ?? ''} data-state={pending ? 'loading' : 'ready'} data-total={total} data-capped={shown?.capped ? 'true' : undefined}>
        {empty ? (
          <EmptyList filtered={filtered} anyCases={anyCases} onClear={clear} onShowAll={() => change({ status: 'all' })} />
        ) : shown ? (
          <CaseGrid
            total={total}
            rowAt={rowAt}
            ensureRange={ensureRange}
            filter={filter}
            onSort={sortBy}
            onOpen={open}
            today={today}
            initial={initialView}
            onViewChange={(view) => memory.set(VIEW_KEY, view)}
            resetKey={shown.key}
            focusRef={gridFocus}
          />
        ) : (
          <p className="loading">{t('app.loading')}</p>
        )}
      </div>
    </>
  );
}

function EmptyList({ filtered, anyCases, onClear, onShowAll }: { filtered: boolean; anyCases: boolean | null; onClear: () => void; onShowAll: () => void }) {
  const { navigate } = useRouter();
  if (filtered) {
    return (
      <div className="case-empty" data-testid="case-empty">
        <h2 className="h3">{t('cases.empty.noMatch')}</h2>
        <p>{t('cases.empty.noMatchText')}</p>
        <Button variant="secondary" onClick={onClear}>
          {t('cases.list.clearFilters')}
        </Button>
      </div>
    );
  }
  if (anyCases === null) return null;
  if (anyCases) {
    return (
      <div className="case-empty" data-testid="case-empty">
        <h2 className="h3">{t('cases.empty.noOpen')}</h2>
        <p>{t('cases.empty.noOpenText')}</p>
        <Button variant="secondary" onClick={onShowAll}>
          {t('cases.empty.showAll')}
        </Button>
      </div>
    );
  }
  return (
    <div className="case-empty" data-testid="case-empty">
      <h2 className="h3">{t('cases.empty.none')}</h2>
      <p>{t('cases.empty.noneText')}</p>
      <div className="case-toolbar">
        <Button onClick={() => navigate({ area: 'cases', screen: 'new' })}>{t('cases.list.new')}</Button>
        <Button variant="secondary" onClick={() => navigate({ area: 'cases', screen: 'import' })}>
          {t('cases.list.import')}
        </Button>
      </div>
    </div>
  );
}
