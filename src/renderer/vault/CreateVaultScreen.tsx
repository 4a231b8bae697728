import { useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { VaultStatus } from '../../shared/vault';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { NewPassphraseFields } from './NewPassphraseFields';
import { confirmError, newPassphraseError, OWNER_FIELD_MAX, requiredText } from './validation';

type Values = { name: string; role: string; area: string; passphrase: string; passphraseConfirm: string };
type Field = keyof Values;

const FIELD_IDS: Record<Field, string> = {
  name: 'create-owner-name',
  role: 'create-owner-role',
  area: 'create-owner-area',
  passphrase: 'create-passphrase',
  passphraseConfirm: 'create-passphrase-confirm',
};
const ORDER: readonly Field[] = ['name', 'role', 'area', 'passphrase', 'passphraseConfirm'];

/** main's field paths (result.error.fields) to this form's fields. */
const SERVER_FIELDS: Record<string, Field> = {
  'owner.name': 'name',
  'owner.role': 'role',
  'owner.area': 'area',
  passphrase: 'passphrase',
  passphraseConfirm: 'passphraseConfirm',
};

function validate(v: Values): FieldErrors<Field> {
  return {
    name: requiredText(v.name, 'vault.create.ownerNameRequired'),
    role: requiredText(v.role, 'vault.create.ownerRoleRequired'),
    area: requiredText(v.area, 'vault.create.ownerAreaRequired'),
    passphrase: newPassphraseError(v.passphrase, [v.name, v.area]),
    passphraseConfirm: confirmError(v.passphrase, v.passphraseConfirm),
  };
}

export interface CreatedVault {
  recoveryKey: string;
  status: VaultStatus;
}

/** Opret boks: owner details and a passphrase. On success the parent shows the recovery key. */
export function CreateVaultScreen({ onCreated }: { onCreated: (created: CreatedVault) => void }) {
  const form = useForm<Values>({ name: '', role: '', area: '', passphrase: '', passphraseConfirm: '' }, validate);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  // The summary follows the fields: a fixed problem leaves the list at once.
  const summary = showSummary ? ORDER.filter((f) => form.errorOf(f)).map((f) => ({ fieldId: FIELD_IDS[f], message: form.errorOf(f)! })) : [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!form.submit()) {
      setShowSummary(true);
      focusLater(summaryRef);
      return;
    }
    setShowSummary(false);
    setBusy(true);
    const v = form.values;
    const result = await api['vault.create']({
      passphrase: v.passphrase,
      passphraseConfirm: v.passphraseConfirm,
      owner: { name: v.name.trim(), role: v.role.trim(), area: v.area.trim() },
    });
    setBusy(false);
    if (result.ok) {
      onCreated(result.value);
      return;
    }
    const fieldErrors: FieldErrors<Field> = {};
    for (const [path, message] of Object.entries(result.error.fields ?? {})) {
      const field = SERVER_FIELDS[path];
      if (field) fieldErrors[field] = message;
    }
    form.setServerErrors(fieldErrors);
    setFailure(result.error);
    focusLater(failureRef);
  };

  return (
    <>
      <PageHeader title={t('vault.create.title')} lead={t('vault.create.lead')} />
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {failure ? (
        <Alert variant="error" heading={t('vault.create.failed')} ref={failureRef} live="alert">
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="stack-form">
        <fieldset>
          <legend className="h2">{t('vault.create.ownerLegend')}</legend>
          <TextField
            id={FIELD_IDS.name}
            label={t('vault.create.ownerName')}
            hint={t('vault.create.ownerNameHint')}
            autoComplete="name"
            maxLength={OWNER_FIELD_MAX}
            autoFocus
            {...form.field('name')}
          />
          <TextField
            id={FIELD_IDS.role}
            label={t('vault.create.ownerRole')}
            hint={t('vault.create.ownerRoleHint')}
            autoComplete="organization-title"
            maxLength={OWNER_FIELD_MAX}
            {...form.field('role')}
          />
          <TextField
            id={FIELD_IDS.area}
            label={t('vault.create.ownerArea')}
            hint={t('vault.create.ownerAreaHint')}
            autoComplete="off"
            maxLength={OWNER_FIELD_MAX}
            {...form.field('area')}
          />
        </fieldset>
        <fieldset>
          <legend className="h2">{t('vault.create.passphraseLegend')}</legend>
          <NewPassphraseFields
            ids={{ passphrase: FIELD_IDS.passphrase, confirm: FIELD_IDS.passphraseConfirm }}
            labels={{ passphrase: t('vault.create.passphrase'), confirm: t('vault.create.passphraseConfirm') }}
            passphrase={form.field('passphrase')}
            confirm={form.field('passphraseConfirm')}
            showMatch
            userInputs={[form.values.name, form.values.area]}
          />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('vault.create.submitting')}>
            {t('vault.create.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
