import type { ReactNode } from 'react';

import { FieldError, RadioGroup, TextArea as SharedTextArea, type TextAreaProps } from '../core/ui/FormFields';

export { FieldError, RadioGroup };

/** The shared textarea with SSP+'s own height rule. */
export function TextArea(props: TextAreaProps) {
  return <SharedTextArea className="sspplus-textarea" {...props} />;
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

/** A dkfds badge; the text says what the colour means. */
export function Badge({ variant, children }: { variant: 'info' | 'success' | 'warning' | 'error'; children: ReactNode }) {
  return <span className={`badge badge-${variant} sspplus-badge`}>{children}</span>;
}
