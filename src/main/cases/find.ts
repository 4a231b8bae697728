import type { Sqlite } from '../core/connection';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';
import { maskCpr } from '../../shared/core/cpr';
import { toParts } from '../../shared/core/dates';
import { parseFindQuery, wordScore, type FindHit, type FindResult, type FindQuery } from '../../shared/cases';

/**
 * Find anyone (the header's search box): by CPR number, birth date, case number or name with
 * typo tolerance. Open cases are the hits; people whose cases are all closed are offered apart
 * ("1 afsluttet sag matcher - vis den"). A full CPR number is audited as a reveal (entity person,
 * detail 'search:cpr'; no entry when it matches nobody, entity id null then). CPR numbers leave
 * main masked only.
 *
 * Names are matched against a per-connection index of the distinct name words (word -> people),
 * rebuilt when the database has changed since (SQLite's data_version and total_changes()), so a
 * keystroke costs a scan of the few thousand distinct words, not of every person.
 */
export function findAnyone(s: ServiceCtx, input: { query: string; limit?: number }): FindResult {
  const limit = input.limit ?? 20;
  const q = parseFindQuery(input.query, toParts(s.today).year);
  const sqlite = s.sqlite;
  let scored: { personId: number; score: number; match: FindHit['match'] }[] = [];
  switch (q.kind) {
    case 'empty':
      return { kind: 'empty', hits: [], closed: [], closedCount: 0 };
    case 'cpr': {
      const p = sqlite.prepare(`SELECT id FROM people WHERE cpr = ? AND anonymised_at IS NULL`).get(q.normalized) as { id: number } | undefined;
      s.db.transaction((tx) => audit(tx, { at: s.now, actor: s.actor, action: 'reveal', entity: 'person', entityId: p?.id ?? null, detail: 'search:cpr' }));
      scored = p ? [{ personId: p.id, score: 0, match: 'cpr' }] : [];
      break;
    }
    case 'birthDate': {
      const rows = sqlite
        .prepare(`SELECT id FROM people WHERE birth_date IN (${q.dates.map(() => '?').join(',')}) AND anonymised_at IS NULL ORDER BY sort_name, id LIMIT 500`)
        .all(...q.dates) as { id: number }[];
      scored = rows.map((r) => ({ personId: r.id, score: 0, match: 'birthDate' as const }));
      break;
    }
    case 'caseNumber': {
      const rows = sqlite
        .prepare(`SELECT DISTINCT person_id AS id FROM cases WHERE case_number >= ? AND case_number < ? AND anonymised_at IS NULL ORDER BY case_number LIMIT 500`)
        .all(q.prefix, `${q.prefix}\uffff`) as { id: number }[];
      scored = rows.map((r) => ({ personId: r.id, score: 0, match: 'caseNumber' as const }));
      break;
    }
    case 'name':
      scored = matchNames(sqlite, q);
      break;
  }
  return assemble(sqlite, q.kind, scored, limit);
}

interface NameIndex {
  key: string;
  words: Map<string, number[]>;
}
const indexes = new WeakMap<Sqlite, NameIndex>();

function changeKey(sqlite: Sqlite): string {
  const dv = sqlite.pragma('data_version', { simple: true }) as number;
  const tc = sqlite.prepare(`SELECT total_changes()`).pluck().get() as number;
  return `${dv}:${tc}`;
}

/** The distinct words of every name (people.search_name) with the people who have them. */
export function nameIndex(sqlite: Sqlite): NameIndex {
  const key = changeKey(sqlite);
  const cached = indexes.get(sqlite);
  if (cached && cached.key === key) return cached;
  const words = new Map<string, number[]>();
  const rows = sqlite.prepare(`SELECT id, search_name AS n FROM people WHERE anonymised_at IS NULL`).raw().all() as [number, string][];
  for (const [id, name] of rows) {
    for (const w of new Set(name.split(' '))) {
      if (!w) continue;
      const list = words.get(w);
      if (list) list.push(id);
      else words.set(w, [id]);
    }
  }
  const built = { key, words };
  indexes.set(sqlite, built);
  return built;
}

