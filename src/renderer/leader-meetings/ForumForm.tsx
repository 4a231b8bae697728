import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { Forum } from '../../shared/leader-meetings';
import { FORUM_KINDS } from '../../shared/leader-meetings';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { privacyOptions } from './PrivacySettings';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { partnerOptions } from './labels';

interface MemberDraft {
  key: number;
  id?: number;
  name: string;
  partner: string;
  title: string;
}

let memberKey = 0;

/** Create or edit a forum: name, kind, districts, members with partner, and whether minutes may show names. */
export function ForumForm({ forumId }: { forumId?: number }) {
  const { replace, back } = useRouter();
  const [districts, setDistricts] = useState<{ id: number; name: string; active: boolean }[] | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('leader-group');
  const [districtIds, setDistrictIds] = useState<number[]>([]);
  const [minutesShowNames, setMinutesShowNames] = useState(false);
  // null: not chosen yet, a new forum then gets its kind's default (shown from the setting)
  const [privacyLevel, setPrivacyLevel] = useState<string | null>(null);
  const [privacyDefaults, setPrivacyDefaults] = useState<Record<string, string> | null>(null);
  const [active, setActive] = useState(true);
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  useEffect(() => {
    let live = true;
    void (async () => {
      const [ds, fs, st] = await Promise.all([api['districts.list']({}), forumId ? api['forums.list']({}) : Promise.resolve(null), api['meetings.settings']({})]);
      if (!live) return;
      if (!ds.ok) return setFailure(ds.error);
      if (st.ok) setPrivacyDefaults(st.value.privacyDefaults);
      setDistricts(ds.value);
      if (fs && fs.ok) {
        const f = fs.value.find((x: Forum) => x.id === forumId);
        if (!f) return;
        setName(f.name);
        setKind(f.kind);
        setDistrictIds(f.districtIds);
        setMinutesShowNames(f.minutesShowNames);
        setPrivacyLevel(f.privacyLevel);
        setActive(f.active);
        setMembers(f.members.map((m) => ({ key: ++memberKey, id: m.id, name: m.name, partner: m.partner, title: m.title ?? '' })));
      } else if (fs && !fs.ok) setFailure(fs.error);
    })();
    return () => {
      live = false;
    };
  }, [forumId]);

  const updateMember = (key: number, change: Partial<MemberDraft>) => setMembers((ms) => ms.map((m) => (m.key === key ? { ...m, ...change } : m)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await api['forums.save']({
      ...(forumId ? { id: forumId } : {}),
      name,
      kind,
      districtIds,
      minutesShowNames,
      ...(privacyLevel ? { privacyLevel } : {}),
      active,
      members: members
        .filter((m) => m.name.trim())
        .map((m) => ({ ...(m.id ? { id: m.id } : {}), name: m.name, partner: m.partner, ...(m.title.trim() ? { title: m.title } : {}) })),
    });
    setBusy(false);
    if (result.ok) replace({ area: 'leaderMeetings', screen: 'forums' });
    else {
      setFailure(result.error);
      focusLater(failureRef);
    }
  };

  const fieldError = (path: string) => failure?.fields?.[path];

  return (
    <>
      <PageHeader title={forumId ? t('meetings.forum.editTitle') : t('meetings.forum.newTitle')} />
      {failure ? (
        <Alert variant="error" heading={t('meetings.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {districts === null ? (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      ) : (
        <form noValidate onSubmit={onSubmit} className="stack-form meetings-form">
          <TextField id="forum-name" label={t('meetings.forum.name')} value={name} onChange={setName} error={fieldError('name')} maxLength={120} />
          <Select id="forum-kind" label={t('meetings.forum.kind')} value={kind} options={FORUM_KINDS.map((k) => ({ value: k.code as string, label: k.label }))} onChange={setKind} hint={t('meetings.forum.kindHint')} />
          <fieldset aria-describedby={fieldError('districtIds') ? 'forum-districts-error' : undefined}>
            <legend className="form-label">{t('meetings.forum.districts')}</legend>
            {fieldError('districtIds') ? (
              <span className="form-error-message" id="forum-districts-error">
                {fieldError('districtIds')}
              </span>
            ) : null}
            <div className="meetings-checkbox-grid">
              {districts.map((d) => (
                <Checkbox
                  key={d.id}
                  id={`forum-district-${d.id}`}
                  label={d.name}
                  checked={districtIds.includes(d.id)}
                  onChange={(on) => setDistrictIds((ids) => (on ? [...ids, d.id] : ids.filter((x) => x !== d.id)))}
                />
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="form-label">{t('meetings.forum.members')}</legend>
            {members.length === 0 ? <p className="meetings-muted">{t('meetings.forum.noMembers')}</p> : null}
            {members.map((m, i) => (
              <div key={m.key} className="meetings-member-row">
                <TextField id={`member-${m.key}-name`} label={t('meetings.forum.memberName', { n: i + 1 })} value={m.name} onChange={(v) => updateMember(m.key, { name: v })} width="m" maxLength={120} />
                <Select id={`member-${m.key}-partner`} label={t('meetings.field.partner')} value={m.partner} options={partnerOptions} onChange={(v) => updateMember(m.key, { partner: v })} />
                <TextField id={`member-${m.key}-title`} label={t('meetings.forum.memberTitle')} value={m.title} onChange={(v) => updateMember(m.key, { title: v })} width="m" maxLength={120} />
                <Button variant="tertiary" onClick={() => setMembers((ms) => ms.filter((x) => x.key !== m.key))}>
                  {t('meetings.remove')}
                  <span className="sr-only"> {m.name || t('meetings.forum.memberName', { n: i + 1 })}</span>
                </Button>
              </div>
            ))}
            <Button variant="secondary" onClick={() => setMembers((ms) => [...ms, { key: ++memberKey, name: '', partner: 'sof', title: '' }])}>
              {t('meetings.forum.addMember')}
            </Button>
          </fieldset>
          <fieldset>
            <legend className="form-label">{t('meetings.forum.settings')}</legend>
            <Select
              id="forum-privacy"
              label={t('meetings.forum.privacyLabel')}
              hint={privacyLevel ? t('meetings.forum.privacyHint') : t('meetings.forum.privacyDefaultHint')}
              value={privacyLevel ?? privacyDefaults?.[kind] ?? 'case-number'}
              options={privacyOptions}
              onChange={setPrivacyLevel}
            />
            <Checkbox id="forum-minutes-names" label={t('meetings.forum.minutesNamesLabel')} checked={minutesShowNames} onChange={setMinutesShowNames} />
            <p className="form-hint">{t('meetings.forum.minutesNamesHint')}</p>
            <Checkbox id="forum-active" label={t('meetings.forum.activeLabel')} checked={active} onChange={setActive} />
          </fieldset>
          <div className="form-actions">
            <Button type="submit" busy={busy} busyLabel={t('meetings.saving')}>
              {t('meetings.forum.save')}
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
