import { useEffect, useState } from 'react';
import type { OutputOf } from '../../shared/contract';

/** A person found by the people search (the search op lives in the releases contract for now). */
type ReleasePersonHit = OutputOf<'releases.people.search'>[number];
import { fullName } from '../../shared/core/names';
import { api } from '../core/api';
import { proseDate, t } from '../core/i18n';
import { TextField } from '../core/ui/TextField';

export interface PersonPickerProps {
  selected: ReleasePersonHit | null;
  onSelect: (person: ReleasePersonHit | null) => void;
  error?: string;
}

/**
 * Find a young person already in the register by name or case number (the shared person search).
 * Someone with an open case cannot get another one: shown, but not selectable.
 */
export function PersonPicker({ selected, onSelect, error }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<ReleasePersonHit[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const text = search.trim();
    if (text.length < 2) {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api['releases.people.search']({ search: text, limit: 20 }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setHits(r.value);
          setFailed(null);
        } else setFailed(r.error.message);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search]);

  return (
    <div className="person-picker">
      <TextField
        id="person-search"
        type="search"
        label={t('cases.picker.search')}
        hint={t('cases.picker.searchHint')}
        value={search}
        onChange={setSearch}
        autoComplete="off"
        spellCheck={false}
        width="l"
        error={error}
      />
      {failed ? <p className="form-error-message">{failed}</p> : null}
      <div role="status" className="picker-status">
        {hits === null ? null : hits.length === 0 ? t('cases.picker.none') : hits.length === 1 ? t('cases.picker.count.one') : t('cases.picker.count.other', { count: hits.length })}
      </div>
      {hits && hits.length > 0 ? (
        <fieldset className="picker-hits">
          <legend className="sr-only">{t('cases.picker.legend')}</legend>
          {hits.map((h) => {
            const blocked = h.caseNumber !== null;
            const id = `person-hit-${h.id}`;
            return (
              <div className="form-group-radio" key={h.id}>
                <input id={id} type="radio" name="person-hit" className="form-radio" disabled={blocked} checked={selected?.id === h.id} onChange={() => onSelect(h)} />
                <label className="form-label" htmlFor={id}>
                  <strong>{fullName(h.firstName, h.lastName)}</strong>
                  <span className="form-hint radio-hint">
                    {t('cases.picker.born', { date: proseDate(h.birthDate) })}
                    {h.district ? ` · ${h.district}` : ''}
                    {blocked ? ` · ${t('cases.picker.hasOpenCase', { caseNumber: h.caseNumber ?? '' })}` : ''}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
