import { assessPassphrase } from '../../shared/vault';
import { t } from '../core/i18n';

/** The live strength hint under a new-passphrase field: a four-step bar and the word for it. */
export function PassphraseStrength({ value, userInputs = [] }: { value: string; userInputs?: readonly string[] }) {
  const strength = assessPassphrase(value, userInputs).strength;
  const label = t(`passphrase.strength.${strength}`);
  return (
    <span className={`passphrase-strength strength-${strength === 'stærk' ? 'strong' : strength === 'middel' ? 'fair' : strength === 'svag' ? 'weak' : 'short'}`}>
      <span className="strength-bar" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </span>
      <span className="strength-text">{t('passphrase.strength', { strength: label })}</span>
    </span>
  );
}
