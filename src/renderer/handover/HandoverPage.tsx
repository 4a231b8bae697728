import type { ReactNode } from 'react';
import { t, type PlainMessageKey } from '../core/i18n';
import { useRouter } from '../core/shell/router';
import { PageHeader } from '../core/ui/PageHeader';
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
    <>
      <PageHeader title={title} lead={lead} />
      <nav aria-label={t('handover.nav.label')} className="tab-container settings-tabs handover-tabs">
        <ul className="tab-list">
          {TABS.map((tab) => (
            <li key={tab.id}>
              <button
                type="button"
                className="tab-button"
                aria-current={tab.id === current ? 'page' : undefined}
                onClick={() => {
                  if (tab.id !== current) navigate({ area: 'handover', screen: tab.id });
                }}
              >
                <span>{t(tab.label)}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-body handover-body">{children}</div>
    </>
  );
}
