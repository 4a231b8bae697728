import type { ReactNode } from 'react';
import { t, type PlainMessageKey } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { SubNavPage } from '../core/ui/SubNavPage';
import type { HandoverScreenId } from './routes';

const TABS: readonly { id: HandoverScreenId; label: PlainMessageKey }[] = [
  { id: 'index', label: 'handover.nav.index' },
  { id: 'send', label: 'handover.nav.send' },
  { id: 'receive', label: 'handover.nav.receive' },
  { id: 'receipt', label: 'handover.nav.receipt' },
];

/** The frame of every Overdragelse screen: h1, lead and the sub-navigation (as in Indstillinger). */
export function HandoverPage({ current, title, lead, children }: { current: HandoverScreenId; title: string; lead?: ReactNode; children: ReactNode }) {
  const { navigate } = useRouter();
  return (
    <SubNavPage
      title={title}
      lead={lead}
      navLabel={t('handover.nav.label')}
      tabs={TABS.map((tab) => ({ id: tab.id, label: t(tab.label) }))}
      current={current}
      onSelect={(screen) => navigate({ area: 'handover', screen })}
      className="handover-tabs"
    >
      {children}
    </SubNavPage>
  );
}
