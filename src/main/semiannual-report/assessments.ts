/**
 * Each district's written assessment (observationer og vurderinger) per half-year, and the check
 * that keeps personal data out of them: before an export, a text with a CPR-shaped number or a
 * first or last name of a person in the vault is refused, with a message that names the district
 * and never the word found. Saving is allowed either way (the vault is encrypted); the editor
 * shows the same warning so it can be fixed before export.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Sqlite } from '../core/connection';
import { districts } from '../cases';
import { reportAssessments } from './schema';
import { AppError } from '../core/errors';
import { findCprLike } from '../../shared/core/cpr';
import { audit } from '../core/audit';
import type { ServiceCtx } from '../core/service-context';

export interface AssessmentRow {
  districtId: number;
  district: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
  /** Why the text cannot be exported as it is (Danish), or null. */
  problem: string | null;
}

// ---- names ----------------------------------------------------------------------------------

const NON_ASCII = /[^ -~\t\n\r]/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Lower-cased words (letters and digits, æ, ø, å and other accents kept), for whole-word matching.
 * Unicode NFC first, so a composed 'å' and 'a' + ring are the same letter.
 */
export function wordsOf(text: string): string[] {
  const nfc = NON_ASCII.test(text) ? text.normalize('NFC') : text;
  return nfc.toLowerCase().match(WORD) ?? [];
}

/**
 * Short words inside multi-part names ('de', 'van', 'den' ...): Danish text is full of some of
 * them, so they count only as part of the whole name.
 */
const PARTICLES = new Set(['af', 'al', 'el', 'la', 'le', 'de', 'da', 'di', 'du', 'do', 'dos', 'das', 'del', 'den', 'der', 'des', 'van', 'von', 'ten', 'ter', 'bin', 'ben', 'ibn', 'abu', 'bint']);

/** The first and last names of people in the vault, as words and multi-word phrases. */
export class NameIndex {
  private readonly words = new Set<string>();
  private readonly phrases = new Map<string, string[][]>();

  add(name: string): void {
    const parts = wordsOf(name);
    if (parts.length === 1) {
      if ((parts[0] as string).length >= 2) this.words.add(parts[0] as string);
      return;
    }
    if (parts.length === 0) return;
    const first = parts[0] as string;
    this.phrases.set(first, [...(this.phrases.get(first) ?? []), parts]);
    for (const p of parts) if (p.length >= 3 && !PARTICLES.has(p)) this.words.add(p);
  }

  /**
   * True when the text contains one of the names as a whole word or phrase, also in the Danish
   * genitive ('Prøvesens' for 'Prøvesen').
   */
  occursIn(text: string): boolean {
    const words = wordsOf(text);
    const same = (word: string | undefined, name: string) => word === name || word === `${name}s`;
    return words.some(
      (w, i) =>
        this.words.has(w) ||
        (w.length > 2 && w.endsWith('s') && this.words.has(w.slice(0, -1))) ||
        [...(this.phrases.get(w) ?? [])].some((ph) => ph.every((p, j) => (j === ph.length - 1 ? same(words[i + j], p) : words[i + j] === p))),
    );
  }
}

/**
 * The names of people whose personal data is still in the vault (stubs have none), as far as they
 * could matter for `texts`: a name none of whose words occurs in any of the texts is left out, so
 * the index stays small whatever the size of the vault.
 */
export function loadNameIndex(sqlite: Sqlite, texts: readonly string[]): NameIndex {
  const seen = new Set<string>();
  for (const text of texts) {
    for (const w of wordsOf(text)) {
      seen.add(w);
      if (w.length > 2 && w.endsWith('s')) seen.add(w.slice(0, -1));
    }
  }
  const index = new NameIndex();
  if (seen.size === 0) return index;
  // Every name in one row of JSON arrays (a row per person costs about 2 µs in better-sqlite3 alone
  // at 100,000 people); nothing of it is kept but the names whose words occur in the texts.
  const [firsts, lasts] = (sqlite.prepare(`SELECT json_group_array(first_name), json_group_array(last_name) FROM people WHERE anonymised_at IS NULL`).raw().get() as [string, string]).map(
    (column) => JSON.parse(column) as string[],
  ) as [string[], string[]];
  for (const names of [firsts, lasts]) {
    for (const name of names) if (wordsOf(name).some((w) => seen.has(w))) index.add(name);
  }
  return index;
}

export const ASSESSMENT_MESSAGES = {
  cpr: (district: string) =>
    `Vurderingen for ${district} indeholder noget, der ligner et CPR-nummer. Fjern det, og eksportér igen; rapporten må ikke indeholde personoplysninger.`,
  name: (district: string) =>
    `Vurderingen for ${district} indeholder et ord, der er fornavn eller efternavn på en person i boksen. Fjern navne fra teksten, eller omformulér, hvis ordet ikke er brugt som navn, og eksportér igen.`,
  unitCpr: 'Enhedens navn indeholder noget, der ligner et CPR-nummer. Ret navnet, og eksportér igen.',
  unitName: 'Enhedens navn indeholder fornavn eller efternavn på en person i boksen. Ret navnet, og eksportér igen.',
} as const;

