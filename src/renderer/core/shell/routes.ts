import type { AreaScreens } from '../../modules';

/**
 * Every screen the unlocked app can show, as data. Each area owns its screen union in
 * src/renderer/<domain>/routes.ts; a route is `{ area, screen, ...params }`. The areas are joined
 * in src/renderer/modules.tsx (to add one: list it there, and nav.<id> in core's strings).
 */
export type { AreaScreens };

export type AreaId = keyof AreaScreens;
export type Route = { [A in AreaId]: { area: A } & AreaScreens[A] }[AreaId];
export type RouteOf<A extends AreaId> = Extract<Route, { area: A }>;

/** Every area has an 'index' screen: where the side navigation takes you. */
type EveryAreaHasIndex = { [A in AreaId]: { screen: 'index' } extends AreaScreens[A] ? true : false }[AreaId];
const _everyAreaHasIndex: EveryAreaHasIndex = true;
void _everyAreaHasIndex;

export function areaHome<A extends AreaId>(area: A): RouteOf<A> {
  return { area, screen: 'index' } as RouteOf<A>;
}

/** The first screen after unlocking: Overblik. */
export const defaultRoute: Route = areaHome('overview');
