/**
 * Danish labels for the report's files (CSV, XLSX, print): table titles, column headers and
 * the words for key values. The export format is Danish whatever language the app shows; the
 * screens take their words from the renderer's i18n instead.
 *
 * Age bands are written with "år" ("12-14 år"): a bare "12-14" would be read as a date by
 * Danish Excel.
 */
import { AGE_BAND_LABELS } from '../core/districts';
import { ALL, TABLE_SPECS, type KeyValue, type TableSpec } from './layout';
import type { ReportMode, ReportV1 } from './schema';

export interface TableLabels {
  title: string;
  /** Short name for a spreadsheet tab (at most 31 characters, none of []:*?/\). */
  sheet: string;
  /** Header per key and measure of a row. */
  columns: Record<string, string>;
}

export const TABLE_LABELS: Readonly<Record<string, TableLabels>> = {
  casesByLevel: {
    title: 'Sager pr. bydel og niveau',
    sheet: 'Sager pr. niveau',
    columns: { district: 'Bydel', level: 'Niveau', active: 'Aktive ved periodens slut', new: 'Nye i perioden', closed: 'Afsluttede i perioden' },
  },
  activeByAgeBand: {
    title: 'Aktive sager ved periodens slut pr. aldersgruppe',
    sheet: 'Alder',
    columns: { district: 'Bydel', band: 'Aldersgruppe', count: 'Unge med aktiv sag' },
  },
  activeBySex: {
    title: 'Aktive sager ved periodens slut pr. køn',
    sheet: 'Køn',
    columns: { district: 'Bydel', sex: 'Køn', count: 'Unge med aktiv sag' },
  },
  eventsByDistrict: {
    title: 'Unge med hændelser i perioden',
    sheet: 'Hændelser',
    columns: { district: 'Bydel', charges: 'Sigtet', interviews: 'Afhørt af politiet', remand: 'Fremstillet i dommervagten' },
  },
  'sspPlus.byDistrict': {
    title: 'SSP+ forløb',
    sheet: 'SSP+',
    columns: { district: 'Bydel', active: 'Aktive ved periodens slut', started: 'Startet i perioden', ended: 'Afsluttet i perioden' },
  },
  'sspPlus.followUps': {
    title: 'SSP+ opfølgninger i perioden',
    sheet: 'SSP+ opfølgning',
    columns: { district: 'Bydel', months: 'Opfølgning', outcome: 'Status', count: 'Antal' },
  },
  'releases.byDistrict': {
    title: 'Løsladelser og løsladelsesmøder',
    sheet: 'Løsladelser',
    columns: { district: 'Bydel', releases: 'Løsladelser i perioden', meetings: 'Løsladelsesmøder holdt i perioden' },
  },
  'releases.followUps': {
    title: 'Opfølgning efter løsladelse i perioden',
    sheet: 'Løsladelse opfølgning',
    columns: { district: 'Bydel', months: 'Opfølgning', outcome: 'Status', count: 'Antal' },
  },
  'exit.byDistrict': {
    title: 'Exitforløb',
    sheet: 'Exit',
    columns: {
      district: 'Bydel',
      active: 'I gang ved periodens slut',
      started: 'Startet i perioden',
      ended: 'Afsluttet i perioden',
      followUpsNoNewCharge: 'Opfølgning efter 24 mdr.: ingen ny sigtelse',
      followUpsNewCharge: 'Opfølgning efter 24 mdr.: ny sigtelse',
    },
  },
  'sikkerBy.byDistrict': {
    title: 'Sikker By: sigtede unge 14-25 år',
    sheet: 'Sikker By',
    columns: {
      district: 'Bydel',
      charged: 'Sigtede unge i bydelen',
      firstInCity: 'Heraf talt i byens tal (første sigtelse i perioden)',
    },
  },
};

export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: 'Bekymrende adfærd',
  2: 'Sigtet / førstegangskriminalitet',
  3: 'Gentagen alvorlig kriminalitet',
  4: 'Personfarlig kriminalitet',
};

const SEX_NAMES: Readonly<Record<string, string>> = { M: 'Mand', K: 'Kvinde', unknown: 'Ukendt' };
const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  uddannelse: 'Uddannelse',
  job: 'Job',
  aktivering: 'Aktivering',
  ingen: 'Ingen af delene',
  ukendt: 'Ukendt',
};

export const ALL_DISTRICTS_LABEL = 'Alle bydele';
export const TOTAL_LABEL = 'I alt';

/** The Danish word for a key value in a file cell: 'Alle bydele', 'I alt', '12-14 år', 'Kvinde', '6 mdr.' ... */
export function keyValueLabel(key: string, value: KeyValue): string {
  if (value === ALL) return key === 'district' ? ALL_DISTRICTS_LABEL : TOTAL_LABEL;
  switch (key) {
    case 'band':
      return AGE_BAND_LABELS[value as keyof typeof AGE_BAND_LABELS] ?? String(value);
    case 'sex':
      return SEX_NAMES[String(value)] ?? String(value);
    case 'outcome':
      return OUTCOME_NAMES[String(value)] ?? String(value);
    case 'months':
      return `${value} mdr.`;
    default:
      return String(value);
  }
}

/** Key columns then measures, in the order of the file's columns. */
export function tableColumns(spec: TableSpec): string[] {
  return ['district', ...(spec.split ? [spec.split.key] : []), ...(spec.column ? [spec.column.key] : []), ...spec.measures];
}

export function labelsOf(spec: TableSpec): TableLabels {
  return TABLE_LABELS[spec.id] as TableLabels;
}

export const MODE_LABELS: Readonly<Record<ReportMode, string>> = {
  exact: 'Eksakt (alle tal vises, må ikke offentliggøres)',
  anonymised: 'Anonymiseret (små tal er skjult)',
};

/** The legend for hidden counts, with the report's threshold. */
export function hiddenLegend(threshold: number): string {
  return `"<${threshold}" betyder et skjult tal: enten et tal fra 1 til ${threshold - 1}, eller et større tal skjult, så et lille tal ikke kan regnes ud af totalerne.`;
}

/** Every table spec has labels (a guard for the next table added to the format). */
export function missingLabels(): string[] {
  return TABLE_SPECS.filter((s) => !TABLE_LABELS[s.id]).map((s) => s.id);
}

/** The districts' codes and areas for a file's header: 'Amager Vest = amager-vest; Sundbyvester = distrikt-15 (amager-vest/distrikt-15)'. */
export function districtCodesText(report: Pick<ReportV1, 'districtAreas'>): string | null {
  if (!report.districtAreas) return null;
  return report.districtAreas
    .map((a) => (a.areas.length === 1 && a.areas[0] === a.code ? `${a.district} = ${a.code}` : `${a.district} = ${a.code} (${a.areas.join(', ') || 'ingen bydel'})`))
    .join('; ');
}

/** What a year report (both halves) holds, for its files. */
export const YEAR_NOTE =
  'Året er de to halvår lagt sammen: nye, afsluttede, startede og afsluttede forløb, hændelser, løsladelser og opfølgninger er summen af halvårene; aktive ved årets slut er 2. halvårs tal. Unge med hændelser tælles pr. halvår: en ung med hændelser i begge halvår tælles to gange.';
