/** Overblik has one screen: what is due, overdue this week and next week. */
export type OverviewScreen = { screen: 'index' };
