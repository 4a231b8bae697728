import { useId, type Ref } from 'react';
import { FieldError, RadioGroup as SharedRadioGroup, TextArea as SharedTextArea, type RadioGroupProps as SharedRadioGroupProps, type TextAreaProps } from '../core/ui/FormFields';

const fieldId = (id: string | undefined, generated: string) => id ?? `f${generated.replace(/:/g, '')}`;

/** The shared textarea, four rows by default, with the cases area's own width rule. */
export function TextArea({ rows = 4, ...props }: TextAreaProps) {
  return <SharedTextArea widthClassName="" className="case-textarea" rows={rows} {...props} />;
}

export type RadioGroupProps<V extends string> = Omit<SharedRadioGroupProps<V>, 'layout' | 'className' | 'listClassName'> & { inline?: boolean };

/**
 * The shared radio buttons, one after the other (`div.radio-options`); `inline` lays them out in a
 * row. The first radio gets `id` (so an error summary can link to the group).
 */
export function RadioGroup<V extends string>({ inline, ...props }: RadioGroupProps<V>) {
  return <SharedRadioGroup layout="plain" className={inline ? 'radio-inline' : undefined} {...props} />;
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
      <FieldError id={`${selectId}-error`} message={error} />
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
