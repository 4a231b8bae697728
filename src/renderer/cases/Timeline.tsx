import type { CaseDetail } from '../../shared/cases';
import { formatDateTime, t, tableDate } from '../core/i18n';
import { LevelBadge } from './LevelBadge';
import { closingReasonName, eventKindName, offenceName } from './labels';
import { buildTimeline, type TimelineEntry } from './timeline';

type Note = CaseDetail['notes'][number];

/**
 * Everything that happened on the case, newest first: level changes, opening, closing and
 * reopening, events and journal notes. A corrected note stays, marked as corrected, with a link
 * to its correction (and back).
 */
export function Timeline({ detail, onCorrect }: { detail: CaseDetail; onCorrect?: (note: Note) => void }) {
  const entries = buildTimeline(detail);
  const notesById = new Map(detail.notes.map((n) => [n.id, n]));
  return (
    <ol className="timeline" aria-label={t('cases.timeline.label')} data-testid="timeline">
      {entries.map((e) => (
        <li key={e.key} className={`timeline-item timeline-${e.type}`} data-testid={`timeline-${e.type}`} id={e.type === 'note' ? `note-${e.item.id}` : undefined}>
          <div className="timeline-date">
            <time dateTime={e.date}>{tableDate(e.date)}</time>
          </div>
          <div className="timeline-body">
            <Entry entry={e} notesById={notesById} onCorrect={onCorrect} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function NoteLink({ note, children }: { note: Note; children: string }) {
  return (
    <a
      href={`#note-${note.id}`}
      onClick={(ev) => {
        ev.preventDefault();
        const target = document.getElementById(`note-${note.id}`);
        target?.scrollIntoView({ block: 'center' });
        target?.querySelector<HTMLElement>('.timeline-title')?.focus();
      }}
    >
      {children}
    </a>
  );
}

function Entry({ entry: e, notesById, onCorrect }: { entry: TimelineEntry; notesById: Map<number, Note>; onCorrect?: (note: Note) => void }) {
  switch (e.type) {
    case 'level': {
      const first = e.previous === null;
      const title = first
        ? t('cases.timeline.levelStart', { level: e.item.level })
        : e.item.level > e.previous!.level
          ? t('cases.timeline.levelUp', { from: e.previous!.level, level: e.item.level })
          : e.item.level < e.previous!.level
            ? t('cases.timeline.levelDown', { from: e.previous!.level, level: e.item.level })
            : t('cases.timeline.levelSame', { level: e.item.level });
      return (
        <>
          <p className="timeline-title">
            <strong>{title}</strong> <LevelBadge level={e.item.level} withLabel />
          </p>
          <p className="timeline-text">
            <span className="timeline-label">{t('cases.timeline.reason')}</span> {e.item.reason}
          </p>
          <p className="timeline-meta">{t('cases.timeline.levelMeta', { forum: e.item.forum, actor: e.item.actor })}</p>
        </>
      );
    }
    case 'status':
      return (
        <>
          <p className="timeline-title">
            <strong>{e.item.kind === 'opened' ? t('cases.timeline.opened') : e.item.kind === 'closed' ? t('cases.timeline.closed') : t('cases.timeline.reopened')}</strong>
          </p>
          {e.item.kind === 'closed' && e.item.closingReason ? (
            <p className="timeline-text">
              <span className="timeline-label">{t('cases.timeline.closingReason')}</span> {closingReasonName(e.item.closingReason)}
            </p>
          ) : null}
          <p className="timeline-meta">{t('cases.timeline.by', { actor: e.item.actor })}</p>
        </>
      );
    case 'event': {
      const detail = e.item.kind === 'charge' ? offenceName(e.item.offenceCategory) : e.item.effortName;
      return (
        <>
          <p className="timeline-title">
            <span>
              <strong>{eventKindName(e.item.kind)}</strong>
              {detail ? `: ${detail}` : null}
            </span>
          </p>
          {e.item.description ? <p className="timeline-text pre-wrap">{e.item.description}</p> : null}
          <p className="timeline-meta">{t('cases.timeline.by', { actor: e.item.actor })}</p>
        </>
      );
    }
    case 'note': {
      const n = e.item;
      const corrected = n.correctedByNoteIds.length > 0;
      const corrects = n.correctsNoteId !== null ? notesById.get(n.correctsNoteId) : undefined;
      const latestCorrection = corrected ? notesById.get(n.correctedByNoteIds[n.correctedByNoteIds.length - 1]!) : undefined;
      return (
        <>
          <p className="timeline-title" tabIndex={-1}>
            <strong>{corrects ? t('cases.timeline.correction') : t('cases.timeline.note')}</strong>
            {corrected ? <span className="badge badge-warning note-badge">{t('cases.timeline.corrected')}</span> : null}
          </p>
          <p className={`timeline-text pre-wrap${corrected ? ' note-superseded' : ''}`}>{n.text}</p>
          <p className="timeline-meta">
            {t('cases.timeline.noteMeta', { author: n.author, when: formatDateTime(n.writtenAt) })}
            {corrects ? (
              <>
                {' · '}
                <NoteLink note={corrects}>{t('cases.timeline.correctsLink', { when: formatDateTime(corrects.writtenAt) })}</NoteLink>
              </>
            ) : null}
            {latestCorrection ? (
              <>
                {' · '}
                <NoteLink note={latestCorrection}>{t('cases.timeline.correctedByLink', { when: formatDateTime(latestCorrection.writtenAt) })}</NoteLink>
              </>
            ) : null}
          </p>
          {!corrected && onCorrect ? (
            <button type="button" className="link-button timeline-action" onClick={() => onCorrect(n)}>
              {t('cases.action.correctNote')}
              <span className="sr-only"> {t('cases.timeline.noteFrom', { when: formatDateTime(n.writtenAt) })}</span>
            </button>
          ) : null}
        </>
      );
    }
  }
}
