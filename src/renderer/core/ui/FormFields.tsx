import type { Ref } from 'react';
import { t } from '../i18n';

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

export interface TextAreaProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  rows?: number;
  maxLength?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** Added to the textarea's dkfds classes (an area's own width or height rule). */
  className?: string;
}

/** dkfds textarea (`textarea.form-input`) with label, hint and inline error. */
export function TextArea({ id, label, value, onChange, hint, error, rows = 3, maxLength, inputRef, className }: TextAreaProps) {
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
        className={['form-input input-width-xl', className].filter(Boolean).join(' ')}
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

export interface RadioGroupProps<V extends string> {
  name: string;
  legend: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  error?: string;
  hint?: string;
  /** Added to the list's classes (e.g. an area's inline layout). */
  listClassName?: string;
}

/** dkfds radio buttons in a fieldset with a legend. The first radio carries `name` as its id. */
export function RadioGroup<V extends string>({ name, legend, value, options, onChange, error, hint, listClassName }: RadioGroupProps<V>) {
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
      <ul className={['nobullet-list', listClassName].filter(Boolean).join(' ')}>
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${o.value}`;
          return (
            <li key={o.value}>
              <div className="form-group-radio">
                <input className="form-radio" type="radio" id={id} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
                <label className="form-label" htmlFor={id}>
                  {o.label}
                </label>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
