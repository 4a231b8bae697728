import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { initials } from '../../../shared/core/names';

/**
 * Skærmtilstand (screen mode): one switch for the whole unlocked app, for while the screen is
 * shared. Every screen that shows people reads it (useScreenMode) and then shows initials and
 * case number only, a masked CPR number and no contacts or school; a screen that has not been
 * made safe for it is not rendered at all (MainLayout asks the area, fail closed). It lives in
 * the unlocked tree, so it survives navigation and is dropped on locking; a reload in the same
 * window keeps it (sessionStorage), so an accidental reload does not expose anyone.
 */
export interface ScreenMode {
  on: boolean;
  setOn: (on: boolean) => void;
}

const STORAGE_KEY = 'ssp.screenMode';
const ScreenModeContext = createContext<ScreenMode>({ on: false, setOn: () => undefined });

function stored(): boolean {
  try {
    return sessionStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function ScreenModeProvider({ children }: { children: ReactNode }) {
  const [on, set] = useState(stored);
  const setOn = useCallback((value: boolean) => {
    set(value);
    try {
      if (value) sessionStorage.setItem(STORAGE_KEY, '1');
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // no storage: the switch still works for this window
    }
  }, []);
  const value = useMemo(() => ({ on, setOn }), [on, setOn]);
  return <ScreenModeContext.Provider value={value}>{children}</ScreenModeContext.Provider>;
}

export function useScreenMode(): ScreenMode {
  return useContext(ScreenModeContext);
}

/** A masked CPR number: nothing of the birth date or serial. */
export const MASKED_CPR = '••••••-••••';

/** A person as screen mode shows them: initials (and the case number when given), e.g. "ÅP · 2026-00001". */
export function screenModeName(firstName: string, lastName: string, caseNumber?: string): string {
  const i = initials(firstName, lastName) || '–';
  return caseNumber ? `${i} · ${caseNumber}` : i;
}
