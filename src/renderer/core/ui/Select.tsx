import { useId } from 'react';

export interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string;
  id?: string;
}

/** dkfds dropdown (`.form-select`) with label and hint. */
export function Select<V extends string>({ label, value, options, onChange, hint, id }: SelectProps<V>) {
  const generated = useId();
  const selectId = id ?? `f${generated.replace(/:/g, '')}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={selectId}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <select id={selectId} className="form-select" value={value} aria-describedby={hintId} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
