import { useRef, useState, type FormEvent } from 'react';
import { LoadingGate } from '../core/ui/LoadingGate';
import type { AppErrorShape, Result } from '../../shared/contract';
import type { CustodyDetail, ReleaseMeetingDetail, ReleaseMeetingTemplate } from '../../shared/releases';
import { CHECKLIST_ITEM_CODES, readiness, type ChecklistItemCode, type ChecklistStatus, type ReleaseMeetingKind, type ReleasePartner } from '../../shared/releases';
import { api } from '../core/api';
import { t, tableDate, todayIso } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { ErrorSummary, type ErrorSummaryItem } from '../core/ui/ErrorSummary';
import { PageHeader } from '../core/ui/PageHeader';
import { TextField } from '../core/ui/TextField';
import { useFocusLater } from '../core/ui/useFocusLater';
import { fullName, itemName, meetingKindOptions, partnerOptions, statusOptions } from './labels';
import { BackTo, CellInput, ReadinessMeter, SelectField, TextArea } from './ui';
import { useLoad } from '../core/data/useLoad';
import { DateField, notADate } from '../core/ui/DateField';

interface Loaded {
  custody: CustodyDetail;
  meeting: ReleaseMeetingDetail | null;
  template: ReleaseMeetingTemplate | null;
}

/** The meeting editor: a new meeting (from the template) or an existing one. */
export function MeetingScreen({ custodyId, meetingId }: { custodyId: number; meetingId?: number }) {
  const { data } = useLoad(async (): Promise<Result<Loaded>> => {
    const custody = await api['releases.custody.get']({ custodyId });
    if (!custody.ok) return custody;
    if (meetingId !== undefined) {
      const meeting = await api['releases.meeting.get']({ meetingId });
      return meeting.ok ? { ok: true, value: { custody: custody.value, meeting: meeting.value, template: null } } : meeting;
    }
    const template = await api['releases.meeting.template']({ custodyId });
    return template.ok ? { ok: true, value: { custody: custody.value, meeting: null, template: template.value } } : template;
  }, [custodyId, meetingId]);
  return (
    <>
      <BackTo custodyId={custodyId} />
      <LoadingGate data={data} failedHeading={t('releases.loadFailed')} focusHeading>{(d) => <MeetingEditor {...d} />}</LoadingGate>
    </>
  );
}

interface Participant {
  key: number;
  name: string;
  partner: ReleasePartner;
  organisation: string;
}
interface ChecklistRow {
  status: ChecklistStatus;
  owner: string;
  deadline: string;
  note: string;
}
interface Action {
  key: number;
  description: string;
  owner: string;
  deadline: string;
  doneOn: string;
}

let keySeq = 0;
const nextKey = () => ++keySeq;

