import { useEffect, useRef } from 'react';

/** What counts as the user being there. Listened for on window, in the capture phase (so no handler can hide them). */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
/** Activity is noted at most this often (pointermove fires many times a second). */
export const ACTIVITY_THROTTLE_MS = 1000;

/**
 * Call `onIdle` once when the window has had no user input for `minutes`.
 *
 * One timer aimed at the deadline (last activity + idle time); input only notes the time. When the
 * timer fires early because of later input, it re-aims at the new deadline. Time is read from
 * Date.now() at every check, so a laptop that slept past the deadline locks on the first timer or
 * input after waking, and input after the deadline never keeps the vault open. Uses Date.now and
 * setTimeout only, so Playwright's clock (page.clock) drives it in tests.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    const idleMs = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let fired = false;

    const idleFor = () => Date.now() - last;
    const check = () => {
      if (fired) return;
      const remaining = idleMs - idleFor();
      if (remaining <= 0) {
        fired = true;
        stop();
        onIdleRef.current();
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(check, remaining);
    };
    const onActivity = () => {
      if (fired) return;
      const elapsed = idleFor();
      if (elapsed >= idleMs) {
        check(); // too late: the deadline passed while no timer could run (sleep, throttled tab)
        return;
      }
      if (elapsed >= ACTIVITY_THROTTLE_MS) last = Date.now();
    };
    // Timers in a hidden window may be delayed: check as soon as it is shown again.
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    const options: AddEventListenerOptions = { capture: true, passive: true };
    function stop() {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
      window.removeEventListener('focus', onActivity);
      document.removeEventListener('visibilitychange', onVisibility);
    }

    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    // The window itself getting focus (the user coming back to it). Focus moved between elements is
    // not counted on its own: the app moves focus by script too (after navigation, on a timer).
    window.addEventListener('focus', onActivity);
    document.addEventListener('visibilitychange', onVisibility);
    timer = setTimeout(check, idleMs);
    return stop;
  }, [minutes]);
}
