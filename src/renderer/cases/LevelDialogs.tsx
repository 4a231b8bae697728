import { useCallback, useState } from 'react';
import { defaultForum, type CaseLevel } from '../../shared/cases';
import { api } from '../core/api';
import { t } from '../core/i18n';
import { TextField } from '../core/ui/TextField';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { dateError, pickFields } from './caseFields';
import { Dialog } from '../core/ui/Dialog';
import { DialogForm, useDialogSave, type CaseDialogProps } from './DialogForm';
import { RadioGroup, TextArea } from './fields';
import { closingReasonName, closingReasonOptions, LEVELS, levelName, longDate } from './labels';

type LevelValue = '' | '1' | '2' | '3' | '4';

const levelOptions = (current?: CaseLevel) =>
  LEVELS.map((l) => ({
    value: String(l) as LevelValue & string,
    label: t('cases.level.option', { level: l, label: levelName(l) }),
    hint: l === current ? t('cases.level.current') : undefined,
  }));

/** Skift niveau: the new level, the date, the reason (required) and the deciding forum (defaulted from the level). */
export function ChangeLevelDialog({ detail, today, onDone, onClose }: CaseDialogProps) {
  type V = { level: LevelValue; changedOn: string; reason: string; forum: string };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      level: !v.level ? t('cases.level.required') : Number(v.level) === detail.level ? t('cases.level.same') : undefined,
      changedOn: !v.changedOn ? t('cases.date.required') : dateError(v.changedOn, today, { notFuture: true, notBefore: detail.openedOn, notBeforeMessage: t('cases.date.beforeOpened') }),
      reason: v.reason.trim() ? undefined : t('cases.reason.required'),
    }),
    [detail.level, detail.openedOn, today],
  );
  const form = useForm<V>({ level: '', changedOn: today, reason: '', forum: '' }, validate);
  const save = useDialogSave();
  const setLevel = (level: LevelValue) => {
    const previousDefault = form.values.level ? defaultForum(Number(form.values.level) as CaseLevel) : '';
    form.set('level', level);
    if (level && (form.values.forum === '' || form.values.forum === previousDefault)) form.set('forum', defaultForum(Number(level) as CaseLevel));
  };
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    const level = Number(v.level) as CaseLevel;
    void save.run(
      () => api['cases.changeLevel']({ caseId: detail.id, level, changedOn: v.changedOn, reason: v.reason.trim(), ...(v.forum.trim() ? { forum: v.forum.trim() } : {}) }),
      (fresh) => onDone(fresh, t('cases.done.level', { level })),
      (fields) => form.setServerErrors(pickFields(fields, ['level', 'changedOn', 'reason', 'forum'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={t('cases.action.changeLevel')} onClose={onClose} testId="dialog-level">
      <DialogForm onSubmit={submit} submitLabel={t('cases.level.submit')} onCancel={onClose} save={save}>
        <RadioGroup<LevelValue & string> legend={t('cases.level.new')} name="new-level" id="level-new" value={form.values.level} options={levelOptions(detail.level)} onChange={setLevel} error={form.errorOf('level')} />
        <TextField id="level-date" type="date" label={t('cases.level.date')} width="s" max={today} {...form.field('changedOn')} />
        <TextArea id="level-reason" label={t('cases.field.reason')} hint={t('cases.level.reasonHint')} maxLength={500} rows={3} {...form.field('reason')} />
        <TextField id="level-forum" label={t('cases.field.forum')} hint={t('cases.level.forumHint')} maxLength={120} autoComplete="off" {...form.field('forum')} />
      </DialogForm>
    </Dialog>
  );
}

/** Afslut sag: date and reason from the fixed list, then a confirmation step. */
export function CloseCaseDialog({ detail, today, onDone, onClose }: CaseDialogProps) {
  type V = { closedOn: string; reason: string };
  const lastStatus = detail.statusHistory[detail.statusHistory.length - 1]?.changedOn ?? detail.openedOn;
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      closedOn: !v.closedOn ? t('cases.date.required') : dateError(v.closedOn, today, { notFuture: true, notBefore: lastStatus, notBeforeMessage: t('cases.close.beforeOpened') }),
      reason: v.reason ? undefined : t('cases.close.reasonRequired'),
    }),
    [today, lastStatus],
  );
  const form = useForm<V>({ closedOn: today, reason: '' }, validate);
  const save = useDialogSave();
  const [confirming, setConfirming] = useState(false);
  const submit = () => {
    if (!form.submit()) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    const v = form.values;
    void save.run(
      () => api['cases.close']({ caseId: detail.id, closedOn: v.closedOn, reason: v.reason }),
      (fresh) => onDone(fresh, t('cases.done.closed')),
      (fields) => {
        setConfirming(false);
        form.setServerErrors(pickFields(fields, ['closedOn', 'reason'] as const));
      },
    );
  };
  return (
    <Dialog className="case-dialog" title={t('cases.action.close')} onClose={onClose} testId="dialog-close">
      <DialogForm
        onSubmit={submit}
        submitLabel={confirming ? t('cases.close.confirm') : t('cases.close.next')}
        submitVariant={confirming ? 'warning' : 'primary'}
        onCancel={confirming ? () => setConfirming(false) : onClose}
        cancelLabel={confirming ? t('cases.close.back') : undefined}
        save={save}
      >
        {confirming ? (
          <div className="confirm-step" data-testid="close-confirm">
            <p className="font-lead">{t('cases.close.question', { caseNumber: detail.caseNumber, date: longDate(form.values.closedOn), reason: closingReasonName(form.values.reason) })}</p>
            <p>{t('cases.close.reopenHint')}</p>
          </div>
        ) : (
          <>
            <TextField id="close-date" type="date" label={t('cases.close.date')} width="s" max={today} {...form.field('closedOn')} />
            <RadioGroup
              legend={t('cases.close.reason')}
              name="close-reason"
              id="close-reason"
              value={form.values.reason}
              options={closingReasonOptions}
              onChange={(v) => form.set('reason', v)}
              error={form.errorOf('reason')}
            />
          </>
        )}
      </DialogForm>
    </Dialog>
  );
}

