import { defineHandlers } from '../core/handlers';
import { addCaseAction, actionsForCase, setActionStatus } from './actions';
import { getCaseload } from './caseload';
import { addToMeeting, caseLinks } from './links';
import { getOverview } from './overview';
import { getOverviewPrefs, saveOverviewPrefs } from './prefs';

/** Overblik and the programme's actions. */
export const overviewHandlers = defineHandlers({
  'overview.get': (input, s) => getOverview(s, input),
  'overview.caseload': (input, s) => getCaseload(s, input.scope),
  'overview.prefs': (_i, s) => getOverviewPrefs(s.db),
  'overview.savePrefs': (input, s) => saveOverviewPrefs(s, input),
  'overview.caseLinks': (input, s) => caseLinks(s, input),
  'overview.addToMeeting': (input, s) => addToMeeting(s, input),
  'actions.forCase': (input, s) => actionsForCase(s.sqlite, input.caseId),
  'actions.add': (input, s) => addCaseAction(s, input),
  'actions.setStatus': (input, s) => setActionStatus(s, input),
});
