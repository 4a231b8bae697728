import { useId, type Ref } from 'react';
import { t } from '../i18n';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  id?: string;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** dkfds checkbox (`.form-group-checkbox` > `.form-checkbox` + label), with the `form-error` pattern. */
export function Checkbox({ label, checked, onChange, id, error, inputRef }: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? `f${generated.replace(/:/g, '')}`;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      {error ? (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error}
        </span>
      ) : null}
      <div className="form-group-checkbox">
        <input
          ref={inputRef}
          id={inputId}
          type="checkbox"
          className="form-checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={errorId}
          aria-invalid={error ? true : undefined}
        />
        <label className="form-label" htmlFor={inputId}>
          {label}
        </label>
      </div>
    </div>
  );
}
