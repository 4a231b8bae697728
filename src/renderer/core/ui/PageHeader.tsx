import type { ReactNode } from 'react';

/**
 * The page's one h1 (and an optional lead paragraph). The heading takes focus by script after
 * navigation (tabIndex -1), so screen readers announce the new page.
 */
export function PageHeader({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 tabIndex={-1} data-page-heading="">
        {title}
      </h1>
      {lead ? <p className="font-lead">{lead}</p> : null}
      {children}
    </div>
  );
}
