import { createContext, useCallback, useContext, useMemo, useReducer, type ReactNode } from 'react';
import { defaultRoute, type Route } from './routes';

/**
 * A small state-based router for the unlocked app: the current route and a back stack, no URLs.
 * It lives inside the unlocked tree, so locking drops it with everything else.
 *
 *   const { route, navigate, replace, back, canGoBack } = useRouter();
 *   navigate({ area: 'cases', screen: 'index' });
 */
export interface Router {
  route: Route;
  navigate: (route: Route) => void;
  replace: (route: Route) => void;
  back: () => void;
  canGoBack: boolean;
}

type Action = { type: 'navigate'; route: Route } | { type: 'replace'; route: Route } | { type: 'back' };

const MAX_HISTORY = 50;

function reducer(stack: readonly Route[], action: Action): readonly Route[] {
  switch (action.type) {
    case 'navigate':
      return [...stack, action.route].slice(-MAX_HISTORY);
    case 'replace':
      return [...stack.slice(0, -1), action.route];
    case 'back':
      return stack.length > 1 ? stack.slice(0, -1) : stack;
  }
}

const RouterContext = createContext<Router | null>(null);

export function RouterProvider({ initial = defaultRoute, children }: { initial?: Route; children: ReactNode }) {
  const [stack, dispatch] = useReducer(reducer, [initial]);
  const navigate = useCallback((route: Route) => dispatch({ type: 'navigate', route }), []);
  const replace = useCallback((route: Route) => dispatch({ type: 'replace', route }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  const route = stack[stack.length - 1] ?? initial;
  const value = useMemo<Router>(() => ({ route, navigate, replace, back, canGoBack: stack.length > 1 }), [route, navigate, replace, back, stack.length]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}
