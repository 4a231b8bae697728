import type { CaseListInput } from '../../shared/cases';
import type { CaseLevel } from '../../shared/cases';
import type { ListAgeBand } from './labels';

export type SortKey = NonNullable<CaseListInput['sort']>;
export type SortDirection = 'asc' | 'desc';
export type StatusFilter = 'open' | 'closed' | 'all';
export type ReviewFilter = '' | 'due' | 'overdue';

/** What the case list shows: remembered for the session (see useSessionState). */
export interface CaseFilter {
  search: string;
  levels: CaseLevel[];
  /** '' for every district, else a district id as text (the select's value). */
  districtId: string;
  status: StatusFilter;
  coordinator: string;
  ageBand: '' | ListAgeBand;
  review: ReviewFilter;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTER: CaseFilter = {
  search: '',
  levels: [],
  districtId: '',
  status: 'open',
  coordinator: '',
  ageBand: '',
  review: '',
  sort: 'caseNumber',
  direction: 'asc',
};

export const PAGE_SIZE = 200;

/** True when the filter narrows the list beyond the default (sorting does not count). */
export function isFiltered(f: CaseFilter): boolean {
  return (
    f.search.trim() !== '' ||
    f.levels.length > 0 ||
    f.districtId !== '' ||
    f.status !== DEFAULT_FILTER.status ||
    f.coordinator !== '' ||
    f.ageBand !== '' ||
    f.review !== ''
  );
}

/** Filters and sorting as a cases.list input, without the page. */
export function toListInput(f: CaseFilter, search: string): Omit<CaseListInput, 'offset' | 'limit'> {
  const text = search.trim();
  return {
    ...(text ? { search: text.slice(0, 100) } : {}),
    ...(f.levels.length ? { levels: [...f.levels].sort() } : {}),
    ...(f.districtId ? { districtIds: [Number(f.districtId)] } : {}),
    status: f.status,
    ...(f.coordinator ? { coordinator: f.coordinator } : {}),
    ...(f.ageBand ? { ageBands: [f.ageBand] } : {}),
    ...(f.review ? { review: f.review } : {}),
    sort: f.sort,
    direction: f.direction,
  };
}
