import type { ReactNode, Ref } from 'react';
import { t } from '../../i18n';
import { Alert } from '../../ui/Alert';
import type { Loaded } from './useLoad';

/** The dkfds inline error above a control: "Fejl:" for screen readers, then the Danish message. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('form.errorPrefix')} </span>
      {message}
    </span>
  );
}

/** dkfds textarea (`textarea.form-input`) with label, hint and inline error. */
export function TextArea({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  rows = 3,
  maxLength,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  rows?: number;
  maxLength?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <textarea
        ref={inputRef}
        id={id}
        className="form-input input-width-xl sspplus-textarea"
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

/** dkfds radio buttons in a fieldset with a legend. */
export function RadioGroup<V extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  error,
  hint,
}: {
  name: string;
  legend: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  error?: string;
  hint?: string;
}) {
  const errorId = error ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className={error ? 'form-group form-error' : 'form-group'} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${name}-error`} message={error} />
      <ul className="nobullet-list">
        {options.map((o, i) => (
          <li key={o.value}>
            <div className="form-group-radio">
              <input
                className="form-radio"
                type="radio"
                id={i === 0 ? name : `${name}-${o.value}`}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label className="form-label" htmlFor={i === 0 ? name : `${name}-${o.value}`}>
                {o.label}
              </label>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Check boxes for a set of ids, in a fieldset with a legend. */
export function CheckboxGroup({
  name,
  legend,
  options,
  selected,
  onChange,
  hint,
  children,
}: {
  name: string;
  legend: string;
  options: readonly { id: number; label: string }[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
  hint?: string;
  children?: ReactNode;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <fieldset className="form-group" aria-describedby={hintId}>
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <ul className="nobullet-list sspplus-check-grid">
        {options.map((o, i) => (
          <li key={o.id}>
            <div className="form-group-checkbox">
              <input
                className="form-checkbox"
                type="checkbox"
                id={i === 0 ? name : `${name}-${o.id}`}
                checked={selected.includes(o.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((x) => x !== o.id))}
              />
              <label className="form-label" htmlFor={i === 0 ? name : `${name}-${o.id}`}>
                {o.label}
              </label>
            </div>
          </li>
        ))}
      </ul>
      {children}
    </fieldset>
  );
}

/** "Indlæser", the error, or the content once the data is there. */
export function LoadingGate<T>({ data, children }: { data: Loaded<T>; children: (value: T) => ReactNode }) {
  if (data.state === 'loading') {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  if (data.state === 'error') {
    return (
      <Alert variant="error" heading={t('sspPlus.loadFailed')} live="alert">
        <p>{data.error.message}</p>
      </Alert>
    );
  }
  return <>{children(data.value)}</>;
}

/** A dkfds badge; the text says what the colour means. */
export function Badge({ variant, children }: { variant: 'info' | 'success' | 'warning' | 'error'; children: ReactNode }) {
  return <span className={`badge badge-${variant} sspplus-badge`}>{children}</span>;
}
