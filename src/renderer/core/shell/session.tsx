import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { OutputOf } from '../../../shared/contract';

/** The vault owner, as vault.status reports it. */
type Owner = NonNullable<OutputOf<'vault.status'>['owner']>;

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

/**
 * Values a screen wants back when the user returns to it within the same unlock (a list's
 * filter, say). Held in state of SessionProvider, so locking drops it with the rest of the tree.
 */
type SessionMemory = Map<string, unknown>;
const SessionMemoryContext = createContext<SessionMemory | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [memory] = useState<SessionMemory>(() => new Map());
  return (
    <SessionContext.Provider value={session}>
      <SessionMemoryContext.Provider value={memory}>{children}</SessionMemoryContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the unlocked app');
  return session;
}

/** The session's memory itself, for values written outside a render (e.g. a scroll offset on unmount). */
export function useSessionMemory(): Map<string, unknown> {
  const memory = useContext(SessionMemoryContext);
  if (!memory) throw new Error('useSessionMemory outside the unlocked app');
  return memory;
}

/**
 * Like useState, but the value outlives the component for the rest of the session (until the
 * vault is locked): `const [filter, setFilter] = useSessionState('cases.filter', defaults)`.
 * Keys are per feature; prefix them with the area.
 */
export function useSessionState<T>(key: string, initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const memory = useSessionMemory();
  const [value, setValue] = useState<T>(() =>
    memory.has(key) ? (memory.get(key) as T) : typeof initial === 'function' ? (initial as () => T)() : initial,
  );
  const update = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        memory.set(key, resolved);
        return resolved;
      });
    },
    [memory, key],
  );
  return [value, update];
}
