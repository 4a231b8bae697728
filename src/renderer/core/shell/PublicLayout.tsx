import type { ReactNode } from 'react';
import { AppHeader } from '../ui/AppHeader';
import { SkipLink } from '../ui/SkipLink';

/** The frame for the screens shown while the vault is not open: no user, no navigation. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <AppHeader />
      <main id="main-content" tabIndex={-1} className="public-main">
        <div className="public-content">{children}</div>
      </main>
    </>
  );
}
