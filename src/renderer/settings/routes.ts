/**
 * The screens of the Indstillinger area. 'index' is Generelt (idle lock, backup reminder,
 * retention and report threshold; passphrase; language); the others are its sub-screens.
 */
export type SettingsScreen =
  | { screen: 'index' }
  | { screen: 'backups' }
  | { screen: 'retention' }
  | { screen: 'audit' }
  | { screen: 'registers' };

export type SettingsScreenId = SettingsScreen['screen'];
