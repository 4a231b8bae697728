import type { ReactNode } from 'react';
import { t, type PlainMessageKey } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { SubNavPage } from '../core/ui/SubNavPage';
import type { SettingsScreenId } from './routes';

const TABS: readonly { id: SettingsScreenId; label: PlainMessageKey }[] = [
  { id: 'index', label: 'settings.nav.general' },
  { id: 'backups', label: 'settings.nav.backups' },
  { id: 'retention', label: 'settings.nav.retention' },
  { id: 'audit', label: 'settings.nav.audit' },
  { id: 'registers', label: 'settings.nav.registers' },
];

/** The frame of every Indstillinger screen: h1, lead and the sub-navigation. */
export function SettingsPage({ current, title, lead, children }: { current: SettingsScreenId; title: string; lead?: ReactNode; children: ReactNode }) {
  const { navigate } = useRouter();
  return (
    <SubNavPage
      title={title}
      lead={lead}
      navLabel={t('settings.nav.label')}
      tabs={TABS.map((tab) => ({ id: tab.id, label: t(tab.label) }))}
      current={current}
      onSelect={(screen) => navigate({ area: 'settings', screen })}
    >
      {children}
    </SubNavPage>
  );
}
