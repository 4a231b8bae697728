import { t, type PlainMessageKey } from '../core/i18n';
import { TABLE_SPECS, getRows, type GenericRow, type KeyValue, type TableSpec } from '../../shared/semiannual-report';
import type { ReportV1 } from '../../shared/semiannual-report';
import { countText, keyLabel, measureLabel, tableTitle } from './labels';
import { UnrestTable } from './UnrestTable';

/**
 * The report's tables on screen, each measure as a district x category grid with its totals
 * ("I alt" column, "Alle bydele" row). The same components serve the report screen, the merged
 * report and the printable view.
 */

const SECTIONS: { heading: PlainMessageKey; ids: string[]; note?: PlainMessageKey }[] = [
  { heading: 'report.section.cases', ids: ['casesByLevel'] },
  { heading: 'report.section.young', ids: ['activeByAgeBand', 'activeBySex'] },
  { heading: 'report.section.events', ids: ['eventsByDistrict'] },
  { heading: 'report.section.sspPlus', ids: ['sspPlus.byDistrict', 'sspPlus.followUps'] },
  { heading: 'report.section.releases', ids: ['releases.byDistrict', 'releases.followUps'] },
  { heading: 'report.section.exit', ids: ['exit.byDistrict'] },
  { heading: 'report.section.sikkerBy', ids: ['sikkerBy.byDistrict'], note: 'report.sikkerBy.note' },
];

const specOf = (id: string) => TABLE_SPECS.find((s) => s.id === id) as TableSpec;

function indexOf(spec: TableSpec, rows: readonly GenericRow[]): Map<string, GenericRow> {
  const key = (r: GenericRow) => JSON.stringify([r.district, spec.split ? r[spec.split.key] : null, spec.column ? r[spec.column.key] : null]);
  return new Map(rows.map((r) => [key(r), r]));
}
const lookup = (index: Map<string, GenericRow>, district: KeyValue, split: KeyValue | null, column: KeyValue | null) =>
  index.get(JSON.stringify([district, split, column]));

function Pivot({ report, spec, measure, split }: { report: ReportV1; spec: TableSpec; measure: string | null; split: KeyValue | null }) {
  const rows = indexOf(spec, getRows(report.tables, spec.id));
  const totals = indexOf(spec, getRows(report.totals, spec.id));
  // With a column key: one measure, the column values and their total. Without: every measure.
  const columns: { label: string; cell: (district: KeyValue, source: Map<string, GenericRow>) => unknown }[] = spec.column
    ? [...spec.column.values, 'all'].map((c) => ({
        label: keyLabel(spec.column!.key, c),
        cell: (d, _src) => (c === 'all' || d === 'all' ? lookup(totals, d, split, c) : lookup(rows, d, split, c))?.[measure as string],
      }))
    : spec.measures.map((m) => ({ label: measureLabel(m), cell: (d) => (d === 'all' ? lookup(totals, 'all', split, null) : lookup(rows, d, split, null))?.[m] }));
  const title = tableTitle(spec.id, measure ?? '', split);
  const testId = [spec.id, spec.column ? measure : null, split].filter((x) => x !== null).join('.');
  return (
    <div className="report-table-wrap">
      <table className="table table--compact report-table" data-table={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.district')}</th>
            {columns.map((c) => (
              <th key={c.label} scope="col" className="report-num">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.districts.map((d) => (
            <tr key={d}>
              <th scope="row">{d}</th>
              {columns.map((c) => (
                <td key={c.label} className="report-num">
                  {countText(c.cell(d, rows))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="report-total">
            <th scope="row">{t('report.allDistricts')}</th>
            {columns.map((c) => (
              <td key={c.label} className="report-num">
                {countText(c.cell('all', totals))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function TablesOf({ report, id }: { report: ReportV1; id: string }) {
  const spec = specOf(id);
  const splits: (KeyValue | null)[] = spec.split ? [...spec.split.values] : [null];
  const measures: (string | null)[] = spec.column ? [...spec.measures] : [null];
  return (
    <>
      {splits.flatMap((split) =>
        measures.map((m) => <Pivot key={`${id}-${String(split)}-${String(m)}`} report={report} spec={spec} measure={m} split={split} />),
      )}
    </>
  );
}

/** Every table of the report, in sections with h3 headings (h2 is the caller's). */
export function ReportTables({ report, headingLevel = 3 }: { report: ReportV1; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="report-tables">
      {SECTIONS.map((s) => (
        <section key={s.heading} className="report-table-section">
          <H>{t(s.heading)}</H>
          {s.note ? <p className="report-muted">{t(s.note)}</p> : null}
          {s.ids.map((id) => (
            <TablesOf key={id} report={report} id={id} />
          ))}
        </section>
      ))}
      <UnrestTable report={report} heading={H} />
    </div>
  );
}

/** The legend for hidden counts, shown with anonymised reports. */
export function HiddenLegend({ threshold }: { threshold: number }) {
  return <p className="report-legend">{t('report.anonymised.legend', { marker: `<${threshold}`, max: threshold - 1 })}</p>;
}
