import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FindHit, FindResult } from '../../shared/cases';
import { api } from '../core/api';
import { t, tableDate, tCount } from '../core/i18n';
import { useRouter } from '../core/shell/router';

/**
 * The header's search box, on every screen (Ctrl+K focuses it): a name (typos forgiven), a CPR
 * number, a birth date or a case number. Every keystroke asks main; an answer to an older text is
 * dropped, so the list always shows the newest answer. Closed cases are not mixed in: they are
 * offered as "1 afsluttet sag matcher - vis den".
 */
export function FindAnyone() {
  const id = useId();
  const { navigate } = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ query: string; value: FindResult } | null>(null);
  const [active, setActive] = useState(0);
  const [showClosed, setShowClosed] = useState(false);
  const [open, setOpen] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        if (document.querySelector('dialog[open]')) return;
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const ask = useCallback((query: string) => {
    const seq = ++latest.current;
    if (query.trim() === '') {
      setResult(null);
      return;
    }
    void api['cases.find']({ query }).then((r) => {
      if (seq !== latest.current || !r.ok) return; // a newer keystroke has asked since
      setResult({ query, value: r.value });
      setActive(0);
      setShowClosed(false);
    });
  }, []);

  const list: FindHit[] = result ? (showClosed ? [...result.value.hits, ...result.value.closed] : result.value.hits) : [];
  const go = (hit: FindHit) => {
    setOpen(false);
    setText('');
    setResult(null);
    latest.current++;
    navigate({ area: 'cases', screen: 'detail', caseId: hit.caseId });
  };
  const expanded = open && result !== null && text.trim() !== '';
  const optionId = (i: number) => `${id}-opt-${i}`;

  return (
    <div className="find-anyone" data-testid="find-anyone">
      <label htmlFor={`${id}-input`} className="sr-only">
        {t('cases.find.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        className="form-input find-anyone-input"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && list.length ? optionId(active) : undefined}
        placeholder={t('cases.find.placeholder')}
        autoComplete="off"
        spellCheck={false}
        value={text}
        data-query={result?.query ?? ''}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          ask(e.target.value);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && list.length) {
            e.preventDefault();
            setActive((a) => Math.min(list.length - 1, a + 1));
          } else if (e.key === 'ArrowUp' && list.length) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && expanded && list[active]) {
            e.preventDefault();
            go(list[active]!);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {expanded ? (
        <div className="find-anyone-popup">
          <ul id={`${id}-list`} role="listbox" aria-label={t('cases.find.results')} className="find-anyone-list">
            {list.map((h, i) => (
              <li
                key={`${h.caseId}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={['find-anyone-option', i === active ? 'is-active' : '', h.status === 'closed' ? 'is-closed' : ''].filter(Boolean).join(' ')}
                data-testid="find-hit"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(h)}
              >
                <strong>
                  {h.firstName} {h.lastName}
                </strong>{' '}
                <span className="find-anyone-meta">
                  {h.caseNumber} · {t('cases.find.level', { level: h.level })}
                  {h.status === 'closed' ? ` · ${t('cases.find.closed')}` : ''} · {h.cprMasked ?? t('cases.find.born', { date: tableDate(h.birthDate) })}
                </span>
              </li>
            ))}
          </ul>
          {result && !result.value.hits.length && !showClosed ? <p className="find-anyone-none">{t('cases.find.none')}</p> : null}
          {result && result.value.closedCount > 0 && !showClosed ? (
            <button type="button" className="button button-tertiary find-anyone-closed" data-testid="find-closed-hint" onClick={() => setShowClosed(true)}>
              {tCount('cases.find.closedHint.one', 'cases.find.closedHint.other', result.value.closedCount, { count: result.value.closedCount })}
            </button>
          ) : null}
          {result?.value.kind === 'cpr' ? <p className="find-anyone-note">{t('cases.find.cprAudited')}</p> : null}
          <p className="sr-only" role="status">
            {result ? tCount('cases.find.count.one', 'cases.find.count.other', list.length, { count: list.length }) : ''}
          </p>
        </div>
      ) : null}
    </div>
  );
}
