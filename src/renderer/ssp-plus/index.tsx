import type { RouteOf } from '../core/shell/routes';
import { AreaEditScreen } from './AreaEditScreen';
import { EndPlanScreen } from './EndPlanScreen';
import { OverviewScreen } from './OverviewScreen';
import { PlanEditScreen } from './PlanEditScreen';
import { PlanScreen } from './PlanScreen';
import { PrintPlanScreen } from './PrintPlanScreen';
import { ReviewScreen } from './ReviewScreen';
import { StartPlanScreen } from './StartPlanScreen';
import './sspplus.css';

/** SSP+: the overview, starting a plan, the plan with its areas, reviews, end and follow-ups, and the printed plan. */
export function SspPlusArea({ route }: { route: RouteOf<'sspPlus'> }) {
  return <div className="sspplus">{screen(route)}</div>;
}

function screen(route: RouteOf<'sspPlus'>) {
  switch (route.screen) {
    case 'index':
      return <OverviewScreen />;
    case 'start':
      return <StartPlanScreen personId={route.personId} />;
    case 'plan':
      return <PlanScreen key={route.planId} planId={route.planId} />;
    case 'edit':
      return <PlanEditScreen key={route.planId} planId={route.planId} />;
    case 'area':
      return <AreaEditScreen key={`${route.planId}-${route.lifeArea}`} planId={route.planId} area={route.lifeArea} />;
    case 'review':
      return <ReviewScreen key={route.planId} planId={route.planId} />;
    case 'end':
      return <EndPlanScreen key={route.planId} planId={route.planId} />;
    case 'print':
      return <PrintPlanScreen key={route.planId} planId={route.planId} />;
  }
}
export * from './i18n';
export type { SspPlusScreen } from './routes';
