import { useEffect, type ReactNode } from 'react';
import type { Loaded } from '../data/useLoad';
import { t } from '../i18n';
import { Alert } from './Alert';

export interface LoadingGateProps<T> {
  data: Loaded<T>;
  /** The error alert's heading, in the area's words ("Løsladelser kunne ikke hentes"). */
  failedHeading: string;
  children: (value: T) => ReactNode;
  /** The class of the "Indlæser" line. */
  loadingClassName?: string;
  /**
   * The shell focuses the page heading on navigation; while loading there is none and the main
   * region gets focus instead. With this set, focus moves to the heading once loaded, so it is announced.
   */
  focusHeading?: boolean;
}

/** "Indlæser", main's error, or the content once the data is there. */
export function LoadingGate<T>({ data, failedHeading, children, loadingClassName = 'loading', focusHeading = false }: LoadingGateProps<T>) {
  useEffect(() => {
    if (!focusHeading || data.state !== 'ready') return;
    const active = document.activeElement;
    if (active && active !== document.body && active.id !== 'main-content') return;
    document.querySelector<HTMLElement>('#main-content [data-page-heading]')?.focus();
  }, [data.state, focusHeading]);
  if (data.state === 'loading') {
    return (
      <p role="status" className={loadingClassName}>
        {t('app.loading')}
      </p>
    );
  }
  if (data.state === 'error') {
    return (
      <Alert variant="error" heading={failedHeading} live="alert">
        <p>{data.error.message}</p>
      </Alert>
    );
  }
  return <>{children(data.value)}</>;
}
