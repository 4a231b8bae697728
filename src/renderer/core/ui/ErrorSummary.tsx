import type { Ref } from 'react';
import { Alert } from './Alert';
import { t } from '../i18n';

export interface ErrorSummaryItem {
  /** The id of the field the message belongs to. */
  fieldId: string;
  message: string;
}

/**
 * dkfds error summary: an error alert listing each problem as a link to its field. Shown after
 * a failed submit and focused, so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({ items, heading, summaryRef }: { items: readonly ErrorSummaryItem[]; heading?: string; summaryRef?: Ref<HTMLDivElement> }) {
  if (items.length === 0) return null;
  return (
    <Alert variant="error" heading={heading ?? t('form.errorSummaryHeading')} ref={summaryRef} className="error-summary">
      <ul className="nobullet-list">
        {items.map((item) => (
          <li key={item.fieldId}>
            <a
              href={`#${item.fieldId}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(item.fieldId)?.focus();
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
