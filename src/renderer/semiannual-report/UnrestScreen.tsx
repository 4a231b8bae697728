import { useCallback, useState } from 'react';
import { UNREST_KINDS, UNREST_TEXT_MAX, unrestTextProblem, type UnrestEntry, type UnrestKind } from '../../shared/semiannual-report';
import { api } from '../core/api';
import { proseDate, t, tableDate, todayIso } from '../core/i18n';
import { useLoad } from '../core/data/useLoad';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { DateField } from '../core/ui/DateField';
import { Dialog } from '../core/ui/Dialog';
import { TextArea } from '../core/ui/FormFields';
import { LoadingGate } from '../core/ui/LoadingGate';
import { PageHeader } from '../core/ui/PageHeader';
import { Select } from '../core/ui/Select';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { DialogForm, pickFields, useDialogSave } from '../core/ui/DialogForm';

export const unrestKindName = (k: UnrestKind) => t(`report.unrest.kind.${k}`);

/**
 * Tryghed og uro: the dated log per bydel (uro observeret, beredskabsplan aktiveret / afsluttet,
 * tiltag, partnere involveret) with no personal data, which gives the report its "bydel med
 * uro". Add, edit and delete (after a confirmation) in dialogs; everything by keyboard.
 */
export function UnrestScreen() {
  const { back } = useRouter();
  const { data: options } = useLoad(() => api['report.options']({}), []);
  const [filter, setFilter] = useState('');
  const { data, set } = useLoad(() => api['report.unrest.list'](filter ? { districtId: Number(filter) } : {}), [filter]);
  const [dialog, setDialog] = useState<{ kind: 'edit'; entry: UnrestEntry | null } | { kind: 'delete'; entry: UnrestEntry } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const districts = options.state === 'ready' ? options.value.districts.filter((d) => d.active) : [];
  const refresh = async (text: string) => {
    const r = await api['report.unrest.list'](filter ? { districtId: Number(filter) } : {});
    if (r.ok) set(r.value);
    setDialog(null);
    setMessage(text);
  };

  return (
    <div className="report-unrest">
      <PageHeader title={t('report.unrest.title')} lead={t('report.unrest.lead')}>
        <Button variant="tertiary" onClick={back}>
          {t('report.unrest.back')}
        </Button>
      </PageHeader>
      <div className="report-unrest-tools">
        <Select
          id="unrest-filter"
          label={t('report.unrest.filter')}
          value={filter}
          options={[{ value: '', label: t('report.unrest.allDistricts') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          onChange={setFilter}
        />
        <Button onClick={() => (setMessage(null), setDialog({ kind: 'edit', entry: null }))} disabled={districts.length === 0}>
          {t('report.unrest.add')}
        </Button>
      </div>
      <div role="status">
        {message ? (
          <Alert variant="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <LoadingGate data={data} failedHeading={t('report.unrest.loadFailed')}>
        {(entries) =>
          entries.length === 0 ? (
            <p className="muted" data-testid="unrest-empty">
              {t('report.unrest.empty')}
            </p>
          ) : (
            <div className="table--responsive-scroll">
              <table className="table table--compact report-unrest-table">
                <caption className="sr-only">{t('report.unrest.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.unrest.col.date')}</th>
                    <th scope="col">{t('report.unrest.col.district')}</th>
                    <th scope="col">{t('report.unrest.col.kind')}</th>
                    <th scope="col">{t('report.unrest.col.text')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('report.unrest.col.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => (
                    <tr key={e.id} data-testid="unrest-entry">
                      <td>{tableDate(e.occurredOn)}</td>
                      <td>{e.district}</td>
                      <td>{unrestKindName(e.kind)}</td>
                      <td className="report-unrest-text">{e.text}</td>
                      <td className="report-unrest-actions">
                        <Button variant="tertiary" aria-label={t('report.unrest.editLabel', { kind: unrestKindName(e.kind), date: proseDate(e.occurredOn), district: e.district })} onClick={() => (setMessage(null), setDialog({ kind: 'edit', entry: e }))}>
                          {t('report.unrest.edit')}
                        </Button>
                        <Button variant="tertiary" aria-label={t('report.unrest.deleteLabel', { kind: unrestKindName(e.kind), date: proseDate(e.occurredOn), district: e.district })} onClick={() => (setMessage(null), setDialog({ kind: 'delete', entry: e }))}>
                          {t('report.unrest.delete')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadingGate>
      {dialog?.kind === 'edit' ? (
        <UnrestDialog
          entry={dialog.entry}
          districts={districts}
          defaultDistrict={filter}
          onClose={() => setDialog(null)}
          onDone={() => void refresh(dialog.entry ? t('report.unrest.updated') : t('report.unrest.added'))}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDelete entry={dialog.entry} onClose={() => setDialog(null)} onDone={() => void refresh(t('report.unrest.deleted'))} />
      ) : null}
    </div>
  );
}

function UnrestDialog({
  entry,
  districts,
  defaultDistrict,
  onClose,
  onDone,
}: {
  entry: UnrestEntry | null;
  districts: readonly { id: number; name: string }[];
  defaultDistrict: string;
  onClose: () => void;
  onDone: () => void;
}) {
  type V = { districtId: string; occurredOn: string; kind: string; text: string };
  const today = todayIso();
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => {
      const problem = unrestTextProblem(v.text);
      return {
        districtId: v.districtId ? undefined : t('report.unrest.required.district'),
        occurredOn: !v.occurredOn ? t('report.unrest.required.date') : v.occurredOn > today ? t('report.unrest.future') : undefined,
        kind: v.kind ? undefined : t('report.unrest.required.kind'),
        text: !v.text.trim() ? t('report.unrest.required.text') : problem ? t(`report.unrest.problem.${problem}`) : undefined,
      };
    },
    [today],
  );
  const form = useForm<V>(
    {
      districtId: entry ? String(entry.districtId) : defaultDistrict || (districts.length === 1 ? String(districts[0]?.id) : ''),
      occurredOn: entry?.occurredOn ?? today,
      kind: entry?.kind ?? '',
      text: entry?.text ?? '',
    },
    validate,
  );
  const save = useDialogSave();
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    void save.run(
      () =>
        api['report.unrest.save']({
          ...(entry ? { id: entry.id } : {}),
          districtId: Number(v.districtId),
          occurredOn: v.occurredOn,
          kind: v.kind as UnrestKind,
          text: v.text.trim(),
        }),
      onDone,
      (fields) => form.setServerErrors(pickFields(fields, ['districtId', 'occurredOn', 'kind', 'text'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={entry ? t('report.unrest.dialog.edit') : t('report.unrest.dialog.new')} onClose={onClose} testId="dialog-unrest" returnFocus>
      <DialogForm onSubmit={submit} submitLabel={t('report.unrest.submit')} onCancel={onClose} save={save}>
        <Select
          id="unrest-district"
          label={t('report.unrest.field.district')}
          value={form.values.districtId}
          options={[{ value: '', label: t('report.unrest.choose') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          onChange={(v) => form.set('districtId', v)}
        />
        {form.errorOf('districtId') ? <p className="form-error-message">{form.errorOf('districtId')}</p> : null}
        <DateField id="unrest-date" label={t('report.unrest.field.date')} width="s" max={today} {...form.field('occurredOn')} />
        <Select
          id="unrest-kind"
          label={t('report.unrest.field.kind')}
          value={form.values.kind}
          options={[{ value: '', label: t('report.unrest.choose') }, ...UNREST_KINDS.map((k) => ({ value: k, label: unrestKindName(k) }))]}
          onChange={(v) => form.set('kind', v)}
        />
        {form.errorOf('kind') ? <p className="form-error-message">{form.errorOf('kind')}</p> : null}
        <TextArea id="unrest-text" label={t('report.unrest.field.text')} hint={t('report.unrest.field.textHint')} rows={4} maxLength={UNREST_TEXT_MAX} {...form.field('text')} />
      </DialogForm>
    </Dialog>
  );
}

function ConfirmDelete({ entry, onClose, onDone }: { entry: UnrestEntry; onClose: () => void; onDone: () => void }) {
  const save = useDialogSave();
  return (
    <Dialog className="case-dialog" title={t('report.unrest.confirmDelete.title')} onClose={onClose} testId="dialog-unrest-delete" returnFocus>
      <DialogForm
        onSubmit={() => void save.run(() => api['report.unrest.delete']({ id: entry.id }), onDone)}
        submitLabel={t('report.unrest.confirmDelete.submit')}
        submitVariant="warning"
        onCancel={onClose}
        save={save}
      >
        <p>{t('report.unrest.confirmDelete.body', { kind: unrestKindName(entry.kind), date: proseDate(entry.occurredOn), district: entry.district })}</p>
      </DialogForm>
    </Dialog>
  );
}
