import { useCallback, useEffect, useRef, useState } from 'react';
import { EXIT_KK_PLACES, exitLatestEnd, type ExitCourse, type ExitProgramme, type ExitStatus } from '../../shared/cases';
import { isValidIsoDate } from '../../shared/core/dates';
import { api } from '../core/api';
import { proseDate, t, tCount } from '../core/i18n';
import { useLoad } from '../core/data/useLoad';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { Dialog } from '../core/ui/Dialog';
import { LoadingGate } from '../core/ui/LoadingGate';
import { DateField } from '../core/ui/DateField';
import { TextField } from '../core/ui/TextField';
import { useForm, type FieldErrors } from '../core/ui/useForm';
import { DialogForm, pickFields, useDialogSave } from '../core/ui/DialogForm';
import { dateError } from './caseFields';
import { RadioGroup, SelectField } from './fields';
import './exit.css';

const PROGRAMMES: readonly ExitProgramme[] = ['exit-17', 'kk-18-25', 'national'];
const STATUSES: readonly ExitStatus[] = ['active', 'completed', 'interrupted'];
export const exitProgrammeName = (p: ExitProgramme) => t(`exit.programme.${p}`);
export const exitStatusName = (s: ExitStatus) => t(`exit.status.${s}`);

/**
 * A young person's Exit courses: programme, period (at most three years), contact person, status,
 * and the follow-up 24 months after the end with the number of new charges in the register.
 * `editable` on the case screen; read-only where it is shown beside the SSP+ plan.
 */
