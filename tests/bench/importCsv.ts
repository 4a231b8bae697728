import type { Sqlite } from '../../src/main/core/connection';
import { createRng, syntheticCpr } from '../../src/main/cases/seed';
import { addDays, type IsoDate } from '../../src/shared/core/dates';
import { CLOSING_REASONS } from '../../src/shared/cases/levels';
import { normalizeForSearch } from '../../src/shared/core/districts';
import { fullName } from '../../src/shared/core/names';

const FIRST = ['Ali', 'Emma', 'Noah', 'Sofie', 'Oscar', 'Freja', 'Malthe', 'Ida', 'Yusuf', 'Alma', 'Mikkel', 'Åse', 'Bjørn', 'Sara', 'Ømer', 'Lærke'];
const STEM = ['Ege', 'Birke', 'Skov', 'Sø', 'Hav', 'Kær', 'Lunde', 'Bøge', 'Ravn', 'Ås', 'Møl', 'Strand'];
const TAIL = ['holt', 'gård', 'bæk', 'lund', 'vang', 'strup', 'høj', 'dal', 'by', 'rup'];
const COORDINATORS = ['Hanne Import', 'Peter Import', 'Louise Import', ''];

/**
 * A synthetic case file as coordinators would export it from another system: semicolon CSV with
 * UTF-8 BOM, Danish headers, CPR numbers for most people (new ones: never in the vault), dates as
 * DD-MM-YYYY, about one case in five closed with a reason, some external case numbers.
 */
export function buildImportCsv(sqlite: Sqlite, rows: number, today: IsoDate, seed = 11): Buffer {
  const rng = createRng(seed);
  const taken = new Set(sqlite.prepare('SELECT cpr FROM people WHERE cpr IS NOT NULL').pluck().all() as string[]);
  const districts = sqlite.prepare('SELECT name FROM districts WHERE active = 1 ORDER BY sort_order').pluck().all() as string[];
  // The import takes a row with the same name and birth date as a person in the vault (one of them
  // without a CPR number) for that person and asks; the benchmark's rows are new people.
  const namesBorn = new Set((sqlite.prepare('SELECT search_name || \'|\' || birth_date FROM people').pluck().all() as string[]));
  const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  const lines = ['fornavn;efternavn;cpr;foedselsdato;koen;bydel;niveau;oprettet;afsluttet;afslutningsaarsag;koordinator;sagsnummer'];
  for (let i = 0; i < rows; i++) {
    const age = rng.int(11, 23);
    const first = rng.pick(FIRST);
    const last = `${rng.pick(STEM)}${rng.pick(TAIL)}`;
    let birth = addDays(today, -(age * 365 + rng.int(0, 364)));
    while (namesBorn.has(`${normalizeForSearch(fullName(first, last))}|${birth}`)) birth = addDays(birth, -1);
    const sex = rng.chance(0.5) ? 'M' : 'K';
    const cpr = rng.chance(0.9) ? syntheticCpr(rng, birth, sex, taken) : '';
    const opened = addDays(today, -rng.int(1, 1500));
    const closed = rng.chance(0.2) ? addDays(opened, rng.int(0, Math.min(700, Math.max(0, daysBetween(opened, today))))) : '';
    lines.push(
      [
        first,
        last,
        cpr,
        cpr ? '' : birth,
        cpr ? '' : sex,
        rng.pick(districts),
        String(rng.int(1, 4)),
        dmy(opened),
        closed ? dmy(closed) : '',
        closed ? rng.pick(CLOSING_REASONS).label : '',
        rng.pick(COORDINATORS),
        rng.chance(0.3) ? `SAG-${100000 + i}` : '',
      ].join(';'),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
