import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n';
import { AppHeader } from '../ui/AppHeader';
import { Button } from '../ui/Button';
import { SideNav } from '../ui/SideNav';
import { SkipLink } from '../ui/SkipLink';
import { areaOrder, areas, headerNotices, screenModeSafe } from '../../modules';
import { ScreenModeProvider, useScreenMode } from './screenMode';
import { useRouter } from './router';
import { areaHome, type AreaId, type Route } from './routes';
import { useSession } from './session';

function AreaView({ route }: { route: Route }) {
  const screenMode = useScreenMode();
  // Fail closed: in screen mode, a screen its area has not made safe for it is not rendered.
  if (screenMode.on && !screenModeSafe(route)) {
    return (
      <div className="screen-mode-blocked" data-testid="screen-mode-blocked">
        <h1 data-page-heading tabIndex={-1}>
          {t(areas[route.area].label)}
        </h1>
        <p>{t('header.screenModeBlocked')}</p>
        <p>{t('header.screenModeBlockedHint')}</p>
        <Button variant="secondary" onClick={() => screenMode.setOn(false)}>
          {t('header.screenModeOff')}
        </Button>
      </div>
    );
  }
  // Each area's component is typed for its own routes; the lookup by route.area keeps them paired.
  const { Component } = areas[route.area] as { Component: (props: { route: Route }) => ReactNode };
  return <Component route={route} />;
}

/** The header's switch for screen mode, and the banner that says it is on. */
function ScreenModeSwitch() {
  const { on, setOn } = useScreenMode();
  return (
    <Button variant={on ? 'primary' : 'secondary'} icon="visibility" aria-pressed={on} onClick={() => setOn(!on)} title={t('header.screenModeHint')} data-testid="screen-mode-switch">
      {on ? t('header.screenModeOnShort') : t('header.screenMode')}
    </Button>
  );
}

function ScreenModeBanner() {
  const { on } = useScreenMode();
  return (
    <p className={on ? 'screen-mode-banner' : 'sr-only'} role="status" data-testid="screen-mode-banner">
      {on ? t('header.screenModeOn') : ''}
    </p>
  );
}

/** The unlocked app: header with owner, Skærmtilstand and Lås, side navigation, and the current area. */
export function MainLayout() {
  return (
    <ScreenModeProvider>
      <MainFrame />
    </ScreenModeProvider>
  );
}

function MainFrame() {
  const { owner, lock } = useSession();
  const screenMode = useScreenMode();
  const { route, navigate } = useRouter();
  const mainRef = useRef<HTMLElement>(null);

  // A new screen: set the window title and move focus to its heading, so it is announced.
  useEffect(() => {
    document.title = `${t(areas[route.area].label)} – ${t('app.titleSuffix')}`;
    const heading = mainRef.current?.querySelector<HTMLElement>('[data-page-heading]');
    (heading ?? mainRef.current)?.focus();
  }, [route, screenMode.on]);

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
            <ScreenModeSwitch />
            <Button variant="secondary" icon="lock" onClick={lock} title={t('header.lockHint')} data-testid="lock-button">
              {t('header.lock')}
            </Button>
          </>
        }
      />
      <ScreenModeBanner />
      <div className={`app-body${screenMode.on ? ' screen-mode' : ''}`}>
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
