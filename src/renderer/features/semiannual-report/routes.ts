/** The screens of the Halvårsrapport area. Add members here (e.g. `{ screen: 'period'; period: string }`). */
export type SemiannualReportScreen = { screen: 'index' };
