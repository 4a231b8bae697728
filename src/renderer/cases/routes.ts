/**
 * The screens of the Sager area: the case list, a new case, one case, editing its person, and
 * importing from a spreadsheet. `notice` tells the detail screen what just happened, so it can say so.
 */
export type CaseNotice = 'created' | 'personSaved';

export type CasesScreen =
  | { screen: 'index' }
  | { screen: 'new' }
  | { screen: 'detail'; caseId: number; notice?: CaseNotice; focus?: 'exit' }
  | { screen: 'editPerson'; caseId: number }
  | { screen: 'import' };
