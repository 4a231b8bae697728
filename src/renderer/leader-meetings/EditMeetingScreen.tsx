import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { MeetingDetail } from '../../shared/leader-meetings';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { TextField } from '../core/ui/TextField';
import { privacyLevelLabel } from '../../shared/leader-meetings';
import { privacyOptions } from './PrivacySettings';
import { useFocusLater } from '../core/ui/useFocusLater';
import { GuestRows, newGuest, type GuestDraft } from './GuestRows';
import { partnerName } from './labels';
import { DateField } from '../core/ui/DateField';

/** Redigér møde: date (while nothing is decided), time, place and attendees; or delete it. */
export function EditMeetingScreen({ meetingId }: { meetingId: number }) {
  const { replace, navigate, back } = useRouter();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [heldOn, setHeldOn] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [location, setLocation] = useState('');
  /** '' follows the forum. */
  const [privacyLevel, setPrivacyLevel] = useState('');
  const [memberIds, setMemberIds] = useState<number[]>([]);
  const [guests, setGuests] = useState<GuestDraft[]>([]);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  useEffect(() => {
    let live = true;
    void api['meetings.get']({ meetingId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setFailure(r.error);
      const m = r.value;
      setMeeting(m);
      setHeldOn(m.heldOn);
      setStartsAt(m.startsAt ?? '');
      setLocation(m.location ?? '');
      setPrivacyLevel(m.privacyLevel ?? '');
      setMemberIds(m.attendees.flatMap((a) => (a.memberId !== null && !a.guest ? [a.memberId] : [])));
      setGuests(m.attendees.filter((a) => a.guest || a.memberId === null).map((a) => newGuest(a.name, a.partner)));
    });
    return () => {
      live = false;
    };
  }, [meetingId]);

  const decided = meeting?.agenda.some((i) => i.decision) ?? false;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await api['meetings.update']({
      meetingId,
      heldOn,
      ...(startsAt ? { startsAt } : {}),
      ...(location.trim() ? { location } : {}),
      memberIds,
      guests: guests.filter((g) => g.name.trim()).map((g) => ({ name: g.name, partner: g.partner })),
      privacyLevel: privacyLevel || null,
    });
    setBusy(false);
    if (result.ok) replace({ area: 'leaderMeetings', screen: 'meeting', meetingId });
    else {
      setFailure(result.error);
      focusLater(failureRef);
    }
  };

  const onDelete = async () => {
    const result = await api['meetings.delete']({ meetingId });
    if (result.ok) navigate({ area: 'leaderMeetings', screen: 'index' });
    else {
      setConfirmDelete(false);
      setFailure(result.error);
      focusLater(failureRef);
    }
  };

  return (
    <>
      <PageHeader title={t('meetings.edit.title')} lead={meeting ? meeting.forum.name : undefined} />
      {failure ? (
        <Alert variant="error" heading={t('meetings.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {meeting === null ? (
        failure ? null : (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        )
      ) : (
        <form noValidate onSubmit={onSubmit} className="stack-form meetings-form">
          <DateField
            id="meeting-date"
            label={t('meetings.field.date')}
            hint={decided ? t('meetings.edit.dateLocked') : undefined}
            readOnly={decided}
            value={heldOn}
            onChange={setHeldOn}
            width="s"
            error={failure?.fields?.heldOn}
          />
          <TextField id="meeting-time" type="time" label={t('meetings.field.time')} value={startsAt} onChange={setStartsAt} width="xs" />
          <TextField id="meeting-location" label={t('meetings.field.location')} value={location} onChange={setLocation} maxLength={160} />
          <Select
            id="meeting-privacy"
            label={t('meetings.edit.privacyLabel')}
            hint={t('meetings.edit.privacyHint')}
            value={privacyLevel}
            options={[{ value: '', label: t('meetings.edit.privacyForum', { level: privacyLevelLabel(meeting.forum.privacyLevel) }) }, ...privacyOptions]}
            onChange={setPrivacyLevel}
          />
          <fieldset>
            <legend className="form-label">{t('meetings.field.attendees')}</legend>
            {meeting.forum.members.length ? (
              meeting.forum.members.map((m) => (
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
          <div className="form-actions">
            <Button type="submit" busy={busy} busyLabel={t('meetings.saving')}>
              {t('meetings.edit.submit')}
            </Button>
            <Button variant="tertiary" onClick={back}>
              {t('meetings.cancel')}
            </Button>
          </div>
          {decided ? null : (
            <div className="meetings-danger-zone">
              {confirmDelete ? (
                <Alert variant="warning" heading={t('meetings.edit.deleteConfirm')} ref={confirmRef}>
                  <p>{t('meetings.edit.deleteHint')}</p>
                  <div className="form-actions">
                    <Button variant="warning" onClick={() => void onDelete()}>
                      {t('meetings.edit.deleteYes')}
                    </Button>
                    <Button variant="tertiary" onClick={() => setConfirmDelete(false)}>
                      {t('meetings.cancel')}
                    </Button>
                  </div>
                </Alert>
              ) : (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setConfirmDelete(true);
                    focusLater(confirmRef);
                  }}
                >
                  {t('meetings.edit.delete')}
                </Button>
              )}
            </div>
          )}
        </form>
      )}
    </>
  );
}
