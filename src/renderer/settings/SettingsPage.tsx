import type { ReactNode } from 'react';
import { t, type PlainMessageKey } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { PageHeader } from '../core/ui/PageHeader';
import type { SettingsScreenId } from './routes';

const TABS: readonly { id: SettingsScreenId; label: PlainMessageKey }[] = [
  { id: 'index', label: 'settings.nav.general' },
  { id: 'backups', label: 'settings.nav.backups' },
  { id: 'retention', label: 'settings.nav.retention' },
  { id: 'audit', label: 'settings.nav.audit' },
  { id: 'registers', label: 'settings.nav.registers' },
];

/**
 * The frame of every Indstillinger screen: its h1 and lead, then the sub-navigation (dkfds tab
 * list used for navigation: buttons with aria-current, as the app has no URLs).
 */
export function SettingsPage({ current, title, lead, children }: { current: SettingsScreenId; title: string; lead?: ReactNode; children: ReactNode }) {
  const { navigate } = useRouter();
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <nav aria-label={t('settings.nav.label')} className="tab-container settings-tabs">
        <ul className="tab-list">
          {TABS.map((tab) => (
            <li key={tab.id}>
              <button
                type="button"
                className="tab-button"
                aria-current={tab.id === current ? 'page' : undefined}
                onClick={() => {
                  if (tab.id !== current) navigate({ area: 'settings', screen: tab.id });
                }}
              >
                <span>{t(tab.label)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-body">{children}</div>
    </>
  );
}

