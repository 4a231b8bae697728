import { createContext, useContext, type ReactNode } from 'react';
import type { Owner } from '../../shared/contract/vault';

/**
 * What the unlocked app knows about the open vault. Provided only inside the unlocked tree;
 * keep decrypted data in state or context under it (never in module variables), so that
 * locking, which unmounts the tree, drops it.
 */
export interface Session {
  owner: Owner;
  /** Lock the vault now and return to the unlock screen. */
  lock: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the unlocked app');
  return session;
}
