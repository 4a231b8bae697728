import type { ReactNode } from 'react';
import { t } from '../core/i18n';
import { Alert } from '../core/ui/Alert';
import type { Loaded } from './useCall';

/** Shows "Indlæser", the error, or the content once the data is there. */
export function LoadingGate<T>({ data, children }: { data: Loaded<T>; children: (value: T) => ReactNode }) {
  if (data.state === 'loading') {
    return (
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    );
  }
  if (data.state === 'error') {
    return (
      <Alert variant="error" heading={t('meetings.loadFailed')} live="alert">
        <p>{data.error.message}</p>
      </Alert>
    );
  }
  return <>{children(data.value)}</>;
}
