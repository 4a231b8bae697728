import { useCallback, useMemo, useState } from 'react';
import type { Person, PersonInput } from '../../shared/cases';
import { parseCpr } from '../../shared/core/cpr';
import { isValidIsoDate } from '../../shared/core/dates';
import { t } from '../core/i18n';
import { useForm, type FieldErrors } from '../core/ui/useForm';

export type SexChoice = 'fromCpr' | 'M' | 'K' | 'unknown';

export type PersonValues = {
  firstName: string;
  lastName: string;
  cpr: string;
  birthDate: string;
  sex: SexChoice;
  districtId: string;
  school: string;
};

export interface ContactDraft {
  key: number;
  name: string;
  relation: string;
  phone: string;
}

export type ContactErrors = Record<number, { name?: string; relation?: string; phone?: string }>;

let contactKeys = 0;
export const newContact = (c: Partial<ContactDraft> = {}): ContactDraft => ({ key: ++contactKeys, name: '', relation: '', phone: '', ...c });

export const PERSON_FIELD_IDS: Record<keyof PersonValues, string> = {
  firstName: 'person-first-name',
  lastName: 'person-last-name',
  cpr: 'person-cpr',
  birthDate: 'person-birth-date',
  sex: 'person-sex',
  districtId: 'person-district',
  school: 'person-school',
};

export function initialPersonValues(p?: Person): PersonValues {
  return {
    firstName: p?.firstName ?? '',
    lastName: p?.lastName ?? '',
    cpr: '',
    birthDate: p && !p.cpr ? p.birthDate : '',
    sex: !p ? 'fromCpr' : p.sexFromCpr ? 'fromCpr' : p.sex,
    districtId: p?.districtId ? String(p.districtId) : '',
    school: p?.school ?? '',
  };
}

/**
 * The person part of a form: values with validation as the user types (CPR parsed in the
 * renderer with the shared rules; whether another person has it asked from main, debounced),
 * contacts, and the PersonInput to send. `keptCpr` is the masked CPR of an existing person whose
 * number stays as it is unless the user chooses to change it.
 */
