import { t } from '../i18n';

/** dkfds skip link to the main content (`a.skipnav`); moves focus without changing the URL. */
export function SkipLink({ target = 'main-content' }: { target?: string }) {
  return (
    <a
      className="skipnav"
      href={`#${target}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
