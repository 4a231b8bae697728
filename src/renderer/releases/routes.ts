/**
 * The screens of the Løsladelser area: the overview, registering and editing custody, one custody
 * period with its timeline, the meeting editor, the printable meeting summary and the
 * institution list.
 */
export type CustodyNotice = 'created' | 'updated' | 'meetingSaved' | 'meetingDeleted';

export type ReleasesScreen =
  | { screen: 'index' }
  | { screen: 'newCustody'; personId?: number }
  | { screen: 'custody'; custodyId: number; notice?: CustodyNotice }
  | { screen: 'editCustody'; custodyId: number }
  | { screen: 'meeting'; custodyId: number; meetingId?: number }
  | { screen: 'summary'; meetingId: number }
  | { screen: 'institutions' };
