import { useRef, type Ref } from 'react';
import { t, tCount } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Dialog } from '../core/ui/Dialog';
import type { OutputOf } from '../../shared/contract';

/** A case past its retention time, as main lists it. */
export type DueCase = OutputOf<'retention.due'>['cases'][number];

/** How many cases the dialog names one by one; the rest are counted. */
const LISTED = 12;

/**
 * "Slet for altid?": states exactly which cases go, how many people go with them, what stays, and
 * that it cannot be undone. Annullér has the focus, so Enter does not delete by accident.
 */
export function RetentionConfirmDialog({ cases, busy, onConfirm, onClose }: { cases: readonly DueCase[]; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const people = new Set(cases.filter((c) => c.personDeleted).map((c) => c.personId)).size;
  const kept = new Set(cases.filter((c) => !c.personDeleted).map((c) => c.personId)).size;
  const listed = cases.slice(0, LISTED);
  return (
    <Dialog
      className="settings-dialog"
      returnFocus
      title={tCount('settings.retention.confirm.title.one', 'settings.retention.confirm.title.other', cases.length, { count: cases.length })}
      onClose={onClose}
      busy={busy}
      initialFocus={cancelRef}
      testId="retention-confirm"
      footer={
        <>
          <Button variant="warning" busy={busy} busyLabel={t('settings.retention.confirm.deleting')} onClick={onConfirm}>
            {t('settings.retention.confirm.submit')}
          </Button>
          <CancelButton buttonRef={cancelRef} onClick={() => (busy ? undefined : onClose())} busy={busy} />
        </>
      }
    >
      <Alert variant="warning" heading={t('settings.retention.confirm.irreversible')}>
        <p>{t('settings.retention.confirm.backups')}</p>
      </Alert>
      <p>{tCount('settings.retention.confirm.cases.one', 'settings.retention.confirm.cases.other', cases.length, { count: cases.length })}</p>
      <ul className="retention-confirm-list">
        {listed.map((c) => (
          <li key={c.caseId}>
            {c.caseNumber} – {c.firstName} {c.lastName}
          </li>
        ))}
        {cases.length > LISTED ? <li>{t('settings.retention.confirm.andMore', { count: cases.length - LISTED })}</li> : null}
      </ul>
      <p>
        {tCount('settings.retention.confirm.people.one', 'settings.retention.confirm.people.other', people, { count: people })}
        {kept > 0 ? ` ${tCount('settings.retention.confirm.peopleKept.one', 'settings.retention.confirm.peopleKept.other', kept, { count: kept })}` : ''}
      </p>
      <p>{t('settings.retention.confirm.stubs')}</p>
    </Dialog>
  );
}

/** Annullér as a plain dkfds button that can take a ref (for the dialog's first focus). */
function CancelButton({ buttonRef, onClick, busy }: { buttonRef: Ref<HTMLButtonElement>; onClick: () => void; busy: boolean }) {
  return (
    <button ref={buttonRef} type="button" className="button button-secondary" onClick={onClick} aria-disabled={busy || undefined}>
      {t('settings.cancel')}
    </button>
  );
}
