import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { Forum } from '../../shared/leader-meetings';
import { api } from '../core/api';
import { t, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { partnerName } from './labels';
import { GuestRows, type GuestDraft } from './GuestRows';
import { DateField } from '../core/ui/DateField';

/** Nyt møde: forum, date, time and place, who attends; the agenda is proposed on creation. */
export function NewMeetingScreen({ forumId }: { forumId?: number }) {
  const { replace, back } = useRouter();
  const [forums, setForums] = useState<Forum[] | null>(null);
  const [selected, setSelected] = useState<string>('');
  const [heldOn, setHeldOn] = useState(() => todayIso());
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  const [memberIds, setMemberIds] = useState<number[]>([]);
  const [guests, setGuests] = useState<GuestDraft[]>([]);
  const [propose, setPropose] = useState(true);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  useEffect(() => {
    let live = true;
    void api['forums.list']({}).then((r) => {
      if (!live) return;
      if (!r.ok) return setFailure(r.error);
      const active = r.value.filter((f) => f.active);
      setForums(active);
      const first = active.find((f) => f.id === forumId) ?? active[0];
      if (first) {
        setSelected(String(first.id));
        setMemberIds(first.members.map((m) => m.id));
      }
    });
    return () => {
      live = false;
    };
  }, [forumId]);

  const forum = forums?.find((f) => String(f.id) === selected);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !forum) return;
    setBusy(true);
    setFailure(null);
    const result = await api['meetings.create']({
      forumId: forum.id,
      heldOn,
      ...(startsAt ? { startsAt } : {}),
      ...(location.trim() ? { location } : {}),
      memberIds,
      guests: guests.filter((g) => g.name.trim()).map((g) => ({ name: g.name, partner: g.partner })),
      proposeAgenda: propose,
    });
    setBusy(false);
    if (result.ok) replace({ area: 'leaderMeetings', screen: 'meeting', meetingId: result.value.id });
    else {
      setFailure(result.error);
      focusLater(failureRef);
    }
  };

  return (
    <>
      <PageHeader title={t('meetings.new.title')} lead={t('meetings.new.lead')} />
      {failure ? (
        <Alert variant="error" heading={t('meetings.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {forums === null ? (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      ) : (
        <form noValidate onSubmit={onSubmit} className="stack-form meetings-form">
          <Select
            id="meeting-forum"
            label={t('meetings.field.forum')}
            value={selected}
            options={forums.map((f) => ({ value: String(f.id), label: f.name }))}
            onChange={(v) => {
              setSelected(v);
              setMemberIds(forums.find((f) => String(f.id) === v)?.members.map((m) => m.id) ?? []);
            }}
          />
          <DateField id="meeting-date" label={t('meetings.field.date')} value={heldOn} onChange={setHeldOn} width="s" error={failure?.fields?.heldOn} />
          <TextField id="meeting-time" type="time" label={t('meetings.field.time')} value={startsAt} onChange={setStartsAt} width="xs" />
          <TextField id="meeting-location" label={t('meetings.field.location')} value={location} onChange={setLocation} maxLength={160} />
          <fieldset>
            <legend className="form-label">{t('meetings.field.attendees')}</legend>
            {forum && forum.members.length ? (
              forum.members.map((m) => (
                <Checkbox
                  key={m.id}
                  id={`attendee-${m.id}`}
                  label={`${m.name} (${partnerName(m.partner)})`}
                  checked={memberIds.includes(m.id)}
                  onChange={(on) => setMemberIds((ids) => (on ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
                />
              ))
            ) : (
              <p className="meetings-muted">{t('meetings.new.noMembers')}</p>
            )}
          </fieldset>
          <GuestRows guests={guests} onChange={setGuests} />
          <Checkbox id="meeting-propose" label={t('meetings.new.propose')} checked={propose} onChange={setPropose} />
          <p className="form-hint">{t('meetings.new.proposeHint')}</p>
          <div className="form-actions">
            <Button type="submit" busy={busy} busyLabel={t('meetings.saving')}>
              {t('meetings.new.submit')}
            </Button>
            <Button variant="tertiary" onClick={back}>
              {t('meetings.cancel')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
