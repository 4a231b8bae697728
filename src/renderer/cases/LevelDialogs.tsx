import { useCallback, useRef, useState } from 'react';
import { defaultForum, REVIEW_MONTHS_BY_LEVEL, type CaseLevel } from '../../shared/cases';
import type { OutputOf } from '../../shared/contract';
import { addMonths, isValidIsoDate } from '../../shared/core/dates';
import { Checkbox } from '../core/ui/Checkbox';
import { api } from '../core/api';
import { proseDate, t, tableDate } from '../core/i18n';
import { TextField } from '../core/ui/TextField';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { DialogForm, pickFields, useDialogSave } from '../core/ui/DialogForm';
import { dateError } from './caseFields';
import { Dialog } from '../core/ui/Dialog';
import type { CaseDialogProps } from './DialogForm';
import { RadioGroup, TextArea } from './fields';
import { closingReasonName, closingReasonOptions, LEVELS, levelName } from './labels';
import { DateField } from '../core/ui/DateField';

type LevelValue = '' | '1' | '2' | '3' | '4';

const levelOptions = (current?: CaseLevel) =>
  LEVELS.map((l) => ({
    value: String(l) as LevelValue & string,
    label: t('cases.level.option', { level: l, label: levelName(l) }),
    hint: l === current ? t('cases.level.current') : undefined,
  }));

/**
 * Skift niveau: the new level, the date, the reason (required), the deciding forum and the next
 * review. Choosing a level proposes the district's forum for it (ledergruppe for 3-4, lokaludvalg
 * for 1-2) and the next review: the forum's next meeting for levels 3-4 when there is one, else
 * the level's interval (REVIEW_MONTHS_BY_LEVEL); "Sæt på næste møde" puts the case on that
 * meeting's agenda after saving.
 */
