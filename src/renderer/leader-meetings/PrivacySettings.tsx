import { useEffect, useState, type FormEvent } from 'react';
import { FORUM_KINDS, PRIVACY_LEVELS, type ForumKind, type PrivacyLevel } from '../../shared/leader-meetings';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Select } from '../core/ui/Select';

export const privacyOptions = PRIVACY_LEVELS.map((p) => ({ value: p.code as string, label: p.label }));

/** Per forum kind: the most private level its terms of reference allow; a new forum starts there. */
export function PrivacySettings() {
  const [value, setValue] = useState<Record<ForumKind, PrivacyLevel> | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void api['meetings.settings']({}).then((r) => {
      if (live && r.ok) setValue(r.value.privacyDefaults as Record<ForumKind, PrivacyLevel>);
    });
    return () => {
      live = false;
    };
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value) return;
    const r = await api['meetings.saveSettings']({ privacyDefaults: value });
    setMessage(r.ok ? { ok: true, text: t('meetings.privacy.saved') } : { ok: false, text: r.error.message });
  };

  return (
    <section aria-labelledby="privacy-heading" className="meetings-section">
      <h2 id="privacy-heading">{t('meetings.privacy.heading')}</h2>
      <p>{t('meetings.privacy.lead')}</p>
      {message ? (
        <Alert variant={message.ok ? 'success' : 'error'} live="status">
          <p>{message.text}</p>
        </Alert>
      ) : null}
      {value ? (
        <form noValidate onSubmit={onSubmit} className="meetings-inline-form">
          {FORUM_KINDS.map((k) => (
            <Select
              key={k.code}
              id={`privacy-default-${k.code}`}
              label={t('meetings.privacy.defaultFor', { kind: k.label })}
              value={value[k.code]}
              options={privacyOptions}
              onChange={(v) => setValue({ ...value, [k.code]: v as PrivacyLevel })}
            />
          ))}
          <Button type="submit" variant="secondary">
            {t('meetings.privacy.save')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
