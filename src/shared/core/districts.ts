/**
 * Districts (bydele), age bands and search normalisation.
 * The district list is data, not code: reports over the years used other splits, so the list
 * below is only the seed for a new vault. Code elsewhere must not assume these ten names.
 */
import { ageInYears, type IsoDate } from './dates';

export interface District {
  /** Stable code for seeding and lookups; ASCII, lower case. */
  code: string;
  /** Name shown to users and written in reports. */
  name: string;
}

/** Copenhagen's ten administrative districts, as seed data. */
export const DEFAULT_DISTRICTS: readonly District[] = [
  { code: 'indre-by', name: 'Indre By' },
  { code: 'oesterbro', name: 'Østerbro' },
  { code: 'noerrebro', name: 'Nørrebro' },
  { code: 'vesterbro-kongens-enghave', name: 'Vesterbro/Kongens Enghave' },
  { code: 'valby', name: 'Valby' },
  { code: 'vanloese', name: 'Vanløse' },
  { code: 'broenshoej-husum', name: 'Brønshøj-Husum' },
  { code: 'bispebjerg', name: 'Bispebjerg' },
  { code: 'amager-oest', name: 'Amager Øst' },
  { code: 'amager-vest', name: 'Amager Vest' },
];

export const DEFAULT_DISTRICT_NAMES: readonly string[] = DEFAULT_DISTRICTS.map((d) => d.name);

// ---------------------------------------------------------------------------------------------
// Areas: which part of the city a district covers

/**
 * The city's bydele (the lokaludvalg areas), the units a city report must cover. A district's
 * areas are codes built on them: a bydel's code for the whole bydel ('amager-vest'), or
 * 'bydel/part' for a part of one ('amager-vest/distrikt-15' for "Sundbyvester (distrikt 15)").
 * Older splits fit the same way ('indre-by/christianshavn', 'noerrebro/ydre-noerrebro').
 */
export const CITY_BYDELE: readonly District[] = DEFAULT_DISTRICTS;
export const CITY_BYDEL_CODES: readonly string[] = CITY_BYDELE.map((b) => b.code);

const CODE_PART = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** A district code: ASCII lower case, digits and hyphens ('amager-vest', 'distrikt-15'). */
export const DISTRICT_CODE = new RegExp(`^${CODE_PART}$`);
/** An area code: a bydel code, optionally '/part'. */
export const AREA_CODE = new RegExp(`^${CODE_PART}(?:/${CODE_PART})?$`);
export const MAX_AREAS = 20;

/** ASCII slug for codes and file names: 'Amager Øst' -> 'amager-oest', 'Sundbyvester (distrikt 15)' -> 'sundbyvester-distrikt-15'. */
export function asciiSlug(text: string, max = 40): string {
  const s = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, max).replace(/-+$/, '');
}

/** The bydel an area code lies in: 'amager-vest/distrikt-15' -> 'amager-vest'. */
export function bydelOfArea(area: string): string {
  return area.split('/')[0] as string;
}

/** True when two area codes share ground: the same area, or a bydel and a part of it. */
export function areasOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** Areas as stored ('a,b') and back. */
export function parseAreas(text: string): string[] {
  return text.split(',').map((a) => a.trim()).filter(Boolean);
}
export function formatAreas(areas: readonly string[]): string {
  return [...new Set(areas)].join(',');
}

/** A problem with a list of area codes (Danish), or null: known bydel, well-formed, no overlap within. */
export function areasProblem(areas: readonly string[]): string | null {
  if (areas.length > MAX_AREAS) return `En bydel kan højst dække ${MAX_AREAS} områder.`;
  for (const a of areas) {
    if (!AREA_CODE.test(a)) return `Områdekoden "${a}" er ikke gyldig. Skriv en bydelskode som "amager-vest", eller "amager-vest/distrikt-15" for en del af en bydel.`;
    if (!CITY_BYDEL_CODES.includes(bydelOfArea(a))) {
      return `"${bydelOfArea(a)}" er ikke en af byens bydele. Brug en af koderne ${CITY_BYDEL_CODES.join(', ')}.`;
    }
  }
  for (const [i, a] of areas.entries()) {
    for (const b of areas.slice(i + 1)) if (areasOverlap(a, b)) return `Områderne "${a}" og "${b}" overlapper. Angiv hvert område én gang.`;
  }
  return null;
}

