import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

export interface SubNavTab<Id extends string> {
  id: Id;
  label: string;
}

/**
 * The frame of an area with several screens (Indstillinger, Overdragelse): its h1 and lead, then
 * the sub-navigation (dkfds tab list used for navigation: buttons with aria-current, as the app
 * has no URLs), then the screen. `className` marks the area's own navigation (e.g. for print).
 */
export function SubNavPage<Id extends string>(props: {
  title: string;
  lead?: ReactNode;
  navLabel: string;
  tabs: readonly SubNavTab<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
  className?: string;
  children: ReactNode;
}) {
  const { title, lead, navLabel, tabs, current, onSelect, className, children } = props;
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <nav aria-label={navLabel} className={`tab-container sub-nav${className ? ` ${className}` : ''}`}>
        <ul className="tab-list">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <button
                type="button"
                className="tab-button"
                aria-current={tab.id === current ? 'page' : undefined}
                onClick={() => {
                  if (tab.id !== current) onSelect(tab.id);
                }}
              >
                <span>{tab.label}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sub-nav-body">{children}</div>
    </>
  );
}
