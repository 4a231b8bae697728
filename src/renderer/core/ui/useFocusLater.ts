import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Move focus to an element once React has rendered it: `focusLater(alertRef)` right after the
 * state change that shows the element (also after an await, when React renders a task later).
 */
export function useFocusLater(): (ref: RefObject<HTMLElement | null>) => void {
  const [request, setRequest] = useState<{ ref: RefObject<HTMLElement | null> } | null>(null);
  useEffect(() => {
    request?.ref.current?.focus();
  }, [request]);
  return useCallback((ref) => setRequest({ ref }), []);
}
