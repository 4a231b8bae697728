import { useId, type ReactNode, type Ref } from 'react';
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

/** The given id, or one made from React's useId (without its colons, so it works in a selector). */
function fieldId(id: string | undefined, generated: string): string {
  return id ?? `f${generated.replace(/:/g, '')}`;
}

export interface TextAreaProps {
  /** Made up when left out. */
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  hint?: ReactNode;
  error?: string;
  rows?: number;
  maxLength?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** Added to the textarea's dkfds classes (an area's own width or height rule). */
  className?: string;
  /** The dkfds width class; '' when the area's own class sets the width. */
  widthClassName?: string;
}

/** dkfds textarea (`textarea.form-input`) with label, hint and inline error. */
export function TextArea({ id: givenId, label, value, onChange, onBlur, hint, error, rows = 3, maxLength, inputRef, className, widthClassName = 'input-width-xl' }: TextAreaProps) {
  const id = fieldId(givenId, useId());
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
        className={['form-input', widthClassName, className].filter(Boolean).join(' ')}
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
  name: string;
  legend: string;
  value: V | '';
  options: readonly { value: V; label: ReactNode; hint?: string }[];
  onChange: (value: V) => void;
  /** The first radio's id (an error summary links to it) and the prefix of the others; `name` when left out. */
  id?: string;
  error?: string;
  hint?: string;
  /** Added to the fieldset's classes (e.g. 'radio-inline'). */
  className?: string;
  /** Added to the list's classes (e.g. an area's inline layout). */
  listClassName?: string;
  /** 'list': the radios in a ul.nobullet-list; 'plain': in a div.radio-options, one after the other. */
  layout?: 'list' | 'plain';
}

/** dkfds radio buttons in a fieldset with a legend. The first radio carries `id` (or `name`) as its id. */
export function RadioGroup<V extends string>({ name, legend, value, options, onChange, id, error, hint, className, listClassName, layout = 'list' }: RadioGroupProps<V>) {
  const base = id ?? name;
  const errorId = error ? `${base}-error` : undefined;
  const hintId = hint ? `${base}-hint` : undefined;
  const radios = options.map((o, i) => {
    const optionId = i === 0 ? base : `${base}-${o.value}`;
    const radio = (
      <div className="form-group-radio" key={o.value}>
        <input className="form-radio" type="radio" id={optionId} name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
        <label className="form-label" htmlFor={optionId}>
          {o.label}
          {o.hint ? <span className="form-hint radio-hint">{o.hint}</span> : null}
        </label>
      </div>
    );
    return layout === 'list' ? <li key={o.value}>{radio}</li> : radio;
  });
  return (
    <fieldset className={['form-group', error ? 'form-error' : '', className ?? ''].filter(Boolean).join(' ')} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${base}-error`} message={error} />
      {layout === 'list' ? (
        <ul className={['nobullet-list', listClassName].filter(Boolean).join(' ')}>{radios}</ul>
      ) : (
        <div className={['radio-options', listClassName].filter(Boolean).join(' ')}>{radios}</div>
      )}
    </fieldset>
  );
}