export function ExitPanel({
  personId,
  today,
  editable,
  headingLevel = 2,
  focusOnLoad = false,
}: {
  personId: number;
  today: string;
  editable: boolean;
  headingLevel?: 2 | 3;
  /** Opened from Overblik's Exit follow-up: scroll here and focus the heading once the courses are shown. */
  focusOnLoad?: boolean;
}) {
  const { data, set } = useLoad(() => api['cases.exit.list']({ personId }), [personId]);
  const [dialog, setDialog] = useState<{ kind: 'edit'; course: ExitCourse | null } | { kind: 'delete'; course: ExitCourse } | { kind: 'followUp'; course: ExitCourse } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = data.state === 'ready';
  useEffect(() => {
    if (!focusOnLoad || !loaded) return;
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [focusOnLoad, loaded]);
  const [message, setMessage] = useState<string | null>(null);
  type DialogState = NonNullable<typeof dialog>;
  /** A dialog opens: the last message goes. */
  const open = (d: DialogState) => {
    setMessage(null);
    setDialog(d);
  };
  /** A dialog saved: the fresh list, the dialog closed, what was done said. */
  const finish = (fresh: ExitList, done: string) => {
    set(fresh);
    setDialog(null);
    setMessage(done);
  };
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="exit-panel" aria-labelledby={`exit-heading-${personId}`}>
      <div className="exit-panel-head">
        <Heading id={`exit-heading-${personId}`} className="h3" ref={headingRef} tabIndex={-1}>
          {t('exit.heading')}
        </Heading>
        {editable ? (
          <Button variant="secondary" onClick={() => open({ kind: 'edit', course: null })}>
            {t('exit.add')}
          </Button>
        ) : (
          <span className="muted">{t('exit.editOnCase')}</span>
        )}
      </div>
      <div role="status">
        {message ? (
          <Alert variant="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <LoadingGate data={data} failedHeading={t('exit.loadFailed')} loadingClassName="muted">
        {(value) =>
          value.courses.length === 0 ? (
            <p className="muted">{t('exit.empty')}</p>
          ) : (
            <>
              <div className="table--responsive-scroll">
                <table className="table table--compact exit-table">
                  <caption className="sr-only">{t('exit.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('exit.col.programme')}</th>
                      <th scope="col">{t('exit.col.period')}</th>
                      <th scope="col">{t('exit.col.contact')}</th>
                      <th scope="col">{t('exit.col.status')}</th>
                      <th scope="col">{t('exit.col.followUp')}</th>
                      {editable ? (
                        <th scope="col">
                          <span className="sr-only">{t('exit.col.actions')}</span>
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {value.courses.map((c) => (
                      <tr key={c.id} data-testid="exit-course">
                        <td>{exitProgrammeName(c.programme)}</td>
                        <td>
                          {c.endOn
                            ? t('exit.period.closed', { start: proseDate(c.startOn), end: proseDate(c.endOn) })
                            : t('exit.period.open', { start: proseDate(c.startOn), latest: proseDate(c.latestEndOn) })}
                          {c.overdue ? <strong className="exit-warning"> {t('exit.overdue')}</strong> : null}
                        </td>
                        <td>{c.contactPerson}</td>
                        <td>{exitStatusName(c.status)}</td>
                        <td data-testid="exit-follow-up">
                          <FollowUp course={c} />
                          {editable && c.followUp?.state === 'due' && c.followUp.recordedOn === null ? (
                            <>
                              <br />
                              <Button
                                variant="secondary"
                                aria-label={t('exit.followUp.recordLabel', { programme: exitProgrammeName(c.programme), start: proseDate(c.startOn) })}
                                onClick={() => open({ kind: 'followUp', course: c })}
                              >
                                {t('exit.followUp.record')}
                              </Button>
                            </>
                          ) : null}
                        </td>
                        {editable ? (
                          <td className="exit-row-actions">
                            <Button
                              variant="tertiary"
                              aria-label={t('exit.editLabel', { programme: exitProgrammeName(c.programme), start: proseDate(c.startOn) })}
                              onClick={() => open({ kind: 'edit', course: c })}
                            >
                              {t('exit.edit')}
                            </Button>
                            <Button
                              variant="tertiary"
                              aria-label={t('exit.deleteLabel', { programme: exitProgrammeName(c.programme), start: proseDate(c.startOn) })}
                              onClick={() => open({ kind: 'delete', course: c })}
                            >
                              {t('exit.delete')}
                            </Button>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {value.courses.some((c) => c.programme === 'kk-18-25') ? (
                <p className="muted exit-places">{t('exit.kkPlaces', { count: value.kkPlacesInUse, places: EXIT_KK_PLACES })}</p>
              ) : null}
            </>
          )
        }
      </LoadingGate>
      {dialog?.kind === 'edit' ? (
        <ExitCourseDialog
          personId={personId}
          course={dialog.course}
          today={today}
          onClose={() => setDialog(null)}
          onDone={(fresh) => finish(fresh, t('exit.saved'))}
        />
      ) : null}
      {dialog?.kind === 'followUp' ? (
        <RecordFollowUpDialog
          personId={personId}
          course={dialog.course}
          today={today}
          onClose={() => setDialog(null)}
          onDone={(fresh) => finish(fresh, t('exit.followUp.recorded'))}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDeleteExit
          personId={personId}
          course={dialog.course}
          onClose={() => setDialog(null)}
          onDone={(fresh) => finish(fresh, t('exit.deleted'))}
        />
      ) : null}
    </section>
  );
}

function FollowUp({ course }: { course: ExitCourse }) {
  const f = course.followUp;
  if (!f) return <span className="muted">{t('exit.followUp.none')}</span>;
  const charges = tCount('exit.followUp.charges.one', 'exit.followUp.charges.other', f.newCharges, { count: f.newCharges });
  return (
    <>
      {f.recordedOn !== null ? (
        <span>{t('exit.followUp.done', { date: proseDate(f.recordedOn) })}</span>
      ) : f.state === 'due' ? (
        <strong className="exit-due">{t('exit.followUp.due', { date: proseDate(f.dueOn) })}</strong>
      ) : (
        <span>{t('exit.followUp.running', { date: proseDate(f.dueOn) })}</span>
      )}
      <br />
      <span className={f.newCharges > 0 ? 'exit-charges exit-charges-some' : 'exit-charges'}>
        {charges}
        {f.state === 'running' ? ` ${t('exit.followUp.soFar')}` : ''}
      </span>
      <br />
      <span className="muted exit-window">{t('exit.followUp.window', { after: proseDate(f.windowAfter), through: proseDate(f.windowThrough) })}</span>
    </>
  );
}

type ExitList = { courses: ExitCourse[]; kkPlacesInUse: number };

function ExitCourseDialog({ personId, course, today, onClose, onDone }: { personId: number; course: ExitCourse | null; today: string; onClose: () => void; onDone: (fresh: ExitList) => void }) {
  type V = { programme: string; startOn: string; status: string; endOn: string; contactPerson: string };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => {
      const latest = isValidIsoDate(v.startOn) ? exitLatestEnd(v.startOn) : null;
      const ended = v.status !== 'active';
      return {
        programme: v.programme ? undefined : t('exit.required.programme'),
        startOn: !v.startOn ? t('exit.required.startOn') : dateError(v.startOn, today, { notFuture: true }),
        endOn: !ended
          ? undefined
          : !v.endOn
            ? t('exit.required.endOn')
            : (dateError(v.endOn, today, { notFuture: true, notBefore: isValidIsoDate(v.startOn) ? v.startOn : undefined, notBeforeMessage: t('exit.endBeforeStart') }) ??
              (latest && v.endOn > latest ? t('exit.overThreeYears', { date: proseDate(latest) }) : undefined)),
        contactPerson: v.contactPerson.trim() ? undefined : t('exit.required.contact'),
      };
    },
    [today],
  );
  const form = useForm<V>(
    { programme: course?.programme ?? '', startOn: course?.startOn ?? '', status: course?.status ?? 'active', endOn: course?.endOn ?? '', contactPerson: course?.contactPerson ?? '' },
    validate,
  );
  const save = useDialogSave();
  const ended = form.values.status !== 'active';
  const latest = isValidIsoDate(form.values.startOn) ? exitLatestEnd(form.values.startOn) : null;
  const submit = () => {
    if (!form.submit()) return;
    const v = form.values;
    void save.run(
      () =>
        api['cases.exit.save']({
          personId,
          ...(course ? { id: course.id } : {}),
          programme: v.programme as ExitProgramme,
          startOn: v.startOn,
          endOn: ended ? v.endOn : null,
          contactPerson: v.contactPerson.trim(),
          status: v.status as ExitStatus,
        }),
      onDone,
      (fields) => form.setServerErrors(pickFields(fields, ['programme', 'startOn', 'endOn', 'contactPerson', 'status'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog exit-dialog" title={course ? t('exit.dialog.edit') : t('exit.dialog.new')} onClose={onClose} testId="dialog-exit" returnFocus>
      <DialogForm onSubmit={submit} submitLabel={t('exit.submit')} onCancel={onClose} save={save}>
        <SelectField
          id="exit-programme"
          label={t('exit.field.programme')}
          value={form.values.programme}
          options={[{ value: '', label: t('cases.choose') }, ...PROGRAMMES.map((p) => ({ value: p, label: exitProgrammeName(p) }))]}
          onChange={(v) => form.set('programme', v)}
          error={form.errorOf('programme')}
        />
        <DateField id="exit-start" label={t('exit.field.startOn')} width="s" max={today} {...form.field('startOn')} />
        <RadioGroup
          name="exit-status"
          id="exit-status"
          legend={t('exit.field.status')}
          value={form.values.status as ExitStatus}
          options={STATUSES.map((s) => ({ value: s, label: exitStatusName(s) }))}
          onChange={(v) => form.set('status', v)}
          inline
        />
        {ended ? (
          <DateField
            id="exit-end"
            label={t('exit.field.endOn')}
            hint={latest ? t('exit.field.endOnHint', { date: proseDate(latest) }) : undefined}
            width="s"
            max={today}
            {...form.field('endOn')}
          />
        ) : null}
        <TextField id="exit-contact" label={t('exit.field.contact')} hint={t('exit.field.contactHint')} maxLength={120} {...form.field('contactPerson')} />
      </DialogForm>
    </Dialog>
  );
}

/** The follow-up 24 months after the end is done: on which day (today by default, not before it was due). */
function RecordFollowUpDialog({ personId, course, today, onClose, onDone }: { personId: number; course: ExitCourse; today: string; onClose: () => void; onDone: (fresh: ExitList) => void }) {
  const due = course.followUp!.dueOn;
  type V = { recordedOn: string };
  const validate = useCallback(
    (v: V): FieldErrors<keyof V> => ({
      recordedOn: !v.recordedOn
        ? t('exit.followUp.required')
        : dateError(v.recordedOn, today, { notFuture: true, notBefore: due, notBeforeMessage: t('exit.followUp.beforeDue', { date: proseDate(due) }) }),
    }),
    [today, due],
  );
  const form = useForm<V>({ recordedOn: today }, validate);
  const save = useDialogSave();
  const submit = () => {
    if (!form.submit()) return;
    void save.run(
      () => api['cases.exit.recordFollowUp']({ personId, id: course.id, recordedOn: form.values.recordedOn }),
      onDone,
      (fields) => form.setServerErrors(pickFields(fields, ['recordedOn'] as const)),
    );
  };
  return (
    <Dialog className="case-dialog" title={t('exit.followUp.dialogTitle')} onClose={onClose} testId="dialog-exit-follow-up" returnFocus>
      <DialogForm onSubmit={submit} submitLabel={t('exit.followUp.submit')} onCancel={onClose} save={save}>
        <p>{t('exit.followUp.dialogBody', { programme: exitProgrammeName(course.programme), end: proseDate(course.endOn ?? due), due: proseDate(due) })}</p>
        <DateField id="exit-follow-up-on" label={t('exit.followUp.field')} width="s" max={today} {...form.field('recordedOn')} />
      </DialogForm>
    </Dialog>
  );
}

function ConfirmDeleteExit({ personId, course, onClose, onDone }: { personId: number; course: ExitCourse; onClose: () => void; onDone: (fresh: ExitList) => void }) {
  const save = useDialogSave();
  return (
    <Dialog className="case-dialog" title={t('exit.confirmDelete.title')} onClose={onClose} testId="dialog-exit-delete" returnFocus>
      <DialogForm
        onSubmit={() => void save.run(() => api['cases.exit.delete']({ personId, id: course.id }), onDone)}
        submitLabel={t('exit.confirmDelete.submit')}
        submitVariant="warning"
        onCancel={onClose}
        save={save}
      >
        <p>{t('exit.confirmDelete.body', { programme: exitProgrammeName(course.programme), start: proseDate(course.startOn) })}</p>
      </DialogForm>
    </Dialog>
  );
}
