import { useId, useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { t } from '../i18n';
import { Icon } from './Icon';

export type InputWidth = 'xs' | 's' | 'm' | 'l' | 'xl';

export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'className' | 'width'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Stable id, so an error summary can link to the field. Generated when left out. */
  id?: string;
  hint?: ReactNode;
  /** The field's error message; shown in the dkfds `form-error` pattern and tied to the input. */
  error?: string;
  /** Extra live text under the input (e.g. passphrase strength), read with the field. */
  feedback?: ReactNode;
  width?: InputWidth;
  /** For type="password": adds a Vis/Skjul button that shows the text. */
  revealable?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra classes on the input (e.g. a monospace look). */
  inputClassName?: string;
}

/**
 * dkfds text input: label, hint, inline error (`.form-group.form-error`, `.form-error-message`)
 * and input, linked with for/id and aria-describedby.
 */
export function TextField({ label, value, onChange, id, hint, error, feedback, width = 'l', revealable, inputRef, inputClassName, type = 'text', ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? `f${generated.replace(/:/g, '')}`;
  const [revealed, setRevealed] = useState(false);
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const feedbackId = feedback ? `${inputId}-feedback` : undefined;
  const describedBy = [hintId, errorId, feedbackId].filter(Boolean).join(' ') || undefined;

  const input = (
    <input
      {...rest}
      ref={inputRef}
      id={inputId}
      className={['form-input', `input-width-${width}`, inputClassName].filter(Boolean).join(' ')}
      type={revealable && revealed ? 'text' : type}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      spellCheck={revealable || type === 'password' ? false : rest.spellCheck}
    />
  );

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
      {error ? (
        <span className="form-error-message" id={errorId}>
          <span className="sr-only">{t('form.errorPrefix')} </span>
          {error}
        </span>
      ) : null}
      {revealable ? (
        <div className="form-input-wrapper reveal-wrapper">
          {input}
          <button
            type="button"
            className="button button-secondary reveal-button"
            aria-pressed={revealed}
            aria-controls={inputId}
            onClick={() => setRevealed((r) => !r)}
          >
            <Icon name={revealed ? 'visibility-off' : 'visibility'} />
            <span>{t('form.show')}</span>
            <span className="sr-only"> {label.toLowerCase()}</span>
          </button>
        </div>
      ) : (
        input
      )}
      {feedback ? (
        <span className="form-hint field-feedback" id={feedbackId}>
          {feedback}
        </span>
      ) : null}
    </div>
  );
}
