import type { RouteOf } from '../core/shell/routes';
import { MergeScreen } from './MergeScreen';
import { PrintScreen } from './PrintScreen';
import { ReportScreen } from './ReportScreen';
import { UnrestScreen } from './UnrestScreen';
import './report.css';

/** The Halvårsrapport area: the report with its charts, assessments and exports; the printable view; the merge. */
export function SemiannualReportArea({ route }: { route: RouteOf<'semiannualReport'> }) {
  switch (route.screen) {
    case 'index':
      return <ReportScreen selection={route.selection} />;
    case 'print':
      return <PrintScreen selection={route.selection} />;
    case 'merge':
      return <MergeScreen />;
    case 'unrest':
      return <UnrestScreen />;
  }
}
export * from './i18n';
export { reportExitDa, reportExitEn } from './exit-i18n';
export { reportContentDa, reportContentEn } from './content-i18n';
export type { SemiannualReportScreen } from './routes';