export function ChangeLevelDialog({ detail, today, onDone, onClose }: CaseDialogProps) {
  type V = { level: LevelValue; changedOn: string; reason: string; forum: string; nextReviewOn: string };
  type Links = OutputOf<'overview.caseLinks'>;
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      level: !v.level ? t('cases.level.required') : Number(v.level) === detail.level ? t('cases.level.same') : undefined,
      changedOn: !v.changedOn ? t('cases.date.required') : dateError(v.changedOn, today, { notFuture: true, notBefore: detail.openedOn, notBeforeMessage: t('cases.date.beforeOpened') }),
      reason: v.reason.trim() ? undefined : t('cases.reason.required'),
      nextReviewOn: v.nextReviewOn && v.changedOn && v.nextReviewOn < v.changedOn ? t('cases.level.reviewBeforeChange') : undefined,
    }),
    [detail.level, detail.openedOn, today],
  );
  const form = useForm<V>({ level: '', changedOn: today, reason: '', forum: '', nextReviewOn: detail.nextReviewOn ?? '' }, validate);
  const save = useDialogSave();
  const [proposal, setProposal] = useState<{ level: CaseLevel; forum: Links['forums'][number] | null; forumText: string; review: string } | null>(null);
  const [putOnMeeting, setPutOnMeeting] = useState(false);
  // The proposal arrives after the click: it must compare with what the fields hold then.
  const current = useRef(form.values);
  current.current = form.values;
  const setLevel = (level: LevelValue) => {
    const previous = proposal?.forumText ?? (form.values.level ? defaultForum(Number(form.values.level) as CaseLevel) : '');
    const previousReview = proposal?.review ?? detail.nextReviewOn ?? '';
    form.set('level', level);
    if (!level) return;
    const lv = Number(level) as CaseLevel;
    void api['overview.caseLinks']({ caseId: detail.id, level: lv }).then((r) => {
      const forum = r.ok ? (r.value.forums[0] ?? null) : null;
      const forumText = forum?.name ?? defaultForum(lv);
      if (current.current.level !== level) return; // another level was chosen meanwhile
      const base = isValidIsoDate(current.current.changedOn) ? current.current.changedOn : today;
      const review = lv >= 3 && forum?.nextMeeting ? forum.nextMeeting.heldOn : addMonths(base, REVIEW_MONTHS_BY_LEVEL[lv]);
      setProposal({ level: lv, forum, forumText, review });
      setPutOnMeeting(lv >= 3 && !!forum?.nextMeeting && !forum.nextMeeting.onAgenda);
      if (current.current.forum === '' || current.current.forum === previous) form.set('forum', forumText);
      if (current.current.nextReviewOn === '' || current.current.nextReviewOn === previousReview) form.set('nextReviewOn', review);
    });
  };
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    const level = Number(v.level) as CaseLevel;
    const meeting = putOnMeeting && proposal?.level === level ? proposal.forum?.nextMeeting : null;
    void save.run(
      async () => {
        const r = await api['cases.changeLevel']({
          caseId: detail.id,
          level,
          changedOn: v.changedOn,
          reason: v.reason.trim(),
          ...(v.forum.trim() ? { forum: v.forum.trim() } : {}),
          ...(v.nextReviewOn !== (detail.nextReviewOn ?? '') ? { nextReviewOn: v.nextReviewOn || null } : {}),
        });
        if (r.ok && meeting) {
          const added = await api['overview.addToMeeting']({ caseId: detail.id, meetingId: meeting.meetingId });
          if (!added.ok) return { ok: false as const, error: added.error };
        }
        return r;
      },
      (fresh) => onDone(fresh, meeting ? t('cases.done.levelAndMeeting', { level, date: tableDate(meeting.heldOn) }) : t('cases.done.level', { level })),
      (fields) => form.setServerErrors(pickFields(fields, ['level', 'changedOn', 'reason', 'forum', 'nextReviewOn'] as const)),
    );
  };
  const next = proposal?.forum?.nextMeeting ?? null;
  return (
    <Dialog className="case-dialog" title={t('cases.action.changeLevel')} onClose={onClose} testId="dialog-level">
      <DialogForm onSubmit={submit} submitLabel={t('cases.level.submit')} onCancel={onClose} save={save}>
        <RadioGroup<LevelValue & string> legend={t('cases.level.new')} name="new-level" id="level-new" value={form.values.level} options={levelOptions(detail.level)} onChange={setLevel} error={form.errorOf('level')} />
        <DateField id="level-date" label={t('cases.level.date')} width="s" max={today} {...form.field('changedOn')} />
        <TextArea id="level-reason" label={t('cases.field.reason')} hint={t('cases.level.reasonHint')} maxLength={500} rows={3} {...form.field('reason')} />
        <TextField id="level-forum" label={t('cases.field.forum')} hint={t('cases.level.forumHint')} maxLength={120} autoComplete="off" {...form.field('forum')} />
        <DateField
          id="level-review"
          label={t('cases.field.nextReview')}
          hint={proposal ? (proposal.level >= 3 && next ? t('cases.level.reviewAtMeeting', { forum: proposal.forumText }) : t('cases.level.reviewByLevel', { months: REVIEW_MONTHS_BY_LEVEL[proposal.level] })) : undefined}
          width="s"
          {...form.field('nextReviewOn')}
        />
        {proposal && proposal.level >= 3 && next ? (
          next.onAgenda ? (
            <p data-testid="level-next-meeting">{t('cases.level.alreadyOnAgenda', { forum: proposal.forumText, date: tableDate(next.heldOn) })}</p>
          ) : (
            <Checkbox id="level-put-on-meeting" label={t('cases.level.putOnMeeting', { forum: proposal.forumText, date: tableDate(next.heldOn) })} checked={putOnMeeting} onChange={setPutOnMeeting} />
          )
        ) : null}
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
            <p className="font-lead">{t('cases.close.question', { caseNumber: detail.caseNumber, date: proseDate(form.values.closedOn), reason: closingReasonName(form.values.reason) })}</p>
            <p>{t('cases.close.reopenHint')}</p>
          </div>
        ) : (
          <>
            <DateField id="close-date" label={t('cases.close.date')} width="s" max={today} {...form.field('closedOn')} />
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
        <DateField id="reopen-date" label={t('cases.reopen.date')} width="s" max={today} {...form.field('reopenedOn')} />
        <TextArea id="reopen-reason" label={t('cases.field.reason')} hint={t('cases.reopen.reasonHint')} maxLength={500} rows={3} {...form.field('reason')} />
        <RadioGroup<LevelValue & string> legend={t('cases.reopen.level')} name="reopen-level" id="reopen-level" value={form.values.level} options={levelOptions(detail.level)} onChange={(v) => form.set('level', v)} error={form.errorOf('level')} />
      </DialogForm>
    </Dialog>
  );
}
