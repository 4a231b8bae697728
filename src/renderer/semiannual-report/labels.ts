import { t, type PlainMessageKey } from '../core/i18n';
import type { KeyValue } from '../../shared/semiannual-report';

/** '2026-H1' -> '1. halvår 2026' (Danish) / 'H1 2026' (English); '2026' -> 'hele året 2026' (in a sentence). */
export function periodLabel(period: string): string {
  if (/^\d{4}$/.test(period)) return t('report.periodLabel.year', { year: period });
  const m = /^(\d{4})-H([12])$/.exec(period);
  return m ? t('report.periodLabel', { half: m[2] as string, year: m[1] as string }) : period;
}

/** A period as a choice in a list: 'Hele året 2026', '1. halvår 2026'. */
export function periodOptionLabel(period: string): string {
  const label = periodLabel(period);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const BANDS: Record<string, PlainMessageKey> = {
  '0-11': 'report.band.0-11',
  '12-14': 'report.band.12-14',
  '15-17': 'report.band.15-17',
  '18-21': 'report.band.18-21',
  '22-25': 'report.band.22-25',
  '26+': 'report.band.26+',
  unknown: 'report.band.unknown',
};
const SEXES: Record<string, PlainMessageKey> = { M: 'report.sex.M', K: 'report.sex.K', unknown: 'report.sex.unknown' };
const OUTCOMES: Record<string, PlainMessageKey> = {
  uddannelse: 'report.outcome.uddannelse',
  job: 'report.outcome.job',
  aktivering: 'report.outcome.aktivering',
  ingen: 'report.outcome.ingen',
  ukendt: 'report.outcome.ukendt',
};
export const LEVEL_NAMES: Record<number, PlainMessageKey> = { 1: 'report.level.1', 2: 'report.level.2', 3: 'report.level.3', 4: 'report.level.4' };
const MEASURES: Record<string, PlainMessageKey> = {
  charges: 'report.col.charges',
  interviews: 'report.col.interviews',
  remand: 'report.col.remand',
  active: 'report.col.active',
  started: 'report.col.started',
  ended: 'report.col.ended',
  releases: 'report.col.releases',
  meetings: 'report.col.meetings',
  followUpsNoNewCharge: 'report.col.followUpsNoNewCharge',
  followUpsNewCharge: 'report.col.followUpsNewCharge',
  charged: 'report.col.charged',
  firstInCity: 'report.col.firstInCity',
};

/** The words for a key value in a table header: 'Niveau 3', '15-17 år', 'Kvinde', 'Job', 'I alt'. */
export function keyLabel(key: string, value: KeyValue): string {
  if (value === 'all') return key === 'district' ? t('report.allDistricts') : t('report.total');
  switch (key) {
    case 'level':
      return t('report.level', { level: value });
    case 'band':
      return BANDS[String(value)] ? t(BANDS[String(value)] as PlainMessageKey) : String(value);
    case 'sex':
      return SEXES[String(value)] ? t(SEXES[String(value)] as PlainMessageKey) : String(value);
    case 'outcome':
      return OUTCOMES[String(value)] ? t(OUTCOMES[String(value)] as PlainMessageKey) : String(value);
    default:
      return String(value);
  }
}

export function measureLabel(measure: string): string {
  return MEASURES[measure] ? t(MEASURES[measure] as PlainMessageKey) : measure;
}

/** Title of one pivot table (a table's measure, for one follow-up point). */
export function tableTitle(id: string, measure: string, months: KeyValue | null): string {
  switch (id) {
    case 'casesByLevel':
      return measure === 'active'
        ? t('report.table.casesByLevel.active')
        : measure === 'new'
          ? t('report.table.casesByLevel.new')
          : t('report.table.casesByLevel.closed');
    case 'activeByAgeBand':
      return t('report.table.activeByAgeBand');
    case 'activeBySex':
      return t('report.table.activeBySex');
    case 'eventsByDistrict':
      return t('report.table.eventsByDistrict');
    case 'sspPlus.byDistrict':
      return t('report.table.sspPlus.byDistrict');
    case 'sspPlus.followUps':
      return t('report.table.sspPlus.followUps', { months: months ?? '' });
    case 'releases.byDistrict':
      return t('report.table.releases.byDistrict');
    case 'exit.byDistrict':
      return t('report.table.exit.byDistrict');
    case 'sikkerBy.byDistrict':
      return t('report.table.sikkerBy.byDistrict');
    case 'releases.followUps':
      return t('report.table.releases.followUps', { months: months ?? '' });
    default:
      return id;
  }
}

/** A count as shown: numbers with Danish digit grouping, hidden counts as their marker. */
export function countText(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('da-DK');
  return typeof value === 'string' ? value : '–';
}
