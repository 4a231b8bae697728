import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api';
import { useSession } from './session';
import { useIdleLock } from './useIdleLock';

/** Used until the vault's own setting has been read (and if it cannot be read). */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

interface IdleLockControl {
  minutes: number;
  /** Tell the timer about a new setting (after settings.update), without waiting for the next unlock. */
  setMinutes: (minutes: number) => void;
}

const IdleLockContext = createContext<IdleLockControl | null>(null);

/**
 * Locks the vault (the session's lock(), which unmounts the unlocked tree) after the vault's
 * idleLockMinutes without input. Mounted once, inside SessionProvider.
 */
export function IdleLockProvider({ children }: { children: ReactNode }) {
  const { lock } = useSession();
  const [minutes, setMinutes] = useState(DEFAULT_IDLE_LOCK_MINUTES);
  useEffect(() => {
    let live = true;
    void api['settings.get']({}).then((r) => {
      if (live && r.ok) setMinutes(r.value.idleLockMinutes);
    });
    return () => {
      live = false;
    };
  }, []);
  useIdleLock(minutes, lock);
  const value = useMemo(() => ({ minutes, setMinutes }), [minutes]);
  return <IdleLockContext.Provider value={value}>{children}</IdleLockContext.Provider>;
}

export function useIdleLockControl(): IdleLockControl {
  const control = useContext(IdleLockContext);
  if (!control) throw new Error('useIdleLockControl outside IdleLockProvider');
  return control;
}
