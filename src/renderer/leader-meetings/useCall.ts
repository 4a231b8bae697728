import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, Result } from '../../shared/contract';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: AppErrorShape } | { state: 'ready'; value: T };

/**
 * Load something from the api when the component mounts (and when `deps` change), with a
 * `reload`, and `set` to replace the value with the answer of a write. Answers arriving after
 * unmount or after a newer load are dropped.
 */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]) {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  // The caller lists what the loader depends on, as with useCallback.
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
  const set = useCallback((value: T) => setData({ state: 'ready', value }), []);
  return { data, reload, set };
}
