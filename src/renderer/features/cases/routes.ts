/**
 * The screens of the Sager area. Add a screen by adding a member, e.g.
 * `| { screen: 'detail'; caseId: number }`, and rendering it in ./index.tsx.
 */
export type CasesScreen = { screen: 'index' };
