import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppErrorShape } from '../../shared/contract';
import type { AgendaItem, AgendaItemInput, MeetingDetail } from '../../shared/leader-meetings';
import type { CaseRow } from '../../shared/cases';
import { api } from '../core/api';
import { t, tCount } from '../core/i18n';
import { useLoad } from '../core/data/useLoad';
import { Select } from '../core/ui/Select';
import { Alert } from '../core/ui/Alert';
import { Button } from '../core/ui/Button';
import { TextField } from '../core/ui/TextField';
import { reasonName } from './labels';
import { screenModeName, useScreenMode } from '../core/shell/screenMode';

const asInput = (i: AgendaItem): AgendaItemInput =>
  i.kind === 'case'
    ? { kind: 'case', caseId: i.case!.caseId }
    : i.kind === 'group'
      ? { kind: 'group', groupId: i.group!.groupId, ...(i.note ? { note: i.note } : {}) }
      : { kind: 'point', id: i.id, title: i.title ?? '', ...(i.note ? { note: i.note } : {}) };

export function itemLabel(i: AgendaItem): string {
  return i.kind === 'case' ? (i.case?.pseudonym ?? '') : (i.title ?? '');
}

/**
 * The agenda in order: move items up and down, remove them (not once decided), add a case by
 * search, the proposed cases not yet on it, or a free point. Every change is saved at once.
 */
