/**
 * The main process's own idle lock (issue 15), besides the renderer's: a hung renderer or a
 * renderer that never counts (a bug, a hostile script) must not keep the vault open. Every
 * `checkMs` the system's idle time (powerMonitor.getSystemIdleTime(): seconds without keyboard or
 * mouse input, for the whole computer) is compared with the idle-lock setting of the open vault.
 * A main process blocked for longer than the setting locks at its next check.
 */
export interface IdleLockDeps {
  /** Seconds since the last keyboard or mouse input (Electron's powerMonitor). */
  getSystemIdleTime(): number;
  /** The open vault's idle-lock limit in seconds, or null when no vault is open. */
  limitSeconds(): number | null;
  lock(): void;
  checkMs?: number;
}

export const IDLE_CHECK_MS = 15_000;

/** Starts the checks; returns the function that stops them. */
export function startIdleLock(deps: IdleLockDeps): () => void {
  const timer = setInterval(() => checkIdle(deps), deps.checkMs ?? IDLE_CHECK_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}

/** One check: true when it locked. */
export function checkIdle(deps: Pick<IdleLockDeps, 'getSystemIdleTime' | 'limitSeconds' | 'lock'>): boolean {
  const limit = deps.limitSeconds();
  if (limit === null) return false;
  let idle: number;
  try {
    idle = deps.getSystemIdleTime();
  } catch {
    return false;
  }
  if (!Number.isFinite(idle) || idle < limit) return false;
  deps.lock();
  return true;
}
