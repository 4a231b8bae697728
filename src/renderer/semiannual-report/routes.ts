/** What a report is made of on screen: kept in the route so the print view and "back" keep it. */
export interface ReportSelection {
  period: string;
  districts: string[];
  mode: 'exact' | 'anonymised';
  unit: string;
}

/** The screens of the Halvårsrapport area. */
export type SemiannualReportScreen =
  | { screen: 'index'; selection?: ReportSelection }
  | { screen: 'print'; selection: ReportSelection }
  | { screen: 'merge' }
  | { screen: 'unrest' };
