import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, Result } from '../../../shared/contract';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: AppErrorShape } | { state: 'ready'; value: T };

/**
 * Load from the api on mount and when `deps` change; `reload` asks again, `set` takes the answer
 * of a write (operations answer with the fresh record), `busy` says a load is under way. While a
 * new load runs the last answer stays (no flash of "Indlæser"); answers arriving after unmount or
 * after a newer load are dropped. `skip` leaves the state as it is (e.g. no district selected).
 */
export function useLoad<T>(load: () => Promise<Result<T>>, deps: readonly unknown[], skip = false) {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  // The caller lists the loader's inputs, as with useCallback.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setBusy(true);
    void stableLoad().then((r) => {
      if (!live) return;
      setBusy(false);
      setData(r.ok ? { state: 'ready', value: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [stableLoad, generation, skip]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setData({ state: 'ready', value }), []);
  return { data, busy, reload, set };
}
