import { useId, type ReactNode, type Ref } from 'react';
import { t } from '../core/i18n';

/** The dkfds error message line shared by the fields below. */
function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <span className="form-error-message" id={id}>
      <span className="sr-only">{t('form.errorPrefix')} </span>
      {error}
    </span>
  );
}

const fieldId = (id: string | undefined, generated: string) => id ?? `f${generated.replace(/:/g, '')}`;

export interface TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  id?: string;
  hint?: ReactNode;
  error?: string;
  rows?: number;
  maxLength?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** dkfds textarea (`textarea.form-input`) with label, hint and inline error. */
export function TextArea({ label, value, onChange, onBlur, id, hint, error, rows = 4, maxLength, inputRef }: TextAreaProps) {
  const inputId = fieldId(id, useId());
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={inputId}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${inputId}-error`} error={error} />
      <textarea
        ref={inputRef}
        id={inputId}
        className="form-input case-textarea"
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

export interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V | '';
  options: readonly { value: V; label: ReactNode; hint?: string }[];
  onChange: (value: V) => void;
  id?: string;
  error?: string;
  hint?: string;
  inline?: boolean;
}

/**
 * dkfds radio buttons in a fieldset (`.form-group-radio` > `input.form-radio` + label). The first
 * radio gets `id` (so an error summary can link to the group).
 */
export function RadioGroup<V extends string>({ legend, name, value, options, onChange, id, error, hint, inline }: RadioGroupProps<V>) {
  const base = fieldId(id, useId());
  const errorId = error ? `${base}-error` : undefined;
  const hintId = hint ? `${base}-hint` : undefined;
  return (
    <fieldset className={['form-group', error ? 'form-error' : '', inline ? 'radio-inline' : ''].filter(Boolean).join(' ')} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${base}-error`} error={error} />
      <div className="radio-options">
        {options.map((o, i) => {
          const optionId = i === 0 ? base : `${base}-${o.value}`;
          return (
            <div className="form-group-radio" key={o.value}>
              <input id={optionId} type="radio" className="form-radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
              <label className="form-label" htmlFor={optionId}>
                {o.label}
                {o.hint ? <span className="form-hint radio-hint">{o.hint}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  id?: string;
  hint?: string;
  error?: string;
  selectRef?: Ref<HTMLSelectElement>;
}

/** dkfds dropdown with an inline error (the shared Select has none). */
export function SelectField({ label, value, options, onChange, id, hint, error, selectRef }: SelectFieldProps) {
  const selectId = fieldId(id, useId());
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={selectId}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${selectId}-error`} error={error} />
      <select
        ref={selectRef}
        id={selectId}
        className="form-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