export function AgendaEditor({ meeting, onChange }: { meeting: MeetingDetail; onChange: (m: MeetingDetail) => void }) {
  const screenMode = useScreenMode().on;
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<CaseRow[] | null>(null);
  const [pointTitle, setPointTitle] = useState('');
  const [missing, setMissing] = useState<number[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [groupId, setGroupId] = useState('');
  const groups = useLoad(() => api['youthGroups.list']({}), []);
  const items = meeting.agenda;

  const save = async (next: AgendaItemInput[], message: string) => {
    if (busy) return false;
    setBusy(true);
    setFailure(null);
    const r = await api['meetings.saveAgenda']({ meetingId: meeting.id, items: next });
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      return false;
    }
    onChange(r.value);
    setAnnouncement(message);
    return true;
  };

  const moveTo = (index: number, target: number) => {
    if (target < 0 || target >= items.length || target === index) return;
    const next = items.map(asInput);
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    void save(next, t('meetings.agenda.moved', { item: itemLabel(items[index]!), position: target + 1 }));
  };
  const move = (index: number, delta: number) => moveTo(index, index + delta);
  // Drag and drop: the row being dragged, and keyboard: Alt+↑/↓ on a focused row.
  const [dragging, setDragging] = useState<number | null>(null);
  const onRowKey = (index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || e.target !== e.currentTarget || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? -1 : 1);
  };

  const onSearch = async (e: FormEvent) => {
    e.preventDefault();
    if (!search.trim()) return;
    const r = await api['cases.list']({ search, status: 'open', limit: 10 });
    if (r.ok) setResults(r.value.rows);
    else setFailure(r.error);
  };

  const onAddPoint = async (e: FormEvent) => {
    e.preventDefault();
    if (!pointTitle.trim()) return;
    if (await save([...items.map(asInput), { kind: 'point', title: pointTitle }], t('meetings.agenda.added', { item: pointTitle }))) setPointTitle('');
  };

  const checkProposal = async () => {
    const r = await api['meetings.proposeAgenda']({ meetingId: meeting.id });
    if (r.ok) setMissing(r.value.items.filter((i) => !i.onAgenda).map((i) => i.caseId));
    else setFailure(r.error);
  };

  const onAgenda = new Set(items.flatMap((i) => (i.case ? [i.case.caseId] : [])));
  const groupsOnAgenda = new Set(items.flatMap((i) => (i.group ? [i.group.groupId] : [])));
  const activeGroups = groups.data.state === 'ready' ? groups.data.value.filter((g) => g.active) : [];
  const onAddGroup = async (e: FormEvent) => {
    e.preventDefault();
    const g = activeGroups.find((x) => String(x.id) === groupId);
    if (!g || groupsOnAgenda.has(g.id)) return;
    if (await save([...items.map(asInput), { kind: 'group', groupId: g.id }], t('meetings.agenda.added', { item: g.name }))) setGroupId('');
  };

  return (
    <section aria-labelledby="agenda-heading" className="meetings-section">
      <h2 id="agenda-heading">{t('meetings.agenda.heading')}</h2>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {failure ? (
        <Alert variant="error" heading={t('meetings.saveFailed')} live="alert">
          <p>{failure.message}</p>
        </Alert>
      ) : null}
      {items.length === 0 ? <p className="meetings-muted">{t('meetings.agenda.empty')}</p> : <p id="agenda-move-hint" className="meetings-muted">{t('meetings.agenda.moveHint')}</p>}
      <ol className="meetings-agenda meetings-agenda--compact" data-testid="agenda">
        {items.map((i, index) => (
          <li
            key={i.id}
            className={`meetings-agenda-item${dragging === index ? ' is-dragging' : ''}`}
            tabIndex={0}
            aria-label={t('meetings.agenda.rowLabel', { n: index + 1, item: itemLabel(i) })}
            aria-describedby="agenda-move-hint"
            draggable
            onKeyDown={onRowKey(index)}
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(i.id));
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => {
              if (dragging !== null) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) moveTo(dragging, index);
              setDragging(null);
            }}
          >
            <div className="meetings-agenda-text">
              <strong>{itemLabel(i)}</strong>
              {i.case ? (
                <span className="meetings-agenda-meta">
                  {t('meetings.case.meta', { level: i.case.level, age: i.case.age, district: i.case.district ?? t('meetings.case.noDistrict') })}
                  {i.reasons.length ? ` · ${i.reasons.map(reasonName).join(', ')}` : ` · ${t('meetings.agenda.addedByHand')}`}
                </span>
              ) : i.group ? (
                <span className="meetings-agenda-meta">
                  {tCount('meetings.group.meta.one', 'meetings.group.meta.other', i.group.cases.length, { count: i.group.cases.length })}
                  {i.group.cases.length ? ` · ${i.group.cases.map((c) => c.pseudonym).join(', ')}` : ''}
                </span>
              ) : (
                <span className="meetings-agenda-meta">{t('meetings.agenda.point')}</span>
              )}
              {i.decision ? <span className="badge badge-success meetings-badge">{t('meetings.agenda.decided')}</span> : null}
            </div>
            <div className="meetings-agenda-buttons">
              <Button variant="tertiary" disabled={index === 0} onClick={() => move(index, -1)}>
                {t('meetings.agenda.up')}
                <span className="sr-only"> {itemLabel(i)}</span>
              </Button>
              <Button variant="tertiary" disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                {t('meetings.agenda.down')}
                <span className="sr-only"> {itemLabel(i)}</span>
              </Button>
              <Button
                variant="tertiary"
                disabled={!!i.decision}
                title={i.decision ? t('meetings.agenda.cannotRemove') : undefined}
                onClick={() => void save(items.filter((x) => x.id !== i.id).map(asInput), t('meetings.agenda.removed', { item: itemLabel(i) }))}
              >
                {t('meetings.remove')}
                <span className="sr-only"> {itemLabel(i)}</span>
              </Button>
            </div>
          </li>
        ))}
      </ol>

      <div className="meetings-agenda-add">
        <form noValidate onSubmit={onSearch} role="search" aria-label={t('meetings.agenda.searchLabel')}>
          <TextField id="agenda-search" label={t('meetings.agenda.searchLabel')} hint={t('meetings.agenda.searchHint')} value={search} onChange={setSearch} width="m" maxLength={100} />
          <Button type="submit" variant="secondary">
            {t('meetings.agenda.search')}
          </Button>
        </form>
        {results ? (
          results.length === 0 ? (
            <p className="meetings-muted">{t('meetings.agenda.noResults')}</p>
          ) : (
            <ul className="meetings-plain-list meetings-results">
              {results.map((r) => (
                <li key={r.id}>
                  <span>
                    {r.caseNumber} · {screenMode ? screenModeName(r.firstName, r.lastName) : `${r.firstName} ${r.lastName}`} · {t('meetings.case.level', { level: r.level })}
                  </span>
                  <Button
                    variant="secondary"
                    disabled={onAgenda.has(r.id)}
                    onClick={() =>
                      void save([...items.map(asInput), { kind: 'case', caseId: r.id }], t('meetings.agenda.added', { item: r.caseNumber })).then((ok) => {
                        if (ok) setResults(null);
                      })
                    }
                  >
                    {onAgenda.has(r.id) ? t('meetings.agenda.onAgenda') : t('meetings.agenda.add')}
                    <span className="sr-only"> {r.caseNumber}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )
        ) : null}

        <form noValidate onSubmit={onAddPoint}>
          <TextField id="agenda-point" label={t('meetings.agenda.pointLabel')} value={pointTitle} onChange={setPointTitle} width="l" maxLength={200} />
          <Button type="submit" variant="secondary">
            {t('meetings.agenda.addPoint')}
          </Button>
        </form>

        {activeGroups.length ? (
          <form noValidate onSubmit={onAddGroup} className="meetings-group-add">
            <Select
              id="agenda-group"
              label={t('meetings.group.addLabel')}
              value={groupId}
              options={[
                { value: '', label: t('meetings.group.choose') },
                ...activeGroups.map((g) => ({ value: String(g.id), label: groupsOnAgenda.has(g.id) ? `${g.name} ${t('meetings.group.onAgenda')}` : g.name })),
              ]}
              onChange={setGroupId}
            />
            <Button type="submit" variant="secondary" disabled={!groupId || groupsOnAgenda.has(Number(groupId))}>
              {t('meetings.group.add')}
            </Button>
          </form>
        ) : groups.data.state === 'ready' ? (
          <p className="meetings-muted">{t('meetings.group.none')}</p>
        ) : null}

        <div>
          <Button variant="secondary" onClick={() => void checkProposal()}>
            {t('meetings.agenda.checkProposal')}
          </Button>
          {missing ? (
            missing.length === 0 ? (
              <p role="status">{t('meetings.agenda.proposalComplete')}</p>
            ) : (
              <p role="status">
                {t('meetings.agenda.proposalMissing', { n: missing.length })}{' '}
                <Button
                  variant="secondary"
                  onClick={() =>
                    void save([...items.map(asInput), ...missing.map((caseId) => ({ kind: 'case' as const, caseId }))], t('meetings.agenda.proposalAdded', { n: missing.length })).then((ok) => {
                      if (ok) setMissing(null);
                    })
                  }
                >
                  {t('meetings.agenda.addProposed')}
                </Button>
              </p>
            )
          ) : null}
        </div>
      </div>
    </section>
  );
}
