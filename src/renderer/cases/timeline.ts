import { dateOfTimestamp } from '../../shared/core/dates';
import type { CaseDetail } from '../../shared/cases';

type LevelChange = CaseDetail['levelHistory'][number];
type StatusChange = CaseDetail['statusHistory'][number];
type CaseEvent = CaseDetail['events'][number];
type Note = CaseDetail['notes'][number];

export type TimelineEntry =
  | { type: 'level'; key: string; date: string; item: LevelChange; previous: LevelChange | null }
  | { type: 'status'; key: string; date: string; item: StatusChange }
  | { type: 'event'; key: string; date: string; item: CaseEvent }
  | { type: 'note'; key: string; date: string; item: Note };


/**
 * Within one day, newest first means: closing on top, then notes, events, level changes, and
 * the opening (or reopening) at the bottom, where the day's story starts.
 */
function rank(e: TimelineEntry): number {
  if (e.type === 'status') return e.item.kind === 'closed' ? 5 : 0;
  return { level: 1, event: 2, note: 3 }[e.type];
}

function tieBreak(e: TimelineEntry): string {
  // Notes carry a time; everything else its id (recording order).
  return e.type === 'note' ? e.item.writtenAt : String(e.item.id).padStart(12, '0');
}

/** Level history, status changes, events and notes merged into one list, newest first. */
export function buildTimeline(c: CaseDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  c.levelHistory.forEach((item, i) => entries.push({ type: 'level', key: `l${item.id}`, date: item.changedOn, item, previous: i > 0 ? (c.levelHistory[i - 1] ?? null) : null }));
  for (const item of c.statusHistory) entries.push({ type: 'status', key: `s${item.id}`, date: item.changedOn, item });
  for (const item of c.events) entries.push({ type: 'event', key: `e${item.id}`, date: item.occurredOn, item });
  for (const item of c.notes) entries.push({ type: 'note', key: `n${item.id}`, date: dateOfTimestamp(item.writtenAt), item });
  return entries.sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? 1 : -1;
    const r = rank(b) - rank(a);
    if (r !== 0) return r;
    const ta = tieBreak(a);
    const tb = tieBreak(b);
    return ta === tb ? 0 : ta < tb ? 1 : -1;
  });
}
