import { useId, type Ref } from 'react';
import type { MilestoneOut, ReadinessOut } from '../../shared/releases';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';

import { dateFieldError, useDateText } from '../core/ui/DateField';
import { FieldError, RadioGroup as SharedRadioGroup, TextArea as SharedTextArea, type RadioGroupProps, type TextAreaProps } from '../core/ui/FormFields';

export { FieldError };

/** dkfds dropdown with label, hint, inline error and an optional empty first choice. */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  hint,
  error,
  placeholder,
  labelClassName,
  className,
}: {
  id: string;
  label: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  hint?: string;
  error?: string;
  placeholder?: string;
  /** e.g. 'sr-only' inside a table row, where the column header says it. */
  labelClassName?: string;
  className?: string;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['form-group', error ? 'form-error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className={['form-label', labelClassName].filter(Boolean).join(' ')} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <select
        id={id}
        className="form-select"
        value={value}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {placeholder !== undefined ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The shared textarea, four rows by default, with the releases area's own width rule. */
export function TextArea({ rows = 4, ...props }: TextAreaProps) {
  return <SharedTextArea className="releases-textarea" rows={rows} {...props} />;
}

/** The shared radio group; `inline` lays the choices out in a row. */
export function RadioGroup<V extends string>({ inline, ...props }: Omit<RadioGroupProps<V>, 'listClassName'> & { inline?: boolean }) {
  return <SharedRadioGroup listClassName={inline ? 'releases-inline-radios' : undefined} {...props} />;
}

const STATE_VARIANT: Record<MilestoneOut['state'], 'success' | 'info' | 'error' | 'warning' | null> = {
  done: 'success',
  due: 'warning',
  overdue: 'error',
  'not-applicable': null,
  upcoming: null,
};

/** A milestone's state as a dkfds badge; the text says what the colour means. */
export function StateBadge({ state }: { state: MilestoneOut['state'] }) {
  const variant = STATE_VARIANT[state];
  const text = t(`releases.state.${state}` as const);
  if (!variant) return <span className="releases-muted">{text}</span>;
  return <span className={`badge badge-${variant} releases-badge`}>{text}</span>;
}

/** "5 af 9 arrangeret" with a bar; the text carries the meaning, the bar is decoration. */
export function ReadinessMeter({ readiness, long }: { readiness: ReadinessOut | null; long?: boolean }) {
  if (!readiness) return <span className="releases-muted">{t('releases.readinessNone')}</span>;
  const { arranged, relevant } = readiness;
  const steps = Math.max(relevant, 1);
  const filled = Math.round((arranged / steps) * 10);
  return (
    <span className="releases-readiness">
      <span className="releases-readiness-bar" aria-hidden="true">
        {Array.from({ length: 10 }, (_, i) => (
          <span key={i} className={i < filled ? 'is-filled' : undefined} />
        ))}
      </span>
      <span>{t(long ? 'releases.readinessLong' : 'releases.readiness', { arranged, relevant })}</span>
    </span>
  );
}

/** The tertiary "← Tilbage" above a page heading. */
export function BackButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" className="releases-back" onClick={onClick}>
      <span aria-hidden="true" className="releases-back-arrow">
        ←
      </span>
      {label}
    </button>
  );
}

/** Back to the overview, or to a custody period. */
export function BackTo({ custodyId }: { custodyId?: number }) {
  const { navigate } = useRouter();
  return custodyId === undefined ? (
    <BackButton label={t('releases.back')} onClick={() => navigate({ area: 'releases', screen: 'index' })} />
  ) : (
    <BackButton label={t('releases.backToCustody')} onClick={() => navigate({ area: 'releases', screen: 'custody', custodyId })} />
  );
}

/** A stable id prefix for a component instance's fields. */
export function useIdPrefix(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
}

export interface CellInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'date': a DateField's reading of dd.mm.åååå (value and onChange in ISO). */
  type?: 'text' | 'date';
  error?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/** A compact input inside a table row: the label is read by screen readers, the column header shows it. */
export function CellInput(props: CellInputProps) {
  const { type, ...rest } = props;
  return type === 'date' ? <CellDateInput {...rest} /> : <CellField {...rest} />;
}

function CellDateInput({ value, onChange, error, ...rest }: Omit<CellInputProps, 'type'>) {
  const state = useDateText(value, onChange);
  return (
    <CellField
      {...rest}
      value={state.text}
      onChange={state.change}
      onBlur={state.blur}
      error={dateFieldError(state, error)}
      inputMode="numeric"
      placeholder={t('form.date.format')}
      maxLength={24}
    />
  );
}

function CellField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  maxLength,
  inputRef,
  className,
  inputMode,
  placeholder,
}: Omit<CellInputProps, 'type'> & { onBlur?: () => void; inputMode?: 'numeric'; placeholder?: string }) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['form-group', 'releases-cell-field', error ? 'form-error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="form-label sr-only" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} message={error} />
      <input
        ref={inputRef}
        id={id}
        type="text"
        className="form-input"
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        placeholder={placeholder}
        autoComplete={inputMode ? 'off' : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-describedby={errorId}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
