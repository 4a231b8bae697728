import { useState, type ReactNode } from 'react';
import { DATE_INPUT_YEARS, formatDateNumeric, isValidIsoDate, parseDateInput, type DateInputProblem } from '../../../shared/core/dates';
import { t } from '../i18n';
import { TextField, type TextFieldProps } from './TextField';

/** The Danish sentence for a typed date that is not one. */
export function dateProblemMessage(problem: DateInputProblem): string {
  if (problem === 'noSuchDate') return t('form.date.noSuchDate');
  if (problem === 'yearRange') return t('form.date.yearRange', { min: DATE_INPUT_YEARS.min, max: DATE_INPUT_YEARS.max });
  return t('form.date.badFormat');
}

/**
 * For a form's rules: the message when a date field's value is text that is not a date (a DateField
 * passes what was typed on, so nothing is lost); undefined for '' and for an ISO date.
 */
export function notADate(value: string | null | undefined): string | undefined {
  return value && !isValidIsoDate(value) ? t('form.date.invalid') : undefined;
}

/** What a date field shows for a value: dd.mm.yyyy for an ISO date, anything else as it is. */
const shown = (value: string): string => (isValidIsoDate(value) ? formatDateNumeric(value) : value);

export interface DateTextOptions {
  /** The latest allowed ISO date (e.g. today for "when did it happen"). */
  max?: string;
  /** The earliest allowed ISO date. */
  min?: string;
  onBlur?: () => void;
}

/**
 * The state behind a date field, for any input that shows one (DateField, a table cell).
 *
 * The form holds ISO: `value` is 'YYYY-MM-DD', '' for an empty field, or, while the text is not a
 * date, exactly what the user typed (so nothing typed is lost, and a form rule such as
 * isValidIsoDate sees that it is not a date). `onChange` gets the same three kinds of value.
 * The text shows dd.mm.yyyy; what the user types stays on screen as typed until the field is
 * left, then a date is written out as dd.mm.yyyy.
 */
export function useDateText(value: string, onChange: (value: string) => void, { max, min, onBlur }: DateTextOptions = {}) {
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  // The last value this field gave the form (or was given): a different value came from outside
  // (a reset, a default, a proposal) and replaces the text. React's "adjust state while
  // rendering" pattern, so the new text shows in the same paint.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(shown(value));
  }

  const parsed = parseDateInput(text);
  let problem: string | undefined;
  if (parsed && !parsed.ok) problem = dateProblemMessage(parsed.problem);
  else if (parsed?.ok && max && isValidIsoDate(max) && parsed.date > max) problem = t('form.date.afterMax', { date: formatDateNumeric(max) });
  else if (parsed?.ok && min && isValidIsoDate(min) && parsed.date < min) problem = t('form.date.beforeMin', { date: formatDateNumeric(min) });

  return {
    text,
    /** The field's own finding on what was typed; shown once the field has been left. */
    problem,
    /** True when the text is not a date at all (then its message wins over the form's). */
    unreadable: parsed !== null && !parsed.ok,
    left,
    change(raw: string) {
      setText(raw);
      const r = parseDateInput(raw);
      const next = r === null ? '' : r.ok ? r.date : raw;
      setSeen(next);
      onChange(next);
    },
    blur() {
      setLeft(true);
      const r = parseDateInput(text);
      if (r?.ok) setText(formatDateNumeric(r.date));
      onBlur?.();
    },
  };
}

/**
 * The one error a date field shows: its own reading of the text when that is not a date (more
 * precise than the form's "skriv en gyldig dato"), else the form's error, else the field's range
 * check. Its own findings show once the field has been left or the form has an error for it.
 */
export function dateFieldError(state: ReturnType<typeof useDateText>, formError: string | undefined): string | undefined {
  const own = state.left || formError ? state.problem : undefined;
  if (state.unreadable && own) return own;
  return formError ?? own;
}

export interface DateFieldProps extends Omit<TextFieldProps, 'type' | 'value' | 'onChange' | 'min' | 'max' | 'inputMode' | 'onBlur' | 'hint'> {
  /** ISO 'YYYY-MM-DD', '' or the text typed so far (see useDateText). */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Shown under the format hint "dd.mm.åååå". */
  hint?: ReactNode;
  max?: string;
  min?: string;
}

/**
 * A date the Danish way, whatever language the computer is set to: a text field (numeric
 * keyboard) that shows dd.mm.åååå and reads 31.12.2009, 31-12-2009, 31/12/2009, 31122009 and
 * 1.2.2009 (parseDateInput in shared/core/dates.ts). Drop-in for a TextField that had
 * type="date": the same value (ISO) and onChange, so useForm's `form.field(key)` spreads onto it.
 * dkfds's date-input hint and error markup (TextField); its calendar script is not used, because
 * it rewrites the DOM under React.
 */
export function DateField({ value, onChange, onBlur, hint, max, min, error, width = 's', ...rest }: DateFieldProps) {
  const state = useDateText(value, onChange, { max, min, onBlur });
  return (
    <TextField
      {...rest}
      width={width}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={24}
      value={state.text}
      onChange={state.change}
      onBlur={state.blur}
      hint={
        hint ? (
          <>
            <span className="date-field-format">{t('form.date.format')}</span>
            <span className="date-field-hint">{hint}</span>
          </>
        ) : (
          t('form.date.format')
        )
      }
      error={dateFieldError(state, error)}
      data-date-field=""
    />
  );
}
