import { useEffect, useRef, useState } from 'react';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import type { ReportSelection } from './routes';

type Mode = ReportSelection['mode'];

/**
 * Anonymised or exact figures. Anonymised is the default; exact takes an explicit confirmation
 * (a tick and a button) every time it is chosen, and is labelled wherever it is shown.
 */
export function ModeSwitch({ name, mode, threshold, onChange }: { name: string; mode: Mode; threshold: number; onChange: (mode: Mode) => void }) {
  const [pending, setPending] = useState(false);
  const [ack, setAck] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending) panel.current?.focus();
  }, [pending]);

  const shown: Mode = pending ? 'exact' : mode;
  const choose = (next: Mode) => {
    if (next === 'anonymised') {
      setPending(false);
      onChange('anonymised');
    } else if (mode !== 'exact') {
      setAck(false);
      setError(undefined);
      setPending(true);
    }
  };
  const confirm = () => {
    if (!ack) {
      setError(t('report.exact.needCheck'));
      return;
    }
    setPending(false);
    onChange('exact');
  };

  return (
    <>
      <fieldset className="form-group report-mode">
        <legend className="form-label">{t('report.mode')}</legend>
        <ul className="nobullet-list">
          {(['anonymised', 'exact'] as const).map((m) => (
            <li key={m}>
              <div className="form-group-radio">
                <input className="form-radio" type="radio" id={`${name}-${m}`} name={name} value={m} checked={shown === m} onChange={() => choose(m)} />
                <label className="form-label" htmlFor={`${name}-${m}`}>
                  {m === 'exact' ? t('report.mode.exact') : t('report.mode.anonymised')}
                </label>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
      {pending ? (
        <Alert ref={panel} variant="warning" heading={t('report.exact.confirmHeading')} className="report-exact-confirm">
          <p>{t('report.exact.confirmText', { max: threshold - 1 })}</p>
          <Checkbox id={`${name}-ack`} label={t('report.exact.confirmCheck')} checked={ack} onChange={setAck} error={error} />
          <div className="report-buttons">
            <Button variant="warning" onClick={confirm}>
              {t('report.exact.confirmButton')}
            </Button>
            <Button variant="secondary" onClick={() => choose('anonymised')}>
              {t('report.exact.cancel')}
            </Button>
          </div>
        </Alert>
      ) : null}
    </>
  );
}

/** The label on every exact view: a warning that the figures are not for publication. */
export function ExactBanner({ onLeave }: { onLeave?: () => void }) {
  return (
    <Alert variant="warning" heading={t('report.exact.banner')} className="report-exact-banner">
      <p>{t('report.exact.bannerText')}</p>
      {onLeave ? (
        <Button variant="secondary" className="report-no-print" onClick={onLeave}>
          {t('report.exact.back')}
        </Button>
      ) : null}
    </Alert>
  );
}
