import { proseDate, t } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { Icon } from '../core/ui/Icon';
import { TextField } from '../core/ui/TextField';
import { SelectField } from './fields';
import { sexName } from './labels';
import { newContact, PERSON_FIELD_IDS, type PersonFormState, type SexChoice } from './personForm';
import { DateField } from '../core/ui/DateField';

export interface PersonFieldsProps {
  person: PersonFormState;
  districts: readonly { id: number; name: string }[];
  /** The masked CPR of an existing person, shown while the number is kept. */
  maskedCpr?: string | null;
  /** The user wants to change the kept CPR: reveal it into the field. */
  onChangeCpr?: () => void;
  changeCprBusy?: boolean;
}

/** Name, CPR (checked as typed), birth date, legal sex, district, school and contacts of a young person. */
export function PersonFields({ person, districts, maskedCpr, onChangeCpr, changeCprBusy }: PersonFieldsProps) {
  const { form, parsed, cprError, contacts, setContacts, contactErrors, keepCpr } = person;
  const cprOk = parsed?.ok ? parsed.value : null;
  const hasCpr = keepCpr || cprOk !== null;

  const sexOptions: { value: SexChoice; label: string }[] = [
    ...(keepCpr || cprOk ? [{ value: 'fromCpr' as const, label: cprOk ? t('cases.person.sexFromCprIs', { sex: sexName(cprOk.sex) }) : t('cases.person.sexFromCpr') }] : []),
    { value: 'K', label: sexName('K') },
    { value: 'M', label: sexName('M') },
    { value: 'unknown', label: sexName('unknown') },
  ];
  const sexValue: SexChoice = form.values.sex === 'fromCpr' && !hasCpr ? 'unknown' : form.values.sex;

  const cprFeedback = cprOk ? (
    <span className="cpr-feedback" data-testid="cpr-feedback">
      <span>{t('cases.person.cprDerived', { date: proseDate(cprOk.birthDate), sex: sexName(cprOk.sex) })}</span>
      {cprOk.warnings.map((w) => (
        <span className="cpr-warning" key={w}>
          <Icon name="warning" label={t('alert.warning')} className="cpr-warning-icon" />
          <span>{w}</span>
        </span>
      ))}
    </span>
  ) : undefined;

  const setContact = (i: number, patch: Partial<(typeof contacts)[number]>) => setContacts(contacts.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <>
      <div className="form-row">
        <TextField id={PERSON_FIELD_IDS.firstName} label={t('cases.person.firstName')} autoComplete="off" maxLength={80} width="m" {...form.field('firstName')} />
        <TextField id={PERSON_FIELD_IDS.lastName} label={t('cases.person.lastName')} autoComplete="off" maxLength={80} width="m" {...form.field('lastName')} />
      </div>
      {keepCpr && maskedCpr ? (
        <div className="form-group kept-cpr">
          <span className="form-label" id="person-cpr-label">
            {t('cases.person.cpr')}
          </span>
          <p className="kept-cpr-value" aria-labelledby="person-cpr-label">
            <span className="cpr-mono">{maskedCpr}</span> <span className="muted">{t('cases.person.cprKept')}</span>
          </p>
          <Button variant="secondary" onClick={onChangeCpr} busy={changeCprBusy} busyLabel={t('cases.working')} id={PERSON_FIELD_IDS.cpr}>
            {t('cases.person.changeCpr')}
          </Button>
        </div>
      ) : (
        <TextField
          id={PERSON_FIELD_IDS.cpr}
          label={t('cases.person.cprOptional')}
          hint={t('cases.person.cprHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          width="s"
          inputClassName="cpr-mono"
          {...form.field('cpr')}
          error={cprError}
          feedback={cprFeedback}
        />
      )}
      {!hasCpr ? (
        <DateField id={PERSON_FIELD_IDS.birthDate} label={t('cases.person.birthDate')} hint={t('cases.person.birthDateHint')} width="s" {...form.field('birthDate')} />
      ) : null}
      <SelectField
        id={PERSON_FIELD_IDS.sex}
        label={t('cases.person.sex')}
        hint={t('cases.person.sexHint')}
        value={sexValue}
        options={sexOptions}
        onChange={(v) => form.set('sex', v)}
        error={form.errorOf('sex')}
      />
      <SelectField
        id={PERSON_FIELD_IDS.districtId}
        label={t('cases.person.district')}
        value={form.values.districtId}
        options={[{ value: '', label: t('cases.person.noDistrict') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
        onChange={(v) => form.set('districtId', v)}
        error={form.errorOf('districtId')}
      />
      <TextField id={PERSON_FIELD_IDS.school} label={t('cases.person.school')} hint={t('cases.person.schoolHint')} maxLength={160} autoComplete="off" {...form.field('school')} />

      <fieldset className="contacts">
        <legend className="h4">{t('cases.contacts.legend')}</legend>
        <p className="form-hint">{t('cases.contacts.hint')}</p>
        {contacts.length === 0 ? <p className="muted">{t('cases.contacts.none')}</p> : null}
        {contacts.map((c, i) => (
          <div className="contact-row" key={c.key} role="group" aria-label={t('cases.contact.group', { n: i + 1 })}>
            <TextField id={`contact-${i}-name`} label={t('cases.contact.name')} value={c.name} onChange={(name) => setContact(i, { name })} error={contactErrors[i]?.name} maxLength={120} width="m" autoComplete="off" />
            <TextField id={`contact-${i}-relation`} label={t('cases.contact.relation')} hint={undefined} value={c.relation} onChange={(relation) => setContact(i, { relation })} error={contactErrors[i]?.relation} maxLength={80} width="s" autoComplete="off" />
            <TextField id={`contact-${i}-phone`} type="tel" label={t('cases.contact.phone')} value={c.phone} onChange={(phone) => setContact(i, { phone })} error={contactErrors[i]?.phone} maxLength={40} width="s" autoComplete="off" />
            <Button
              variant="tertiary"
              className="contact-remove"
              onClick={() => {
                setContacts(contacts.filter((_, j) => j !== i));
                setTimeout(() => document.getElementById('contact-add')?.focus(), 0);
              }}
            >
              {t('cases.contact.remove')}
              <span className="sr-only"> {t('cases.contact.group', { n: i + 1 })}</span>
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          id="contact-add"
          onClick={() => {
            setContacts([...contacts, newContact()]);
            setTimeout(() => document.getElementById(`contact-${contacts.length}-name`)?.focus(), 0);
          }}
        >
          {t('cases.contact.add')}
        </Button>
      </fieldset>
    </>
  );
}