function MeetingEditor({ custody, meeting, template }: Loaded) {
  const { replace, navigate } = useRouter();
  const source = meeting ?? template!;
  const [kind, setKind] = useState<ReleaseMeetingKind>(meeting?.kind ?? (custody.meetings.length ? 'final' : 'planning'));
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? todayIso());
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [participants, setParticipants] = useState<Participant[]>(() =>
    source.participants.map((p) => ({ key: nextKey(), name: p.name, partner: p.partner, organisation: p.organisation ?? '' })),
  );
  const [checklist, setChecklist] = useState<Record<ChecklistItemCode, ChecklistRow>>(() => {
    const byItem = new Map(source.checklist.map((r) => [r.item, r]));
    return Object.fromEntries(
      CHECKLIST_ITEM_CODES.map((item) => {
        const r = byItem.get(item);
        return [item, { status: r?.status ?? 'missing', owner: r?.owner ?? '', deadline: r?.deadline ?? '', note: r?.note ?? '' }];
      }),
    ) as Record<ChecklistItemCode, ChecklistRow>;
  });
  const [actions, setActions] = useState<Action[]>(() =>
    (meeting?.actions ?? []).map((a) => ({ key: nextKey(), description: a.description, owner: a.owner, deadline: a.deadline ?? '', doneOn: a.doneOn ?? '' })),
  );
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [showSummary, setShowSummary] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  // ---- errors: client rules once submitted, the server's until the field is edited ----
  const ids = {
    heldOn: 'meeting-held-on',
    participant: (key: number, f: string) => `participant-${key}-${f}`,
    item: (item: string, f: string) => `checklist-${item}-${f}`,
    action: (key: number, f: string) => `action-${key}-${f}`,
  };
  const today = todayIso();
  const clientErrors: Record<string, string> = {};
  if (!heldOn) clientErrors[ids.heldOn] = t('releases.field.dateRequired');
  else if (notADate(heldOn)) clientErrors[ids.heldOn] = notADate(heldOn)!;
  else if (heldOn < custody.imprisonedOn) clientErrors[ids.heldOn] = t('releases.meeting.beforeImprisonment', { date: tableDate(custody.imprisonedOn) });
  for (const item of CHECKLIST_ITEM_CODES) {
    const bad = notADate(checklist[item].deadline);
    if (bad) clientErrors[ids.item(item, 'deadline')] = bad;
  }
  for (const p of participants) if (!p.name.trim()) clientErrors[ids.participant(p.key, 'name')] = t('releases.meeting.nameRequired');
  for (const a of actions) {
    if (!a.description.trim()) clientErrors[ids.action(a.key, 'description')] = t('releases.meeting.descriptionRequired');
    if (!a.owner.trim()) clientErrors[ids.action(a.key, 'owner')] = t('releases.meeting.ownerRequired');
    for (const f of ['deadline', 'doneOn'] as const) {
      const bad = notADate(a[f]);
      if (bad) clientErrors[ids.action(a.key, f)] = bad;
    }
    if (a.doneOn && !notADate(a.doneOn) && a.doneOn > today) clientErrors[ids.action(a.key, 'doneOn')] = t('releases.meeting.doneInFuture');
  }
  const errorOf = (id: string) => serverErrors[id] ?? (submitted ? clientErrors[id] : undefined);
  const edited = (id: string) =>
    setServerErrors((e) => {
      if (!(id in e)) return e;
      const next = { ...e };
      delete next[id];
      return next;
    });

  /** Map the server's field paths (input shape) to this form's field ids. */
  const fieldIdOf = (path: string): string | null => {
    const [head, index, field] = path.split('.');
    if (head === 'heldOn') return ids.heldOn;
    if (head === 'place') return 'meeting-place';
    if (head === 'notes') return 'meeting-notes';
    if (head === 'kind') return 'meeting-kind';
    const i = Number(index);
    if (head === 'participants' && participants[i]) return ids.participant(participants[i].key, field ?? 'name');
    if (head === 'actions' && actions[i]) return ids.action(actions[i].key, field ?? 'description');
    if (head === 'checklist' && CHECKLIST_ITEM_CODES[i]) return ids.item(CHECKLIST_ITEM_CODES[i], field ?? 'status');
    return null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    if (Object.keys(clientErrors).length) {
      setShowSummary(true);
      focusLater(summaryRef);
      return;
    }
    setShowSummary(false);
    setBusy(true);
    const opt = (v: string) => (v.trim() ? v.trim() : undefined);
    const r = await api['releases.meeting.save']({
      ...(meeting ? { meetingId: meeting.id } : {}),
      custodyId: custody.id,
      kind,
      heldOn,
      ...(opt(place) ? { place: opt(place) } : {}),
      ...(opt(notes) ? { notes: notes.trim() } : {}),
      participants: participants.map((p) => ({ name: p.name.trim(), partner: p.partner, ...(opt(p.organisation) ? { organisation: opt(p.organisation) } : {}) })),
      checklist: CHECKLIST_ITEM_CODES.map((item) => {
        const c = checklist[item];
        return {
          item,
          status: c.status,
          ...(opt(c.owner) ? { owner: opt(c.owner) } : {}),
          ...(c.deadline ? { deadline: c.deadline } : {}),
          ...(opt(c.note) ? { note: opt(c.note) } : {}),
        };
      }),
      actions: actions.map((a) => ({
        description: a.description.trim(),
        owner: a.owner.trim(),
        ...(a.deadline ? { deadline: a.deadline } : {}),
        ...(a.doneOn ? { doneOn: a.doneOn } : {}),
      })),
    });
    setBusy(false);
    if (r.ok) {
      replace({ area: 'releases', screen: 'custody', custodyId: custody.id, notice: 'meetingSaved' });
      return;
    }
    // Nothing typed is lost: the values stay, the messages go next to the fields.
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(r.error.fields ?? {})) {
      const id = fieldIdOf(path);
      if (id) fields[id] = message;
    }
    setServerErrors(fields);
    setFailure(r.error);
    focusLater(failureRef);
  };

  // After a refused submit the summary lists what is still wrong, shrinking as fields are fixed.
  const summary: ErrorSummaryItem[] = showSummary ? Object.entries(clientErrors).map(([fieldId, message]) => ({ fieldId, message })) : [];
  const ready = readiness(CHECKLIST_ITEM_CODES.map((item) => checklist[item]));
  const setItem = (item: ChecklistItemCode, patch: Partial<ChecklistRow>, field: string) => {
    setChecklist((c) => ({ ...c, [item]: { ...c[item], ...patch } }));
    edited(ids.item(item, field));
  };
  const setParticipant = (key: number, patch: Partial<Participant>, field: string) => {
    setParticipants((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
    edited(ids.participant(key, field));
  };
  const setAction = (key: number, patch: Partial<Action>, field: string) => {
    setActions((as) => as.map((a) => (a.key === key ? { ...a, ...patch } : a)));
    edited(ids.action(key, field));
  };
  const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const name = fullName(custody.person);

  return (
    <>
      <PageHeader
        title={meeting ? `${t('releases.meeting.title')} ${tableDate(meeting.heldOn)}` : t('releases.meeting.newTitle')}
        lead={
          custody.plannedReleaseOn
            ? t('releases.meeting.lead', { name, institution: custody.institution, date: tableDate(custody.plannedReleaseOn) })
            : t('releases.meeting.leadNoDate', { name, institution: custody.institution })
        }
      />
      {template?.fromMeetingId ? (
        <Alert variant="info">
          <p>{t('releases.meeting.carriedOver')}</p>
        </Alert>
      ) : null}
      <ErrorSummary items={summary} summaryRef={summaryRef} />
      {failure ? (
        <Alert variant="error" heading={t('releases.saveFailed')} live="alert" ref={failureRef}>
          <p>{failure.message}</p>
        </Alert>
      ) : null}

      <form noValidate onSubmit={submit} className="stack-form releases-form releases-meeting-form">
        <fieldset>
          <legend className="h3">{t('releases.meeting.basics')}</legend>
          <SelectField<ReleaseMeetingKind> id="meeting-kind" label={t('releases.meeting.kind')} value={kind} options={meetingKindOptions} onChange={setKind} />
          <DateField
            id={ids.heldOn}
            label={t('releases.meeting.heldOn')}
            hint={t('releases.meeting.heldOnHint')}
            width="s"
            value={heldOn}
            onChange={(v) => {
              setHeldOn(v);
              edited(ids.heldOn);
            }}
            error={errorOf(ids.heldOn)}
          />
          <TextField id="meeting-place" label={t('releases.meeting.place')} value={place} onChange={setPlace} maxLength={200} error={errorOf('meeting-place')} />
        </fieldset>

        <fieldset>
          <legend className="h3">{t('releases.meeting.participants')}</legend>
          {participants.length ? (
            <table className="table table--compact releases-table releases-edit-table" data-testid="meeting-participants">
              <thead>
                <tr>
                  <th scope="col">{t('releases.meeting.participantName')}</th>
                  <th scope="col">{t('releases.meeting.participantPartner')}</th>
                  <th scope="col">{t('releases.meeting.participantOrg')}</th>
                  <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p, i) => {
                  const n = i + 1;
                  const who = t('releases.meeting.participantN', { n });
                  return (
                    <tr key={p.key}>
                      <td>
                        <CellInput id={ids.participant(p.key, 'name')} label={`${who}: ${t('releases.meeting.participantName')}`} value={p.name} maxLength={120} onChange={(v) => setParticipant(p.key, { name: v }, 'name')} error={errorOf(ids.participant(p.key, 'name'))} />
                      </td>
                      <td>
                        <SelectField<ReleasePartner>
                          id={ids.participant(p.key, 'partner')}
                          label={`${who}: ${t('releases.meeting.participantPartner')}`}
                          labelClassName="sr-only"
                          className="releases-cell-field"
                          value={p.partner}
                          options={partnerOptions}
                          onChange={(v) => setParticipant(p.key, { partner: v }, 'partner')}
                        />
                      </td>
                      <td>
                        <CellInput id={ids.participant(p.key, 'organisation')} label={`${who}: ${t('releases.meeting.participantOrg')}`} value={p.organisation} maxLength={120} onChange={(v) => setParticipant(p.key, { organisation: v }, 'organisation')} error={errorOf(ids.participant(p.key, 'organisation'))} />
                      </td>
                      <td className="releases-cell-action">
                        <Button
                          variant="tertiary"
                          onClick={() => {
                            setParticipants((ps) => ps.filter((x) => x.key !== p.key));
                            focusSoon('meeting-add-participant');
                          }}
                        >
                          {t('releases.meeting.remove')}
                          <span className="sr-only"> {t('releases.meeting.removeParticipant', { n })}</span>
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="releases-muted">{t('releases.meeting.participantsEmpty')}</p>
          )}
          <Button
            variant="secondary"
            id="meeting-add-participant"
            onClick={() => {
              const key = nextKey();
              setParticipants((ps) => [...ps, { key, name: '', partner: 'kriminalforsorgen', organisation: '' }]);
              focusSoon(ids.participant(key, 'name'));
            }}
          >
            {t('releases.meeting.addParticipant')}
          </Button>
        </fieldset>

        <fieldset>
          <legend className="h3">{t('releases.meeting.checklist')}</legend>
          <p className="form-hint">{t('releases.meeting.checklistHint')}</p>
          <p aria-live="polite" data-testid="meeting-readiness">
            <ReadinessMeter readiness={ready} long />
          </p>
          <table className="table table--compact releases-table releases-edit-table releases-checklist" data-testid="meeting-checklist">
            <thead>
              <tr>
                <th scope="col">{t('releases.col.item')}</th>
                <th scope="col">{t('releases.col.state')}</th>
                <th scope="col">{t('releases.col.owner')}</th>
                <th scope="col">{t('releases.col.deadline')}</th>
                <th scope="col">{t('releases.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {CHECKLIST_ITEM_CODES.map((item) => {
                const row = checklist[item];
                const label = itemName(item);
                return (
                  <tr key={item} data-item={item} className={`releases-status-${row.status}`}>
                    <th scope="row">{label}</th>
                    <td>
                      <SelectField<ChecklistStatus>
                        id={ids.item(item, 'status')}
                        label={t('releases.meeting.statusFor', { item: label })}
                        labelClassName="sr-only"
                        className="releases-cell-field"
                        value={row.status}
                        options={statusOptions}
                        onChange={(v) => setItem(item, { status: v }, 'status')}
                      />
                    </td>
                    <td>
                      <CellInput id={ids.item(item, 'owner')} label={t('releases.meeting.ownerFor', { item: label })} value={row.owner} maxLength={120} onChange={(v) => setItem(item, { owner: v }, 'owner')} error={errorOf(ids.item(item, 'owner'))} />
                    </td>
                    <td>
                      <CellInput id={ids.item(item, 'deadline')} type="date" label={t('releases.meeting.deadlineFor', { item: label })} value={row.deadline} onChange={(v) => setItem(item, { deadline: v }, 'deadline')} error={errorOf(ids.item(item, 'deadline'))} className="releases-cell-date" />
                    </td>
                    <td>
                      <CellInput id={ids.item(item, 'note')} label={t('releases.meeting.noteFor', { item: label })} value={row.note} maxLength={2000} onChange={(v) => setItem(item, { note: v }, 'note')} error={errorOf(ids.item(item, 'note'))} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>

        <fieldset>
          <legend className="h3">{t('releases.meeting.actions')}</legend>
          {actions.length ? (
            <table className="table table--compact releases-table releases-edit-table releases-actions-table" data-testid="meeting-actions">
              <thead>
                <tr>
                  <th scope="col">{t('releases.meeting.actionDescription')}</th>
                  <th scope="col">{t('releases.meeting.actionOwner')}</th>
                  <th scope="col">{t('releases.meeting.actionDeadline')}</th>
                  <th scope="col">{t('releases.meeting.actionDone')}</th>
                  <th scope="col"><span className="sr-only">{t('releases.col.open')}</span></th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a, i) => {
                  const n = i + 1;
                  const what = t('releases.meeting.actionN', { n });
                  return (
                    <tr key={a.key}>
                      <td>
                        <CellInput id={ids.action(a.key, 'description')} label={`${what}: ${t('releases.meeting.actionDescription')}`} value={a.description} maxLength={500} onChange={(v) => setAction(a.key, { description: v }, 'description')} error={errorOf(ids.action(a.key, 'description'))} />
                      </td>
                      <td>
                        <CellInput id={ids.action(a.key, 'owner')} label={`${what}: ${t('releases.meeting.actionOwner')}`} value={a.owner} maxLength={120} onChange={(v) => setAction(a.key, { owner: v }, 'owner')} error={errorOf(ids.action(a.key, 'owner'))} />
                      </td>
                      <td>
                        <CellInput id={ids.action(a.key, 'deadline')} type="date" label={`${what}: ${t('releases.meeting.actionDeadline')}`} value={a.deadline} onChange={(v) => setAction(a.key, { deadline: v }, 'deadline')} error={errorOf(ids.action(a.key, 'deadline'))} className="releases-cell-date" />
                      </td>
                      <td>
                        <CellInput id={ids.action(a.key, 'doneOn')} type="date" label={`${what}: ${t('releases.meeting.actionDone')}`} value={a.doneOn} onChange={(v) => setAction(a.key, { doneOn: v }, 'doneOn')} error={errorOf(ids.action(a.key, 'doneOn'))} className="releases-cell-date" />
                      </td>
                      <td className="releases-cell-action">
                        <Button
                          variant="tertiary"
                          onClick={() => {
                            setActions((as) => as.filter((x) => x.key !== a.key));
                            focusSoon('meeting-add-action');
                          }}
                        >
                          {t('releases.meeting.remove')}
                          <span className="sr-only"> {t('releases.meeting.removeAction', { n })}</span>
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="releases-muted">{t('releases.meeting.actionsEmpty')}</p>
          )}
          <Button
            variant="secondary"
            id="meeting-add-action"
            onClick={() => {
              const key = nextKey();
              setActions((as) => [...as, { key, description: '', owner: '', deadline: '', doneOn: '' }]);
              focusSoon(ids.action(key, 'description'));
            }}
          >
            {t('releases.meeting.addAction')}
          </Button>
        </fieldset>

        <div className="releases-notes">
          <TextArea id="meeting-notes" label={t('releases.meeting.notes')} hint={t('releases.meeting.notesHint')} value={notes} onChange={setNotes} maxLength={20_000} rows={5} error={errorOf('meeting-notes')} />
        </div>

        <div className="form-actions">
          <Button type="submit" busy={busy} busyLabel={t('releases.saving')}>
            {t('releases.meeting.save')}
          </Button>
          <Button variant="secondary" onClick={() => navigate({ area: 'releases', screen: 'custody', custodyId: custody.id })}>
            {t('releases.cancel')}
          </Button>
          {meeting ? (
            <Button variant="tertiary" onClick={() => setConfirmDelete(true)}>
              {t('releases.meeting.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {meeting && confirmDelete ? (
        <Alert variant="warning" heading={t('releases.meeting.delete')} live="alert">
          <p>{t('releases.meeting.deleteConfirm')}</p>
          <div className="form-actions">
            <Button
              variant="warning"
              onClick={async () => {
                const r = await api['releases.meeting.delete']({ meetingId: meeting.id });
                if (r.ok) replace({ area: 'releases', screen: 'custody', custodyId: custody.id, notice: 'meetingDeleted' });
                else setFailure(r.error);
              }}
            >
              {t('releases.custody.deleteYes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
              {t('releases.cancel')}
            </Button>
          </div>
        </Alert>
      ) : null}
    </>
  );
}
