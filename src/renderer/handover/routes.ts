/** The screens of the Overdragelse area: 'index' is this vault's fingerprint and the known colleagues. */
export type HandoverScreen = { screen: 'index' };

export type HandoverScreenId = HandoverScreen['screen'];
