/** The screens of the Indstillinger area. */
export type SettingsScreen = { screen: 'index' };