/** The code and areas a district gets when nothing else is said: a city bydel's own, else from its name and unmapped. */
export function defaultIdentity(name: string): { code: string; areas: string[] } {
  const bydel = CITY_BYDELE.find((b) => normalizeForSearch(b.name) === normalizeForSearch(name));
  return bydel ? { code: bydel.code, areas: [bydel.code] } : { code: asciiSlug(name) || 'bydel', areas: [] };
}

// ---------------------------------------------------------------------------------------------
// Age bands for reports

export const AGE_BANDS = ['0-11', '12-14', '15-17', '18-21', '22-25', '26+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  '0-11': '0-11 år',
  '12-14': '12-14 år',
  '15-17': '15-17 år',
  '18-21': '18-21 år',
  '22-25': '22-25 år',
  '26+': '26 år og derover',
  unknown: 'Ukendt alder',
};

/**
 * The band for an age in whole years. null, NaN, infinities and negative ages are 'unknown';
 * fractional ages are floored (17.9 is 15-17).
 */
export function ageBand(age: number | null): AgeBand {
  if (age === null || !Number.isFinite(age) || age < 0) return 'unknown';
  const a = Math.floor(age);
  if (a <= 11) return '0-11';
  if (a <= 14) return '12-14';
  if (a <= 17) return '15-17';
  if (a <= 21) return '18-21';
  if (a <= 25) return '22-25';
  return '26+';
}

/** The band on a reference date (e.g. the report period's end); 'unknown' without a birth date. */
export function ageBandAt(birthDate: IsoDate | null, refDate: IsoDate): AgeBand {
  return birthDate === null ? 'unknown' : ageBand(ageInYears(birthDate, refDate));
}

// ---------------------------------------------------------------------------------------------
// Search

/**
 * Normalises text for case-insensitive search and comparison, in JavaScript (SQLite's LOWER()
 * folds ASCII only, so 'ÆRØ' and 'ærø' would differ there):
 * - Unicode NFC, so a precomposed 'å' and 'a' + combining ring are the same;
 * - Unicode-aware lower case, so 'Ærø', 'ÆRØ' and 'ærø' are equal;
 * - leading/trailing whitespace removed and inner runs of whitespace collapsed to one space.
 * It does NOT fold Danish letters: 'å' stays distinct from 'aa', 'æ' from 'ae', 'ø' from 'oe'
 * (so 'Aabenraa' does not match 'Åbenrå'). That is deliberate: the folding is ambiguous
 * ('Graae' is not 'Graæ') and users type the letters they see.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').toLowerCase().normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** True when every whitespace-separated word of the query occurs in the text (after normalising). */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = normalizeForSearch(text);
  const words = normalizeForSearch(query).split(' ').filter((w) => w !== '');
  return words.every((w) => haystack.includes(w));
}

/**
 * The districts a free-text area names ("SSP Amager Vest" -> Amager Vest; "Nørrebro og Bispebjerg"
 * -> both): a district's name as whole words in the area, any letter case. Longer names win where
 * they overlap ("Vesterbro/Kongens Enghave" before a district called "Vesterbro"). Used to preselect
 * the owner's own districts; an area that names none gives [].
 */
export function districtsNamedIn(area: string, districtNames: readonly string[]): string[] {
  let text = ` ${normalizeForSearch(area).replace(/[^\p{L}\p{N}/-]+/gu, ' ')} `;
  const found: string[] = [];
  for (const name of [...districtNames].sort((a, b) => b.length - a.length)) {
    const key = ` ${normalizeForSearch(name).replace(/[^\p{L}\p{N}/-]+/gu, ' ')} `;
    if (key.trim() !== '' && text.includes(key)) {
      found.push(name);
      text = text.replace(key, ' ');
    }
  }
  return districtNames.filter((n) => found.includes(n));
}
