/** The screens of the Løsladelser area. Add members here (e.g. `{ screen: 'release'; releaseId: number }`). */
export type ReleasesScreen = { screen: 'index' };
