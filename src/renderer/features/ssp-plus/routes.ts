/** The screens of the SSP+ area. Add members here (e.g. `{ screen: 'plan'; planId: number }`). */
export type SspPlusScreen = { screen: 'index' };
