import type { RouteOf } from '../core/shell/routes';
import { CaseDetailScreen } from './CaseDetailScreen';
import { CaseListScreen } from './CaseListScreen';
import { EditPersonScreen } from './EditPersonScreen';
import { ImportScreen } from './ImportScreen';
import { NewCaseScreen } from './NewCaseScreen';
import './cases.css';

/** Sager: the case list, a new case, one case with its timeline and actions, editing the person, import. */
export function CasesArea({ route }: { route: RouteOf<'cases'> }) {
  return <div className="cases-area">{screen(route)}</div>;
}

function screen(route: RouteOf<'cases'>) {
  switch (route.screen) {
    case 'index':
      return <CaseListScreen />;
    case 'new':
      return <NewCaseScreen />;
    case 'detail':
      return <CaseDetailScreen key={`${route.caseId}-${route.notice ?? ''}-${route.focus ?? ''}`} caseId={route.caseId} notice={route.notice} focus={route.focus} />;
    case 'editPerson':
      return <EditPersonScreen key={route.caseId} caseId={route.caseId} />;
    case 'import':
      return <ImportScreen />;
  }
}
export * from './i18n';
export { exitGroupsDa, exitGroupsEn } from './exit-i18n';
export { ExitPanel } from './ExitPanel';
export { FindAnyone } from './FindAnyone';
export type { CasesScreen } from './routes';
