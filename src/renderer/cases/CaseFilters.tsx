import type { Ref } from 'react';
import type { CaseLevel } from '../../shared/cases';
import { t } from '../core/i18n';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import type { CaseFilter, ReviewFilter, StatusFilter } from './filter';
import { LEVELS, LIST_AGE_BANDS, ageBandName, levelName, type ListAgeBand } from './labels';

export interface CaseFiltersProps {
  filter: CaseFilter;
  onChange: (patch: Partial<CaseFilter>) => void;
  districts: readonly { id: number; name: string }[];
  coordinators: readonly string[];
  searchRef: Ref<HTMLInputElement>;
  /** Arrow Down in the search field moves into the list. */
  onSearchArrowDown: () => void;
}

/** Search and filters above the case list. Every change applies at once (search after a short pause). */
export function CaseFilters({ filter, onChange, districts, coordinators, searchRef, onSearchArrowDown }: CaseFiltersProps) {
  const toggleLevel = (level: CaseLevel, on: boolean) =>
    onChange({ levels: on ? [...filter.levels, level].sort() : filter.levels.filter((l) => l !== level) });
  return (
    <div className="case-filters" role="search" aria-label={t('cases.filter.label')}>
      <div className="case-search">
        <TextField
          id="case-search"
          type="search"
          label={t('cases.filter.search')}
          value={filter.search}
          onChange={(search) => onChange({ search })}
          inputRef={searchRef}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          width="xl"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              onSearchArrowDown();
            }
          }}
        />
      </div>
      <fieldset className="case-level-filter">
        <legend className="form-label">{t('cases.filter.level')}</legend>
        <div className="case-level-options">
          {LEVELS.map((level) => (
            <div className="form-group-checkbox" key={level}>
              <input
                id={`case-filter-level-${level}`}
                type="checkbox"
                className="form-checkbox"
                checked={filter.levels.includes(level)}
                onChange={(e) => toggleLevel(level, e.target.checked)}
              />
              <label className="form-label" htmlFor={`case-filter-level-${level}`} title={levelName(level)}>
                {level}
                <span className="sr-only"> {levelName(level)}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Select<StatusFilter>
        id="case-filter-status"
        label={t('cases.filter.status')}
        value={filter.status}
        options={[
          { value: 'open', label: t('cases.filter.status.open') },
          { value: 'closed', label: t('cases.filter.status.closed') },
          { value: 'all', label: t('cases.filter.status.all') },
        ]}
        onChange={(status) => onChange({ status })}
      />
      <Select
        id="case-filter-district"
        label={t('cases.filter.district')}
        value={filter.districtId}
        options={[{ value: '', label: t('cases.filter.allDistricts') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        onChange={(districtId) => onChange({ districtId })}
      />
      <Select
        id="case-filter-coordinator"
        label={t('cases.filter.coordinator')}
        value={filter.coordinator}
        options={[{ value: '', label: t('cases.filter.allCoordinators') }, ...coordinators.map((c) => ({ value: c, label: c }))]}
        onChange={(coordinator) => onChange({ coordinator })}
      />
      <Select<'' | ListAgeBand>
        id="case-filter-age"
        label={t('cases.filter.age')}
        value={filter.ageBand}
        options={[{ value: '', label: t('cases.filter.allAges') }, ...LIST_AGE_BANDS.map((b) => ({ value: b, label: ageBandName(b) }))]}
        onChange={(ageBand) => onChange({ ageBand })}
      />
      <Select<ReviewFilter>
        id="case-filter-review"
        label={t('cases.filter.review')}
        value={filter.review}
        options={[
          { value: '', label: t('cases.filter.review.any') },
          { value: 'due', label: t('cases.filter.review.due') },
          { value: 'overdue', label: t('cases.filter.review.overdue') },
        ]}
        onChange={(review) => onChange({ review })}
      />
    </div>
  );
}
