import { useCallback } from 'react';
import type { CaseDetail } from '../../shared/cases';
import { isEffortEvent, type EventKind } from '../../shared/cases';
import { api } from '../core/api';
import { formatDateTime, t } from '../core/i18n';
import { TextField } from '../core/ui/TextField';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { DialogForm, pickFields, useDialogSave } from '../core/ui/DialogForm';
import { dateError } from './caseFields';
import { Dialog } from '../core/ui/Dialog';
import type { CaseDialogProps } from './DialogForm';
import { SelectField, TextArea } from './fields';
import { eventKindName, eventKindOptions, offenceOptions } from './labels';
import { DateField } from '../core/ui/DateField';

/**
 * Tilføj hændelse: kind and date; a charge needs its offence category, an effort event the effort
 * (from the editable list); an optional description.
 */
export function EventDialog({ detail, today, onDone, onClose, efforts }: CaseDialogProps & { efforts: readonly { id: number; name: string }[] }) {
  type V = { kind: string; occurredOn: string; offenceCategory: string; effortId: string; description: string };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      kind: v.kind ? undefined : t('cases.event.kindRequired'),
      occurredOn: !v.occurredOn ? t('cases.date.required') : dateError(v.occurredOn, today, { notFuture: true }),
      offenceCategory: v.kind === 'charge' && !v.offenceCategory ? t('cases.event.offenceRequired') : undefined,
      effortId: v.kind && isEffortEvent(v.kind as EventKind) && !v.effortId ? t('cases.event.effortRequired') : undefined,
    }),
    [today],
  );
  const form = useForm<V>({ kind: '', occurredOn: today, offenceCategory: '', effortId: '', description: '' }, validate);
  const save = useDialogSave();
  const kind = form.values.kind as EventKind | '';
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    void save.run(
      () =>
        api['cases.addEvent']({
          caseId: detail.id,
          kind: v.kind,
          occurredOn: v.occurredOn,
          ...(v.kind === 'charge' ? { offenceCategory: v.offenceCategory } : {}),
          ...(isEffortEvent(v.kind as EventKind) ? { effortId: Number(v.effortId) } : {}),
          ...(v.description.trim() ? { description: v.description.trim() } : {}),
        }),
      (fresh) => onDone(fresh, t('cases.done.event', { kind: eventKindName(v.kind) })),
      (fields) => form.setServerErrors(pickFields(fields, ['kind', 'occurredOn', 'offenceCategory', 'effortId', 'description'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={t('cases.action.addEvent')} onClose={onClose} testId="dialog-event">
      <DialogForm onSubmit={submit} submitLabel={t('cases.event.submit')} onCancel={onClose} save={save}>
        <SelectField
          id="event-kind"
          label={t('cases.event.kind')}
          value={form.values.kind}
          options={[{ value: '', label: t('cases.choose') }, ...eventKindOptions]}
          onChange={(v) => form.set('kind', v)}
          error={form.errorOf('kind')}
        />
        <DateField id="event-date" label={t('cases.event.date')} width="s" max={today} {...form.field('occurredOn')} />
        {kind === 'charge' ? (
          <SelectField
            id="event-offence"
            label={t('cases.event.offence')}
            value={form.values.offenceCategory}
            options={[{ value: '', label: t('cases.choose') }, ...offenceOptions]}
            onChange={(v) => form.set('offenceCategory', v)}
            error={form.errorOf('offenceCategory')}
          />
        ) : null}
        {kind && isEffortEvent(kind) ? (
          <SelectField
            id="event-effort"
            label={t('cases.event.effort')}
            value={form.values.effortId}
            options={[{ value: '', label: t('cases.choose') }, ...efforts.map((e) => ({ value: String(e.id), label: e.name }))]}
            onChange={(v) => form.set('effortId', v)}
            error={form.errorOf('effortId')}
          />
        ) : null}
        <TextArea id="event-description" label={t('cases.event.description')} hint={t('cases.event.descriptionHint')} maxLength={4000} rows={3} {...form.field('description')} />
      </DialogForm>
    </Dialog>
  );
}

/** Skriv notat, or Ret notat: a correction is a new note pointing to the old one, which stays. */
export function NoteDialog({ detail, onDone, onClose, corrects }: CaseDialogProps & { corrects?: CaseDetail['notes'][number] }) {
  type V = { text: string };
  const validate = useCallback((v: V): FieldErrors<'text'> => ({ text: v.text.trim() ? undefined : t('cases.note.required') }), []);
  const form = useForm<V>({ text: corrects?.text ?? '' }, validate);
  const save = useDialogSave();
  const submit = () => {
    if (!form.submit()) return;
    if (corrects && form.values.text.trim() === corrects.text.trim()) {
      form.setServerErrors({ text: t('cases.note.unchanged') });
      return;
    }
    void save.run(
      () => api['cases.addNote']({ caseId: detail.id, text: form.values.text.trim(), ...(corrects ? { correctsNoteId: corrects.id } : {}) }),
      (fresh) => onDone(fresh, corrects ? t('cases.done.noteCorrected') : t('cases.done.note')),
      (fields) => form.setServerErrors(pickFields(fields, ['text'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={corrects ? t('cases.action.correctNote') : t('cases.action.addNote')} onClose={onClose} testId="dialog-note">
      <DialogForm onSubmit={submit} submitLabel={corrects ? t('cases.note.submitCorrection') : t('cases.note.submit')} onCancel={onClose} save={save}>
        {corrects ? <p className="form-hint">{t('cases.note.correctsHint', { when: formatDateTime(corrects.writtenAt), author: corrects.author })}</p> : null}
        <TextArea id="note-text" label={t('cases.note.text')} hint={t('cases.note.hint')} maxLength={20000} rows={8} {...form.field('text')} />
      </DialogForm>
    </Dialog>
  );
}

/** Redigér sag: coordinator, next review, district and forum. */
export function EditCaseDialog({ detail, today, onDone, onClose, districts, coordinators }: CaseDialogProps & { districts: readonly { id: number; name: string }[]; coordinators: readonly string[] }) {
  type V = { coordinator: string; nextReviewOn: string; districtId: string; forum: string };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      nextReviewOn: dateError(v.nextReviewOn, today, { notBefore: detail.openedOn, notBeforeMessage: t('cases.nextReview.beforeOpened') }),
      forum: v.forum.trim() ? undefined : t('cases.forum.required'),
    }),
    [today, detail.openedOn],
  );
  const form = useForm<V>(
    { coordinator: detail.coordinator ?? '', nextReviewOn: detail.nextReviewOn ?? '', districtId: detail.districtId ? String(detail.districtId) : '', forum: detail.forum },
    validate,
  );
  const save = useDialogSave();
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    void save.run(
      () =>
        api['cases.update']({
          caseId: detail.id,
          coordinator: v.coordinator.trim() || null,
          nextReviewOn: v.nextReviewOn || null,
          districtId: v.districtId ? Number(v.districtId) : null,
          forum: v.forum.trim(),
        }),
      (fresh) => onDone(fresh, t('cases.done.caseSaved')),
      (fields) => form.setServerErrors(pickFields(fields, ['coordinator', 'nextReviewOn', 'districtId', 'forum'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={t('cases.action.editCase')} onClose={onClose} testId="dialog-edit-case">
      <DialogForm onSubmit={submit} submitLabel={t('cases.save')} onCancel={onClose} save={save}>
        <TextField id="edit-coordinator" label={t('cases.field.coordinator')} maxLength={120} autoComplete="off" list="edit-coordinators" {...form.field('coordinator')} />
        <datalist id="edit-coordinators">
          {coordinators.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <DateField id="edit-next-review" label={t('cases.field.nextReviewOptional')} width="s" {...form.field('nextReviewOn')} />
        <SelectField
          id="edit-district"
          label={t('cases.field.district')}
          value={form.values.districtId}
          options={[{ value: '', label: t('cases.field.noDistrict') }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
          onChange={(v) => form.set('districtId', v)}
          error={form.errorOf('districtId')}
        />
        <TextField id="edit-forum" label={t('cases.field.forum')} maxLength={120} autoComplete="off" {...form.field('forum')} />
      </DialogForm>
    </Dialog>
  );
}
