import { api } from '../core/api';
import { LoadingGate } from '../core/ui/LoadingGate';
import { getLocale, setLocale, t, type Locale } from '../core/i18n';
import type { RouteOf } from '../core/shell/routes';
import { Select } from '../core/ui/Select';
import { AuditScreen } from './AuditScreen';
import { BackupsScreen } from './BackupsScreen';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { RegistersScreen } from './RegistersScreen';
import { RetentionScreen } from './RetentionScreen';
import { SettingsPage } from './SettingsPage';
import { useLoad } from '../core/data/useLoad';
import { NumberSettingsForm } from '../core/ui/NumberSettingsForm';
import './settings.css';

/**
 * Indstillinger: Generelt (times and limits, passphrase, language), Sikkerhedskopier, Sletning
 * (retention), Revisionsspor (audit trail) and Bydele og indsatser.
 */
export function SettingsArea({ route }: { route: RouteOf<'settings'> }) {
  switch (route.screen) {
    case 'index':
      return <GeneralScreen />;
    case 'backups':
      return <BackupsScreen />;
    case 'retention':
      return <RetentionScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'registers':
      return <RegistersScreen />;
  }
}

function GeneralScreen() {
  const { data } = useLoad(() => api['settings.get']({}), []);
  return (
    <SettingsPage current="index" title={t('areas.settings.title')} lead={t('settings.general.lead')}>
      <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t('settings.loadFailed')}>
        {(settings) => <GeneralSettingsForm initial={settings} />}
      </LoadingGate>
      <CaseAgeScope />
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
    </SettingsPage>
  );
}
/** SSP's age scope for new cases (a case outside it asks for a reason). */
function CaseAgeScope() {
  const { data } = useLoad(() => api['cases.settings.get']({}), []);
  return (
    <LoadingGate data={data} loadingClassName="settings-loading" failedHeading={t('settings.loadFailed')}>
      {(scope) => (
        <NumberSettingsForm
          id="settings-age-scope"
          heading={t('settings.ageScope.heading')}
          lead={t('settings.ageScope.lead')}
          initial={scope}
          fields={[
            { key: 'minAge', label: t('settings.ageScope.minAge'), min: 0, max: 30 },
            { key: 'maxAge', label: t('settings.ageScope.maxAge'), min: 10, max: 40 },
          ]}
          save={(v) => api['cases.settings.save'](v)}
        />
      )}
    </LoadingGate>
  );
}

export * from './i18n';
export type { SettingsScreen } from './routes';
export { BackupReminder } from './BackupReminder';