export function usePersonForm(today: string, person?: Person) {
  const [keepCpr, setKeepCpr] = useState(!!person?.cpr);
  const validate = useCallback(
    (v: PersonValues): FieldErrors<keyof PersonValues> => {
      const e: FieldErrors<keyof PersonValues> = {};
      if (!v.firstName.trim()) e.firstName = t('cases.person.firstNameRequired');
      if (!v.lastName.trim()) e.lastName = t('cases.person.lastNameRequired');
      const cpr = v.cpr.trim();
      if (cpr) {
        const parsed = parseCpr(cpr, { today });
        if (!parsed.ok) e.cpr = parsed.reason;
      } else if (!keepCpr) {
        if (!v.birthDate) e.birthDate = t('cases.person.birthDateRequired');
        else if (!isValidIsoDate(v.birthDate)) e.birthDate = t('cases.date.invalid');
        else if (v.birthDate > today) e.birthDate = t('cases.person.birthDateFuture');
      }
      return e;
    },
    [today, keepCpr],
  );
  const form = useForm<PersonValues>(initialPersonValues(person), validate);
  const [contacts, setContacts] = useState<ContactDraft[]>(() =>
    (person?.contacts ?? []).map((c) => newContact({ name: c.name, relation: c.relation, phone: c.phone ?? '' })),
  );
  const [contactServerErrors, setContactServerErrors] = useState<ContactErrors>({});

  // Live feedback (format, birth date, sex, modulus-11 warning) comes from parsing here. Whether
  // another person has the number is told only by people.create/update (no oracle, issue 15).
  const cprText = form.values.cpr.trim();
  const parsed = useMemo(() => (cprText ? parseCpr(cprText, { today }) : null), [cprText, today]);

  const contactErrors = useMemo(() => {
    const errors: ContactErrors = {};
    contacts.forEach((c, i) => {
      const e: ContactErrors[number] = { ...contactServerErrors[i] };
      if (!c.name.trim() && !e.name) e.name = t('cases.contact.nameRequired');
      if (!c.relation.trim() && !e.relation) e.relation = t('cases.contact.relationRequired');
      if (e.name || e.relation || e.phone) errors[i] = e;
    });
    return errors;
  }, [contacts, contactServerErrors]);

  // New contact rows are not flagged while still empty; only after a submit (or main's answer).
  const visibleContactErrors: ContactErrors = form.submitted ? contactErrors : contactServerErrors;

  const cprError = form.errorOf('cpr');

  /** Messages for the error summary: field id and text, in the order of the form. */
  const summary = (): { fieldId: string; message: string }[] => {
    const items: { fieldId: string; message: string }[] = [];
    for (const key of Object.keys(PERSON_FIELD_IDS) as (keyof PersonValues)[]) {
      const message = key === 'cpr' ? cprError : form.errorOf(key);
      if (message) items.push({ fieldId: PERSON_FIELD_IDS[key], message });
    }
    contacts.forEach((_, i) => {
      const e = visibleContactErrors[i];
      if (e?.name) items.push({ fieldId: `contact-${i}-name`, message: t('cases.contact.errorIn', { n: i + 1, message: e.name }) });
      if (e?.relation) items.push({ fieldId: `contact-${i}-relation`, message: t('cases.contact.errorIn', { n: i + 1, message: e.relation }) });
      if (e?.phone) items.push({ fieldId: `contact-${i}-phone`, message: t('cases.contact.errorIn', { n: i + 1, message: e.phone }) });
    });
    return items;
  };

  /** Marks the person part submitted; true when it can be sent. */
  const submit = () => {
    const ok = form.submit();
    return ok && Object.keys(contactErrors).length === 0;
  };

  /** Field errors from main (paths like 'cpr', 'person.firstName', 'person.contacts.0.name'). */
  const applyServerErrors = (fields: Record<string, string> | undefined) => {
    if (!fields) return;
    const own: FieldErrors<keyof PersonValues> = {};
    const contactErrs: ContactErrors = {};
    for (const [path, message] of Object.entries(fields)) {
      const p = path.replace(/^person\./, '');
      const contact = /^contacts\.(\d+)\.(name|relation|phone)$/.exec(p);
      if (contact) {
        const i = Number(contact[1]);
        contactErrs[i] = { ...contactErrs[i], [contact[2] as 'name']: message };
      } else if (p in PERSON_FIELD_IDS) own[p as keyof PersonValues] = message;
    }
    form.setServerErrors(own);
    setContactServerErrors(contactErrs);
  };

  const updateContacts = (next: ContactDraft[]) => {
    setContacts(next);
    setContactServerErrors({});
  };

  /** The input for people.create / cases.open. `cpr` is the number to keep when `keepCpr`. */
  const toInput = (keptCpr?: string | null): PersonInput => {
    const v = form.values;
    const cpr = keepCpr ? (keptCpr ?? '') : v.cpr.trim();
    return {
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      ...(cpr ? { cpr } : v.birthDate ? { birthDate: v.birthDate } : {}),
      ...(v.sex === 'fromCpr' ? (cpr ? {} : { sex: 'unknown' as const }) : { sex: v.sex }),
      ...(v.districtId ? { districtId: Number(v.districtId) } : {}),
      ...(v.school.trim() ? { school: v.school.trim() } : {}),
      contacts: contacts.map((c) => ({ name: c.name.trim(), relation: c.relation.trim(), ...(c.phone.trim() ? { phone: c.phone.trim() } : {}) })),
    };
  };

  return { form, parsed, cprError, contacts, setContacts: updateContacts, contactErrors: visibleContactErrors, summary, submit, applyServerErrors, toInput, keepCpr, setKeepCpr };
}

export type PersonFormState = ReturnType<typeof usePersonForm>;