/** Genåbn sag: date, reason (required) and, if wanted, a new level. */
export function ReopenCaseDialog({ detail, today, onDone, onClose }: CaseDialogProps) {
  type V = { reopenedOn: string; reason: string; level: LevelValue };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      reopenedOn: !v.reopenedOn
        ? t('cases.date.required')
        : dateError(v.reopenedOn, today, { notFuture: true, notBefore: detail.closedOn ?? detail.openedOn, notBeforeMessage: t('cases.reopen.beforeClosed') }),
      reason: v.reason.trim() ? undefined : t('cases.reason.required'),
    }),
    [today, detail.closedOn, detail.openedOn],
  );
  const form = useForm<V>({ reopenedOn: today, reason: '', level: String(detail.level) as LevelValue }, validate);
  const save = useDialogSave();
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    void save.run(
      () => api['cases.reopen']({ caseId: detail.id, reopenedOn: v.reopenedOn, reason: v.reason.trim(), ...(v.level ? { level: Number(v.level) as CaseLevel } : {}) }),
      (fresh) => onDone(fresh, t('cases.done.reopened')),
      (fields) => form.setServerErrors(pickFields(fields, ['reopenedOn', 'reason', 'level'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={t('cases.action.reopen')} onClose={onClose} testId="dialog-reopen">
      <DialogForm onSubmit={submit} submitLabel={t('cases.reopen.submit')} onCancel={onClose} save={save}>
        <TextField id="reopen-date" type="date" label={t('cases.reopen.date')} width="s" max={today} {...form.field('reopenedOn')} />
        <TextArea id="reopen-reason" label={t('cases.field.reason')} hint={t('cases.reopen.reasonHint')} maxLength={500} rows={3} {...form.field('reason')} />
        <RadioGroup<LevelValue & string> legend={t('cases.reopen.level')} name="reopen-level" id="reopen-level" value={form.values.level} options={levelOptions(detail.level)} onChange={(v) => form.set('level', v)} error={form.errorOf('level')} />
      </DialogForm>
    </Dialog>
  );
}
