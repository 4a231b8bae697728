import { useRef, useState, type FormEvent } from 'react';
import type { Owner } from '../../shared/vault';
import { proseDate, t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Checkbox } from '../core/ui/Checkbox';
import { PageHeader } from '../core/ui/PageHeader';

/** The key in groups of four, spaced for reading; the hyphens stay in the text for copying and screen readers. */
function KeyGroups({ groups }: { groups: readonly string[] }) {
  return groups.map((g, i) => (
    <span key={i} className="recovery-key-group">
      {g}
      {i < groups.length - 1 ? <span className="sr-only">-</span> : null}
    </span>
  ));
}

/**
 * Shows the recovery key once, right after the vault is created, with what to do with it.
 * The user must tick "Jeg har gemt gendannelsesnøglen" before continuing. Printing shows only
 * the print sheet (see .print-sheet in styles/app.css).
 */
export function RecoveryKeyScreen({ recoveryKey, owner, createdAt, onDone }: { recoveryKey: string; owner: Owner; createdAt: Date; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [showError, setShowError] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const groups = recoveryKey.split('-');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!saved) {
      setShowError(true);
      checkboxRef.current?.focus();
      return;
    }
    onDone();
  };

  return (
    <>
      <div className="d-print-none">
        <PageHeader title={t('vault.recovery.title')} lead={t('vault.recovery.lead')} />
        <Alert variant="warning" heading={t('vault.recovery.onceHeading')}>
          <p>{t('vault.recovery.onceText')}</p>
        </Alert>
        <h2 className="h3" id="recovery-key-label">
          {t('vault.recovery.keyLabel')}
        </h2>
        <p className="recovery-key" data-testid="recovery-key">
          <KeyGroups groups={groups} />
        </p>
        <h2 className="h3">{t('vault.recovery.instructionsHeading')}</h2>
        <ol className="recovery-steps">
          <li>{t('vault.recovery.step1')}</li>
          <li>{t('vault.recovery.step2')}</li>
          <li>{t('vault.recovery.step3')}</li>
          <li>{t('vault.recovery.step4')}</li>
        </ol>
        <Button variant="secondary" icon="print" onClick={() => window.print()}>
          {t('vault.recovery.print')}
        </Button>
        <form noValidate onSubmit={onSubmit} className="recovery-confirm">
          <Checkbox
            id="recovery-saved"
            label={t('vault.recovery.confirm')}
            checked={saved}
            inputRef={checkboxRef}
            onChange={(checked) => {
              setSaved(checked);
              if (checked) setShowError(false);
            }}
            error={showError && !saved ? t('vault.recovery.confirmRequired') : undefined}
          />
          <div className="form-actions">
            <Button type="submit">{t('vault.recovery.continue')}</Button>
          </div>
        </form>
      </div>
      <section className="print-sheet d-none d-print-block">
        <h1>{t('vault.recovery.printHeading')}</h1>
        <p>{t('vault.recovery.printOwner', { name: owner.name, role: owner.role, area: owner.area })}</p>
        <p>{t('vault.recovery.printDate', { date: proseDate(createdAt) })}</p>
        <p className="print-key">
          <KeyGroups groups={groups} />
        </p>
        <p>{t('vault.recovery.printStorage')}</p>
      </section>
    </>
  );
}
