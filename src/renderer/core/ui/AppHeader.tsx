import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * dkfds header (`.header` > `.solution-info`): the solution name on the left and, when given,
 * the user and actions on the right.
 */
export function AppHeader({ user, actions }: { user?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="header app-header">
      <div className="solution-info">
        <div className="container solution-info-inner">
          <div className="solution-heading">
            <span className="app-name">{t('app.name')}</span>
          </div>
          {user || actions ? (
            <div className="app-header-user">
              {user ? <div className="app-header-owner">{user}</div> : null}
              {actions}
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
