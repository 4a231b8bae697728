import { t } from '../core/i18n';
import { Button } from '../core/ui/Button';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { partnerOptions } from './labels';

export interface GuestDraft {
  key: number;
  name: string;
  partner: string;
}

let guestKey = 0;

/** Guests at a meeting: name and partner, added and removed freely. */
export function GuestRows({ guests, onChange }: { guests: GuestDraft[]; onChange: (guests: GuestDraft[]) => void }) {
  const update = (key: number, change: Partial<GuestDraft>) => onChange(guests.map((g) => (g.key === key ? { ...g, ...change } : g)));
  return (
    <fieldset>
      <legend className="form-label">{t('meetings.field.guests')}</legend>
      {guests.map((g, i) => (
        <div key={g.key} className="meetings-member-row">
          <TextField id={`guest-${g.key}-name`} label={t('meetings.guest.name', { n: i + 1 })} value={g.name} onChange={(v) => update(g.key, { name: v })} width="m" maxLength={120} />
          <Select id={`guest-${g.key}-partner`} label={t('meetings.field.partner')} value={g.partner} options={partnerOptions} onChange={(v) => update(g.key, { partner: v })} />
          <Button variant="tertiary" onClick={() => onChange(guests.filter((x) => x.key !== g.key))}>
            {t('meetings.remove')}
            <span className="sr-only"> {t('meetings.guest.name', { n: i + 1 })}</span>
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => onChange([...guests, { key: ++guestKey, name: '', partner: 'other' }])}>
        {t('meetings.guest.add')}
      </Button>
    </fieldset>
  );
}

export function newGuest(name: string, partner: string): GuestDraft {
  return { key: ++guestKey, name, partner };
}
