import { useCallback, useMemo, useState } from 'react';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/**
 * Form state with validation as the user types: a field's error shows once the field has been
 * left with something in it (blur) or the form submitted, and then follows every keystroke. Errors from the main
 * process (result.error.fields) show until the field is edited. Values are kept when a call
 * fails, so nothing typed is lost.
 */
export function useForm<V extends Record<string, string>>(initial: V, validate: (values: V) => FieldErrors<keyof V & string>) {
  type K = keyof V & string;
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Partial<Record<K, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors<K>>({});

  const errors = useMemo(() => validate(values), [validate, values]);

  const set = useCallback((key: K, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setServerErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  }, []);

  // An empty field is not flagged on blur, only on submit: a message appearing as focus leaves
  // would shift the layout under the pointer on its way to the submit button.
  const errorOf = (key: K): string | undefined =>
    serverErrors[key] ?? (submitted || (touched[key] && values[key] !== '') ? errors[key] : undefined);

  /** Props for a TextField bound to `key`. */
  const field = (key: K) => ({
    value: values[key],
    onChange: (value: string) => set(key, value),
    onBlur: () => setTouched((tch) => (tch[key] ? tch : { ...tch, [key]: true })),
    error: errorOf(key),
  });

  const reset = useCallback((next: V) => {
    setValues(next);
    setTouched({});
    setSubmitted(false);
    setServerErrors({});
  }, []);

  return {
    values,
    errors,
    errorOf,
    field,
    set,
    submitted,
    /** Marks the form submitted; true when the values pass validation. */
    submit: () => {
      setSubmitted(true);
      return Object.values(errors).every((e) => !e);
    },
    setServerErrors,
    reset,
  };
}
