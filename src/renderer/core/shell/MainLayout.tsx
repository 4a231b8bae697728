import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n';
import { AppHeader } from '../ui/AppHeader';
import { Button } from '../ui/Button';
import { SideNav } from '../ui/SideNav';
import { SkipLink } from '../ui/SkipLink';
import { areaOrder, areas, headerNotices } from '../../modules';
import { useRouter } from './router';
import { areaHome, type AreaId, type Route } from './routes';
import { useSession } from './session';

function AreaView({ route }: { route: Route }) {
  // Each area's component is typed for its own routes; the lookup by route.area keeps them paired.
  const { Component } = areas[route.area] as { Component: (props: { route: Route }) => ReactNode };
  return <Component route={route} />;
}

/** The unlocked app: header with owner and Lås, side navigation, and the current area. */
export function MainLayout() {
  const { owner, lock } = useSession();
  const { route, navigate } = useRouter();
  const mainRef = useRef<HTMLElement>(null);

  // A new screen: set the window title and move focus to its heading, so it is announced.
  useEffect(() => {
    document.title = `${t(areas[route.area].label)} – ${t('app.titleSuffix')}`;
    const heading = mainRef.current?.querySelector<HTMLElement>('[data-page-heading]');
    (heading ?? mainRef.current)?.focus();
  }, [route]);

  return (
    <>
      <SkipLink />
      <AppHeader
        user={
          <>
            <span className="sr-only">{t('header.ownerLabel')} </span>
            <strong className="owner-name">{owner.name}</strong>
            <span className="owner-detail">
              {owner.role} · {owner.area}
            </span>
          </>
        }
        actions={
          <>
            {headerNotices.map((Notice, i) => (
              <Notice key={i} />
            ))}
            <Button variant="secondary" icon="lock" onClick={lock} title={t('header.lockHint')} data-testid="lock-button">
              {t('header.lock')}
            </Button>
          </>
        }
      />
      <div className="app-body">
        <SideNav<AreaId>
          label={t('nav.label')}
          items={areaOrder.map((id) => ({ id, label: t(areas[id].label) }))}
          current={route.area}
          onSelect={(id) => navigate(areaHome(id))}
        />
        <main id="main-content" ref={mainRef} tabIndex={-1} className="app-main">
          <AreaView route={route} />
        </main>
      </div>
    </>
  );
}
