import type { LifeArea } from '../../shared/ssp-plus';

/** The screens of the SSP+ area. */
export type SspPlusScreen =
  | { screen: 'index' }
  | { screen: 'start'; personId?: number }
  | { screen: 'plan'; planId: number }
  | { screen: 'edit'; planId: number }
  | { screen: 'area'; planId: number; lifeArea: LifeArea }
  | { screen: 'review'; planId: number }
  | { screen: 'end'; planId: number }
  | { screen: 'print'; planId: number };
