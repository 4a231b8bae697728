import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, Result } from '../../shared/contract';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: AppErrorShape } | { state: 'ready'; value: T };

/**
 * Load from the api on mount and when `deps` change. A reload keeps showing the previous value
 * until the new one arrives (no flash of "Indlæser"). Answers after unmount or a newer load are dropped.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]) {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The caller lists the loader's inputs, as with useCallback.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    void stableLoad().then((r) => {
      if (live) setData(r.ok ? { state: 'ready', value: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [stableLoad, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload };
}
