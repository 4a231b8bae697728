import { useEffect, useState, type FormEvent } from 'react';
import { MAX_AGENDA_LOOKBACK_DAYS, MIN_AGENDA_LOOKBACK_DAYS } from '../../shared/leader-meetings';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { TextField } from '../core/ui/TextField';

/** How far back the agenda proposal looks when a forum has no earlier meeting (design: 90 days). */
export function LookbackSetting() {
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void api['meetings.settings']({}).then((r) => {
      if (live && r.ok) setValue(String(r.value.agendaLookbackDays));
    });
    return () => {
      live = false;
    };
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const days = Number(value);
    if (!Number.isInteger(days) || days < MIN_AGENDA_LOOKBACK_DAYS || days > MAX_AGENDA_LOOKBACK_DAYS) {
      setError(t('meetings.lookback.invalid', { min: MIN_AGENDA_LOOKBACK_DAYS, max: MAX_AGENDA_LOOKBACK_DAYS }));
      return;
    }
    setError(undefined);
    const r = await api['meetings.saveSettings']({ agendaLookbackDays: days });
    setMessage(r.ok ? { ok: true, text: t('meetings.lookback.saved', { days }) } : { ok: false, text: r.error.message });
  };

  return (
    <section aria-labelledby="lookback-heading" className="meetings-section">
      <h2 id="lookback-heading">{t('meetings.lookback.heading')}</h2>
      {message ? (
        <Alert variant={message.ok ? 'success' : 'error'} live="status">
          <p>{message.text}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="meetings-inline-form">
        <TextField id="lookback-days" type="number" inputMode="numeric" label={t('meetings.lookback.label')} hint={t('meetings.lookback.hint')} value={value} onChange={setValue} width="xs" error={error} />
        <Button type="submit" variant="secondary">
          {t('meetings.lookback.save')}
        </Button>
      </form>
    </section>
  );
}
