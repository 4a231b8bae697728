/**
 * The vault screens (create, recovery key, unlock) and the passphrase pieces other areas use
 * (settings changes the passphrase with the same fields and rules).
 */
export { CreateVaultScreen, type CreatedVault } from './CreateVaultScreen';
export { RecoveryKeyScreen } from './RecoveryKeyScreen';
export { UnlockScreen, type LockNotice } from './UnlockScreen';
export { NewPassphraseFields, type PassphraseFieldProps } from './NewPassphraseFields';
export { PassphraseStrength } from './PassphraseStrength';
export { confirmError, confirmMismatchIsObvious, newPassphraseError } from './validation';
export * from './i18n';