function matchNames(sqlite: Sqlite, q: Extract<FindQuery, { kind: 'name' }>): { personId: number; score: number; match: FindHit['match'] }[] {
  const index = nameIndex(sqlite);
  // For each query word: the best score per person over the name words it matches.
  let total: Map<number, number> | null = null;
  for (const qw of q.words) {
    const best = new Map<number, number>();
    for (const [word, ids] of index.words) {
      const score = wordScore(qw, word);
      if (score === null) continue;
      for (const id of ids) {
        const prev = best.get(id);
        if (prev === undefined || score < prev) best.set(id, score);
      }
    }
    if (total === null) total = best;
    else {
      const next = new Map<number, number>();
      for (const [id, sc] of total) {
        const b = best.get(id);
        if (b !== undefined) next.set(id, sc + b);
      }
      total = next;
    }
    if (total.size === 0) break;
  }
  const out = [...(total ?? new Map<number, number>())].map(([personId, score]) => ({
    personId,
    score,
    match: (score === 0 ? 'exact' : score <= q.words.length ? 'prefix' : 'fuzzy') as FindHit['match'],
  }));
  out.sort((a, b) => a.score - b.score || a.personId - b.personId);
  return out.slice(0, 500);
}

interface CaseRowOut {
  caseId: number;
  caseNumber: string;
  personId: number;
  firstName: string;
  lastName: string;
  birthDate: string;
  cpr: string | null;
  level: number;
  status: 'open' | 'closed';
  closedOn: string | null;
  sortName: string;
}

function assemble(sqlite: Sqlite, kind: FindResult['kind'], scored: { personId: number; score: number; match: FindHit['match'] }[], limit: number): FindResult {
  if (!scored.length) return { kind, hits: [], closed: [], closedCount: 0 };
  const ids = scored.map((s) => s.personId);
  const rows = sqlite
    .prepare(
      `SELECT c.id AS caseId, c.case_number AS caseNumber, p.id AS personId, p.first_name AS firstName, p.last_name AS lastName, p.birth_date AS birthDate,
              p.cpr, c.level, c.status, c.closed_on AS closedOn, p.sort_name AS sortName
       FROM people p JOIN cases c ON c.person_id = p.id
       WHERE p.id IN (SELECT value FROM json_each(?)) AND c.anonymised_at IS NULL`,
    )
    .all(JSON.stringify(ids)) as CaseRowOut[];
  const byPerson = new Map<number, CaseRowOut[]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  const hit = (r: CaseRowOut, match: FindHit['match']): FindHit => ({
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    personId: r.personId,
    firstName: r.firstName,
    lastName: r.lastName,
    birthDate: r.birthDate,
    cprMasked: r.cpr ? maskCpr(r.cpr) : null,
    level: r.level as FindHit['level'],
    status: r.status,
    match,
  });
  const open: { h: FindHit; score: number; sort: string }[] = [];
  const closed: { h: FindHit; score: number; sort: string }[] = [];
  for (const s of scored) {
    const list = byPerson.get(s.personId);
    if (!list) continue;
    const o = list.find((r) => r.status === 'open');
    if (o) open.push({ h: hit(o, s.match), score: s.score, sort: o.sortName });
    else {
      const latest = [...list].sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || b.caseId - a.caseId)[0]!;
      closed.push({ h: hit(latest, s.match), score: s.score, sort: latest.sortName });
    }
  }
  const order = (a: { score: number; sort: string; h: FindHit }, b: { score: number; sort: string; h: FindHit }) =>
    a.score - b.score || (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0) || a.h.caseId - b.h.caseId;
  open.sort(order);
  closed.sort(order);
  return { kind, hits: open.slice(0, limit).map((x) => x.h), closed: closed.slice(0, limit).map((x) => x.h), closedCount: closed.length };
}
