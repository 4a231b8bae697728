import { getLocale, setLocale, t, type Locale } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Select } from '../../ui/Select';
import type { RouteOf } from '../../shell/routes';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/** Indstillinger: change passphrase and language. */
export function SettingsArea({ route }: { route: RouteOf<'settings'> }) {
  switch (route.screen) {
    case 'index':
      return (
        <>
          <PageHeader title={t('areas.settings.title')} lead={t('areas.settings.lead')} />
          <ChangePassphraseForm />
          <section aria-labelledby="language-heading" className="settings-section">
            <h2 id="language-heading">{t('settings.language.heading')}</h2>
            <Select<Locale>
              id="settings-language"
              label={t('settings.language.label')}
              hint={t('settings.language.hint')}
              value={getLocale()}
              options={[
                { value: 'da', label: t('settings.language.da') },
                { value: 'en', label: t('settings.language.en') },
              ]}
              onChange={setLocale}
            />
          </section>
        </>
      );
  }
}