/** The reason a district's text may not leave the vault, or null. */
export function assessmentProblem(district: string, text: string, names: NameIndex): string | null {
  if (findCprLike(text).length > 0) return ASSESSMENT_MESSAGES.cpr(district);
  if (names.occursIn(text)) return ASSESSMENT_MESSAGES.name(district);
  return null;
}

/** Throws RULE_VIOLATION for the first text (unit or assessment) with personal data. */
export function assertNoPersonalData(sqlite: Sqlite, unit: string, assessments: readonly { district: string; text: string }[]): void {
  const names = loadNameIndex(sqlite, [unit, ...assessments.map((a) => a.text)]);
  if (findCprLike(unit).length > 0) throw new AppError('RULE_VIOLATION', ASSESSMENT_MESSAGES.unitCpr, { unit: 'Må ikke indeholde CPR-numre' });
  if (names.occursIn(unit)) throw new AppError('RULE_VIOLATION', ASSESSMENT_MESSAGES.unitName, { unit: 'Må ikke indeholde navne' });
  for (const a of assessments) {
    const problem = assessmentProblem(a.district, a.text, names);
    if (problem) throw new AppError('RULE_VIOLATION', problem, { [`assessments.${a.district}`]: 'Indeholder personoplysninger' });
  }
}

// ---- storage --------------------------------------------------------------------------------

function rowsFor(db: Db, period: string) {
  return db
    .select({
      districtId: reportAssessments.districtId,
      district: districts.name,
      text: reportAssessments.text,
      updatedAt: reportAssessments.updatedAt,
      updatedBy: reportAssessments.updatedBy,
    })
    .from(reportAssessments)
    .innerJoin(districts, eq(districts.id, reportAssessments.districtId))
    .where(eq(reportAssessments.period, period))
    .orderBy(districts.sortOrder, districts.id)
    .all();
}

/** The saved assessments of a half-year, each with the problem an export would refuse it for. */
export function listAssessments(s: ServiceCtx, period: string): AssessmentRow[] {
  const rows = rowsFor(s.db, period);
  if (rows.length === 0) return [];
  const names = loadNameIndex(s.sqlite, rows.map((r) => r.text));
  return rows.map((r) => ({ ...r, problem: assessmentProblem(r.district, r.text, names) }));
}

/** The texts of a half-year for the given district ids, for building a report (empty texts left out). */
export function assessmentsFor(db: Db, period: string, districtIds: readonly number[]): Map<number, string> {
  const wanted = new Set(districtIds);
  return new Map(rowsFor(db, period).filter((r) => wanted.has(r.districtId) && r.text.trim() !== '').map((r) => [r.districtId, r.text]));
}

/** Save (or with an empty text, remove) a district's assessment. Audited without the text. */
export function saveAssessment(s: ServiceCtx, input: { period: string; districtId: number; text: string }): AssessmentRow | null {
  const district = s.db.select({ id: districts.id, name: districts.name }).from(districts).where(eq(districts.id, input.districtId)).get();
  if (!district) throw new AppError('NOT_FOUND', 'Bydelen findes ikke. Vælg en bydel fra listen.', { districtId: 'Findes ikke' });
  const text = input.text.replace(/\r\n?/g, '\n').trim();
  const stamp = s.now.toISOString();
  const where = and(eq(reportAssessments.period, input.period), eq(reportAssessments.districtId, district.id));
  s.db.transaction((tx) => {
    const existing = tx.select({ id: reportAssessments.id }).from(reportAssessments).where(where).get();
    let id = existing?.id ?? null;
    if (text === '') {
      if (!existing) return;
      tx.delete(reportAssessments).where(eq(reportAssessments.id, existing.id)).run();
    } else if (existing) {
      tx.update(reportAssessments).set({ text, updatedAt: stamp, updatedBy: s.actor }).where(eq(reportAssessments.id, existing.id)).run();
    } else {
      id = tx
        .insert(reportAssessments)
        .values({ period: input.period, districtId: district.id, text, updatedAt: stamp, updatedBy: s.actor })
        .returning({ id: reportAssessments.id })
        .get().id;
    }
    const action = text === '' ? 'delete' : existing ? 'update' : 'create';
    audit(tx, { at: s.now, actor: s.actor, action, entity: 'report-assessment', entityId: id, detail: `period:${input.period};district:${district.id}` });
  });
  if (text === '') return null;
  return {
    districtId: district.id,
    district: district.name,
    text,
    updatedAt: stamp,
    updatedBy: s.actor,
    problem: assessmentProblem(district.name, text, loadNameIndex(s.sqlite, [text])),
  };
}
