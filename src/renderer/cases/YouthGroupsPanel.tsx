import { useCallback, useRef, useState } from 'react';
import type { CaseYouthGroup, YouthGroup } from '../../shared/cases';
import { fullName } from '../../shared/core/names';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { useLoad } from '../core/data/useLoad';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Dialog } from '../core/ui/Dialog';
import { LoadingGate } from '../core/ui/LoadingGate';
import { DateField } from '../core/ui/DateField';
import { TextField } from '../core/ui/TextField';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { DialogForm, pickFields, useDialogSave } from '../core/ui/DialogForm';
import { dateError } from './caseFields';
import { SelectField } from './fields';
import { LevelBadge } from './LevelBadge';
import type { CaseLevel } from '../../shared/cases';
import './exit.css';

const NEW = 'new';

/**
 * The youth groups (ungegrupperinger) a case is in, each with its cases; add the case to a group
 * (an existing one or a new one, named without personal data) and remove it (asked first).
 */
export function YouthGroupsPanel({ caseId, today, editable }: { caseId: number; today: string; editable: boolean }) {
  const { navigate } = useRouter();
  const { data, set } = useLoad(() => api['youthGroups.ofCase']({ caseId }), [caseId]);
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'remove'; group: CaseYouthGroup } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="groups-panel" aria-labelledby="groups-heading">
      <div className="exit-panel-head">
        <h2 id="groups-heading" className="h3">
          {t('groups.heading')}
        </h2>
        {editable ? (
          <Button variant="secondary" onClick={() => (setMessage(null), setDialog({ kind: 'add' }))}>
            {t('groups.add')}
          </Button>
        ) : null}
      </div>
      <div role="status">
        {message ? (
          <Alert variant="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <LoadingGate data={data} failedHeading={t('groups.loadFailed')} loadingClassName="muted">
        {(value) =>
          value.length === 0 ? (
            <p className="muted">{t('groups.empty')}</p>
          ) : (
            <ul className="groups-list">
              {value.map((g) => (
                <li key={g.id} data-testid="youth-group">
                  <div className="groups-name">
                    <h3 className="h4">
                      {g.name} {g.active ? null : <span className="muted">{t('groups.inactive')}</span>}
                    </h3>
                    {editable ? (
                      <Button variant="tertiary" aria-label={t('groups.removeLabel', { name: g.name })} onClick={() => (setMessage(null), setDialog({ kind: 'remove', group: g }))}>
                        {t('groups.remove')}
                      </Button>
                    ) : null}
                  </div>
                  <ul className="groups-cases" aria-label={t('groups.otherCases')}>
                    {g.cases.map((c) => (
                      <li key={c.caseId}>
                        {c.caseId === caseId ? (
                          <span>
                            {c.caseNumber} {fullName(c.firstName, c.lastName)} <span className="muted">{t('groups.thisCase')}</span>
                          </span>
                        ) : (
                          <button type="button" className="button-unstyled" aria-label={t('groups.open', { caseNumber: c.caseNumber })} onClick={() => navigate({ area: 'cases', screen: 'detail', caseId: c.caseId })}>
                            {c.caseNumber} {fullName(c.firstName, c.lastName)}
                          </button>
                        )}{' '}
                        <LevelBadge level={c.level as CaseLevel} />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </LoadingGate>
      {dialog?.kind === 'add' ? (
        <AddToGroupDialog
          caseId={caseId}
          today={today}
          current={data.state === 'ready' ? data.value.map((g) => g.id) : []}
          onClose={() => setDialog(null)}
          onDone={(fresh, name) => {
            set(fresh);
            setDialog(null);
            setMessage(t('groups.added', { name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <RemoveDialog
          caseId={caseId}
          group={dialog.group}
          onClose={() => setDialog(null)}
          onDone={(fresh) => {
            set(fresh);
            setDialog(null);
            setMessage(t('groups.removed', { name: dialog.group.name }));
          }}
        />
      ) : null}
    </section>
  );
}

function AddToGroupDialog({ caseId, today, current, onClose, onDone }: { caseId: number; today: string; current: number[]; onClose: () => void; onDone: (fresh: CaseYouthGroup[], name: string) => void }) {
  const groups = useLoad(() => api['youthGroups.list']({}), []);
  const choices: YouthGroup[] = groups.data.state === 'ready' ? groups.data.value.filter((g) => g.active && !current.includes(g.id)) : [];
  type V = { groupId: string; name: string; addedOn: string };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      groupId: v.groupId ? undefined : t('groups.required.group'),
      name: v.groupId === NEW && v.name.trim().length < 2 ? t('groups.required.name') : undefined,
      addedOn: !v.addedOn ? t('cases.date.required') : dateError(v.addedOn, today, { notFuture: true }),
    }),
    [today],
  );
  const form = useForm<V>({ groupId: '', name: '', addedOn: today }, validate);
  const save = useDialogSave();
  // A group made by an earlier try whose adding failed: a second try reuses it (its name is taken).
  const made = useRef<YouthGroup | null>(null);
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    const existing = v.groupId === NEW ? (made.current?.name === v.name.trim() ? made.current : undefined) : choices.find((g) => String(g.id) === v.groupId);
    void save.run(
      async () => {
        let group = existing;
        if (!group) {
          const created = await api['youthGroups.save']({ name: v.name.trim() });
          if (!created.ok) return created;
          group = made.current = created.value;
        }
        const added = await api['youthGroups.addCase']({ groupId: group.id, caseId, addedOn: v.addedOn });
        return added.ok ? { ok: true as const, value: { fresh: added.value, name: group.name } } : added;
      },
      ({ fresh, name }) => onDone(fresh, name),
      (fields) => form.setServerErrors(pickFields(fields, ['groupId', 'name', 'addedOn'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={t('groups.dialog.title')} onClose={onClose} testId="dialog-group" returnFocus>
      <DialogForm onSubmit={submit} submitLabel={t('groups.submit')} onCancel={onClose} save={save}>
        <SelectField
          id="group-choice"
          label={t('groups.field.group')}
          value={form.values.groupId}
          options={[{ value: '', label: t('cases.choose') }, ...choices.map((g) => ({ value: String(g.id), label: g.name })), { value: NEW, label: t('groups.field.newOption') }]}
          onChange={(v) => form.set('groupId', v)}
          error={form.errorOf('groupId')}
        />
        {form.values.groupId === NEW ? <TextField id="group-name" label={t('groups.field.name')} hint={t('groups.field.nameHint')} maxLength={80} {...form.field('name')} /> : null}
        <DateField id="group-added" label={t('groups.field.addedOn')} width="s" max={today} {...form.field('addedOn')} />
      </DialogForm>
    </Dialog>
  );
}

function RemoveDialog({ caseId, group, onClose, onDone }: { caseId: number; group: CaseYouthGroup; onClose: () => void; onDone: (fresh: CaseYouthGroup[]) => void }) {
  const save = useDialogSave();
  return (
    <Dialog className="case-dialog" title={t('groups.confirmRemove.title')} onClose={onClose} testId="dialog-group-remove" returnFocus>
      <DialogForm onSubmit={() => void save.run(() => api['youthGroups.removeCase']({ groupId: group.id, caseId }), onDone)} submitLabel={t('groups.confirmRemove.submit')} submitVariant="warning" onCancel={onClose} save={save}>
        <p>{t('groups.confirmRemove.body', { name: group.name })}</p>
      </DialogForm>
    </Dialog>
  );
}
